"""Invitation emails, each sent once however often the task runs."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from academy.models import Invitation

BATCH_SIZE = 200


def templated_email(
    template: str, context: dict, *, to: str, language: str | None
) -> EmailMultiAlternatives:
    """An email from emails/<template>_subject.txt, .txt and .html, in the given language."""
    with translation.override(language or settings.LANGUAGE_CODE):
        context = {"site_url": settings.SITE_URL, **context}
        subject = render_to_string(f"emails/{template}_subject.txt", context)
        message = EmailMultiAlternatives(
            subject=" ".join(subject.split()),
            body=render_to_string(f"emails/{template}.txt", context),
            to=[to],
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
        message(row).send()
        setattr(row, sent_field, timezone.now())
        row.save(update_fields=[sent_field])
    return True


def invitation_message(invitation: Invitation) -> EmailMultiAlternatives:
    context = {
        "invitation": invitation,
        "url": settings.SITE_URL + reverse("invitation", args=[invitation.token]),
        "expires": timezone.localtime(invitation.expires_at),
    }
    language = invitation.invited_by.preferred_language if invitation.invited_by else None
    return templated_email("invitation", context, to=invitation.email, language=language)


def send_pending_invitations(*, invitations) -> int:
    """Send the unsent invitations among these, in batches; returns how many went out."""
    sent = 0
    while True:
        with transaction.atomic():
            batch = list(
                invitations.filter(sent_at__isnull=True, accepted_at__isnull=True,
                                   withdrawn_at__isnull=True)
                .select_related("organisation", "invited_by")
                .select_for_update(skip_locked=True, of=("self",))[:BATCH_SIZE]
            )  # fmt: skip
            if not batch:
                return sent
            with get_connection() as connection:
                connection.send_messages([invitation_message(i) for i in batch])
            Invitation.objects.filter(pk__in=[i.pk for i in batch]).update(sent_at=timezone.now())
            sent += len(batch)
