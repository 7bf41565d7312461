"""Enrolment email, sent once per enrolment however often the task runs."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from enrolment.models import Enrolment


def send_enrolment_confirmation(*, enrolment_id: int) -> bool:
    with transaction.atomic():
        enrolment = (
            Enrolment.objects.select_for_update(of=("self",))
            .select_related("learner", "run__module", "organisation")
            .filter(pk=enrolment_id, confirmation_sent_at__isnull=True)
            .first()
        )
        if enrolment is None:
            return False
        with translation.override(enrolment.learner.preferred_language):
            context = {
                "enrolment": enrolment,
                "run": enrolment.run,
                "sessions": enrolment.run.sessions.all(),
                "site_url": settings.SITE_URL,
            }
            subject = render_to_string("emails/enrolment_confirmation_subject.txt", context)
            message = EmailMultiAlternatives(
                subject=" ".join(subject.split()),
                body=render_to_string("emails/enrolment_confirmation.txt", context),
                to=[enrolment.learner.email],
            )
            message.attach_alternative(
                render_to_string("emails/enrolment_confirmation.html", context), "text/html"
            )
        message.send()
        enrolment.confirmation_sent_at = timezone.now()
        enrolment.save(update_fields=["confirmation_sent_at"])
    return True
