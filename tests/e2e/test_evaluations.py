"""Evaluations in Chromium: a participant fills in the form from the invitation's link; a
portfolio holder reads the run's figures and comments and hides one. Axe-clean, and no
sideways scroll at 390 px."""

import re

import pytest
from playwright.sync_api import expect

from evaluations.models import Answer
from tests.catalogue.factories import FacultyFactory, ModuleFactory
from tests.demand.factories import portfolio_holder_of
from tests.e2e.helpers import fits_a_phone, log_in
from tests.evaluations.factories import AnswerFactory, InvitationFactory, answers, ended_run

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_participant_evaluates_and_the_portfolio_holder_reads_it(page, axe_violations):
    science = FacultyFactory(name="Faculty of Science")
    module = ModuleFactory(title="Data ethics for managers", slug="data-ethics", faculty=science)
    run = ended_run(module=module)
    invitation = InvitationFactory(enrolment__run=run)
    for _ in range(7):
        InvitationFactory(enrolment__run=run, answered=True)
    answers(run, 6, comments="")
    AnswerFactory(run=run, overall=3, comments="More cases from our own sector, please.")

    page.goto(f"/evaluations/{invitation.token}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Data ethics for managers")
    assert axe_violations(page) == []
    fits_a_phone(page, "evaluation-form")
    page.get_by_role("button", name="Send my evaluation").click()
    expect(page.locator(".alert-danger")).to_contain_text("Please answer the questions")
    for question, answer in [("Overall", "5 – excellent"), ("How relevant", "4 – good"),
                             ("How were the lecturers", "5 – excellent"),
                             ("How well did the online", "3 – fair"),
                             ("How did the work", "About as stated")]:  # fmt: skip
        page.get_by_role("group", name=question).get_by_text(answer, exact=True).click()
    page.get_by_role("group", name="How likely").get_by_text("9", exact=True).click()
    page.get_by_label("Anything you would like").fill("The lecturer, Jan, was rude to me.")
    page.get_by_role("button", name="Send my evaluation").click()
    expect(page.get_by_role("status")).to_contain_text("Thank you!")
    assert Answer.objects.count() == 8

    log_in(page, portfolio_holder_of(science).email)
    page.goto("/teaching/evaluations/")
    assert axe_violations(page) == []
    fits_a_phone(page, "evaluations")
    page.get_by_role("link", name="Data ethics for managers").first.click()
    expect(page.locator("main")).to_contain_text("8 of 8 participants answered")
    assert axe_violations(page) == []
    fits_a_phone(page, "run-evaluation")
    comment = page.locator("figure", has_text="was rude to me")
    comment.get_by_text("Hide this comment").click()
    comment.get_by_label("Why hide it?").fill("Names a lecturer personally.")
    comment.get_by_role("button", name="Hide").click()
    expect(page.locator("figure", has_text="was rude to me")).to_contain_text("hidden")

    page.goto("/teaching/modules/data-ethics/evaluations/")
    assert axe_violations(page) == []
    fits_a_phone(page, "module-evaluations")


def test_a_portfolio_holder_walks_from_the_dashboard_to_a_runs_evaluation(page, axe_violations):
    science = FacultyFactory(name="Faculty of Science")
    module = ModuleFactory(title="Circular procurement", faculty=science)
    run = ended_run(module=module, days_ago=3)
    for _ in range(6):
        InvitationFactory(enrolment__run=run, answered=True)
    answers(run, 6, overall=4, comments="Good cases.")

    log_in(page, portfolio_holder_of(science).email)
    page.goto("/insights/")
    assert axe_violations(page) == []
    ratings = page.locator("details", has_text="of ratings per module")
    ratings.locator("summary").click()
    ratings.get_by_role("link", name="Circular procurement").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Circular procurement")
    page.get_by_role("link", name=re.compile(run.start_date.strftime("%-d %b %Y"))).click()
    expect(page.locator("main")).to_contain_text("6 of 6 participants answered")
    expect(page.locator("main")).to_contain_text("Good cases.")
    assert axe_violations(page) == []
