"""Seats are a hard limit; a full run fills its waiting list; freed seats are offered on."""

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest
from django.db import connection, connections
from django.utils import timezone

from academy.models import User
from catalogue.models import ModuleRun
from enrolment import services
from enrolment.models import Enrolment, WaitingListEntry
from tests.academy.factories import MembershipFactory, UserFactory
from tests.catalogue.factories import ModuleRunFactory
from tests.enrolment.factories import EnrolmentFactory

pytestmark = pytest.mark.django_db


def test_learner_gets_a_seat_while_there_is_one():
    run = ModuleRunFactory(capacity=2)

    enrolment = services.enrol(run=run, learner=UserFactory())

    assert isinstance(enrolment, Enrolment) and enrolment.status == Enrolment.Status.CONFIRMED
    assert services.seats_taken(run) == 1


def test_full_run_puts_learner_on_waiting_list_with_a_position():
    run = ModuleRunFactory(capacity=1)
    services.enrol(run=run, learner=UserFactory())

    first = services.enrol(run=run, learner=UserFactory())
    second = services.enrol(run=run, learner=UserFactory())

    assert isinstance(first, WaitingListEntry) and isinstance(second, WaitingListEntry)
    assert [services.waiting_list_position(e) for e in (first, second)] == [1, 2]
    run.refresh_from_db()
    run.seats_taken = services.seats_taken(run)
    assert run.status == ModuleRun.Status.OPEN and run.is_full  # full is derived, not stored


def test_enrolling_twice_or_in_a_closed_run_is_refused():
    run = ModuleRunFactory(capacity=5)
    learner = UserFactory()
    services.enrol(run=run, learner=learner)

    with pytest.raises(services.EnrolmentError, match="already enrolled"):
        services.enrol(run=run, learner=learner)
    closed = ModuleRunFactory(status=ModuleRun.Status.CLOSED)
    with pytest.raises(services.EnrolmentError, match="not open for enrolment"):
        services.enrol(run=closed, learner=learner)
    late = ModuleRunFactory(enrolment_closes=timezone.localdate() - timedelta(days=1))
    with pytest.raises(services.EnrolmentError, match="has closed"):
        services.enrol(run=late, learner=learner)


def test_employer_paid_enrolment_needs_membership_and_awaits_approval():
    membership = MembershipFactory()
    run = ModuleRunFactory()

    enrolment = services.enrol(run=run, learner=membership.user, payer="employer",
                               organisation=membership.organisation)  # fmt: skip
    with pytest.raises(services.EnrolmentError, match="member of"):
        services.enrol(run=ModuleRunFactory(), learner=UserFactory(), payer="employer",
                       organisation=membership.organisation)  # fmt: skip

    assert enrolment.status == Enrolment.Status.AWAITING_APPROVAL


def test_cancellation_offers_the_seat_to_the_first_in_line_for_48_hours():
    run = ModuleRunFactory(capacity=1)
    seated = services.enrol(run=run, learner=UserFactory())
    first = services.enrol(run=run, learner=UserFactory())
    services.enrol(run=run, learner=UserFactory())
    now = timezone.now()

    offered = services.cancel_enrolment(enrolment=seated, by=seated.learner, now=now)

    assert offered == [first]
    first.refresh_from_db()
    assert first.status == WaitingListEntry.Status.OFFERED
    assert first.offer_expires_at == now + timedelta(hours=48)
    assert services.seats_taken(run, now=now) == 1  # the offer holds the seat


def test_a_lapsed_offer_passes_to_the_next_in_line():
    run = ModuleRunFactory(capacity=1)
    seated = services.enrol(run=run, learner=UserFactory())
    first = services.enrol(run=run, learner=UserFactory())
    second = services.enrol(run=run, learner=UserFactory())
    now = timezone.now()
    services.cancel_enrolment(enrolment=seated, by=seated.learner, now=now)

    expired = services.expire_offers(now=now + timedelta(hours=49))

    first.refresh_from_db(), second.refresh_from_db()
    assert expired == 1
    assert (first.status, second.status) == ("expired", "offered")
    assert services.expire_offers(now=now + timedelta(hours=49)) == 0  # idempotent


def test_accepting_an_offer_enrols_and_declining_passes_it_on():
    run = ModuleRunFactory(capacity=2)
    seats = [services.enrol(run=run, learner=UserFactory()) for _ in range(2)]
    first = services.enrol(run=run, learner=UserFactory())
    second = services.enrol(run=run, learner=UserFactory())
    services.cancel_enrolment(enrolment=seats[0], by=seats[0].learner)
    services.cancel_enrolment(enrolment=seats[1], by=seats[1].learner)
    first.refresh_from_db(), second.refresh_from_db()

    enrolment = services.accept_offer(entry=first, learner=first.learner)
    services.decline_offer(entry=second, learner=second.learner)

    assert enrolment.status == Enrolment.Status.CONFIRMED
    with pytest.raises(services.EnrolmentError):
        services.accept_offer(entry=second, learner=second.learner)
    run.refresh_from_db()
    assert run.status == ModuleRun.Status.OPEN and services.seats_taken(run) == 1


def test_learner_cannot_cancel_after_the_start():
    run = ModuleRunFactory(start_date=timezone.localdate() - timedelta(days=1))
    run.enrolment_closes = None
    enrolment = EnrolmentFactory(run=run, learner=UserFactory())

    with pytest.raises(services.EnrolmentError, match="ask the academy office"):
        services.cancel_enrolment(enrolment=enrolment, by=enrolment.learner)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_200_learners_at_the_same_instant_fill_exactly_20_seats():
    run = ModuleRunFactory(capacity=20)
    learners = User.objects.bulk_create(User(email=f"racer{n}@example.com") for n in range(200))
    start = threading.Barrier(40)

    def enrol(numbered):
        number, learner = numbered
        if number < 40:  # the first wave leaves together; the rest follow as threads free up
            start.wait(timeout=30)
        try:
            return type(services.enrol(run=run, learner=learner)).__name__
        finally:
            connections.close_all()

    # 40 threads, each with its own connection and transaction (PostgreSQL allows 100).
    with ThreadPoolExecutor(max_workers=40) as pool:
        outcomes = list(pool.map(enrol, enumerate(learners)))

    assert outcomes.count("Enrolment") == 20
    assert outcomes.count("WaitingListEntry") == 180
    assert Enrolment.objects.filter(run=run).count() == 20
    assert WaitingListEntry.objects.filter(run=run, status="waiting").count() == 180
