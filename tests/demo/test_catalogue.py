"""The demo's catalogue: realistic and searchable."""

import pytest

from catalogue.models import Faculty, Module, ModuleRun, Partner, Session, Teaching, Theme
from catalogue.queries import CatalogueFilters, catalogue

pytestmark = [pytest.mark.django_db, pytest.mark.read_only_demo,
              pytest.mark.usefixtures("demo_academy")]  # fmt: skip


def test_demo_catalogue_is_a_realistic_academy(demo_academy):
    output = demo_academy

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

    result = catalogue(CatalogueFilters(q="data"))

    assert result.modules.count() >= 2


def test_demo_searches_find_what_a_professional_means():
    def count(q):
        return catalogue(CatalogueFilters(q=q)).modules.count()

    ai_titles = [module.title for module in catalogue(CatalogueFilters(q="AI")).modules]
    assert 0 < len(ai_titles) < 15  # whole words: not every "Circulair" and "aim"
    assert not any("circulair" in title.lower() for title in ai_titles)
    assert count("leiderschap") >= count("leadership") >= 5  # the themes' synonyms
    assert count("duurzaamheid") >= count("sustainability") > 0
    assert catalogue(CatalogueFilters(q="pyhton")).did_you_mean == "python"
    assert catalogue(CatalogueFilters(q="datascience")).did_you_mean == "data science"
