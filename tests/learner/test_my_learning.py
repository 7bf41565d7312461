"""My learning: where each enrolment stands, sessions only for confirmed seats, the seat
offer explained, cancelling only after a confirmation, and sessions that overlap."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from catalogue.models import Session
from enrolment import services
from enrolment.models import CalendarFeed, Enrolment, WaitingListEntry
from tests.academy.factories import MembershipFactory, OrganisationFactory, UserFactory
from tests.catalogue.factories import ModuleRunFactory, SessionFactory, local_datetime
from tests.enrolment.factories import EnrolmentFactory, WaitingListEntryFactory

pytestmark = pytest.mark.django_db

ME = "/me/"


def aware(day, hour, minute=0):
    return local_datetime(day.year, day.month, day.day, hour, minute)


def awaiting(learner, **run):
    """An enrolment the learner's employer has still to approve."""
    organisation = OrganisationFactory(name="Gemeente Utrecht")
    MembershipFactory(user=learner, organisation=organisation)
    return EnrolmentFactory(
        learner=learner, run=ModuleRunFactory(**run), payer="employer",
        organisation=organisation, status=Enrolment.Status.AWAITING_APPROVAL,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("status", "words", "colour"),
    [
        ("confirmed", "Confirmed", "enrolment-status-confirmed"),
        ("awaiting_approval", "Awaiting approval", "enrolment-status-awaiting_approval"),
        ("waiting", "On the waiting list", "enrolment-status-waiting"),
        ("offered", "Seat offered", "enrolment-status-offered"),
        ("cancelled", "Cancelled", "enrolment-status-cancelled"),
        ("completed", "Completed", "enrolment-status-completed"),
    ],
)
def test_each_status_has_its_own_words_and_colour(status, words, colour):
    html = render_to_string("includes/enrolment_badge.html", {"status": status})

    assert f">{words}</span>" in html
    assert colour in html


def test_my_learning_badges_say_where_each_module_stands(client):
    learner = UserFactory()
    EnrolmentFactory(learner=learner, run__module__title="Confirmed module")
    awaiting(learner, module__title="Asked module")
    WaitingListEntryFactory(learner=learner, run=ModuleRunFactory(capacity=0))
    client.force_login(learner)

    page = client.get(ME).content.decode()

    assert 'enrolment-status-confirmed">Confirmed<' in page
    assert 'enrolment-status-awaiting_approval">Awaiting approval<' in page
    assert 'enrolment-status-waiting">On the waiting list<' in page


def test_awaiting_approval_says_so_and_shows_no_sessions_links_or_calendar_entries(client):
    learner = UserFactory()
    enrolment = awaiting(learner, module__title="Leading change")
    SessionFactory(run=enrolment.run, title="Kick-off on campus")
    SessionFactory(run=enrolment.run, title="Online clinic", mode=Session.Mode.ONLINE,
                   location="", online_url="https://meet.example.org/secret")  # fmt: skip
    client.force_login(learner)

    page = client.get(ME).content.decode()
    feed = CalendarFeed.objects.get(user=learner)
    calendar = client.get(f"/me/calendar/{feed.token}.ics").content.decode()

    assert "Waiting for your employer's approval (Gemeente Utrecht)" in page
    assert "You are enrolled" not in page
    assert "Kick-off on campus" not in page
    assert "https://meet.example.org/secret" not in page
    assert "No sessions coming up." in page
    assert "Kick-off" not in calendar and "Online clinic" not in calendar


def test_once_approved_the_sessions_and_links_appear(client):
    learner = UserFactory()
    enrolment = awaiting(learner)
    SessionFactory(run=enrolment.run, title="Online clinic", mode=Session.Mode.ONLINE,
                   location="", online_url="https://meet.example.org/clinic")  # fmt: skip
    enrolment.status = Enrolment.Status.CONFIRMED
    enrolment.save()
    client.force_login(learner)

    page = client.get(ME).content.decode()

    assert "https://meet.example.org/clinic" in page
    assert "Waiting for your employer" not in page


