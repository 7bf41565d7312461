"""A professional finds a module in Chromium: search, filter with htmx, open, download."""

import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from catalogue.models import Format
from tests.catalogue.factories import (
    FacultyFactory,
    ModuleFactory,
    ModuleRunFactory,
    SessionFactory,
    ThemeFactory,
)
from tests.e2e.helpers import fits_a_phone

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def offer():
    data = ThemeFactory(name="Data & AI", slug="data-ai")
    science = FacultyFactory(name="Faculty of Science", slug="science")
    law = FacultyFactory(name="Faculty of Law", slug="law")
    start = timezone.localdate() + timedelta(days=40)
    online = ModuleFactory(
        title="Data science for professionals", slug="data-science", faculty=science,
        themes=[data], format=Format.ONLINE,
    )  # fmt: skip
    run = ModuleRunFactory(
        module=online, code="edition-1", start_date=start, end_date=start + timedelta(weeks=4)
    )
    SessionFactory(run=run, title="Kick-off")
    ModuleFactory(title="Data protection law", faculty=law, themes=[data], format=Format.CAMPUS)
    ModuleFactory(title="Leadership in hybrid teams", faculty=law, format=Format.BLENDED)
    return online


def test_professional_searches_filters_opens_a_module_and_downloads_its_calendar(
    page, live_server, offer
):
    page.goto("/")
    page.get_by_label("Search the modules").fill("data")
    page.get_by_role("button", name="Search").click()

    expect(page).to_have_url(f"{live_server.url}/modules/?q=data")
    expect(page.locator(".result-count")).to_contain_text("2 modules found")

    page.evaluate("window.__notReloaded = true")
    page.get_by_label("Online").check()

    expect(page.locator(".result-count")).to_contain_text("1 module found")
    expect(page).to_have_url(f"{live_server.url}/modules/?q=data&format=online")
    assert page.evaluate("window.__notReloaded === true"), "htmx updated the page in place"
    expect(page.get_by_label("Online")).to_be_checked()

    page.get_by_role("link", name="Data science for professionals").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Data science for professionals")

    with page.expect_download() as download_info:
        page.get_by_role(
            "link", name="Add the sessions of edition-1 to your calendar (.ics)"
        ).click()
    download = download_info.value
    assert download.suggested_filename == "data-science-edition-1.ics"
    content = Path(download.path()).read_bytes()
    assert b"BEGIN:VEVENT" in content and b"TZID=Europe/Amsterdam" in content


def test_filters_work_without_javascript(chromium, live_server, offer):
    context = chromium.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/modules/")

    page.get_by_label("Faculty of Law").check()
    page.get_by_role("button", name="Apply filters").click()

    expect(page).to_have_url(re.compile(r"/modules/\?q=&faculty=law&"))
    expect(page.locator(".result-count")).to_contain_text("2 modules found")
    # The panel is open (no script to unfold it) and the order has its own button.
    page.get_by_label("Sort by").select_option("price")
    page.get_by_role("button", name="Sort", exact=True).click()
    expect(page.get_by_label("Sort by")).to_have_value("price")
    page.get_by_role("link", name="Remove filter: Faculty: Faculty of Law").click()
    expect(page.locator(".result-count")).to_contain_text("3 modules found")
    context.close()


def test_empty_search_leads_to_the_learning_need_form(page, offer):
    page.goto("/modules/?q=underwater+basket+weaving")

    page.get_by_role("link", name="Submit a learning need").click()

    expect(page.get_by_label("Topic")).to_have_value("underwater basket weaving")


@pytest.mark.parametrize(
    "path", ["/modules/", "/modules/?q=data", "/modules/data-science/", "/learning-needs/new/", "/"]
)
def test_catalogue_pages_have_no_serious_accessibility_violations(
    page, axe_violations, offer, path
):
    page.goto(path)

    violations = axe_violations(page)

    assert violations == [], axe_violations.describe(violations)


def test_catalogue_is_usable_at_phone_width(page, offer):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/modules/")

    expect(page.get_by_label("Faculty of Law")).to_be_hidden()
    page.get_by_role("button", name="Filters").click()
    page.get_by_label("Faculty of Law").check()

    expect(page.locator(".result-count")).to_contain_text("2 modules found")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390


