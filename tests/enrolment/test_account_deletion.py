"""Deleting an account cancels what lies ahead: seats freed and offered on, invoiced seats
credited, approvals withdrawn, the employer told once; past records stay; nothing is mailed
to the anonymised address."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from academy import personal_data
from credentials.models import Result
from enrolment import emails, queries, services
from enrolment.models import Enrolment, Invoice, Reminder, WaitingListEntry
from enrolment.reminders import send_due_reminders
from tests.academy.factories import (
    DEFAULT_PASSWORD,
    MembershipFactory,
    OrganisationFactory,
    UserFactory,
)
from tests.catalogue.factories import ModuleRunFactory, SessionFactory
from tests.credentials.factories import ResultFactory
from tests.enrolment.factories import EnrolmentFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def run_of(title, *, capacity=20, starts_in=30, **fields):
    start = TODAY + timedelta(days=starts_in)
    return ModuleRunFactory(module__title=title, module__price=Decimal("2650.00"),
                            capacity=capacity, start_date=start,
                            end_date=start + timedelta(weeks=6), **fields)  # fmt: skip


def seated_other(run):
    return services.enrol(run=run, learner=UserFactory())


def waiting_other(run):
    entry = services.enrol(run=run, learner=UserFactory())
    assert isinstance(entry, WaitingListEntry)
    return entry


@pytest.fixture
def employer():
    return OrganisationFactory(name="Zorggroep Noord")


@pytest.fixture
def employer_admin(employer):
    return MembershipFactory(
        organisation=employer, role="admin", user__email="hr@zorggroep.example"
    ).user


@pytest.fixture
def learner(employer):
    return MembershipFactory(
        organisation=employer, user__first_name="Noor", user__last_name="Bakker",
        user__email="noor@example.com",
    ).user  # fmt: skip


@pytest.fixture
def world(employer, employer_admin, learner, django_capture_on_commit_callbacks):
    """Everything a learner can have going on, and someone waiting behind each seat."""
    w = {}
    with django_capture_on_commit_callbacks(execute=True):
        w["approval_run"] = run_of("Leading change")
        w["pending"] = services.enrol(run=w["approval_run"], learner=learner,
                                      payer="employer", organisation=employer)  # fmt: skip

        w["own_run"] = run_of("Data ethics", capacity=1)
        w["own"] = services.enrol(run=w["own_run"], learner=learner)
        w["own_next"] = waiting_other(w["own_run"])

        w["cohort_run"] = run_of("Safe care", capacity=1)
        cohort = services.create_cohort(organisation=employer, run=w["cohort_run"],
                                        learners=[learner], by=employer_admin)  # fmt: skip
        w["cohort"] = cohort.enrolments.get()
        w["cohort_next"] = waiting_other(w["cohort_run"])

        # Under way since yesterday: past the learner's own cancellation deadline.
        w["started_run"] = run_of("Lean in practice", starts_in=-1)
        started = services.enrol(run=w["started_run"], learner=learner,
                                 payer="employer", organisation=employer)  # fmt: skip
        w["started"] = services.approve_enrolment(enrolment=started, approve=True,
                                                  by=employer_admin)  # fmt: skip

        w["full_run"] = run_of("Negotiation", capacity=1)
        seated_other(w["full_run"])
        w["waiting"] = waiting_other_named(w["full_run"], learner)

        w["offer_run"] = run_of("Project finance", capacity=1)
        holder = seated_other(w["offer_run"])
        w["offer"] = waiting_other_named(w["offer_run"], learner)
        w["offer_next"] = waiting_other(w["offer_run"])
        services.cancel_enrolment(enrolment=holder, by=holder.learner)

        w["past_run"] = run_of("Basics of law", starts_in=-90)
        w["past"] = EnrolmentFactory(run=w["past_run"], learner=learner)
        w["result"] = ResultFactory(enrolment=w["past"], passed=True, grade="8",
                                            assessed_on=TODAY - timedelta(days=40))  # fmt: skip
    w["offer"].refresh_from_db()
    assert w["offer"].status == WaitingListEntry.Status.OFFERED
    assert Invoice.objects.filter(order__enrolments__learner=learner).count() == 3
    return w


def waiting_other_named(run, learner):
    entry = services.enrol(run=run, learner=learner)
    assert isinstance(entry, WaitingListEntry)
    return entry


def delete_account(client, learner, django_capture_on_commit_callbacks):
    client.force_login(learner)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/me/delete/", {"password": DEFAULT_PASSWORD})
    assert response.status_code == 302
    learner.refresh_from_db()
    assert learner.email.endswith("@deleted.invalid")


def test_deleting_the_account_cancels_what_lies_ahead_and_keeps_the_past(
    client, world, learner, employer, employer_admin, mailoutbox,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    w = world
    mailoutbox.clear()

    delete_account(client, learner, django_capture_on_commit_callbacks)

    # The approval is gone from the employer's queue, and cannot be given any more.
    assert not queries.awaiting_approval(employer).exists()
    with pytest.raises(services.EnrolmentError):
        services.approve_enrolment(enrolment=w["pending"], approve=True, by=employer_admin)
    assert not Invoice.objects.filter(order__enrolments=w["pending"]).exists()

    # Every seat ahead is cancelled and freed, and offered to the next in line.
    for key in ("pending", "own", "cohort", "started"):
        w[key].refresh_from_db()
        assert w[key].status == Enrolment.Status.CANCELLED, key
    assert services.seats_taken(w["started_run"]) == 0
    for run, following in [("own_run", "own_next"), ("cohort_run", "cohort_next")]:
        w[following].refresh_from_db()
        assert w[following].status == WaitingListEntry.Status.OFFERED, run

    # Waiting-list places and the open offer are withdrawn; the offer passes on.
    assert not WaitingListEntry.objects.filter(learner=learner).exists()
    w["offer_next"].refresh_from_db()
    assert w["offer_next"].status == WaitingListEntry.Status.OFFERED

    # A credit note for each invoiced seat, billed to whom the invoice was billed to.
    notes = Invoice.objects.filter(kind=Invoice.Kind.CREDIT_NOTE)
    credited = {pk for note in notes for line in note.lines for pk in line["enrolment_ids"]}
    assert credited == {w["own"].pk, w["cohort"].pk, w["started"].pk}
    own_note = notes.get(order=w["own"].order)
    assert own_note.total == Decimal("-2650.00")
    assert own_note.bill_to["lines"][0] == "Noor Bakker"
    assert notes.get(order=w["cohort"].order).bill_to["lines"][0] == "Zorggroep Noord"

    # The employer's admin is told once, naming each withdrawn enrolment.
    [notice] = [m for m in mailoutbox if "deleted their account" in m.subject]
    assert notice.to == ["hr@zorggroep.example"]
    assert "Noor Bakker" in notice.subject
    for title in ("Leading change", "Safe care", "Lean in practice"):
        assert title in notice.body
    assert "Data ethics" not in notice.body  # paid by the learner: not the employer's business
    assert "nothing left to approve" in notice.body and "credit note" in notice.body
    html, _mimetype = notice.alternatives[0]
    assert "Safe care" in html
    ids = [w["pending"].pk, w["cohort"].pk, w["started"].pk]
    assert emails.send_withdrawal_notice(organisation_id=employer.pk, enrolment_ids=ids,
                                         person="Noor Bakker") == 0  # a retried task  # fmt: skip
    # The employer's credit notes went to its billing address; nothing to the erased one.
    assert employer.billing_email in {a for m in mailoutbox for a in m.to}
    assert all("deleted.invalid" not in a for m in mailoutbox for a in m.recipients())

    # The past run and its result stay as the record of what was done.
    w["past"].refresh_from_db()
    assert w["past"].status == Enrolment.Status.CONFIRMED
    assert Result.objects.filter(enrolment=w["past"], passed=True).exists()

    # Reminders afterwards reach only the people still waiting, never the deleted address.
    SessionFactory(run=w["past_run"], starts_at=timezone.now() + timedelta(minutes=30),
                   ends_at=timezone.now() + timedelta(hours=2), mode="online",
                   online_url="https://meet.example.org/x")  # fmt: skip
    mailoutbox.clear()
    send_due_reminders()
    send_due_reminders(now=timezone.now() + timedelta(hours=40))  # offers about to lapse
    assert all(learner.email not in m.recipients() for m in mailoutbox)
    assert not Reminder.objects.filter(recipient=learner).exists()


def test_a_seat_the_learner_could_no_longer_cancel_still_goes(
    client, learner, django_capture_on_commit_callbacks
):
    run = run_of("Lean in practice", starts_in=-3, cancellation_deadline=TODAY - timedelta(days=9))
    with django_capture_on_commit_callbacks(execute=True):
        enrolment = services.enrol(run=run, learner=learner)
    with pytest.raises(services.EnrolmentError):
        services.cancel_enrolment(enrolment=enrolment, by=learner)

    delete_account(client, learner, django_capture_on_commit_callbacks)

    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.CANCELLED
    assert Invoice.objects.filter(kind=Invoice.Kind.CREDIT_NOTE, order=enrolment.order).exists()


def test_no_reminder_reaches_an_erased_learner_who_still_holds_a_seat(mailoutbox):
    """The scan chooses only active accounts, even for a seat kept as a record."""
    run = run_of("Data ethics", starts_in=7)
    kept, other = UserFactory(), UserFactory()
    for person in (kept, other):
        EnrolmentFactory(run=run, learner=person)
    personal_data.erase_personal_data(UserFactory())  # nothing ahead: a plain erasure works
    kept.is_active = False
    kept.email = f"deleted-user-{kept.pk}@deleted.invalid"
    kept.save()

    assert send_due_reminders() == 1

    assert [m.to for m in mailoutbox] == [[other.email]]
    assert not Reminder.objects.filter(recipient=kept).exists()


def test_the_approval_reminder_skips_erased_learners_and_closed_admins(
    employer, employer_admin, mailoutbox
):
    closed_admin = MembershipFactory(organisation=employer, role="admin").user
    active, erased = (MembershipFactory(organisation=employer).user for _ in range(2))
    for person in (active, erased):
        EnrolmentFactory(run=run_of("Safe care"), learner=person, payer="employer",
                                 organisation=employer, status="awaiting_approval")  # fmt: skip
    for person in (closed_admin, erased):
        person.is_active = False
        person.save()

    assert send_due_reminders() == 1

    [reminder] = mailoutbox
    assert reminder.to == [employer_admin.email]
    assert str(active) in reminder.subject
