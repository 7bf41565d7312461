"""The catalogue page's controls: removable filter chips, the sort select, the price and date
fields, "Did you mean", the phone's Filters count and the search box's suggestions."""

import dataclasses
import html
import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.formats import date_format

from catalogue import queries
from catalogue.models import Format
from tests.catalogue.factories import (
    FacultyFactory,
    ModuleFactory,
    ModuleRunFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db

CHIP = re.compile(r'<a class="filter-chip" href="(?P<href>[^"]*)"[^>]*>(?P<text>.*?)</a>', re.S)


def chips(response) -> dict[str, str]:
    """Each chip's accessible name (as a screen reader reads it) and the URL it leads to."""
    found = {}
    for match in CHIP.finditer(response.content.decode()):
        text = html.unescape(re.sub(r"<[^>]+>", "", match["text"]))
        name = re.sub(r"\s+", " ", text.replace("\u00d7", "")).strip()  # aria-hidden
        found[name] = html.unescape(match["href"])
    return found


@pytest.fixture
def offer():
    theme = ThemeFactory(name="Data & AI", name_nl="Data en AI", slug="data-ai")
    law = FacultyFactory(name="Faculty of Law", slug="law")
    start = timezone.localdate() + timedelta(days=30)
    module = ModuleFactory(
        title="Data protection law", faculty=law, themes=[theme], format=Format.ONLINE
    )
    ModuleRunFactory(module=module, start_date=start, end_date=start + timedelta(weeks=6))
    campus = ModuleFactory(title="Data science", themes=[theme], format=Format.CAMPUS)
    ModuleRunFactory(module=campus, start_date=start, end_date=start + timedelta(weeks=6))
    return module


def test_every_active_filter_is_a_chip_linking_to_the_page_without_it(client, offer):
    first, last = timezone.localdate(), timezone.localdate() + timedelta(days=60)
    response = client.get(
        "/modules/",
        {"q": "data", "theme": "data-ai", "format": ["online", "campus"], "price_max": "1500",
         "from": first.isoformat(), "until": last.isoformat(), "sort": "price"},
    )  # fmt: skip

    facets = "theme=data-ai&format=online&format=campus"
    dates = f"from={first.isoformat()}&until={last.isoformat()}"
    rest = f"price_max=1500&{dates}&sort=price"
    assert chips(response) == {
        "Remove filter: Search: “data”": f"/modules/?{facets}&{rest}",
        "Remove filter: Theme: Data & AI": f"/modules/?q=data&format=online&format=campus&{rest}",
        "Remove filter: Format: Online": f"/modules/?q=data&theme=data-ai&format=campus&{rest}",
        "Remove filter: Format: On campus": f"/modules/?q=data&theme=data-ai&format=online&{rest}",
        "Remove filter: Price: up to €1,500": f"/modules/?q=data&{facets}&{dates}&sort=price",
        f"Remove filter: Starting from: {date_format(first)}": (
            f"/modules/?q=data&{facets}&price_max=1500&until={last.isoformat()}&sort=price"
        ),
        f"Remove filter: Starting by: {date_format(last)}": (
            f"/modules/?q=data&{facets}&price_max=1500&from={first.isoformat()}&sort=price"
        ),
    }


def test_a_chip_is_boosted_by_htmx_and_clear_all_keeps_the_chosen_order(client, offer):
    html_text = client.get("/modules/", {"theme": "data-ai", "sort": "ects"}).content.decode()

    assert 'hx-get="/modules/?sort=ects" hx-target="#catalogue"' in html_text
    assert re.search(r'<a href="/modules/\?sort=ects"[^>]*>Clear all filters</a>', html_text)


def test_removing_the_search_words_drops_the_relevance_order_with_them(client, offer):
    response = client.get("/modules/", {"q": "data", "sort": "relevance", "format": "online"})

    assert chips(response)["Remove filter: Search: “data”"] == "/modules/?format=online"


def test_chips_name_a_theme_in_the_page_language_and_nonsense_gets_no_chip(client, offer):
    response = client.get(
        "/modules/",
        {"theme": ["data-ai", "not a slug!"], "price_max": "cheap", "from": "2030-02-31"},
        headers={"Accept-Language": "nl"},
    )

    assert list(chips(response)) == ["Filter verwijderen: Thema: Data en AI"]


def test_chips_read_no_more_than_the_page_already_does(client, offer):
    FacultyFactory(slug="science")

    def queries_for(parameters) -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/modules/", parameters).status_code == 200
        return len(captured)

    queries_for({})  # the first request after a change reads the facet index
    one = queries_for({"q": "data", "theme": "data-ai"})
    many = queries_for(
        {"q": "data", "theme": "data-ai", "faculty": ["law", "science"],
         "format": ["online", "campus"], "level": "6", "language": "en"}
    )  # fmt: skip

    assert many == one


def test_sort_select_is_in_the_form_and_keeps_the_chosen_order(client, offer):
    html_text = client.get("/modules/", {"sort": "price"}).content.decode()

    select = re.search(
        r'<select id="catalogue-sort" name="sort"[^>]*>(.*?)</select>', html_text, re.S
    )
    assert select, "a real select in the catalogue form"
    options = re.findall(r'<option value="(\w+)"( selected)?>', select[1])
    # Without search words there is no relevance to sort by.
    assert options == [("start", ""), ("price", " selected"), ("ects", "")]
    assert '<label for="catalogue-sort"' in html_text
    assert '<noscript><button type="submit"' in html_text  # without script: a Sort button


def test_a_search_is_sorted_by_relevance_unless_another_order_is_chosen(client, offer):
    searched = client.get("/modules/", {"q": "data"}).content.decode()
    by_start = client.get("/modules/", {"q": "data", "sort": "start"}).content.decode()

    assert '<option value="relevance" selected>' in searched
    assert 'data-default="relevance"' in searched  # htmx leaves an untouched default out of the URL
    assert '<option value="start" selected>' in by_start and "data-default" not in by_start


def test_price_and_date_fields_keep_their_values(client, offer):
    html_text = client.get(
        "/modules/", {"price_max": "750", "from": "2030-01-01", "until": "2030-03-31"}
    ).content.decode()

    assert re.search(
        r'<input type="number" id="f-price-max" name="price_max"[^>]*value="750"', html_text
    )
    assert re.search(
        r'<input type="date" id="f-from" name="from"[^>]*value="2030-01-01"', html_text
    )
    assert re.search(
        r'<input type="date" id="f-until" name="until"[^>]*value="2030-03-31"', html_text
    )
    assert '<label for="f-price-max"' in html_text and "Starting from" in html_text


def test_the_filters_button_counts_what_is_active(client, offer):
    plain = client.get("/modules/", {"q": "data"}).content.decode()
    filtered = client.get(
        "/modules/", {"q": "data", "format": ["online", "campus"], "price_max": "900"}
    ).content.decode()

    button = r'<button id="catalogue-filters-toggle"[^>]*>\s*{}\s*</button>'
    assert re.search(button.format(r"Filters"), plain)  # the words are not a filter
    assert re.search(button.format(r"Filters \(3\)"), filtered)


def test_facet_boxes_are_named_by_their_value_so_focus_survives_the_swap(client, offer):
    html_text = client.get("/modules/").content.decode()

    assert 'id="f-theme-data-ai"' in html_text and 'for="f-theme-data-ai"' in html_text
    assert 'id="f-format-online"' in html_text


def test_did_you_mean_links_to_the_same_search_with_the_corrected_words(client, offer, monkeypatch):
    real = queries.catalogue

    def corrected(filters, **kwargs):
        return dataclasses.replace(real(filters, **kwargs), did_you_mean="data science")

    monkeypatch.setattr(queries, "catalogue", corrected)

    html_text = client.get("/modules/", {"q": "datascience", "format": "online"}).content.decode()

    assert re.search(
        r'Did you mean: <a href="/modules/\?q=data\+science&amp;format=online" '
        r'hx-get="[^"]+" hx-target="#catalogue" hx-push-url="true"[^>]*>data science</a>\?',
        html_text,
    )


def test_no_did_you_mean_when_the_search_finds_enough(client, offer):
    assert "Did you mean" not in client.get("/modules/", {"q": "data"}).content.decode()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="typo suggestions on PostgreSQL")
