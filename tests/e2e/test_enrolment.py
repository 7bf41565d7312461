"""Enrolling in Chromium: a seat, then a full run, a waiting list and an offer."""

import pytest
from playwright.sync_api import expect

from tests.academy.factories import DEFAULT_PASSWORD, UserFactory
from tests.catalogue.factories import ModuleRunFactory, SessionFactory

pytestmark = pytest.mark.django_db(transaction=True)


def log_in(page, email):
    page.context.clear_cookies()
    page.goto("/accounts/login/")
    page.locator("#id_login").fill(email)
    page.locator("#id_password").fill(DEFAULT_PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()


def test_learners_enrol_wait_and_get_an_offer_after_a_cancellation(page, axe_violations):
    run = ModuleRunFactory(module__title="Data ethics", module__slug="data-ethics", capacity=1)
    SessionFactory(run=run, title="Kick-off")
    UserFactory(email="first@example.com")
    UserFactory(email="second@example.com")

    log_in(page, "first@example.com")
    page.goto("/modules/data-ethics/")
    page.get_by_role("link", name="Enrol").first.click()
    assert axe_violations(page) == []
    page.get_by_label("I accept the terms").check()
    page.get_by_role("button", name="Enrol").click()
    expect(page.get_by_text("You are enrolled for Data ethics.")).to_be_visible()
    expect(page.get_by_text("Kick-off")).to_be_visible()
    assert axe_violations(page) == []

    log_in(page, "second@example.com")
    page.goto("/modules/data-ethics/")
    page.get_by_role("link", name="Join the waiting list").click()
    page.get_by_label("I accept the terms").check()
    page.get_by_role("button", name="Join the waiting list").click()
    expect(page.get_by_text("On the waiting list: number 1.")).to_be_visible()

    log_in(page, "first@example.com")
    page.goto("/me/")
    page.get_by_role("button", name="Cancel enrolment").click()
    expect(page.get_by_text("Your enrolment has been cancelled.")).to_be_visible()

    log_in(page, "second@example.com")
    page.goto("/me/")
    expect(page.get_by_text("A seat is offered to you until")).to_be_visible()
    assert axe_violations(page) == []
    page.get_by_role("button", name="Accept the seat").click()
    expect(page.get_by_text("You are enrolled for Data ethics.")).to_be_visible()
