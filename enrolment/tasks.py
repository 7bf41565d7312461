"""Thin, idempotent tasks. Fire-and-forget ones ignore their result: nobody waits for it, and
with the Redis result backend keeping it costs each request that queues one a subscription."""

from celery import shared_task

from enrolment import emails, services
from enrolment.models import Enrolment, Order


@shared_task(ignore_result=True)
def send_enrolment_confirmation(enrolment_id: int) -> bool:
    return emails.send_enrolment_confirmation(enrolment_id=enrolment_id)


@shared_task(ignore_result=True)
def issue_invoice(order_id: int) -> str | None:
    """Issue the order's invoice (once) and email it to whoever pays (once)."""
    invoice = services.issue_invoice(order=Order.objects.get(pk=order_id))
    if invoice is None:
        return None
    emails.send_invoice(invoice_id=invoice.pk)
    return invoice.number


@shared_task(ignore_result=True)
def credit_cancelled_enrolment(enrolment_id: int) -> str | None:
    enrolment = Enrolment.objects.select_related("order").get(pk=enrolment_id)
    note = services.credit_enrolments(
        order=enrolment.order,
        enrolment_ids=[enrolment.pk],
        reason=services.CREDITED_FOR_CANCELLATION,
    )
    if note is None:
        return None
    emails.send_invoice(invoice_id=note.pk)
    return note.number


@shared_task(ignore_result=True)
def send_invoice(invoice_id: int) -> bool:
    return emails.send_invoice(invoice_id=invoice_id)


@shared_task(ignore_result=True)
def send_swapped_out_notice(enrolment_id: int) -> bool:
    return emails.send_swapped_out_notice(enrolment_id=enrolment_id)


@shared_task(ignore_result=True)
def send_withdrawal_notice(organisation_id: int, enrolment_ids: list[int], person: str) -> int:
    return emails.send_withdrawal_notice(
        organisation_id=organisation_id, enrolment_ids=enrolment_ids, person=person
    )


@shared_task
def expire_waiting_list_offers() -> int:
    return services.expire_offers()


@shared_task
def send_due_reminders() -> int:
    from enrolment.reminders import send_due_reminders as send

    return send()
