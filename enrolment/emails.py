"""Enrolment and invoice emails, each sent once however often its task runs."""

from django.db import transaction
from django.utils import timezone

from academy.emails import templated_email
from enrolment.models import Enrolment, Invoice


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


def send_invoice(*, invoice_id: int) -> bool:
    """Email an invoice or credit note with its PDF to whoever pays, once."""
    with transaction.atomic():
        invoice = (
            Invoice.objects.select_for_update(of=("self",))
            .select_related("order__organisation", "order__learner", "corrects")
            .filter(pk=invoice_id, sent_at__isnull=True)
            .first()
        )
        if invoice is None:
            return False
        order = invoice.order
        to = order.organisation.billing_email if order.organisation_id else order.learner.email
        message = templated_email("invoice", {"invoice": invoice}, to=to, language=invoice.language)
        message.attach(invoice.filename, bytes(invoice.pdf), "application/pdf")
        message.send()
        invoice.sent_at = timezone.now()
        invoice.save(update_fields=["sent_at"])
    return True


def send_swapped_out_notice(*, enrolment_id: int) -> bool:
    """Tell a cohort member that their employer gave their seat to a colleague, once."""
    with transaction.atomic():
        enrolment = (
            Enrolment.objects.select_for_update(of=("self",))
            .select_related("learner", "run__module", "organisation")
            .filter(pk=enrolment_id, status=Enrolment.Status.CANCELLED)
            .exclude(cancellation_sent_at__isnull=False)
            .first()
        )
        if enrolment is None:
            return False
        templated_email(
            "cohort_swapped_out",
            {"enrolment": enrolment, "run": enrolment.run},
            to=enrolment.learner.email,
            language=enrolment.learner.preferred_language,
        ).send()
        enrolment.cancellation_sent_at = timezone.now()
        enrolment.save(update_fields=["cancellation_sent_at"])
    return True