def test_screen_readers_hear_the_new_result_count_after_filtering(page, offer):
    page.goto("/modules/?q=data")

    page.get_by_label("Online").check()

    expect(page.locator("#catalogue-announcer")).to_have_text(
        "1 module found · sorted by Relevance"
    )


def test_suggestions_while_typing_are_a_combobox_used_with_the_keyboard(
    page, live_server, offer, axe_violations
):
    page.goto("/modules/")
    box = page.get_by_role("combobox", name="Search the modules")
    expect(box).to_have_attribute("aria-expanded", "false")

    box.press_sequentially("dat", delay=30)

    listbox = page.get_by_role("listbox", name="Suggestions")
    expect(listbox).to_be_visible()
    expect(box).to_have_attribute("aria-expanded", "true")
    expect(box).to_have_attribute("aria-controls", listbox.get_attribute("id"))
    modules = listbox.get_by_role("group", name="Modules")
    expect(modules.get_by_role("option")).to_have_text(
        ["Data science for professionals", "Data protection law"]
    )
    expect(listbox.get_by_role("group", name="Themes").get_by_role("option")).to_have_text(
        ["Data & AI"]
    )
    expect(page.locator(".search-suggest [role=status]")).to_contain_text("3 suggestions")
    assert axe_violations(page) == []

    box.press("ArrowDown")
    first = listbox.get_by_role("option", name="Data science for professionals")
    expect(first).to_have_attribute("aria-selected", "true")
    expect(box).to_have_attribute("aria-activedescendant", first.get_attribute("id"))
    box.press("ArrowDown")
    box.press("ArrowDown")
    expect(listbox.get_by_role("option", name="Data & AI")).to_have_attribute(
        "aria-selected", "true"
    )
    box.press("ArrowDown")  # round to the first again
    expect(first).to_have_attribute("aria-selected", "true")
    box.press("ArrowUp")
    expect(listbox.get_by_role("option", name="Data & AI")).to_have_attribute(
        "aria-selected", "true"
    )

    box.press("Escape")
    expect(listbox).to_be_hidden()
    expect(box).to_have_attribute("aria-expanded", "false")
    expect(box).not_to_have_attribute("aria-activedescendant", re.compile(".+"))
    expect(box).to_have_value("dat")  # Escape closes the list; the words stay

    box.press("ArrowDown")  # opens the list again on its first option
    expect(first).to_have_attribute("aria-selected", "true")
    box.press("ArrowDown")
    box.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Data protection law")


def test_a_suggested_theme_is_picked_with_the_mouse_on_the_home_page(page, live_server, offer):
    page.goto("/")
    box = page.get_by_role("combobox", name="Search the modules")

    box.press_sequentially("data &", delay=30)
    expect(page.get_by_role("option", name="Data & AI")).to_be_visible()
    page.set_viewport_size({"width": 1280, "height": 900})
    fits_a_phone(page, "home-suggestions")
    page.get_by_role("option", name="Data & AI").click()

    expect(page).to_have_url(f"{live_server.url}/modules/?theme=data-ai")
    expect(page.get_by_role("link", name="Remove filter: Theme: Data & AI")).to_be_visible()


def test_one_letter_suggests_nothing_and_enter_searches_for_the_words(page, live_server, offer):
    page.goto("/modules/")
    box = page.get_by_role("combobox", name="Search the modules")

    box.press_sequentially("d", delay=30)
    page.wait_for_timeout(400)
    expect(page.get_by_role("listbox")).to_be_hidden()
    box.press_sequentially("ata", delay=30)
    expect(page.get_by_role("listbox")).to_be_visible()
    box.press("Enter")  # no option chosen: a search for what was typed

    expect(page).to_have_url(f"{live_server.url}/modules/?q=data")
    expect(page.locator(".result-count")).to_contain_text("2 modules found")


