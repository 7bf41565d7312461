"""Enrolment and invoice emails, each sent once however often its task runs."""

from academy.emails import send_once, templated_email
from enrolment.models import Enrolment, Invoice


def _to_learner(template: str, enrolment: Enrolment, **context):
    return templated_email(
        template,
        {"enrolment": enrolment, "run": enrolment.run, **context},
        to=enrolment.learner.email,
        language=enrolment.learner.preferred_language,
    )


def send_enrolment_confirmation(*, enrolment_id: int) -> bool:
    return send_once(
        Enrolment.objects.select_related("learner", "run__module", "organisation"),
        pk=enrolment_id,
        sent_field="confirmation_sent_at",
        message=lambda e: _to_learner("enrolment_confirmation", e, sessions=e.run.sessions.all()),
    )


def send_swapped_out_notice(*, enrolment_id: int) -> bool:
    """Tell a cohort member that their employer gave their seat to a colleague."""
    return send_once(
        Enrolment.objects.filter(status=Enrolment.Status.CANCELLED).select_related(
            "learner", "run__module", "organisation"
        ),
        pk=enrolment_id,
        sent_field="cancellation_sent_at",
        message=lambda e: _to_learner("cohort_swapped_out", e),
    )


def _invoice_message(invoice: Invoice):
    order = invoice.order
    to = order.organisation.billing_email if order.organisation_id else order.learner.email
    message = templated_email("invoice", {"invoice": invoice}, to=to, language=invoice.language)
    message.attach(invoice.filename, bytes(invoice.pdf), "application/pdf")
    return message


def send_invoice(*, invoice_id: int) -> bool:
    """Email an invoice or credit note with its PDF to whoever pays."""
    return send_once(
        Invoice.objects.select_related("order__organisation", "order__learner", "corrects"),
        pk=invoice_id,
        sent_field="sent_at",
        message=_invoice_message,
    )
