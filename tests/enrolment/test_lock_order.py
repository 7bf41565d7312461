"""Locks are taken run first, then enrolment, by every service: two of them at once queue
instead of deadlocking."""

import threading
import time

import pytest
from django.db import connection, connections

from academy.models import Membership
from catalogue.models import ModuleRun
from enrolment import services
from enrolment.models import Enrolment
from tests.academy.factories import MembershipFactory, OrganisationFactory
from tests.catalogue.factories import ModuleRunFactory


def in_thread(work, outcomes, name):
    def run():
        try:
            outcomes[name] = work()
        except Exception as error:  # the test reports whatever happened
            outcomes[name] = error
        finally:
            connections.close_all()  # this thread's own connection

    thread = threading.Thread(target=run, name=name)
    thread.start()
    return thread


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_declining_and_cancelling_the_same_enrolment_at_once_do_not_deadlock():
    """The employer declines while the learner cancels. Both queue behind a third party that
    holds the run (say, an enrolment being counted); the cancel queues first. Declining used
    to lock the enrolment before the run: then each would hold what the other waits for."""
    organisation = OrganisationFactory()
    admin = MembershipFactory(organisation=organisation, role=Membership.Role.ADMIN).user
    learner = MembershipFactory(organisation=organisation).user
    run = ModuleRunFactory(capacity=5)
    enrolment = services.enrol(run=run, learner=learner, payer=Enrolment.Payer.EMPLOYER,
                               organisation=organisation)  # fmt: skip
    assert enrolment.status == Enrolment.Status.AWAITING_APPROVAL
    holding, release, outcomes = threading.Event(), threading.Event(), {}

    def hold_the_run():
        from django.db import transaction

        with transaction.atomic():
            ModuleRun.objects.select_for_update().get(pk=run.pk)
            holding.set()
            release.wait(timeout=10)

    holder = in_thread(hold_the_run, outcomes, "holder")
    assert holding.wait(timeout=5)
    cancel = in_thread(
        lambda: services.cancel_enrolment(enrolment=enrolment, by=learner), outcomes, "cancel"
    )
    time.sleep(0.3)  # the cancel now waits for the run
    decline = in_thread(
        lambda: services.approve_enrolment(enrolment=enrolment, approve=False, by=admin),
        outcomes, "decline",
    )  # fmt: skip
    time.sleep(0.3)  # and the decline waits too (before, it held the enrolment meanwhile)
    release.set()
    for thread in (holder, cancel, decline):
        thread.join(timeout=20)

    assert not isinstance(outcomes["cancel"], Exception), outcomes["cancel"]
    # The cancel came first; the decline then finds nothing awaiting approval: a refusal a
    # person can read, not a deadlock.
    assert isinstance(outcomes["decline"], services.EnrolmentError), outcomes["decline"]
    assert "not awaiting approval" in str(outcomes["decline"])
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.CANCELLED and enrolment.cancelled_by == learner
