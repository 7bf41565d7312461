"""Enrolment and invoice emails, each sent once however often its task runs."""

from django.core.mail import get_connection
from django.db import transaction
from django.utils import timezone

from academy.emails import address_of, overdue, send_each, send_once, templated_email
from academy.models import Membership
from enrolment.models import Enrolment, Invoice


def _to_learner(template: str, enrolment: Enrolment, **context):
    return templated_email(
        template,
        {"enrolment": enrolment, "run": enrolment.run, **context},
        to=address_of(enrolment.learner),
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
    to = order.organisation.billing_email if order.organisation_id else address_of(order.learner)
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


def send_unsent(*, now=None) -> int:
    """Confirmations of seats still held and invoices or credit notes that their own task
    did not send (see academy.emails.overdue). Swapped-out and withdrawal notices are not
    swept: nothing in an unsent row says one was due, and a withdrawal names a person whose
    account is erased by then."""
    confirmations = overdue(
        Enrolment.objects.holding_a_seat().filter(confirmation_sent_at__isnull=True),
        since="created_at", now=now,
    )  # fmt: skip
    invoices = overdue(Invoice.objects.filter(sent_at__isnull=True), since="issued_at", now=now)
    return send_each(
        confirmations, lambda pk: send_enrolment_confirmation(enrolment_id=pk)
    ) + send_each(invoices, lambda pk: send_invoice(invoice_id=pk))


def send_withdrawal_notice(*, organisation_id: int, enrolment_ids: list[int], person: str) -> int:
    """Tell an employer's admins, once, which of their staff's enrolments were withdrawn
    because the person deleted their account. `person` is the name as it was: by the time
    this runs, the account has been anonymised. Returns how many admins were written to."""
    with transaction.atomic():
        enrolments = list(
            Enrolment.objects.select_for_update(of=("self",))
            .filter(pk__in=enrolment_ids, organisation_id=organisation_id,
                    status=Enrolment.Status.CANCELLED, cancellation_sent_at__isnull=True)
            .select_related("run__module", "organisation", "cohort")
            .order_by("run__start_date", "pk")
        )  # fmt: skip
        if not enrolments:
            return 0
        admins = [
            m.user for m in Membership.objects.filter(
                organisation_id=organisation_id, role=Membership.Role.ADMIN, user__is_active=True
            ).select_related("user").order_by("pk")
        ]  # fmt: skip
        context = {"person": person, "organisation": enrolments[0].organisation,
                   "enrolments": enrolments}  # fmt: skip
        messages = [
            templated_email("enrolments_withdrawn", {**context, "recipient": admin},
                            to=address_of(admin), language=admin.preferred_language)
            for admin in admins
        ]  # fmt: skip
        messages = [m for m in messages if m.recipients()]
        if messages:
            with get_connection() as connection:
                connection.send_messages(messages)
        Enrolment.objects.filter(pk__in=[e.pk for e in enrolments]).update(
            cancellation_sent_at=timezone.now()
        )
    return len(messages)
