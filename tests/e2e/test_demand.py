"""Demand in Chromium: the pages a professional meets (tell me when, a theme, the need form,
following their needs) are axe-clean and fit a phone; the loop from an employer's need to
an offered module runs through the real pages."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from demand.models import Interest, LearningNeed, ModuleProposal
from tests.academy.factories import MembershipFactory, UserFactory
from tests.catalogue.factories import (
    FacultyFactory,
    ModuleFactory,
    ModuleRunFactory,
    ThemeFactory,
)
from tests.demand.factories import (
    LearningNeedFactory,
    lecturer,
    office_user,
    portfolio_holder_of,
)
from tests.e2e.helpers import fits_a_phone, log_in

pytestmark = pytest.mark.django_db(transaction=True)


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


def test_from_an_employers_need_to_an_offered_module(page, axe_violations):
    """Employer asks → office assigns → lecturer proposes → portfolio holder approves and
    publishes → the employer is emailed and sees 'Offered'."""
    science = FacultyFactory(name="Faculty of Science", slug="science")
    employer = MembershipFactory(role="admin", organisation__name="Zorggroep Rivierenland",
                                 user__email="hr@zorggroep.example.org")  # fmt: skip
    office = office_user()
    holder = portfolio_holder_of(science)
    proposer = lecturer()
    organisation = employer.organisation
    needs_page = f"/employer/{organisation.pk}/learning-needs/"

    log_in(page, employer.user.email)
    page.goto(needs_page + "new/")
    assert axe_violations(page) == []
    fits_a_phone(page, "employer-need-form")
    page.get_by_label("Topic").fill("Data literacy for care managers")
    page.get_by_label("What should people learn?").fill(
        "Our team leaders should read dashboards and question the figures they are shown."
    )
    page.get_by_label("Number of staff").fill("18")
    page.get_by_label("Preferred period").fill("Spring 2027")
    page.get_by_label("Your name").fill("Eva Bakker")
    page.get_by_label("Email address").fill("eva@zorggroep.example.org")
    page.get_by_role("button", name="Send the learning need").click()
    expect(page.locator(".need-card")).to_contain_text("Data literacy for care managers")
    assert axe_violations(page) == []
    fits_a_phone(page, "employer-needs")
    need = LearningNeed.objects.get()
    assert need.organisation == organisation

    log_in(page, office.email)
    page.goto(f"/admin/demand/learningneed/{need.pk}/change/")
    page.locator("#id_faculties_from").select_option(label="Faculty of Science")
    page.locator("#id_faculties_add").click()
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    need.refresh_from_db()
    assert need.status == LearningNeed.Status.WITH_FACULTY

    log_in(page, proposer.email)
    page.goto("/teaching/proposals/new/")
    page.locator("#id_faculty").select_option(label="Faculty of Science")
    page.locator("#id_title").fill("Reading data in care")
    page.locator("#id_summary").fill("Dashboards and figures for care managers, critically.")
    page.locator("#id_target_audience").fill("Team leaders in care organisations.")
    page.locator("#id_learning_outcomes").fill("Read a dashboard\nQuestion a figure")
    page.locator("#id_study_load_hours").fill("28")
    page.locator("#id_level").select_option(index=1)
    page.locator("#id_learning_needs").select_option(str(need.pk))
    starts = timezone.localdate() + timedelta(days=60)
    page.locator("#id_first_run_starts").fill(starts.isoformat())
    page.locator("#id_first_run_ends").fill((starts + timedelta(days=42)).isoformat())
    page.get_by_role("button", name="Submit for review").click()
    expect(page.locator(".badge, .proposal-status").first).to_contain_text("Submitted")
    assert axe_violations(page) == []
    fits_a_phone(page, "proposal")
    proposal = ModuleProposal.objects.get()

    log_in(page, holder.email)
    page.goto("/teaching/proposals/")
    assert axe_violations(page) == []
    fits_a_phone(page, "proposals")
    page.get_by_role("link", name="Reading data in care").click()
    page.get_by_label("Approve: make it a draft module").check()
    page.get_by_label("Message").fill("A good answer to what the care sector asks.")
    page.get_by_role("button", name="Send").click()
    expect(page.locator("main")).to_contain_text("Approved")
    proposal.refresh_from_db()
    module = proposal.module
    assert module.status == "draft" and module.learning_needs.get() == need
    need.refresh_from_db()
    assert need.status == LearningNeed.Status.PLANNED

    page.goto(f"/admin/catalogue/module/{module.pk}/change/")
    page.locator("#id_status").select_option("published")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    page.goto("/insights/demand/")
    assert axe_violations(page) == []
    fits_a_phone(page, "insights-demand")

    need.refresh_from_db()
    assert need.status == LearningNeed.Status.OFFERED
    told = [m for m in mail.outbox if m.to == ["eva@zorggroep.example.org"]]
    assert any("open for enrolment now" in m.body and "Reading data in care" in m.body
               for m in told)  # fmt: skip
    log_in(page, employer.user.email)
    page.goto(needs_page)
    expect(page.locator(".need-card")).to_contain_text("Offered")
    expect(page.locator(".need-card")).to_contain_text("Reading data in care")
