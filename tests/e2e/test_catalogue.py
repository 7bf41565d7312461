"""A professional finds a module in Chromium: search, filter with htmx, open, download."""

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

    expect(page).to_have_url(f"{live_server.url}/modules/?q=&faculty=law")
    expect(page.locator(".result-count")).to_contain_text("2 modules found")
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

    expect(page.get_by_role("status")).to_have_text("1 module found · most relevant first")