def test_a_misspelt_search_offers_the_catalogues_own_word(client):
    ModuleFactory(title="Python for data analysis")

    html_text = client.get("/modules/", {"q": "pyhton"}).content.decode()

    assert 'Did you mean: <a href="/modules/?q=python"' in html_text


def test_suggestions_are_a_listbox_of_modules_and_themes(client, offer):
    response = client.get("/modules/suggest/", {"q": "dat"})

    text = response.content.decode()
    assert response.status_code == 200
    assert '<div role="listbox" id="search-suggestions"' in text
    assert re.search(
        r'role="group" class="suggestion-group" aria-labelledby="search-suggestions-module"', text
    )
    assert re.search(r'id="search-suggestions-module">Modules<', text)
    assert re.search(r'id="search-suggestions-theme">Themes<', text)
    options = re.findall(
        r'<div role="option"[^>]*aria-selected="false" data-url="([^"]+)">([^<]+)<', text
    )
    assert (offer.get_absolute_url(), "Data protection law") in options
    assert ("/modules/?theme=data-ai", "Data &amp; AI") in options
    assert "suggestions; use the up and down arrow keys" in text
    assert "max-age=60" in response["Cache-Control"]


def test_one_letter_suggests_nothing_and_only_get_is_allowed(client, offer):
    response = client.get("/modules/suggest/", {"q": "d"})

    assert response.status_code == 200 and 'role="option"' not in response.content.decode()
    assert 'data-announcement=""' in response.content.decode()
    assert client.post("/modules/suggest/", {"q": "data"}).status_code == 405
    assert client.get("/modules/suggest/", {"q": "da\x00ta"}).status_code == 200


def test_both_search_boxes_offer_suggestions_to_the_script(client, offer):
    for path in ("/", "/modules/"):
        html_text = client.get(path).content.decode()
        assert 'data-suggest-url="/modules/suggest/"' in html_text
        assert "js/catalogue.js" in html_text
        assert 'role="combobox"' not in html_text  # until the script makes it one
