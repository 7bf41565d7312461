"""Search that finds what a professional means: words, synonyms, stems, corrections, order."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.db import connection
from django.utils import timezone

from academy.models import AuditEntry
from catalogue import services
from catalogue.models import Module, ModuleRun, ModuleSearch, Synonym
from catalogue.queries import CatalogueFilters, catalogue, suggest
from tests.academy.factories import UserFactory
from tests.catalogue.factories import ModuleFactory, ModuleRunFactory, ThemeFactory

pytestmark = pytest.mark.django_db
postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="stemming and trigrams are PostgreSQL's"
)


@pytest.fixture(autouse=True)
def no_synonyms_but_the_tests_own():
    """The migration seeds a curated list; each test here says which synonyms it has."""
    assert Synonym.objects.filter(words__contains="leiderschap, leadership").exists()
    Synonym.objects.all().delete()


def found(q="", **filters) -> list[str]:
    return [module.title for module in catalogue(CatalogueFilters(q=q, **filters)).modules]


def test_words_match_whole_or_by_their_start_never_inside_another_word():
    ModuleFactory(title="Circulair bouwen", summary="Materialen hergebruiken.")
    ModuleFactory(title="AI in the public sector", summary="Algorithms for policy.")
    ModuleFactory(title="Change management", summary="Leading people through change.")

    assert found("ai") == ["AI in the public sector"]
    assert found("manag") == ["Change management"]
    assert found("circ") == ["Circulair bouwen"]
    assert found("ulair") == []  # the middle of a word is not a word


def test_accents_and_case_do_not_matter():
    ModuleFactory(title="Café-economie en één markt")

    assert found("cafe EEN") == ["Café-economie en één markt"]
    assert found("Één") == ["Café-economie en één markt"]


def test_a_synonym_finds_modules_in_the_other_language():
    ModuleFactory(title="Leadership in hybrid teams")
    ModuleFactory(title="Contract law")
    Synonym.objects.create(words="leiderschap, leadership, leidinggeven")

    assert found("leiderschap") == ["Leadership in hybrid teams"]
    assert found("leidinggeven") == ["Leadership in hybrid teams"]


def test_a_synonym_of_two_words_finds_them_side_by_side():
    ModuleFactory(title="Data science for policy")
    ModuleFactory(title="Science of data")  # both words, not together
    Synonym.objects.create(words="datascience, data science")

    assert found("datascience") == ["Data science for policy"]


def test_the_office_keeps_synonyms_in_the_admin_and_searches_follow_at_once(
    client, django_capture_on_commit_callbacks
):
    ModuleFactory(title="Sustainability reporting")
    office = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(office)
    client.get("/modules/", {"q": "duurzaamheid"})  # cached without the synonym

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/admin/catalogue/synonym/add/",
            {"words": "Duurzaamheid, sustainability, duurzaamheid"},
        )

    assert response.status_code == 302
    synonym = Synonym.objects.get()
    assert synonym.words == "duurzaamheid, sustainability"  # lower case, once each
    entry = AuditEntry.objects.get(action="synonym.saved")
    assert entry.actor == office and entry.details == {"words": synonym.words}
    assert b"Sustainability reporting" in client.get("/modules/", {"q": "duurzaamheid"}).content


def test_a_synonym_needs_two_words_said_at_the_field(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))

    response = client.post("/admin/catalogue/synonym/add/", {"words": "leadership"})

    assert response.status_code == 200
    assert "Give at least two words" in str(response.context["adminform"].form.errors["words"])
    assert not Synonym.objects.exists()


def test_demo_themes_become_synonyms_joining_existing_groups():
    Synonym.objects.create(words="leiderschap, leadership")
    themes = [
        ThemeFactory(name="Leadership & management", name_nl="Leiderschap & management"),
        ThemeFactory(name="Sustainability & energy", name_nl="Duurzaamheid & energie"),
    ]

    services.add_synonyms_from_themes(themes)

    assert sorted(Synonym.objects.values_list("words", flat=True)) == [
        "energy, energie",
        "leiderschap, leadership",
        "sustainability, duurzaamheid",
    ]


def test_a_misspelt_search_suggests_the_catalogues_own_words():
    ModuleFactory(title="Python for researchers")
    ModuleFactory(title="Data science in practice")

    assert catalogue(CatalogueFilters(q="pyhton")).did_you_mean == "python"
    assert catalogue(CatalogueFilters(q="datascience")).did_you_mean == "data science"
    assert catalogue(CatalogueFilters(q="pyhton researchers")).did_you_mean == (
        "python researchers"
    )
    assert catalogue(CatalogueFilters(q="python")).did_you_mean is None  # found: nothing to say
    assert catalogue(CatalogueFilters(q="qwxz")).did_you_mean is None  # nothing close


@postgres_only
def test_english_and_dutch_words_match_by_their_stem():
    ModuleFactory(title="Managing change", summary="For team leads.")
    ModuleFactory(title="Duurzame gebiedsontwikkeling", language="nl")

    assert found("management") == ["Managing change"]
    assert found("duurzaam") == ["Duurzame gebiedsontwikkeling"]
    assert found("gebiedsontwikkelingen") == ["Duurzame gebiedsontwikkeling"]


def test_sort_by_start_price_or_ects_and_relevance_only_with_words():
    today = timezone.localdate()
    cheap = ModuleRunFactory(
        start_date=today + timedelta(days=60),
        module__title="Data cheap",
        module__price=Decimal("300"),
        module__ects=Decimal("5"),
    ).module
    ModuleRunFactory(
        start_date=today + timedelta(days=10),
        module=ModuleFactory(title="Data soon", price=Decimal("900"), ects=Decimal("2")),
    )

    assert found(sort="start") == ["Data soon", "Data cheap"]
    assert found(sort="price") == ["Data cheap", "Data soon"]
    assert found(sort="ects") == ["Data soon", "Data cheap"]
    result = catalogue(CatalogueFilters(sort="relevance"))
    assert result.sort == "start" and "relevance" not in dict(result.sort_options)
    assert catalogue(CatalogueFilters(q="data")).sort == "relevance"
    assert cheap.title in found("cheap", sort="price")


def test_price_and_date_range_filter_and_the_facets_count_within_them():
    today = timezone.localdate()
    ModuleRunFactory(
        start_date=today + timedelta(days=20),
        module=ModuleFactory(title="Affordable", price=Decimal("400"), format="online"),
    )
    ModuleRunFactory(
        start_date=today + timedelta(days=90),
        module=ModuleFactory(title="Dear", price=Decimal("2400"), format="online"),
    )

    assert found(price_max=500) == ["Affordable"]
    assert found(date_from=today + timedelta(days=30)) == ["Dear"]
    assert found(date_until=today + timedelta(days=30)) == ["Affordable"]
    result = catalogue(CatalogueFilters(price_max=500))
    assert {option.value: option.count for option in result.facets["format"]} == {"online": 1}
    assert CatalogueFilters(price_max=500, format=["online"]).active_count == 2


def test_the_index_follows_runs_unpublishing_and_renamed_themes():
    today = timezone.localdate()
    theme = ThemeFactory(name="Health", slug="health")
    module = ModuleFactory(title="Care pathways", themes=[theme])
    assert ModuleSearch.objects.get(pk=module.pk).next_start is None

    run = ModuleRunFactory(module=module, start_date=today + timedelta(days=12))
    assert ModuleSearch.objects.get(pk=module.pk).next_start == run.start_date

    run.status = ModuleRun.Status.CANCELLED
    run.save()
    assert ModuleSearch.objects.get(pk=module.pk).next_start is None

    theme.name = "Wellbeing at work"
    theme.save()
    assert found("wellbeing") == ["Care pathways"]

    module.status = Module.Status.ARCHIVED
    module.save()
    assert found("care") == [] and not ModuleSearch.objects.filter(pk=module.pk).exists()


def test_passed_start_dates_move_on_to_the_next_run():
    today = timezone.localdate()
    module = ModuleFactory(title="Negotiation")
    ModuleRunFactory(module=module, start_date=today + timedelta(days=1))
    later = ModuleRunFactory(module=module, start_date=today + timedelta(days=40))

    assert services.move_on_passed_start_dates(today=today) == 0

    assert services.move_on_passed_start_dates(today=today + timedelta(days=2)) == 1
    assert ModuleSearch.objects.get(pk=module.pk).next_start == later.start_date
    assert services.move_on_passed_start_dates(today=today + timedelta(days=2)) == 0


def test_suggestions_offer_matching_titles_then_themes():
    theme = ThemeFactory(name="Data & AI", name_nl="Data & AI", slug="data-ai")
    module = ModuleFactory(title="Data ethics", themes=[theme])
    ModuleFactory(title="Contract law")

    suggestions = suggest("dat")

    assert [(s.kind, s.label) for s in suggestions] == [
        ("module", "Data ethics"),
        ("theme", "Data & AI"),
    ]
    assert suggestions[0].url == module.get_absolute_url()
    assert suggestions[1].url == "/modules/?theme=data-ai"
    assert suggest("d") == [] and suggest("law")[0].label == "Contract law"


def test_a_ticked_value_nothing_matches_keeps_its_name():
    theme = ThemeFactory(name="Data & AI", name_nl="Data en AI", slug="data-ai")
    ModuleFactory(title="Data ethics", themes=[theme], price=Decimal("900"), format="online")

    result = catalogue(CatalogueFilters(theme=["data-ai"], format=["online"], price_max=100))

    assert [(o.label, o.count, o.selected) for o in result.facets["theme"]] == [
        ("Data & AI", 0, True)
    ]
    assert [(o.label, o.count) for o in result.facets["format"]] == [("Online", 0)]


@pytest.mark.parametrize("module_count", [3, 25])
def test_a_search_with_every_filter_costs_the_same_queries_at_any_size(
    client, django_assert_max_num_queries, module_count
):
    today = timezone.localdate()
    themes = [ThemeFactory() for _ in range(3)]
    for number in range(module_count):
        ModuleRunFactory(
            start_date=today + timedelta(days=5 + number),
            module=ModuleFactory(title=f"Data module {number}", themes=themes[: number % 3 + 1]),
        )
    query = {
        "q": "data modul", "theme": [themes[0].slug, themes[1].slug], "format": "blended",
        "price_max": "5000", "from": today.isoformat(), "sort": "price", "page": "1",
    }  # fmt: skip

    # the first request after a change also reads the facet index (its rows with the
    # cards' fields, their words, faculties, themes, synonyms): once per change and process
    with django_assert_max_num_queries(7):
        client.get("/modules/", query)
    cache.clear()  # the rendered page is cached too
    # the index's version and the words; the facets and the page's cards are the index's
    with django_assert_max_num_queries(2):
        response = client.get("/modules/", query)

    assert len(response.context["page"].object_list) == min(module_count, 20)


def test_cards_show_and_filter_the_next_runs_price_with_vat(client):
    module = ModuleFactory(title="Taxed masterclass", price=Decimal("1000"), vat_rate=21)
    ModuleRunFactory(
        module=module,
        start_date=timezone.localdate() + timedelta(days=9),
        price_override=Decimal("800"),
    )

    response = client.get("/modules/", {"price_max": "1000"})

    assert "€968 incl. VAT" in response.content.decode()  # 800 + 21%
    assert found(price_max=900) == [] and found(price_max=968) == ["Taxed masterclass"]