def test_accepting_a_seat_the_employer_pays_does_not_say_you_are_enrolled(client):
    learner = UserFactory()
    organisation = OrganisationFactory(name="Gemeente Utrecht")
    MembershipFactory(user=learner, organisation=organisation)
    run = ModuleRunFactory(capacity=1, module__title="Leading change")
    entry = WaitingListEntryFactory(run=run, learner=learner, payer="employer",
                                    organisation=organisation)  # fmt: skip
    services.promote_waitlist(run=run)
    client.force_login(learner)

    page = client.post(f"/me/offers/{entry.pk}/accept/", follow=True).content.decode()

    assert "Waiting for your employer's approval" in page
    assert "You are enrolled for Leading change" not in page
    assert 'enrolment-status-awaiting_approval">Awaiting approval<' in page


def test_the_offer_says_how_long_the_seat_is_held_and_what_happens_after(client):
    run = ModuleRunFactory(capacity=1, module__title="Data ethics")
    entry = WaitingListEntryFactory(run=run)
    services.promote_waitlist(run=run)
    entry.refresh_from_db()
    client.force_login(entry.learner)

    page = client.get(ME).content.decode()

    held_until = timezone.localtime(entry.offer_expires_at)
    assert "A seat has come free. It is held for you until" in page
    assert held_until.strftime("%H:%M") in page
    assert "goes to the next person on the list" in page
    assert 'enrolment-status-offered">Seat offered<' in page
    assert reverse("learner:answer_offer", args=[entry.pk, "accept"]) in page


def test_declining_an_offer_asks_first(client):
    run = ModuleRunFactory(capacity=1)
    entry = WaitingListEntryFactory(run=run)
    services.promote_waitlist(run=run)
    client.force_login(entry.learner)
    url = reverse("learner:answer_offer", args=[entry.pk, "decline"])

    asked = client.get(url).content.decode()
    client.post(url)
    entry.refresh_from_db()
    still_offered = entry.status
    client.post(url, {"confirm": "yes"})
    entry.refresh_from_db()

    assert "Decline the seat for" in asked and "Keep the offer" in asked
    assert still_offered == WaitingListEntry.Status.OFFERED
    assert entry.status == WaitingListEntry.Status.DECLINED


# --- Cancelling asks first ----------------------------------------------------------------


def test_cancel_on_my_learning_leads_to_a_confirmation_not_a_cancellation(client):
    enrolment = EnrolmentFactory()
    client.force_login(enrolment.learner)
    url = reverse("learner:cancel", args=[enrolment.pk])

    page = client.get(ME).content.decode()
    asked = client.get(url)
    posted_without_yes = client.post(url)

    assert f'href="{url}"' in page
    assert "Keep my seat" in asked.content.decode()
    assert "Yes, cancel my enrolment" in asked.content.decode()
    assert posted_without_yes.status_code == 200
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.CONFIRMED


