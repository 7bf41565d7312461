from io import StringIO

import pytest
from django.core.management import call_command

from catalogue.models import Module, ModuleRun, Session, Teaching, Theme
from catalogue.queries import CatalogueFilters, catalogue

pytestmark = pytest.mark.django_db


def seed(*args) -> str:
    out = StringIO()
    call_command("seed_demo", "--password", "a-long-demo-password", *args, stdout=out)
    return out.getvalue()


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
