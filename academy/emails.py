"""Invitation emails, each sent once however often the task runs, and the one place every
email is built: no address of an erased or closed account is ever mailed."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from academy.models import Invitation, User

BATCH_SIZE = 200
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


def invitation_message(invitation: Invitation) -> EmailMultiAlternatives:
    context = {
        "invitation": invitation,
        "url": settings.SITE_URL + reverse("employer:invitation", args=[invitation.token]),
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
                messages = [invitation_message(i) for i in batch]
                connection.send_messages([m for m in messages if m.recipients()])
            Invitation.objects.filter(pk__in=[i.pk for i in batch]).update(sent_at=timezone.now())
            sent += len(batch)
