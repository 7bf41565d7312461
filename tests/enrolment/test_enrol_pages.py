"""Enrolling from the module page, My learning, cancelling and answering an offer."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from enrolment.models import Enrolment, WaitingListEntry
from tests.academy.factories import MembershipFactory, UserFactory
from tests.catalogue.factories import ModuleRunFactory, SessionFactory
from tests.enrolment.factories import EnrolmentFactory, WaitingListEntryFactory

pytestmark = pytest.mark.django_db

# The terms shown on the page (version 1, in effect since the first migrate).
ENROL = {"payer": "learner", "motivation": "", "accept_terms": "on", "terms_version": 1}


@pytest.fixture
def run():
    run = ModuleRunFactory(module__slug="data-ethics", code="2027-03", capacity=1)
    SessionFactory(run=run, title="Kick-off")
    return run


def enrol_url(run):
    return f"/modules/{run.module.slug}/{run.code}/enrol/"


def test_learner_enrols_and_gets_a_confirmation_once(
    client, run, mailoutbox, django_capture_on_commit_callbacks
):
    learner = UserFactory(first_name="Noor")
    client.force_login(learner)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(enrol_url(run), ENROL, follow=True)

    assert Enrolment.objects.get().learner == learner
    html = response.content.decode()
    assert "You are enrolled for" in html and "Kick-off" in html
    assert len(mailoutbox) == 2  # the learner pays: the invoice comes too
    [invoice] = [message for message in mailoutbox if message.attachments]
    [confirmation] = [message for message in mailoutbox if not message.attachments]
    assert "Dear Noor" in confirmation.body and "Kick-off" in confirmation.body
    assert confirmation.alternatives[0][1] == "text/html"
    assert invoice.subject.startswith("Invoice 20") and invoice.to == [learner.email]
    assert invoice.attachments[0][2] == "application/pdf"


def test_enrolling_needs_a_login_and_the_terms(client, run):
    assert client.get(enrol_url(run)).status_code == 302
    client.force_login(UserFactory())

    response = client.post(enrol_url(run), {**ENROL, "accept_terms": ""})

    assert "This field is required." in response.context["form"].errors["accept_terms"]
    assert not Enrolment.objects.exists()


def test_full_run_puts_the_next_learner_on_the_waiting_list(client, run):
    EnrolmentFactory(run=run, learner=UserFactory())
    client.force_login(UserFactory())

    response = client.post(enrol_url(run), ENROL, follow=True)

    assert "You are number 1 on the waiting list" in response.content.decode()
    assert "On the waiting list: number 1." in response.content.decode()


def test_employer_can_pay_only_for_its_members(client, run):
    membership = MembershipFactory(organisation__name="Gemeente Tiel")
    client.force_login(membership.user)

    page = client.get(enrol_url(run)).content.decode()
    client.post(enrol_url(run), {**ENROL, "payer": str(membership.organisation_id)})

    assert "My employer pays: Gemeente Tiel" in page
    enrolment = Enrolment.objects.get()
    assert (enrolment.payer, enrolment.status) == ("employer", "awaiting_approval")


def test_cancelling_offers_the_seat_to_the_next_who_accepts_it(client, run):
    first, second = UserFactory(), UserFactory()
    client.force_login(first)
    client.post(enrol_url(run), ENROL)
    client.force_login(second)
    client.post(enrol_url(run), ENROL)

    client.force_login(first)
    client.post(
        f"/me/enrolments/{Enrolment.objects.get(learner=first).pk}/cancel/", {"confirm": "yes"}
    )
    client.force_login(second)
    page = client.get("/me/").content.decode()
    entry = WaitingListEntry.objects.get(learner=second)
    client.post(f"/me/offers/{entry.pk}/accept/")

    assert "A seat has come free. It is held for you until" in page
    assert Enrolment.objects.get(learner=second).status == "confirmed"


def test_nobody_can_cancel_or_answer_for_someone_else(client, run):
    enrolment = EnrolmentFactory(run=run, learner=UserFactory())
    entry = WaitingListEntryFactory(run=run, learner=UserFactory())
    client.force_login(UserFactory())

    assert client.post(f"/me/enrolments/{enrolment.pk}/cancel/").status_code == 404
    assert client.post(f"/me/offers/{entry.pk}/accept/").status_code == 404
    enrolment.refresh_from_db()
    assert enrolment.status == "confirmed"


def test_personal_calendar_feed_has_my_sessions_with_links_and_can_be_renewed(client, run):
    from catalogue.models import Session
    from enrolment.models import CalendarFeed

    learner = UserFactory()
    EnrolmentFactory(run=run, learner=learner)
    SessionFactory(run=run, title="Online clinic", mode=Session.Mode.ONLINE, location="",
                   online_url="https://meet.example.org/clinic")  # fmt: skip
    SessionFactory(title="Someone else's session")
    client.force_login(learner)
    client.get("/me/")
    feed = CalendarFeed.objects.get(user=learner)
    client.logout()

    response = client.get(f"/me/calendar/{feed.token}.ics")

    body = response.content.decode()
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert "Kick-off" in body and "Online clinic" in body
    assert "https://meet.example.org/clinic" in body
    assert "Someone else" not in body
    client.force_login(learner)
    client.post("/me/calendar/renew/")
    assert client.get(f"/me/calendar/{feed.token}.ics").status_code == 404
    assert client.get(f"/me/calendar/{CalendarFeed.objects.get().token}.ics").status_code == 200


def test_portfolio_holders_see_and_export_only_their_facultys_participants(client):
    import csv
    import io

    from django.contrib.auth.models import Group

    from tests.catalogue.factories import FacultyFactory

    science, law = FacultyFactory(slug="science"), FacultyFactory(slug="law")
    holder = UserFactory(is_staff=True)
    holder.groups.add(Group.objects.get(name="Portfolio holders"))
    science.portfolio_holders.add(holder)
    formula = "=cmd|' /C calc'!A0"
    ours = EnrolmentFactory(
        run=ModuleRunFactory(module__faculty=science), learner=UserFactory(first_name=formula)
    )
    theirs = EnrolmentFactory(run=ModuleRunFactory(module__faculty=law), learner=UserFactory())
    client.force_login(holder)

    listed = client.get("/admin/enrolment/enrolment/").context["cl"].queryset
    export = client.post(
        "/admin/enrolment/enrolment/",
        {"action": "export_participants", "_selected_action": [ours.pk, theirs.pk]},
    )

    assert list(listed) == [ours]
    assert client.get(f"/admin/enrolment/enrolment/{theirs.pk}/change/").status_code == 302
    rows = list(csv.reader(io.StringIO(export.content.decode("utf-8-sig"))))
    assert [row[2] for row in rows[1:]] == [ours.learner.email]
    assert rows[1][3].startswith("'=")


@pytest.mark.parametrize("places", [1, 4])
def test_my_learning_query_count_does_not_grow_with_waiting_list_places(
    client, django_assert_max_num_queries, places
):
    learner = UserFactory()
    for _ in range(places):
        full = ModuleRunFactory(capacity=0)
        WaitingListEntryFactory(run=full, learner=UserFactory())  # one ahead
        WaitingListEntryFactory(run=full, learner=learner)
    client.force_login(learner)

    with django_assert_max_num_queries(13):  # with the evaluations still open
        html = client.get("/me/").content.decode()

    assert html.count("On the waiting list: number 2.") == places


def test_a_module_that_asks_for_motivation_requires_it(client, run):
    run.module.asks_for_motivation = True
    run.module.save()
    client.force_login(UserFactory())

    response = client.post(enrol_url(run), {**ENROL, "motivation": ""})

    assert "This field is required." in response.context["form"].errors["motivation"]
    assert not Enrolment.objects.exists()
    client.post(enrol_url(run), {**ENROL, "motivation": "Ik leid een wijkteam."})
    assert Enrolment.objects.get().motivation == "Ik leid een wijkteam."


def test_learner_cancels_until_the_runs_deadline_and_is_told_after_it(client, run):
    run.cancellation_deadline = timezone.localdate() + timedelta(days=2)
    run.save()
    learner = UserFactory()
    enrolment = EnrolmentFactory(run=run, learner=learner)
    client.force_login(learner)
    assert "possible until" in client.get(reverse("learner:my_learning")).content.decode()

    run.cancellation_deadline = timezone.localdate() - timedelta(days=1)
    run.save()
    page = client.get(reverse("learner:my_learning")).content.decode()
    response = client.post(reverse("learner:cancel", args=[enrolment.pk]), follow=True)

    assert "contact the academy office" in page
    assert "ask the academy office to cancel" in response.content.decode()
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.CONFIRMED
