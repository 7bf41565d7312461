"""An employer enrols a group of staff in Chromium; a lecturer records attendance."""

import re

import pytest
from playwright.sync_api import expect

from enrolment.models import Enrolment
from tests.academy.factories import MembershipFactory, UserFactory
from tests.catalogue.factories import ModuleRunFactory, SessionFactory, TeachingFactory
from tests.e2e.helpers import log_in
from tests.enrolment.factories import EnrolmentFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_employer_enrols_a_cohort_swaps_a_member_and_sees_the_invoice(page, axe_violations):
    run = ModuleRunFactory(module__title="Regie in de wijk", capacity=3)
    SessionFactory(run=run, title="Startbijeenkomst")
    admin = MembershipFactory(role="admin", user__email="hr@example.com",
                              organisation__name="Zorggroep Noord")  # fmt: skip
    organisation = admin.organisation
    for name in ("Anouk", "Bram", "Chaima", "Daan"):
        MembershipFactory(organisation=organisation, user__first_name=name,
                          user__last_name="Jansen")  # fmt: skip

    log_in(page, "hr@example.com")
    page.goto(f"/employer/{organisation.pk}/")
    page.get_by_role("link", name="Cohorts and invoices").click()
    assert axe_violations(page) == []
    page.get_by_role("link", name="Enrol a group of staff").click()
    page.get_by_label("Module and run").select_option(index=1)
    for name in ("Anouk", "Bram", "Chaima", "Daan"):
        page.get_by_label(f"{name} Jansen").check()
    page.get_by_role("button", name="Reserve the seats").click()
    expect(
        page.get_by_text("Only 3 seats are left in this run, and you asked for 4")
    ).to_be_visible()
    assert axe_violations(page) == []
    assert not Enrolment.objects.exists()

    page.get_by_label("Daan Jansen").uncheck()
    page.get_by_label("Name of the cohort").fill("Wijkteam")
    page.get_by_role("button", name="Reserve the seats").click()
    expect(page.get_by_text("3 seats are reserved in Regie in de wijk")).to_be_visible()
    expect(page.get_by_role("heading", name="Wijkteam")).to_be_visible()
    assert axe_violations(page) == []

    page.get_by_label("Give the seat of Anouk Jansen to").select_option(label="Daan Jansen")
    page.get_by_role("button", name="Swap").first.click()
    expect(page.get_by_text("Daan Jansen takes the seat of Anouk Jansen")).to_be_visible()
    expect(page.get_by_text("Seat given to a colleague")).to_be_visible()
    expect(page.get_by_role("link", name="PDF")).to_be_visible()


def test_lecturer_records_attendance(page, axe_violations):
    session = SessionFactory(run=ModuleRunFactory(module__title="Regie in de wijk"),
                             title="Startbijeenkomst")  # fmt: skip
    lecturer = UserFactory(email="docent@example.com", is_staff=True)
    TeachingFactory(run=session.run, lecturer=lecturer)
    for name in ("Anouk", "Bram"):
        learner = UserFactory(first_name=name, last_name="Jansen")
        EnrolmentFactory(run=session.run, learner=learner)

    log_in(page, "docent@example.com")
    page.goto("/teaching/")
    page.get_by_role("link", name=re.compile(r"^Record ")).click()
    assert axe_violations(page) == []
    page.get_by_role("button", name="Tick everyone").click()
    page.get_by_label("Bram Jansen").uncheck()
    page.get_by_role("button", name="Save attendance").click()
    expect(page.get_by_text("Attendance saved: 1 of 2 present.")).to_be_visible()
    expect(page.get_by_text("recorded", exact=True)).to_be_visible()
