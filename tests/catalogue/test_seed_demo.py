from io import StringIO

import pytest
from django.core.management import call_command

from catalogue.models import Faculty, Module, ModuleRun, Partner, Session, Teaching, Theme
from catalogue.queries import CatalogueFilters, catalogue

pytestmark = pytest.mark.django_db


def seed(*args) -> str:
    out = StringIO()
    call_command("seed_demo", "--password", "a-long-demo-password", *args, stdout=out)
    return out.getvalue()


def test_demo_catalogue_is_a_realistic_academy():
    output = seed()

    assert Faculty.objects.count() >= 5
    assert Theme.objects.count() == 12
    assert Partner.objects.filter(kind="research_university").exists()
    assert Partner.objects.filter(kind="applied_sciences").exists()
    published = Module.objects.published()
    assert published.count() >= 40
    assert set(published.values_list("format", flat=True)) == {"online", "campus", "blended"}
    assert set(published.values_list("language", flat=True)) == {"nl", "en"}
    assert len(set(published.values_list("level", flat=True))) >= 3
    assert all(module.runs.exists() for module in published)
    assert Session.objects.count() >= 3 * ModuleRun.objects.count()
    assert Teaching.objects.count() >= ModuleRun.objects.count()
    portfolio = Faculty.objects.get(portfolio_holders__email="portfolio@example.org")
    assert portfolio.modules.exists()
    assert f"portfolio holder of {portfolio.name}" in output


def test_demo_catalogue_is_searchable():
    seed()

    result = catalogue(CatalogueFilters(q="data"))

    assert result.modules.count() >= 2


def test_seeding_twice_changes_nothing():
    seed()
    counts = [model.objects.count() for model in (Module, ModuleRun, Session, Teaching, Theme)]

    seed()

    assert [
        model.objects.count() for model in (Module, ModuleRun, Session, Teaching, Theme)
    ] == counts


def test_seed_demo_can_add_many_generated_modules_for_benchmarks():
    seed("--modules", "120")
    before = Module.objects.count()

    output = seed("--modules", "30")

    assert Module.objects.count() == before + 30
    assert "Added 30 generated modules" in output
    generated = Module.objects.filter(slug__startswith="generated-")
    assert generated.count() == 150
    assert all(m.runs.count() == 1 for m in generated[:10])
    assert catalogue(CatalogueFilters(q="generated")).modules.count() == 0  # titles are real
