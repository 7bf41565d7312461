"""Demand in Chromium: the pages a professional meets (tell me when, a theme, the need form,
following their needs) are axe-clean and fit a phone; the loop from an employer's need to
an offered module runs through the real pages."""

import os
import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from demand.models import Interest, LearningNeed
from tests.academy.factories import UserFactory
from tests.catalogue.factories import ModuleFactory, ModuleRunFactory, ThemeFactory
from tests.demand.factories import LearningNeedFactory
from tests.e2e.helpers import log_in

pytestmark = pytest.mark.django_db(transaction=True)
SHOTS = os.environ.get("ACADEMY_SCREENSHOTS")  # a folder: save what the test saw


def fits_a_phone(page, name: str) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    width = page.evaluate("document.documentElement.scrollWidth")
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/{name}-390.png", full_page=True)
    assert width <= 390, f"{name} is {width}px wide at 390"
    page.set_viewport_size({"width": 1280, "height": 900})
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/{name}-1280.png", full_page=True)


@pytest.fixture
def offer():
    theme = ThemeFactory(name="Sustainability & energy", slug="sustainability-energy")
    waiting = ModuleFactory(
        title="Circular procurement", slug="circular-procurement", themes=[theme],
        no_run_reason="New runs are being planned.",
    )  # fmt: skip
    ModuleRunFactory(module=ModuleFactory(title="Energy transition law", themes=[theme]))
    return waiting


def test_a_visitor_asks_to_be_told_and_confirms_by_email(page, offer, axe_violations):
    page.goto("/modules/circular-procurement/")
    section = page.locator("#tell-me-when")
    expect(section).to_contain_text("Tell me when a new run opens")
    assert axe_violations(page) == []
    fits_a_phone(page, "module-tell-me-when")

    section.get_by_label("Email address").fill("visitor@example.org")
    section.get_by_role("button", name="Tell me when").click()
    expect(page.get_by_role("alert").or_(page.locator(".alert"))).to_contain_text(
        "we sent a link to visitor@example.org"
    )
    link = re.search(r"http://\S+/interest/\S+/confirm/", mail.outbox[-1].body).group(0)
    page.goto("/" + link.split("/", 3)[3])
    assert axe_violations(page) == []
    page.get_by_role("button", name="Yes, tell me").click()
    expect(page.locator("h1 + p")).to_contain_text("Confirmed")
    assert Interest.objects.get().confirmed_at is not None


def test_a_theme_page_and_my_learning_needs(page, offer, axe_violations):
    user = UserFactory(email="ada@example.org")
    LearningNeedFactory(submitted_by=user, topic="Circular tendering for water boards",
                        status=LearningNeed.Status.DECLINED,
                        decline_reason="Our partner Hogeschool Utrecht offers this.")  # fmt: skip
    log_in(page, "ada@example.org")

    page.goto("/themes/sustainability-energy/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Sustainability & energy")
    expect(page.locator(".module-card")).to_have_count(2)
    assert axe_violations(page) == []
    fits_a_phone(page, "theme")
    page.get_by_role("button", name="Tell me when").click()
    expect(page.locator("#tell-me-when")).to_contain_text("We will email you")

    page.goto("/me/learning-needs/")
    expect(page.locator(".need-card")).to_contain_text("Our partner Hogeschool Utrecht")
    expect(page.locator("#interest ~ div")).to_contain_text("Sustainability & energy")
    assert axe_violations(page) == []
    fits_a_phone(page, "my-learning-needs")

    page.goto("/learning-needs/new/")
    page.get_by_role("button", name="Send the learning need").click()
    expect(page.locator(".invalid-feedback").first).to_be_visible()
    assert axe_violations(page) == []
    fits_a_phone(page, "learning-need-form")
