"""The site's frame in a real browser: language switch and accessibility."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True)


def test_home_page_loads_and_switches_to_dutch(page, axe_violations):
    page.goto("/")

    expect(page).to_have_title("Lifelong development · Academy")
    expect(page.get_by_role("heading", level=1)).to_have_text("Keep growing in your profession")
    assert axe_violations(page) == []

    page.get_by_role("button", name="Nederlands").click()

    expect(page.locator("html")).to_have_attribute("lang", "nl")
    expect(page.get_by_role("heading", level=1)).to_have_text("Blijf groeien in je vak")
    expect(page.get_by_role("link", name="Mijn leren").first).to_be_visible()
    assert axe_violations(page) == []


@pytest.mark.parametrize("path", ["/accounts/login/", "/no-such-page/"])
def test_pages_have_no_serious_accessibility_violations(page, axe_violations, path):
    page.goto(path)

    violations = axe_violations(page)

    assert violations == [], axe_violations.describe(violations)


def test_skip_link_moves_focus_to_the_main_content(page):
    page.goto("/")

    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name="Skip to main content")
    expect(skip_link).to_be_focused()
    skip_link.press("Enter")

    expect(page.locator("main#main")).to_be_focused()


def test_navigation_folds_into_a_menu_at_phone_width(page):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/")

    modules_link = page.get_by_role("navigation", name="Main").get_by_role("link", name="Modules")
    expect(modules_link).to_be_hidden()
    page.get_by_role("button", name="Toggle navigation").click()

    expect(modules_link).to_be_visible()


@pytest.mark.parametrize("language", ["en", "nl"])
def test_the_header_of_staff_and_visitors_fits_every_width(page, language):
    from tests.academy.factories import UserFactory
    from tests.e2e.helpers import log_in

    staff = UserFactory(is_staff=True, email="l.van.der.berg@universiteit.example.nl")
    for who in ("visitor", "staff"):
        if who == "staff":
            page.set_viewport_size({"width": 1280, "height": 800})  # the menu unfolded
            log_in(page, staff.email)  # in English, as the helper reads the labels
        site = "/".join(page.url.split("/", 3)[:3]) + "/" if who == "staff" else None
        if site is None:
            page.goto("/")
            site = "/".join(page.url.split("/", 3)[:3]) + "/"
        page.context.add_cookies([{"name": "django_language", "value": language, "url": site}])
        for width in (1400, 1280, 1200, 1000, 390):
            page.set_viewport_size({"width": width, "height": 800})
            page.goto("/modules/")
            wide = page.evaluate("document.documentElement.scrollWidth")
            assert wide <= width, f"{who}, {language}: {wide}px at {width}"