def test_the_phone_filter_panel_stays_open_while_ticking_and_counts_the_filters(
    page, live_server, offer, axe_violations
):
    page.add_init_script(
        "window.__csp = []; document.addEventListener('securitypolicyviolation',"
        " (event) => window.__csp.push(event.violatedDirective));"
    )
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/modules/?q=data")
    toggle = page.locator("#catalogue-filters-toggle")
    expect(toggle).to_have_text("Filters")
    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    page.evaluate("window.__notReloaded = true")

    page.get_by_label("Faculty of Law").check()

    expect(page.locator(".result-count")).to_contain_text("1 module found")
    expect(toggle).to_have_text("Filters (1)")
    expect(page.get_by_label("Faculty of Science")).to_be_visible()  # the panel is still open
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(page.get_by_label("Faculty of Law")).to_be_focused()  # focus stays on the box

    page.get_by_label("Faculty of Science").check()
    expect(page.locator(".result-count")).to_contain_text("2 modules found")
    expect(toggle).to_have_text("Filters (2)")
    page.get_by_label("Up to").fill("2000")
    page.get_by_label("Up to").press("Tab")
    expect(toggle).to_have_text("Filters (3)")
    expect(page.get_by_label("Faculty of Science")).to_be_visible()
    assert page.evaluate("window.__notReloaded === true"), "htmx updated the page in place"
    assert axe_violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 390

    assert page.evaluate("window.__csp") == [], "no refused inline style while swapping"

    toggle.click()  # it folds away again when asked
    expect(page.get_by_label("Faculty of Science")).to_be_hidden()
    expect(toggle).to_have_attribute("aria-expanded", "false")


def test_chips_sort_and_dates_update_the_results_in_place(page, live_server, offer):
    page.goto("/modules/?q=data&format=online")
    page.evaluate("window.__notReloaded = true")

    page.get_by_label("Sort by").select_option("price")
    expect(page).to_have_url(f"{live_server.url}/modules/?q=data&format=online&sort=price")
    expect(page.get_by_label("Sort by")).to_have_value("price")

    page.get_by_role("link", name="Remove filter: Format: Online").click()
    expect(page).to_have_url(f"{live_server.url}/modules/?q=data&sort=price")
    expect(page.locator(".result-count")).to_contain_text("2 modules found")
    # The removed chip's place goes to the next one.
    expect(page.get_by_role("link", name="Remove filter: Search: “data”")).to_be_focused()

    date_field = page.get_by_label("Starting from")
    date_field.click()
    page.keyboard.press("Home")
    first_of_january = f"0101{timezone.localdate().year}"  # the same whichever order
    date_field.press_sequentially(first_of_january, delay=60)
    expect(date_field).to_be_focused()  # not swapped away while typing
    expect(page).to_have_url(f"{live_server.url}/modules/?q=data&sort=price")
    page.get_by_label("until").focus()  # leaving the field asks for the results
    expect(page).to_have_url(
        f"{live_server.url}/modules/?q=data&from={timezone.localdate().year}-01-01&sort=price"
    )
    expect(page.locator(".result-count")).to_contain_text("1 module found")
    assert page.evaluate("window.__notReloaded === true")

    page.get_by_role("link", name="Clear all filters").first.click()
    expect(page).to_have_url(f"{live_server.url}/modules/?sort=price")
    expect(page.locator(".result-count")).to_contain_text("3 modules found")


def test_catalogue_controls_fit_a_phone_and_a_laptop(page, offer):
    start = offer.runs.get().start_date
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"/modules/?q=data&theme=data-ai&price_max=2000&from={start.isoformat()}")
    fits_a_phone(page, "catalogue-filters")
    page.set_viewport_size({"width": 390, "height": 844})
    page.locator("#catalogue-filters-toggle").click()
    expect(page.locator("#catalogue-facets.show")).to_be_visible()  # unfolded, not unfolding
    fits_a_phone(page, "catalogue-filters-open")
    page.get_by_role("combobox", name="Search the modules").fill("")
    page.get_by_role("combobox", name="Search the modules").press_sequentially("da", delay=30)
    expect(page.get_by_role("listbox")).to_be_visible()
    fits_a_phone(page, "catalogue-suggestions")
