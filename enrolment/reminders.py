"""Reminders sent by Celery beat, each at most once per recipient and occasion.

A reminder is recorded (unique per recipient, kind and subject) before its email is sent,
so retried tasks and overlapping beats never send twice. Days are Amsterdam days, so
"tomorrow" and "in a week" stay right across daylight-saving changes. Closed and erased
accounts are left out where the recipients are chosen, and never mailed.
"""

from datetime import datetime, time, timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from academy.emails import placeholder
from academy.models import Membership
from catalogue.models import ModuleRun, Session
from enrolment.models import Enrolment, Reminder, WaitingListEntry

OFFER_WARNING = timedelta(hours=12)


def _amsterdam_day_bounds(day):
    """Midnight to midnight in Amsterdam (a day of 23 or 25 hours when the clocks change)."""
    start = timezone.make_aware(datetime.combine(day, time.min))
    return start, timezone.make_aware(datetime.combine(day + timedelta(days=1), time.min))


def _send_once(*, recipient, kind, subject_id, template, context) -> bool:
    if not recipient.is_active or placeholder(recipient.email):
        return False
    try:
        with transaction.atomic():
            Reminder.objects.create(recipient=recipient, kind=kind, subject_id=subject_id)
    except IntegrityError:
        return False
    language = recipient.preferred_language
    with translation.override(language):
        body = render_to_string(f"emails/reminders/{template}.txt", {
            **context, "recipient": recipient, "site_url": settings.SITE_URL})  # fmt: skip
        subject, _, text = body.partition("\n")
        subject, text = subject.strip(), text.strip()
        # The HTML part is the same words, with links made clickable.
        html = render_to_string(
            "emails/reminders/_reminder.html",
            {"subject": subject, "text": text, "language": language},
        )
    message = EmailMultiAlternatives(subject=subject, body=text + "\n", to=[recipient.email])
    message.attach_alternative(html, "text/html")
    message.send()
    return True


def _seated_learners(run_ids):
    return (
        Enrolment.objects.holding_a_seat()
        .filter(run_id__in=run_ids, learner__is_active=True)
        .select_related("learner")
    )


def send_due_reminders(*, now=None) -> int:
    now = now or timezone.now()
    today = timezone.localdate(now)
    sent = 0

    start, end = _amsterdam_day_bounds(today + timedelta(days=1))
    campus = Session.objects.filter(mode=Session.Mode.CAMPUS, starts_at__gte=start,
                                    starts_at__lt=end).select_related("run__module")  # fmt: skip
    within_the_hour = {"starts_at__gt": now, "starts_at__lte": now + timedelta(hours=1)}
    online = Session.objects.filter(mode=Session.Mode.ONLINE, **within_the_hour).select_related(
        "run__module"
    )
    for sessions, kind, template in [
        (campus, Reminder.Kind.CAMPUS_SESSION_TOMORROW, "campus_session"),
        (online, Reminder.Kind.ONLINE_SESSION_SOON, "online_session"),
    ]:
        sessions = list(sessions)
        by_run = {}
        for enrolment in _seated_learners({s.run_id for s in sessions}):
            by_run.setdefault(enrolment.run_id, []).append(enrolment.learner)
        for session in sessions:
            for learner in by_run.get(session.run_id, []):
                sent += _send_once(recipient=learner, kind=kind, subject_id=session.pk,
                                   template=template, context={"session": session})  # fmt: skip

    week_ahead = ModuleRun.objects.filter(start_date=today + timedelta(days=7)).exclude(
        status=ModuleRun.Status.CANCELLED).select_related("module")  # fmt: skip
    runs = {run.pk: run for run in week_ahead}
    for enrolment in _seated_learners(runs):
        sent += _send_once(recipient=enrolment.learner, kind=Reminder.Kind.RUN_STARTS_IN_A_WEEK,
                           subject_id=enrolment.run_id, template="run_start",
                           context={"run": runs[enrolment.run_id]})  # fmt: skip

    offers = WaitingListEntry.objects.filter(
        status=WaitingListEntry.Status.OFFERED, offer_expires_at__gt=now,
        offer_expires_at__lte=now + OFFER_WARNING, learner__is_active=True,
    ).select_related("learner", "run__module")  # fmt: skip
    for entry in offers:
        sent += _send_once(
            recipient=entry.learner, kind=Reminder.Kind.OFFER_EXPIRES_SOON, subject_id=entry.pk,
            template="offer_expiry", context={"entry": entry},
        )  # fmt: skip

    awaiting = Enrolment.objects.filter(
        status=Enrolment.Status.AWAITING_APPROVAL, learner__is_active=True
    ).select_related("learner", "run__module", "organisation")
    awaiting = list(awaiting)
    admins = {}
    for membership in Membership.objects.filter(
        organisation_id__in={e.organisation_id for e in awaiting},
        role=Membership.Role.ADMIN,
        user__is_active=True,
    ).select_related("user"):
        admins.setdefault(membership.organisation_id, []).append(membership.user)
    for enrolment in awaiting:
        for admin in admins.get(enrolment.organisation_id, []):
            sent += _send_once(recipient=admin, kind=Reminder.Kind.APPROVAL_WAITING,
                               subject_id=enrolment.pk, template="approval",
                               context={"enrolment": enrolment})  # fmt: skip
    return sent
