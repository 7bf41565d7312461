"""The teaching pages in Chromium: the sessions, the result grid and its confirmation are
axe-clean and fit a phone (cards instead of a sideways-scrolling table); a future session
reads "not yet"; saving a pass asks first and then signs it."""

from datetime import datetime, time, timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from catalogue.models import Session
from credentials.models import Credential
from tests.academy.factories import UserFactory
from tests.catalogue.factories import ModuleRunFactory, SessionFactory, TeachingFactory
from tests.e2e.helpers import fits_a_phone, log_in
from tests.enrolment.factories import EnrolmentFactory

pytestmark = pytest.mark.django_db(transaction=True)
TITLE = "Circulair bouwen: materialen, ketens en contracten voor opdrachtgevers"


def at(days: int, hour: int = 13) -> datetime:
    return timezone.make_aware(datetime.combine(timezone.localdate() + timedelta(days=days),
                                                time(hour, 30)))  # fmt: skip


@pytest.fixture
def lecturer():
    user = UserFactory(email="lotte@example.org", first_name="Lotte", is_staff=True)
    today = timezone.localdate()
    done = ModuleRunFactory(module__title=TITLE, code="2026-najaar-avond",
                            start_date=today - timedelta(days=20),
                            end_date=today - timedelta(days=6))  # fmt: skip
    coming = ModuleRunFactory(module__title="Leiderschap in verandertrajecten",
                              start_date=today + timedelta(days=10),
                              end_date=today + timedelta(days=40))  # fmt: skip
    for run in (done, coming):
        TeachingFactory(run=run, lecturer=user)
    for days in (-20, -13, -6):
        SessionFactory(run=done, title="Werkcollege ketensamenwerking", starts_at=at(days),
                       ends_at=at(days, 17))  # fmt: skip
    SessionFactory(run=coming, title="Kick-off", starts_at=at(10), ends_at=at(10, 17))
    for first, last in (
        ("Anne-Marijke", "van Oosterhout-Wijnbergen"),
        ("Bram", "Bos"),
        ("Chaima", "El Idrissi"),
    ):
        email = f"{first.lower()}.{last.split()[-1].lower()}@gemeente-zuidoost-utrecht.example.nl"
        EnrolmentFactory(run=done, learner=UserFactory(first_name=first, last_name=last,
                                                       email=email))  # fmt: skip
    return user


def test_the_teaching_pages_fit_a_phone_and_saving_a_pass_asks_first(
    page, lecturer, axe_violations
):
    log_in(page, "lotte@example.org")

    page.goto("/teaching/")
    expect(page.locator("h1")).to_have_text("Teaching")
    expect(page.locator("main")).to_contain_text("not yet")  # the kick-off is still to come
    assert axe_violations(page) == []
    fits_a_phone(page, "teaching-index")

    page.get_by_role("link", name="Record Werkcollege ketensamenwerking").first.click()
    expect(page.get_by_role("group", name="Who was present?")).to_be_visible()
    page.get_by_label("Bram Bos").check()
    assert axe_violations(page) == []
    fits_a_phone(page, "teaching-attendance")
    page.get_by_role("button", name="Save attendance").click()
    expect(page.locator("main")).to_contain_text("Attendance saved: 1 of 3 present.")

    page.goto(f"/teaching/sessions/{Session.objects.get(title='Kick-off').pk}/attendance/")
    expect(page.locator("main")).to_contain_text("This session has not taken place yet")
    assert axe_violations(page) == []
    fits_a_phone(page, "teaching-attendance-not-yet")

    page.goto("/teaching/")
    page.get_by_role("link", name=f"Results and credentials {TITLE}").click()
    expect(page.locator("h1")).to_have_text(TITLE)
    assert axe_violations(page) == []
    fits_a_phone(page, "teaching-results")

    page.get_by_label("Result of Anne-Marijke van Oosterhout-Wijnbergen").select_option("passed")
    page.get_by_label("Grade of Anne-Marijke van Oosterhout-Wijnbergen").fill("8,5")
    page.get_by_label("Result of Bram Bos").select_option("failed")
    page.get_by_role("button", name="Save results").click()
    expect(page.locator("h1")).to_have_text("Sign and email 1 credential?")
    expect(page.locator("main")).to_contain_text("cannot be undone, only revoked")
    assert not Credential.objects.exists()
    assert axe_violations(page) == []
    fits_a_phone(page, "teaching-results-confirm")

    page.get_by_role("button", name="Yes, save and sign").click()
    expect(page.locator("main")).to_contain_text("2 results saved")
    issued = page.get_by_role("link", name="issued Anne-Marijke van Oosterhout-Wijnbergen")
    expect(issued).to_be_visible()
    assert Credential.objects.get().learner.last_name == "van Oosterhout-Wijnbergen"
    fits_a_phone(page, "teaching-results-saved")
