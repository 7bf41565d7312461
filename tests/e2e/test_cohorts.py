"""An employer enrols a group of staff in Chromium; a lecturer records attendance."""

import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from enrolment import services
from enrolment.models import Enrolment
from tests.academy.factories import InvitationFactory, MembershipFactory, UserFactory
from tests.catalogue.factories import ModuleRunFactory, SessionFactory, TeachingFactory
from tests.e2e.helpers import fits_a_phone, log_in
from tests.enrolment.factories import EnrolmentFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_employer_enrols_a_cohort_swaps_a_member_and_sees_the_invoice(page, axe_violations):
    run = ModuleRunFactory(module__title="Regie in de wijk", capacity=3,
                           module__price=Decimal("995.00"), module__vat_rate=21)  # fmt: skip
    for title in ("Data in de zorg", "Leiderschap in teams", "Ethiek en technologie"):
        ModuleRunFactory(module__title=title)
    SessionFactory(run=run, title="Startbijeenkomst")
    admin = MembershipFactory(role="admin", user__email="hr@example.com",
                              organisation__name="Zorggroep Noord")  # fmt: skip
    organisation = admin.organisation
    for name in ("Anouk", "Bram", "Chaima", "Daan"):
        MembershipFactory(organisation=organisation, user__first_name=name,
                          user__last_name="Jansen", user__job_title="Verpleegkundige")  # fmt: skip
    MembershipFactory(organisation=organisation, user__first_name="Eva", user__last_name="Bakker",
                      user__job_title="Teamleider")  # fmt: skip

    log_in(page, "hr@example.com")
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"/employer/{organisation.pk}/")
    fits_a_phone(page, "employer-staff")
    assert axe_violations(page) == []
    page.set_viewport_size({"width": 390, "height": 844})
    page.get_by_role("link", name="Cohorts and invoices").click()
    page.get_by_role("link", name="Enrol a group of staff").click()

    page.get_by_label("Search the runs").fill("regie")  # filters as one types
    expect(page.get_by_text("1 of 4 runs shown")).to_be_visible()
    expect(page.get_by_label("Data in de zorg")).to_be_hidden()
    page.get_by_label("Regie in de wijk").check()
    page.get_by_label("Search your staff").fill("jansen")
    page.get_by_role("button", name="Select everyone shown").click()
    for name in ("Anouk", "Bram", "Chaima", "Daan"):
        expect(page.get_by_label(f"{name} Jansen")).to_be_checked()
    expect(page.get_by_label("Eva Bakker")).to_be_hidden()
    fits_a_phone(page, "cohort-form")
    assert axe_violations(page) == []
    page.set_viewport_size({"width": 390, "height": 844})
    page.get_by_role("button", name="Continue: check the price").click()
    expect(
        page.get_by_text("Only 3 seats are left in this run, and you asked for 4")
    ).to_be_visible()
    assert not Enrolment.objects.exists()

    page.get_by_label("Daan Jansen").uncheck()
    page.get_by_label("Name of the cohort").fill("Wijkteam")
    page.get_by_role("button", name="Continue: check the price").click()
    expect(page.get_by_role("heading", name="Check and confirm")).to_be_visible()
    expect(page.get_by_text("3 seats × €995.00")).to_be_visible()
    expect(page.get_by_text("€3,611.85").first).to_be_visible()
    fits_a_phone(page, "cohort-confirmation")
    assert axe_violations(page) == []
    assert not Enrolment.objects.exists()
    page.get_by_role("button", name="Reserve 3 seats for €3,611.85").click()
    expect(page.get_by_text("3 seats are reserved in Regie in de wijk")).to_be_visible()
    expect(page.get_by_role("heading", name="Wijkteam")).to_be_visible()
    fits_a_phone(page, "cohort")
    assert axe_violations(page) == []

    page.get_by_label("Give the seat of Anouk Jansen to").select_option(
        label="Daan Jansen · Verpleegkundige"
    )
    page.get_by_role("button", name="Swap").first.click()
    expect(page.get_by_text("Daan Jansen takes the seat of Anouk Jansen")).to_be_visible()
    expect(page.get_by_text("Seat given to a colleague")).to_be_visible()
    expect(page.get_by_role("link", name="PDF")).to_be_visible()

    page.get_by_role("link", name="Organisation", exact=True).click()
    fits_a_phone(page, "organisation-settings")
    assert axe_violations(page) == []
    page.get_by_label("Billing email").fill("facturen@noord.example")
    page.get_by_role("button", name="Save the details").click()
    expect(page.get_by_text("The details of Zorggroep Noord are saved")).to_be_visible()
    page.get_by_label("Make a member of staff an admin").select_option(
        index=1
    )  # Eva Bakker, first by family name
    page.get_by_role("button", name="Make admin").click()
    expect(page.get_by_text("can manage Zorggroep Noord here as you do")).to_be_visible()
    page.get_by_role("button", name="Make Eva Bakker an admin").click()
    expect(page.get_by_text("Eva Bakker is now an admin of Zorggroep Noord.")).to_be_visible()


