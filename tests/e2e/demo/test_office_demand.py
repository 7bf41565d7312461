"""Demand in Chromium, in the demo: the office reads the demand overview (per theme, the
chart, the searches), downloads it and reads it in Dutch; the demand pages are axe-clean
and fit a phone in Dutch."""

import pytest
from playwright.sync_api import expect

from tests.e2e.demo.conftest import PASSWORD
from tests.e2e.helpers import fits_a_phone, log_in

pytestmark = pytest.mark.django_db  # the demo is the folder's (conftest.py)


def test_the_office_reads_the_demand_of_the_demo(demo_site, page, axe_violations):
    log_in(page, "admin@example.org", PASSWORD)
    page.goto("/admin/")
    page.get_by_role("link", name="Demand overview").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Demand")
    expect(page.locator("section[aria-labelledby=per-theme] tbody tr").first).to_be_visible()
    expect(page.locator(".demand-chart").first).to_be_visible()
    expect(page.locator("section[aria-labelledby=searches] tbody tr").first).to_be_visible()
    assert axe_violations(page) == []
    fits_a_phone(page, "insights-demand-demo")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download CSV per theme").click()
    assert download.value.suggested_filename.startswith("demand-themes-")

    page.get_by_role("button", name="Nederlands").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Vraag uit het werkveld")
    fits_a_phone(page, "insights-demand-demo-nl")
    for path in ("/teaching/proposals/", "/teaching/proposals/new/", "/me/learning-needs/"):
        page.goto(path)
        assert axe_violations(page) == []
        fits_a_phone(page, "nl" + path.replace("/", "-").rstrip("-"))
