"""The terms and the privacy, cookie and accessibility statements in Chromium: reached from
the footer, axe-clean and 390 px wide in English and Dutch, earlier versions readable."""

import pytest
from playwright.sync_api import expect

from tests.e2e.helpers import fits_a_phone
from tests.legal.factories import publish

pytestmark = pytest.mark.django_db(transaction=True)

PAGES = {
    "terms": ("Terms of enrolment", "Terms of enrolment"),
    "privacy": ("Privacy", "Privacy statement"),
    "cookies": ("Cookies", "Cookie statement"),
    "accessibility": ("Accessibility", "Accessibility statement"),
}


def test_the_four_documents_from_the_footer_in_both_languages(page, live_server, axe_violations):
    publish("terms", body_en="## Changed\nThe second version.", changes_en="Clearer wording.")
    for kind, (link, title) in PAGES.items():
        page.goto("/modules/")
        page.get_by_role("navigation", name="Terms and statements").get_by_role(
            "link", name=link, exact=True
        ).click()
        expect(page.get_by_role("heading", level=1)).to_have_text(title)
        assert axe_violations(page) == []
        fits_a_phone(page, f"legal-{kind}")

    page.get_by_role("navigation", name="Terms and statements").get_by_role(
        "link", name="Terms of enrolment"
    ).click()
    page.get_by_role("link", name="Version 1").click()
    expect(page.get_by_text("This is an earlier version")).to_be_visible()
    assert axe_violations(page) == []
    fits_a_phone(page, "legal-terms-earlier")

    page.context.add_cookies([{"name": "django_language", "value": "nl", "url": live_server.url}])
    for kind in PAGES:
        page.goto(f"/{kind}/1/" if kind == "terms" else f"/{kind}/")
        assert axe_violations(page) == []
        fits_a_phone(page, f"legal-{kind}-nl")
    expect(page.locator(".legal-text")).to_contain_text("voldoet gedeeltelijk")
