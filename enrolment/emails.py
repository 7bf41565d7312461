"""Enrolment email, sent once per enrolment however often the task runs."""

from django.db import transaction
from django.utils import timezone

from academy.emails import templated_email
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
        message = templated_email(
            "enrolment_confirmation",
            {
                "enrolment": enrolment,
                "run": enrolment.run,
                "sessions": enrolment.run.sessions.all(),
            },
            to=enrolment.learner.email,
            language=enrolment.learner.preferred_language,
        )
        message.send()
        enrolment.confirmation_sent_at = timezone.now()
        enrolment.save(update_fields=["confirmation_sent_at"])
    return True
