"""Invitation emails, each sent once however often the task runs, and the one place every
email is built: no address of an erased or closed account is ever mailed.

Every email that a row records as sent (a `*_sent_at` or `notified_at` field) goes through
`send_once`, from its own task and again from its app's `send_unsent` sweep (beat, every ten
minutes) for rows that `overdue` finds still unsent: sending twice is impossible, missing
one is mended within minutes."""

import logging
import smtplib
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from academy.models import Invitation, User

logger = logging.getLogger(__name__)

BATCH_SIZE = 200
# The sweep leaves a row to its own task for this long (the task and its first retries)...
SWEEP_AFTER = timedelta(minutes=5)
# ...and gives up on it after this: a two-day-old confirmation is no longer news, and a
# message its server refuses for good is not tried for ever.
SWEEP_UNTIL = timedelta(days=2)
SWEEP_BATCH = 200  # per kind of email and run, so one run stays well inside its time limit
# Refusals of one message, not of the server: the sweep goes on with the next row.
REFUSED = (smtplib.SMTPRecipientsRefused, smtplib.SMTPSenderRefused, smtplib.SMTPDataError)
# RFC 2606 reserves .invalid: erasing an account gives it deleted-user-N@deleted.invalid.
RESERVED_DOMAIN = ".invalid"


def placeholder(address: str | None) -> bool:
    """No address, or one that can never receive mail, such as an erased account's."""
    local, _at, domain = (address or "").strip().rpartition("@")
    domain = domain.lower().rstrip(".")
    return not (local and domain) or ("." + domain).endswith(RESERVED_DOMAIN)


def deliverable(address: str | None) -> bool:
    """False for a placeholder (see above) or the address of a closed account."""
    if placeholder(address):
        return False
    return not User.objects.filter(email__iexact=address.strip(), is_active=False).exists()


def address_of(user) -> str | None:
    """Where to write to a person: nowhere once their account is closed or erased."""
    return user.email if user is not None and user.is_active else None


def templated_email(
    template: str, context: dict, *, to: str | None, language: str | None
) -> EmailMultiAlternatives:
    """An email from emails/<template>_subject.txt, .txt and .html, in the given language.

    An undeliverable address (see `deliverable`) leaves the message without recipients, so
    sending it sends nothing."""
    with translation.override(language or settings.LANGUAGE_CODE):
        context = {"site_url": settings.SITE_URL, **context}
        subject = render_to_string(f"emails/{template}_subject.txt", context)
        message = EmailMultiAlternatives(
            subject=" ".join(subject.split()),
            body=render_to_string(f"emails/{template}.txt", context),
            to=[to] if deliverable(to) else [],
        )
        message.attach_alternative(
            render_to_string(f"emails/{template}.html", context), "text/html"
        )
    return message


def send_once(queryset, *, pk: int, sent_field: str, message) -> bool:
    """Lock the row, build and send its message unless `sent_field` says it went already."""
    with transaction.atomic():
        unsent = {"pk": pk, f"{sent_field}__isnull": True}
        row = queryset.select_for_update(of=("self",)).filter(**unsent).first()
        if row is None:
            return False
        message(row).send()  # sends nothing when its address is not deliverable
        setattr(row, sent_field, timezone.now())
        row.save(update_fields=[sent_field])
    return True


def overdue(queryset, *, since: str, now=None) -> list:
    """The ids of rows in `queryset` (already filtered to the unsent) whose `since` time is
    older than SWEEP_AFTER and younger than SWEEP_UNTIL: oldest first, SWEEP_BATCH at most."""
    now = now or timezone.now()
    window = {f"{since}__lte": now - SWEEP_AFTER, f"{since}__gt": now - SWEEP_UNTIL}
    rows = queryset.filter(**window).order_by(since, "pk").values_list("pk", flat=True)
    return list(rows[:SWEEP_BATCH])


def send_each(ids, send) -> int:
    """Call `send(pk)` (a `send_once` wrapper) for each id; returns how many were sent.

    A message the server refuses is logged and left for the next sweep; any other failure
    (the server or network down) stops the run, and the task's retries or the next run
    take it from there."""
    sent = 0
    for pk in ids:
        try:
            sent += bool(send(pk))
        except REFUSED:
            logger.warning("The mail server refused the message for %r; next sweep.", pk)
    return sent


def send_unsent_invitations(*, now=None) -> int:
    """Pending invitations whose own task did not send them (see `overdue`)."""
    now = now or timezone.now()
    unsent = Invitation.objects.pending().filter(sent_at__isnull=True, expires_at__gt=now)
    ids = overdue(unsent, since="created_at", now=now)
    return send_pending_invitations(invitations=Invitation.objects.filter(pk__in=ids)) if ids else 0


def invitation_message(invitation: Invitation) -> EmailMultiAlternatives:
    context = {
        "invitation": invitation,
        "url": settings.SITE_URL + reverse("employer:invitation", args=[invitation.token]),
        "expires": timezone.localtime(invitation.expires_at),
    }
    language = invitation.invited_by.preferred_language if invitation.invited_by else None
    return templated_email("invitation", context, to=invitation.email, language=language)


def send_pending_invitations(*, invitations) -> int:
    """Send the unsent invitations among these, in batches; returns how many went out.

    When the mail server fails part-way through a batch, the invitations that went are
    marked sent before the error goes on to the task's retry, which sends only the rest."""
    sent = 0
    while True:
        failure = None
        with transaction.atomic():
            batch = list(
                invitations.filter(sent_at__isnull=True, accepted_at__isnull=True,
                                   withdrawn_at__isnull=True)
                .select_related("organisation", "invited_by")
                .select_for_update(skip_locked=True, of=("self",))[:BATCH_SIZE]
            )  # fmt: skip
            if not batch:
                return sent
            done = []
            try:
                with get_connection() as connection:
                    for invitation in batch:
                        message = invitation_message(invitation)
                        if message.recipients():
                            connection.send_messages([message])
                        done.append(invitation.pk)
            except Exception as error:  # raised again below, once `done` is saved
                failure = error
            Invitation.objects.filter(pk__in=done).update(sent_at=timezone.now())
            sent += len(done)
        if failure is not None:
            raise failure
