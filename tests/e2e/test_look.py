"""The site's navy, not Bootstrap's blue, on the controls Bootstrap colours itself; and the
admin in the Academy's colours with its logo. Photographed with ACADEMY_SCREENSHOTS."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.academy.factories import MembershipFactory, UserFactory
from tests.catalogue.factories import FacultyFactory, ModuleFactory, ModuleRunFactory
from tests.e2e.helpers import SHOTS, fits_a_phone, log_in

pytestmark = pytest.mark.django_db(transaction=True)
NAVY = "rgb(20, 50, 92)"
BOOTSTRAP_BLUE = "rgb(13, 110, 253)"


def colour(locator, prop="background-color"):
    return locator.evaluate(f"(e) => getComputedStyle(e).getPropertyValue('{prop}')")


def test_pagination_ticked_boxes_radios_and_switches_are_navy(page):
    science = FacultyFactory(name="Faculty of Science", name_nl="Faculteit Bètawetenschappen")
    for n in range(23):
        ModuleFactory(title=f"Module {n:02}", faculty=science)
    page.goto("/modules/?faculty=" + science.slug)

    active_page = page.locator(".pagination .active .page-link, .pagination .page-link.active")
    expect(active_page.first).to_be_visible()
    assert colour(active_page.first) == NAVY
    ticked = page.locator(f"input[name=faculty][value={science.slug}]")
    assert ticked.is_checked() and colour(ticked) == NAVY
    ticked.focus()
    assert BOOTSTRAP_BLUE[4:-1] not in colour(ticked, "box-shadow")
    fits_a_phone(page, "look-catalogue-pagination")

    learner = UserFactory(email="noor@example.org")
    MembershipFactory(user=learner)
    start = timezone.localdate() + timedelta(days=30)
    run = ModuleRunFactory(module__slug="smart-grids", code="spring", start_date=start)
    log_in(page, learner.email)
    page.goto(f"/modules/{run.module.slug}/{run.code}/enrol/")
    radio = page.locator("input[type=radio]").first
    radio.check()
    assert colour(radio) == NAVY
    fits_a_phone(page, "look-enrol-radios")

    page.goto("/me/profile/")
    switch = page.locator(".form-switch input").first
    if not switch.is_checked():
        switch.check()
    assert colour(switch) == NAVY
    fits_a_phone(page, "look-profile-switches")


def test_the_admin_wears_the_academys_colours_and_logo(page):
    office = UserFactory(email="office@example.org", is_staff=True, is_superuser=True)
    run = ModuleRunFactory(module__title="Smart grids", code="winter")
    page.goto("/admin/login/")
    expect(page.locator("#header .academy-logo")).to_be_visible()
    log_in(page, office.email)
    page.goto("/admin/")

    assert colour(page.locator("#header")) == "rgb(12, 33, 64)"
    expect(page.get_by_role("link", name="Academy curation")).to_be_visible()
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/look-admin-index-1280.png", full_page=True)
    page.goto("/admin/catalogue/modulerun/")
    expect(page.get_by_role("cell", name="winter", exact=True)).to_be_visible()
    start = run.start_date
    expect(page.locator("#result_list")).to_contain_text(f"{start.day} {start:%B} {start.year}")
    fits_a_phone_or_shoot(page, "look-admin-runs")


def fits_a_phone_or_shoot(page, name):
    """The admin's own tables scroll sideways on a phone (Django's design): photograph only."""
    if SHOTS:
        page.set_viewport_size({"width": 390, "height": 844})
        page.screenshot(path=f"{SHOTS}/{name}-390.png", full_page=True)
        page.set_viewport_size({"width": 1280, "height": 900})
        page.screenshot(path=f"{SHOTS}/{name}-1280.png", full_page=True)
