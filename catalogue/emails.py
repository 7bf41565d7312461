"""Email the catalogue sends, each at most once."""

from django.db import transaction
from django.utils import timezone

from academy.emails import overdue, send_each, templated_email
from catalogue.models import LearningNeed


def send_learning_need_confirmation(*, need_id: int) -> bool:
    """Confirm a learning need to whoever submitted it; False when it was already sent."""
    with transaction.atomic():
        need = LearningNeed.objects.select_for_update().filter(pk=need_id).first()
        if need is None or need.confirmation_sent_at is not None:
            return False
        message = templated_email(
            "learning_need_confirmation", {"need": need}, to=need.contact_email,
            language=need.language,
        )  # fmt: skip
        message.send()
        need.confirmation_sent_at = timezone.now()
        need.save(update_fields=["confirmation_sent_at"])
    return True


def send_unsent(*, now=None) -> int:
    """Confirmations that their own task did not send (see academy.emails.overdue)."""
    unsent = LearningNeed.objects.filter(confirmation_sent_at__isnull=True)
    ids = overdue(unsent, since="created_at", now=now)
    return send_each(ids, lambda pk: send_learning_need_confirmation(need_id=pk))