def test_lecturer_records_attendance(page, axe_violations):
    run = ModuleRunFactory(module__title="Regie in de wijk",  # began: attendance may be recorded
                           start_date=timezone.localdate() - timedelta(days=2))  # fmt: skip
    session = SessionFactory(run=run, title="Startbijeenkomst")
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


@pytest.mark.parametrize("language", ["en", "nl"])
def test_every_employer_page_fits_a_phone(page, live_server, language):
    """Nothing scrolls sideways at 390 px, the page nor a table in it, in either language."""
    run = ModuleRunFactory(module__title="Methodisch werken in het sociaal domein")
    admin = MembershipFactory(role="admin", user__email="hr@example.com",
                              organisation__name="Stichting Maatschappelijke Dienstverlening",
                              user__last_name="Vandenberghe-Oosterhuis")  # fmt: skip
    organisation = admin.organisation
    staff = [MembershipFactory(organisation=organisation, shares_progress=True,
                               user__job_title="Senior beleidsmedewerker arbeidsmarktcommunicatie")
             for _ in range(3)]  # fmt: skip
    request = EnrolmentFactory(run=run, learner=staff[0].user, status="awaiting_approval",
                               organisation=organisation, payer="employer")  # fmt: skip
    cohort = services.create_cohort(organisation=organisation, run=run,
                                    learners=[staff[1].user], by=admin.user)  # fmt: skip
    services.issue_invoice(order=cohort.order)
    invitation = InvitationFactory(organisation=organisation, email="nieuwe.collega@example.com")
    base = f"/employer/{organisation.pk}"
    log_in(page, "hr@example.com")
    page.context.add_cookies([{"name": "django_language", "value": language,
                               "url": live_server.url}])  # fmt: skip
    for path in ("/employer/register/", f"{base}/", f"{base}/cohorts/", f"{base}/cohorts/new/",
                 f"{base}/cohorts/{cohort.pk}/", f"{base}/organisation/", f"{base}/activity/",
                 f"{base}/invite/", f"{base}/learning-needs/", f"{base}/imports/new/",
                 f"{base}/enrolments/{request.pk}/decline/",
                 f"{base}/invitations/{invitation.pk}/withdraw/",
                 f"{base}/members/{staff[2].pk}/remove/"):  # fmt: skip
        page.goto(path)
        expect(page.locator("html")).to_have_attribute("lang", language)
        page.set_viewport_size({"width": 390, "height": 844})
        width = page.evaluate("document.documentElement.scrollWidth")
        inner = page.evaluate(  # what a box that scrolls sideways inside the page hides
            "Math.max(0, ...[...document.querySelectorAll('main *')]"
            ".filter(e => ['auto', 'scroll'].includes(getComputedStyle(e).overflowX))"
            ".map(e => e.scrollWidth - e.clientWidth))"
        )
        page.set_viewport_size({"width": 1280, "height": 900})
        assert (width, inner) == (390, 0), f"{path} in {language}: {width}px, {inner}px hidden"
