"""The public catalogue: search, facets, filters, ordering and paging."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.utils import timezone

from catalogue.models import Format, Module
from catalogue.queries import CatalogueFilters, catalogue
from tests.catalogue.factories import (
    FacultyFactory,
    ModuleFactory,
    ModuleRunFactory,
    PartnerFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db


def titles(result) -> list[str]:
    return [module.title for module in result.modules]


def counts(result, facet) -> dict[str, int]:
    return {option.value: option.count for option in result.facets[facet]}


def test_search_ranks_a_title_match_above_a_description_match():
    ModuleFactory(title="Leadership in hybrid teams", description="Teams and people.")
    ModuleFactory(title="Public finance", description="Budgets. Also some data work.")
    ModuleFactory(title="Data-driven healthcare", description="Care processes.")

    result = catalogue(CatalogueFilters(q="data"))

    assert titles(result) == ["Data-driven healthcare", "Public finance"]


def test_search_matches_word_prefixes_in_outcomes_and_themes():
    theme = ThemeFactory(name="Duurzaamheid", slug="duurzaamheid")
    ModuleFactory(title="Circulair bouwen", themes=[theme])
    ModuleFactory(title="Leiderschap", learning_outcomes=["Je ontwikkelt leiderschapsstijl"])
    ModuleFactory(title="Contract law")

    assert titles(catalogue(CatalogueFilters(q="duurzaam"))) == ["Circulair bouwen"]
    assert titles(catalogue(CatalogueFilters(q="leiderschapsst"))) == ["Leiderschap"]


def test_every_search_word_must_match():
    ModuleFactory(title="Data for policy makers")
    ModuleFactory(title="Data in healthcare")

    assert titles(catalogue(CatalogueFilters(q="data healthcare"))) == ["Data in healthcare"]


def test_search_ignores_punctuation_that_would_break_a_query():
    ModuleFactory(title="Cybersecurity risk management")

    assert titles(catalogue(CatalogueFilters(q="cyber & | ! ( :* '"))) == [
        "Cybersecurity risk management"
    ]
    assert titles(catalogue(CatalogueFilters(q="'); drop table"))) == []


def test_only_published_modules_are_found():
    ModuleFactory(title="Data published")
    ModuleFactory(title="Data draft", status=Module.Status.DRAFT)
    ModuleFactory(title="Data archived", status=Module.Status.ARCHIVED)

    assert titles(catalogue(CatalogueFilters(q="data"))) == ["Data published"]
    assert titles(catalogue(CatalogueFilters())) == ["Data published"]


def test_default_order_is_next_start_then_modules_without_a_date():
    today = timezone.localdate()
    later = ModuleRunFactory(start_date=today + timedelta(days=90), module__title="B later").module
    sooner = ModuleRunFactory(
        start_date=today + timedelta(days=10), module__title="C sooner"
    ).module
    ModuleRunFactory(
        module=later, start_date=today - timedelta(days=100), end_date=today - timedelta(days=60)
    )
    ModuleFactory(title="A no date")

    result = catalogue(CatalogueFilters())

    assert titles(result) == ["C sooner", "B later", "A no date"]
    assert [m.next_start for m in result.modules][:2] == [
        sooner.runs.get().start_date,
        today + timedelta(days=90),
    ]


def test_filters_combine_or_within_a_facet_and_across_facets():
    science, law = FacultyFactory(slug="science"), FacultyFactory(slug="law")
    ModuleFactory(title="Science online", faculty=science, format=Format.ONLINE)
    ModuleFactory(title="Science campus", faculty=science, format=Format.CAMPUS)
    ModuleFactory(title="Law online", faculty=law, format=Format.ONLINE)
    ModuleFactory(title="Other online", format=Format.ONLINE)

    both = catalogue(CatalogueFilters(faculty=["science", "law"], format=["online"]))

    assert titles(both) == ["Law online", "Science online"]


def test_facet_counts_follow_the_search_and_the_other_filters():
    science, law = FacultyFactory(slug="science"), FacultyFactory(slug="law")
    ModuleFactory(title="Data science", faculty=science, format=Format.ONLINE, level=7)
    ModuleFactory(title="Data law", faculty=law, format=Format.CAMPUS, level=7)
    ModuleFactory(title="Data ethics", faculty=law, format=Format.ONLINE, level=6)
    ModuleFactory(title="Contract law", faculty=law, format=Format.ONLINE, level=6)

    result = catalogue(CatalogueFilters(q="data", faculty=["law"]))

    assert titles(result) == ["Data ethics", "Data law"]
    # A facet counts as if its own selection were not made, so alternatives stay visible.
    assert counts(result, "faculty") == {"law": 2, "science": 1}
    assert counts(result, "format") == {"campus": 1, "online": 1}
    assert counts(result, "level") == {"6": 1, "7": 1}
    assert {o.value: o.selected for o in result.facets["faculty"]} == {
        "law": True,
        "science": False,
    }


def test_theme_and_partner_facets_count_each_module_once():
    data, health = (
        ThemeFactory(name="Data", slug="data"),
        ThemeFactory(name="Health", slug="health"),
    )
    partner = PartnerFactory(name="Hogeschool Utrecht")
    ModuleFactory(themes=[data, health], partners=[partner])
    ModuleFactory(themes=[data])

    result = catalogue(CatalogueFilters(theme=["health"]))

    assert counts(result, "theme") == {"data": 2, "health": 1}
    assert counts(result, "partner") == {"Hogeschool Utrecht": 1}
    assert len(titles(result)) == 1


def test_start_month_filter_and_facet():
    today = timezone.localdate()
    month = date(today.year + 1, 3, 1)
    ModuleRunFactory(module__title="March", start_date=month + timedelta(days=4))
    ModuleRunFactory(module__title="April", start_date=date(today.year + 1, 4, 2))

    result = catalogue(CatalogueFilters(starts=[f"{month:%Y-%m}"]))

    assert titles(result) == ["March"]
    assert counts(result, "starts") == {f"{month:%Y-%m}": 1, f"{today.year + 1}-04": 1}


def test_catalogue_page_renders_results_and_facets(client):
    ModuleRunFactory(module__title="Responsible AI for policy makers", module__faculty__name="Law")

    response = client.get("/modules/", {"q": "responsible"})

    html = response.content.decode()
    assert response.status_code == 200
    assert "Responsible AI for policy makers" in html
    assert "1 module found" in html
    assert 'name="faculty"' in html and "Law" in html


def test_url_holds_the_whole_state_and_bad_values_are_ignored(client):
    ModuleFactory(title="Online module", format=Format.ONLINE, language="nl")
    ModuleFactory(title="Campus module", format=Format.CAMPUS, language="nl")

    response = client.get(
        "/modules/",
        {"format": ["online", "teleport"], "language": "nl", "level": "99", "starts": "2027-13",
         "page": "abc"},
    )  # fmt: skip

    assert response.status_code == 200
    assert [m.title for m in response.context["page"]] == ["Online module"]
    assert response.context["filters"].format == ["online"]


def test_htmx_request_gets_only_the_catalogue_part(client):
    ModuleFactory(title="Data literacy")

    response = client.get("/modules/", {"q": "data"}, headers={"HX-Request": "true"})

    html = response.content.decode()
    assert "Data literacy" in html
    assert "<html" not in html and 'id="catalogue-form"' in html


def test_empty_result_offers_to_clear_filters_or_submit_a_learning_need(client):
    ModuleFactory(title="Data literacy")

    html = client.get("/modules/", {"q": "underwater basket weaving"}).content.decode()

    assert "No modules match your search" in html
    assert 'href="/learning-needs/new/?topic=underwater%20basket%20weaving"' in html
    assert "Clear all filters" in html


def test_catalogue_is_paged(client):
    for number in range(25):
        ModuleFactory(title=f"Module {number:02d}")

    first = client.get("/modules/")
    second = client.get("/modules/", {"page": 2})

    assert len(first.context["page"].object_list) == 20
    assert len(second.context["page"].object_list) == 5
    assert 'rel="next"' in first.content.decode()


@pytest.mark.parametrize("module_count", [3, 30])
def test_catalogue_query_count_does_not_grow_with_the_rows(
    client, django_assert_max_num_queries, module_count
):
    themes = [ThemeFactory() for _ in range(3)]
    partner = PartnerFactory()
    for number in range(module_count):
        run = ModuleRunFactory(module__themes=themes[: number % 3 + 1], module__partners=[partner])
        ModuleRunFactory(module=run.module)

    # count, page, themes prefetch, and one per facet (7)
    with django_assert_max_num_queries(10):
        response = client.get("/modules/", {"q": "module", "format": "blended", "level": "6"})

    assert response.status_code == 200
    assert len(response.context["page"].object_list) == min(module_count, 20)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL full-text search")
def test_postgres_search_uses_weighted_ranking():
    ModuleFactory(title="Energy transition", summary="For municipalities.")
    ModuleFactory(title="Public finance", summary="Energy costs in budgets.")
    ModuleFactory(title="Spatial planning", description="Mentions energy once.")

    result = catalogue(CatalogueFilters(q="energy"))

    assert titles(result) == ["Energy transition", "Public finance", "Spatial planning"]
    ranks = [module.rank for module in result.modules]
    assert ranks == sorted(ranks, reverse=True) and ranks[0] > ranks[-1]


def test_repeated_catalogue_request_is_served_from_the_cache(client, django_assert_num_queries):
    ModuleFactory(title="Data literacy")
    client.get("/modules/", {"q": "data"})

    with django_assert_num_queries(0):
        response = client.get("/modules/", {"q": "data"})

    assert "Data literacy" in response.content.decode()


def test_any_change_to_the_offer_shows_at_once(client, django_capture_on_commit_callbacks):
    module = ModuleFactory(title="Data literacy")
    assert "1 module found" in client.get("/modules/").content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        ModuleFactory(title="Data ethics")
    assert "2 modules found" in client.get("/modules/").content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        module.status = Module.Status.ARCHIVED
        module.save()
    html = client.get("/modules/").content.decode()
    assert "1 module found" in html and "Data literacy" not in html

    with django_capture_on_commit_callbacks(execute=True):
        ModuleRunFactory(
            module=Module.objects.get(title="Data ethics"), start_date=date(2031, 5, 1)
        )
    assert "1 May 2031" in client.get("/modules/").content.decode()


def test_a_selected_filter_stays_visible_when_nothing_matches_it(client):
    ModuleFactory(format=Format.ONLINE)

    result = catalogue(CatalogueFilters(q="nothing-like-this", format=["campus"]))

    assert [(o.value, o.count, o.selected) for o in result.facets["format"]] == [
        ("campus", 0, True)
    ]


def test_a_bad_page_number_keeps_the_search(client):
    ModuleFactory(title="Data literacy")
    ModuleFactory(title="Contract law")

    response = client.get("/modules/", {"q": "data", "page": "0"})

    assert [m.title for m in response.context["page"]] == ["Data literacy"]
