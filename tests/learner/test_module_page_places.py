"""The module page tells a signed-in learner where they stand in each run, instead of
offering to enrol in a run they are already in."""

import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from enrolment.models import Enrolment, WaitingListEntry
from tests.academy.factories import UserFactory
from tests.catalogue.factories import ModuleFactory, ModuleRunFactory
from tests.enrolment.factories import EnrolmentFactory, WaitingListEntryFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def runs():
    """Two runs of one module: spring (the next one) and autumn."""
    module = ModuleFactory(slug="data-ethics", title="Data ethics")
    spring = ModuleRunFactory(module=module, code="spring", start_date=date(2027, 3, 1),
                              end_date=date(2027, 4, 12))  # fmt: skip
    autumn = ModuleRunFactory(module=module, code="autumn", start_date=date(2027, 9, 6),
                              end_date=date(2027, 10, 18))  # fmt: skip
    return spring, autumn


def run_card(html: str, run) -> str:
    """The card of one run in "Dates and sessions"."""
    heading = f"{run.start_date:%-d %B %Y} – {run.end_date:%-d %B %Y}</h3>"
    start = html.index(heading)
    return html[start : html.find('<div class="card run-card', start)]


def glance(html: str) -> str:
    return re.search(r'<aside[^>]*aria-labelledby="facts".*?</aside>', html, re.S).group(0)


def page_of(client, learner) -> str:
    client.force_login(learner)
    return client.get("/modules/data-ethics/").content.decode()


def test_an_enrolled_learner_reads_you_are_enrolled_and_can_still_enrol_in_another_run(
    client, runs
):
    spring, autumn = runs
    enrolment = EnrolmentFactory(run=spring)

    html = page_of(client, enrolment.learner)

    for block in (glance(html), run_card(html, spring)):
        assert "You are enrolled" in block
        assert "/modules/data-ethics/spring/enrol/" not in block
        assert reverse("learner:my_learning") in block
    assert "/modules/data-ethics/autumn/enrol/" in run_card(html, autumn)


def test_a_seat_awaiting_the_employers_approval_says_so(client, runs):
    spring, _ = runs
    enrolment = EnrolmentFactory(run=spring, status=Enrolment.Status.AWAITING_APPROVAL)

    card = run_card(page_of(client, enrolment.learner), spring)

    assert "Waiting for your employer's approval" in card
    assert "Awaiting approval" in card  # the shared badge
    assert "/enrol/" not in card


def test_a_waiting_list_place_shows_its_number_and_a_button_to_leave(client, runs):
    _, autumn = runs
    autumn.capacity = 1
    autumn.save()
    EnrolmentFactory(run=autumn)
    WaitingListEntryFactory(run=autumn)
    entry = WaitingListEntryFactory(run=autumn)

    card = run_card(page_of(client, entry.learner), autumn)

    assert "On the waiting list (place 2)" in card
    leave = reverse("learner:leave_waiting_list", args=[entry.pk])
    assert f'<form method="post" action="{leave}"' in card
    assert 'name="next" value="/modules/data-ethics/"' in card
    assert "Leave the waiting list" in card and "Join the waiting list" not in card


def test_leaving_from_the_module_page_asks_first_and_comes_back_to_it(client, runs):
    _, autumn = runs
    entry = WaitingListEntryFactory(run=autumn)
    client.force_login(entry.learner)
    leave = reverse("learner:leave_waiting_list", args=[entry.pk])

    asked = client.post(leave, {"next": "/modules/data-ethics/"})
    left = client.post(leave, {"next": "/modules/data-ethics/", "confirm": "yes"})

    assert "Yes, leave the waiting list" in asked.content.decode()
    assert left.url == "/modules/data-ethics/"
    entry.refresh_from_db()
    assert entry.status == WaitingListEntry.Status.LEFT
    assert "/modules/data-ethics/autumn/enrol/" in client.get(left.url).content.decode()


def test_a_seat_offered_from_the_waiting_list_shows_until_when_and_leads_to_my_learning(
    client, runs
):
    spring, _ = runs
    expires = datetime(2027, 2, 3, 17, 30, tzinfo=ZoneInfo("Europe/Amsterdam"))
    entry = WaitingListEntryFactory(
        run=spring, status=WaitingListEntry.Status.OFFERED,
        offered_at=expires - timedelta(days=2), offer_expires_at=expires,
    )  # fmt: skip

    card = run_card(page_of(client, entry.learner), spring)

    assert "A seat is offered to you until 3 February 2027 17:30" in card
    assert f'href="{reverse("learner:my_learning")}"' in card


def test_the_cached_page_is_personal_for_each_visitor(client, runs):
    spring, _ = runs
    enrolment = EnrolmentFactory(run=spring)
    client.get("/modules/data-ethics/")  # an anonymous visitor fills the cache

    mine = page_of(client, enrolment.learner)
    response = client.get("/modules/data-ethics/")
    client.force_login(UserFactory())
    someone_elses = client.get("/modules/data-ethics/").content.decode()

    assert "You are enrolled" in mine
    assert "no-store" in response["Cache-Control"]  # no shared cache keeps a personal page
    assert "You are enrolled" not in someone_elses
    assert "/modules/data-ethics/spring/enrol/" in someone_elses


def test_cancelled_and_left_places_offer_to_enrol_again(client, runs):
    spring, autumn = runs
    learner = UserFactory()
    EnrolmentFactory(run=spring, learner=learner, status=Enrolment.Status.CANCELLED)
    WaitingListEntryFactory(run=autumn, learner=learner, status=WaitingListEntry.Status.LEFT)

    html = page_of(client, learner)

    assert "/modules/data-ethics/spring/enrol/" in run_card(html, spring)
    assert "/modules/data-ethics/autumn/enrol/" in run_card(html, autumn)
