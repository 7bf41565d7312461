"""Email the catalogue sends, each at most once."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from catalogue.models import LearningNeed


def send_learning_need_confirmation(*, need_id: int) -> bool:
    """Confirm a learning need to whoever submitted it; False when it was already sent."""
    with transaction.atomic():
        need = LearningNeed.objects.select_for_update().filter(pk=need_id).first()
        if need is None or need.confirmation_sent_at is not None:
            return False
        with translation.override(need.language):
            context = {"need": need, "site_url": settings.SITE_URL}
            subject = render_to_string("emails/learning_need_confirmation_subject.txt", context)
            message = EmailMultiAlternatives(
                subject=" ".join(subject.split()),
                body=render_to_string("emails/learning_need_confirmation.txt", context),
                to=[need.contact_email],
            )
            message.attach_alternative(
                render_to_string("emails/learning_need_confirmation.html", context), "text/html"
            )
        message.send()
        need.confirmation_sent_at = timezone.now()
        need.save(update_fields=["confirmation_sent_at"])
    return True
