"""The dashboard in Chromium: a portfolio holder opens /insights/, narrows it to one faculty,
a theme and a range of months; the page is axe-clean, fits a phone and prints."""

import random
from datetime import date
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from tests.academy.factories import OrganisationFactory
from tests.catalogue.factories import (
    FacultyFactory,
    ModuleFactory,
    ModuleRunFactory,
    PartnerFactory,
    SessionFactory,
    TeachingFactory,
    ThemeFactory,
)
from tests.credentials.factories import ResultFactory
from tests.demand.factories import LearningNeedFactory, portfolio_holder_of
from tests.e2e.helpers import SHOTS, fits_a_phone, log_in
from tests.enrolment.factories import AttendanceFactory, WaitingListEntryFactory
from tests.insights.test_dashboard import TODAY, YEAR, answers, enrol, invoice

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _today(monkeypatch):
    monkeypatch.setattr("insights.dashboard.today", lambda: TODAY)


@pytest.fixture
def academy():
    """Two faculties with a year of runs, enrolments, invoices, results and evaluations."""
    rng = random.Random(13)  # a reproducible world
    health = FacultyFactory(name="Faculty of Medicine", slug="medicine")
    law = FacultyFactory(name="Faculty of Law", slug="law")
    care = ThemeFactory(name="Health & care", slug="health-care")
    data = ThemeFactory(name="Data & AI", slug="data-ai")
    partner = PartnerFactory(name="UMC Utrecht")
    employers = [OrganisationFactory(name=name) for name in
                 ("Zorggroep Rivierenland", "Gemeente Utrecht", "Antonius Ziekenhuis")]  # fmt: skip
    titles = [("Leading change in care teams", health, care),
              ("Data-driven care", health, data), ("Clinical reasoning refresher", health, care),
              ("Privacy law in practice", law, data), ("Procurement law", law, data)]  # fmt: skip
    for number, (title, faculty, theme) in enumerate(titles):
        module = ModuleFactory(title=title, faculty=faculty, themes=[theme])
        if number % 2 == 0:
            module.partners.add(partner)
        for edition in range(2):
            start = date(YEAR, 9 + edition * 2 + number % 2, 5)
            run = ModuleRunFactory(module=module, code=f"{module.slug[:10]}-{edition + 1}",
                                   capacity=rng.choice([12, 16, 20]), start_date=start,
                                   end_date=start.replace(day=25))  # fmt: skip
            seats = [
                enrol(run, employer=rng.choice(employers) if rng.random() < 0.5 else None,
                      on=date(YEAR, 8 + rng.randint(1, 3), rng.randint(1, 28)))
                for _ in range(rng.randint(6, run.capacity))
            ]  # fmt: skip
            if len(seats) == run.capacity:
                for _ in range(rng.randint(1, 4)):
                    WaitingListEntryFactory(run=run)
            session = SessionFactory(run=run)
            for enrolment in seats:
                AttendanceFactory(enrolment=enrolment, session=session, present=rng.random() < 0.9)
                ResultFactory(enrolment=enrolment, passed=rng.random() < 0.85)
                invoice(enrolment, rng.choice(["895.00", "1250.00"]), paid=rng.random() < 0.7,
                        on=date(YEAR, 9 + rng.randint(0, 3), rng.randint(1, 28)))  # fmt: skip
            TeachingFactory(run=run, contact_hours=Decimal(rng.choice([12, 18, 24])))
            answers(run, rng.randint(3, 9), overall=rng.randint(3, 5), recommend=rng.randint(6, 10))
        for status in ("new", "with_faculty", "planned"):
            LearningNeedFactory(status=status, expected_learners=rng.randint(5, 40)).faculties.add(
                faculty
            )
    holder = portfolio_holder_of(health)
    law.portfolio_holders.add(holder)
    return {"holder": holder, "health": health, "care": care}


def test_a_portfolio_holder_reads_and_filters_the_dashboard(page, academy, axe_violations):
    log_in(page, academy["holder"].email)
    page.goto("/insights/")
    expect(page.get_by_role("heading", name="Insights", level=1)).to_be_visible()
    expect(page.get_by_role("heading", name="Per faculty")).to_be_visible()
    expect(page.locator("section[aria-labelledby=per-faculty]")).to_contain_text("Faculty of Law")
    assert page.locator("svg[role=img]").count() == 4
    assert axe_violations(page) == []
    fits_a_phone(page, "insights")

    page.get_by_label("Faculty", exact=True).select_option(label="Faculty of Medicine")
    page.get_by_label("Theme", exact=True).select_option(label="Health & care")
    page.get_by_label("From month").fill(f"{YEAR}-09")
    page.get_by_label("Until month").fill(f"{YEAR}-12")
    page.get_by_role("button", name="Show").click()
    expect(page.locator("p.lead")).to_contain_text("Faculty of Medicine · Health & care")
    table = page.locator("section[aria-labelledby=per-faculty]")
    expect(table).not_to_contain_text("Faculty of Law")
    expect(page.locator("section[aria-labelledby=per-module]")).not_to_contain_text(
        "Data-driven care"
    )
    page.get_by_text("The numbers").first.click()
    assert axe_violations(page) == []
    fits_a_phone(page, "insights-filtered")

    page.emulate_media(media="print")
    assert page.locator("form.insights-filters").is_hidden()
    if SHOTS:
        page.pdf(path=f"{SHOTS}/insights-print.pdf")
    page.emulate_media(media="screen")


def test_the_dashboard_draws_in_dutch(page, academy, axe_violations):
    log_in(page, academy["holder"].email)
    site = "/".join(page.url.split("/", 3)[:3]) + "/"  # the cookie for every path
    page.context.add_cookies([{"name": "django_language", "value": "nl", "url": site}])
    page.goto("/insights/")
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    bars = page.locator("svg[role=img] rect.bar-solid")
    assert bars.count() > 10
    assert all(float(bars.nth(n).get_attribute("height")) >= 0 for n in range(bars.count()))
    assert axe_violations(page) == []
    fits_a_phone(page, "insights-nl")