def test_the_confirmation_names_the_credit_note_and_the_waiting_list(
    client, django_capture_on_commit_callbacks
):
    run = ModuleRunFactory(capacity=1, module__price=Decimal("2000.00"), module__title="Audit")
    learner = UserFactory(email="noor@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        enrolment = services.enrol(run=run, learner=learner)
    WaitingListEntryFactory(run=run)
    client.force_login(learner)

    asked = client.get(reverse("learner:cancel", args=[enrolment.pk])).content.decode()

    assert "Cancel your enrolment for Audit?" in asked
    assert "A credit note of € 2,000.00 for invoice" in asked
    assert "noor@example.org" in asked
    assert "offered to the next person on the waiting list" in asked


def test_yes_cancels_and_offers_the_seat(client):
    run = ModuleRunFactory(capacity=1)
    enrolment = EnrolmentFactory(run=run)
    waiting = WaitingListEntryFactory(run=run)
    client.force_login(enrolment.learner)

    response = client.post(
        reverse("learner:cancel", args=[enrolment.pk]), {"confirm": "yes"}, follow=True
    )

    enrolment.refresh_from_db()
    waiting.refresh_from_db()
    assert enrolment.status == Enrolment.Status.CANCELLED
    assert waiting.status == WaitingListEntry.Status.OFFERED
    assert "Your enrolment has been cancelled." in response.content.decode()


def test_withdrawing_a_request_says_the_employer_need_not_approve(client):
    learner = UserFactory()
    enrolment = awaiting(learner)
    client.force_login(learner)

    asked = client.get(reverse("learner:cancel", args=[enrolment.pk])).content.decode()

    assert "Your request to Gemeente Utrecht is withdrawn" in asked
    assert "credit note" not in asked


def test_nobody_is_asked_to_confirm_cancelling_someone_elses_seat(client):
    enrolment = EnrolmentFactory()
    client.force_login(UserFactory())

    assert client.get(reverse("learner:cancel", args=[enrolment.pk])).status_code == 404


# --- Sessions that overlap ----------------------------------------------------------------


@pytest.fixture
def clash():
    """The learner's two modules meet at the same time in different buildings."""
    learner = UserFactory()
    day = timezone.localdate() + timedelta(days=20)
    ethics = EnrolmentFactory(learner=learner, run__module__title="Data ethics").run
    law = awaiting(learner, module__title="Privacy law").run
    SessionFactory(run=ethics, title="Ethics lab", starts_at=aware(day, 13, 0),
                   ends_at=aware(day, 16, 0), location="Ruppert building")  # fmt: skip
    SessionFactory(run=law, title="GDPR seminar", starts_at=aware(day, 15, 0),
                   ends_at=aware(day, 17, 0), location="Drift 21")  # fmt: skip
    SessionFactory(run=law, title="Later that day", starts_at=aware(day, 16, 0),
                   ends_at=aware(day, 18, 0), location="Drift 21")  # fmt: skip
    return learner


def test_clashes_are_found_from_both_sides_and_touching_sessions_do_not_clash(clash):
    from enrolment import queries

    found = {(c.session.title, c.other.title) for c in queries.session_clashes(clash)}

    assert found == {("Ethics lab", "GDPR seminar"), ("GDPR seminar", "Ethics lab")}


def test_my_learning_warns_of_each_clash_with_the_other_module_and_place(client, clash):
    client.force_login(clash)

    page = client.get(ME).content.decode()

    assert "overlaps Privacy law (GDPR seminar, 15:00–17:00, Drift 21)" in page
    assert "overlaps Data ethics (Ethics lab, 13:00–16:00, Ruppert building)" in page


def test_the_enrol_page_warns_that_the_run_overlaps_what_the_learner_has(client, clash):
    day = timezone.localdate() + timedelta(days=20)
    run = ModuleRunFactory(module__title="Statistics")
    SessionFactory(run=run, title="Stats", starts_at=aware(day, 14, 30), ends_at=aware(day, 15, 30))
    quiet = ModuleRunFactory(module__title="Quiet")
    SessionFactory(run=quiet, starts_at=aware(day, 9, 0), ends_at=aware(day, 10, 0))
    client.force_login(clash)

    page = client.get(f"/modules/{run.module.slug}/{run.code}/enrol/").content.decode()
    other = client.get(f"/modules/{quiet.module.slug}/{quiet.code}/enrol/").content.decode()

    assert "This run's session on" in page
    assert "overlaps Data ethics (Ethics lab, 13:00–16:00, Ruppert building)" in page
    assert "overlaps Privacy law (GDPR seminar, 15:00–17:00, Drift 21)" in page
    assert "overlaps" not in other


def test_a_cancelled_or_past_session_clashes_with_nothing(clash):
    from enrolment import queries

    Enrolment.objects.filter(learner=clash, run__module__title="Privacy law").update(
        status=Enrolment.Status.CANCELLED
    )

    assert queries.session_clashes(clash) == []


# --- Query count --------------------------------------------------------------------------


@pytest.mark.parametrize("modules", [1, 5])
def test_my_learning_query_count_stays_the_same_with_more_enrolments_and_clashes(
    client, django_assert_max_num_queries, modules
):
    learner = UserFactory()
    day = timezone.localdate() + timedelta(days=20)
    for n in range(modules):
        run = EnrolmentFactory(learner=learner).run
        SessionFactory(run=run, starts_at=aware(day, 13, n), ends_at=aware(day, 16, 0))
        awaiting(learner)
        WaitingListEntryFactory(learner=learner, run=ModuleRunFactory(capacity=0))
    client.force_login(learner)
    client.get(ME)  # the calendar feed is made on the first visit

    with django_assert_max_num_queries(13):
        page = client.get(ME).content.decode()

    assert page.count("Overlap:") == modules * (modules - 1)  # each against every other
