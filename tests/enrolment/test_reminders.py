"""Reminders go out once per recipient and occasion, on Amsterdam days."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from academy.models import Membership
from catalogue.models import Session
from enrolment import services
from enrolment.models import Reminder
from enrolment.reminders import send_due_reminders
from tests.academy.factories import MembershipFactory, UserFactory
from tests.catalogue.factories import ModuleRunFactory, SessionFactory, local_datetime
from tests.enrolment.factories import EnrolmentFactory

pytestmark = pytest.mark.django_db


def test_each_reminder_is_sent_once_however_often_the_task_runs(mailoutbox):
    now = local_datetime(2027, 3, 3, 9, 0)
    run = ModuleRunFactory(start_date=date(2027, 3, 10), end_date=date(2027, 4, 30),
                           module__title="Data ethics")  # fmt: skip
    SessionFactory(
        run=run, title="Kick-off", location="Domplein 29, Utrecht",
        starts_at=local_datetime(2027, 3, 4, 13, 30), ends_at=local_datetime(2027, 3, 4, 17, 0),
    )  # fmt: skip
    SessionFactory(
        run=run, title="Clinic", mode=Session.Mode.ONLINE, location="",
        online_url="https://meet.example.org/c",
        starts_at=now + timedelta(minutes=40), ends_at=now + timedelta(hours=2),
    )  # fmt: skip
    learner = UserFactory()
    EnrolmentFactory(run=run, learner=learner)

    first = send_due_reminders(now=now)
    second = send_due_reminders(now=now)

    assert (first, second) == (3, 0)
    subjects = sorted(m.subject for m in mailoutbox)
    assert subjects == [
        "In a week: Data ethics starts",
        "Starting within the hour, online: Data ethics",
        "Tomorrow on campus: Data ethics",
    ]
    campus = next(m for m in mailoutbox if m.subject.startswith("Tomorrow"))
    assert "Domplein 29, Utrecht" in campus.body and "13:30" in campus.body
    online = next(m for m in mailoutbox if m.subject.startswith("Starting"))
    assert "https://meet.example.org/c" in online.body
    html, mimetype = online.alternatives[0]
    assert mimetype == "text/html" and '<a href="https://meet.example.org/c"' in html


def test_tomorrow_means_the_amsterdam_day_across_the_clock_change(mailoutbox):
    # Clocks go forward on 28 March 2027; a session early on the 29th is still "tomorrow".
    run = ModuleRunFactory(start_date=date(2027, 3, 29), end_date=date(2027, 4, 30))
    SessionFactory(run=run, starts_at=local_datetime(2027, 3, 29, 0, 30),
                   ends_at=local_datetime(2027, 3, 29, 2, 0))  # fmt: skip
    SessionFactory(run=run, starts_at=local_datetime(2027, 3, 30, 0, 30),
                   ends_at=local_datetime(2027, 3, 30, 2, 0))  # fmt: skip
    EnrolmentFactory(run=run, learner=UserFactory())

    send_due_reminders(now=local_datetime(2027, 3, 28, 23, 30))

    assert [m.subject.split(":")[0] for m in mailoutbox] == ["Tomorrow on campus"]


def test_offers_about_to_expire_and_approvals_are_reminded(mailoutbox):
    run = ModuleRunFactory(capacity=1)
    seated = services.enrol(run=run, learner=UserFactory())
    entry = services.enrol(run=run, learner=UserFactory())
    services.cancel_enrolment(enrolment=seated, by=seated.learner, now=timezone.now())
    membership = MembershipFactory()
    MembershipFactory(organisation=membership.organisation, role=Membership.Role.ADMIN,
                      user__email="boss@example.com")  # fmt: skip
    services.enrol(run=ModuleRunFactory(), learner=membership.user, payer="employer",
                   organisation=membership.organisation)  # fmt: skip

    send_due_reminders(now=timezone.now() + timedelta(hours=40))

    recipients = sorted(m.to[0] for m in mailoutbox)
    assert recipients == sorted([entry.learner.email, "boss@example.com"])
    assert Reminder.objects.count() == 2


def test_cancelled_enrolments_get_no_reminders(mailoutbox):
    now = local_datetime(2027, 3, 3, 9, 0)
    run = ModuleRunFactory(start_date=date(2027, 3, 10), end_date=date(2027, 4, 30))
    EnrolmentFactory(run=run, learner=UserFactory(), status="cancelled")

    assert send_due_reminders(now=now) == 0
