"""Leaving a waiting list from My learning (or the module page), after a confirmation."""

import pytest
from django.urls import reverse

from academy.models import AuditEntry
from enrolment import services
from enrolment.models import WaitingListEntry
from tests.academy.factories import UserFactory
from tests.catalogue.factories import ModuleRunFactory
from tests.enrolment.factories import WaitingListEntryFactory

pytestmark = pytest.mark.django_db


def leave_url(entry):
    return reverse("learner:leave_waiting_list", args=[entry.pk])


def test_my_learning_offers_to_leave_the_waiting_list(client):
    entry = WaitingListEntryFactory(run=ModuleRunFactory(capacity=0))
    client.force_login(entry.learner)

    page = client.get(reverse("learner:my_learning")).content.decode()

    assert leave_url(entry) in page


def test_leaving_asks_first_and_a_get_leaves_nothing(client):
    entry = WaitingListEntryFactory(run=ModuleRunFactory(capacity=0, module__title="Data ethics"))
    client.force_login(entry.learner)

    page = client.get(leave_url(entry)).content.decode()
    unconfirmed = client.post(leave_url(entry))

    assert "Leave the waiting list for Data ethics?" in page
    assert "place (number 1)" in page
    assert "Yes, leave the waiting list" in page
    assert unconfirmed.status_code == 200
    entry.refresh_from_db()
    assert entry.status == WaitingListEntry.Status.WAITING


def test_learner_leaves_the_waiting_list_and_the_trail_says_who(client):
    entry = WaitingListEntryFactory(run=ModuleRunFactory(capacity=0, module__title="Data ethics"))
    client.force_login(entry.learner)

    response = client.post(leave_url(entry), {"confirm": "yes"}, follow=True)

    entry.refresh_from_db()
    assert entry.status == WaitingListEntry.Status.LEFT
    assert "You left the waiting list for Data ethics." in response.content.decode()
    assert leave_url(entry) not in response.content.decode()
    logged = AuditEntry.objects.get(action="enrolment.left_waiting_list")
    assert (logged.actor, logged.subject) == (entry.learner, entry.learner)


def test_nobody_leaves_someone_elses_place(client):
    entry = WaitingListEntryFactory(run=ModuleRunFactory(capacity=0))
    client.force_login(UserFactory())

    assert client.get(leave_url(entry)).status_code == 404
    assert client.post(leave_url(entry), {"confirm": "yes"}).status_code == 404
    entry.refresh_from_db()
    assert entry.status == WaitingListEntry.Status.WAITING


def test_leaving_an_offered_seat_passes_it_to_the_next_in_line(client):
    run = ModuleRunFactory(capacity=1)
    offered = WaitingListEntryFactory(run=run)
    next_in_line = WaitingListEntryFactory(run=run)
    services.promote_waitlist(run=run)
    offered.refresh_from_db()
    client.force_login(offered.learner)

    page = client.get(leave_url(offered)).content.decode()
    client.post(leave_url(offered), {"confirm": "yes"})

    assert "goes to the next person on the waiting list" in page
    offered.refresh_from_db()
    next_in_line.refresh_from_db()
    assert offered.status == WaitingListEntry.Status.LEFT
    assert next_in_line.status == WaitingListEntry.Status.OFFERED


def test_leaving_twice_says_so_and_changes_nothing(client):
    entry = WaitingListEntryFactory(
        run=ModuleRunFactory(capacity=0), status=WaitingListEntry.Status.LEFT
    )
    client.force_login(entry.learner)

    response = client.post(leave_url(entry), {"confirm": "yes"}, follow=True)

    assert "You are no longer on this waiting list." in response.content.decode()
    assert AuditEntry.objects.filter(action="enrolment.left_waiting_list").count() == 0


def test_after_leaving_it_returns_to_the_page_that_asked_but_never_off_the_site(client):
    run = ModuleRunFactory(capacity=0)
    mine, other = WaitingListEntryFactory(run=run), WaitingListEntryFactory()
    client.force_login(mine.learner)
    module_page = run.module.get_absolute_url()

    back = client.post(leave_url(mine), {"confirm": "yes", "next": module_page})
    client.force_login(other.learner)
    away = client.post(leave_url(other), {"confirm": "yes", "next": "https://evil.example/"})

    assert back.url == module_page
    assert away.url == reverse("learner:my_learning")


def test_the_service_refuses_someone_elses_place():
    entry = WaitingListEntryFactory(run=ModuleRunFactory(capacity=0))

    with pytest.raises(services.EnrolmentError):
        services.leave_waiting_list(entry=entry, by=UserFactory())
