"""Thin, idempotent tasks. Fire-and-forget ones ignore their result: nobody waits for it, and
with the Redis result backend keeping it costs each request that queues one a subscription.

Services import this module at the top and enqueue with `.delay_on_commit(...)`; a task
imports the services it calls in its body, so the import goes one way."""

from celery import shared_task


@shared_task(ignore_result=True)
def send_enrolment_confirmation(enrolment_id: int) -> bool:
    from enrolment import emails

    return emails.send_enrolment_confirmation(enrolment_id=enrolment_id)


@shared_task(ignore_result=True)
def issue_invoice(order_id: int) -> str | None:
    """Issue the order's invoice (once) and email it to whoever pays (once)."""
    from enrolment import emails, services
    from enrolment.models import Order

    invoice = services.issue_invoice(order=Order.objects.get(pk=order_id))
    if invoice is None:
        return None
    emails.send_invoice(invoice_id=invoice.pk)
    return invoice.number


@shared_task(ignore_result=True)
def credit_cancelled_enrolment(enrolment_id: int) -> str | None:
    from enrolment import emails, services
    from enrolment.models import Enrolment

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
    from enrolment import emails

    return emails.send_invoice(invoice_id=invoice_id)


@shared_task(ignore_result=True)
def send_swapped_out_notice(enrolment_id: int) -> bool:
    from enrolment import emails

    return emails.send_swapped_out_notice(enrolment_id=enrolment_id)


@shared_task(ignore_result=True)
def send_withdrawal_notice(organisation_id: int, enrolment_ids: list[int], person: str) -> int:
    from enrolment import emails

    return emails.send_withdrawal_notice(
        organisation_id=organisation_id, enrolment_ids=enrolment_ids, person=person
    )


@shared_task
def send_unsent() -> int:
    """Confirmations and invoices still unsent after their own task should have run; beat
    runs this. An order with seats but no invoice (its task never reached the broker) has
    its invoice task queued again."""
    from django.db.models import Exists, OuterRef

    from academy.emails import overdue
    from enrolment import emails
    from enrolment.models import Enrolment, Invoice, Order

    seats = Enrolment.objects.holding_a_seat().filter(order=OuterRef("pk"))
    invoiced = Invoice.objects.filter(order=OuterRef("pk"), kind=Invoice.Kind.INVOICE)
    never_invoiced = Order.objects.filter(Exists(seats), ~Exists(invoiced))
    for order_id in overdue(never_invoiced, since="created_at"):
        issue_invoice.delay(order_id)
    return emails.send_unsent()


@shared_task
def expire_waiting_list_offers() -> int:
    from enrolment import services

    return services.expire_offers()


@shared_task
def send_due_reminders() -> int:
    from enrolment.reminders import send_due_reminders as send

    return send()
