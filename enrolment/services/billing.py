"""Orders, invoices, credit notes and payments.

An order is placed for confirmed seats (by the seat services, inside their transaction) and
invoiced once it commits. Invoice numbers come from one sequence row per year, locked until
commit: gapless, and always locked after the run and the enrolment (see README, lock order).
"""

from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from academy.audit import log_action
from academy.queries import require_permission
from enrolment import tasks
from enrolment.models import Enrolment, Invoice, InvoiceSequence, Order
from enrolment.services.errors import EnrolmentError

# Reasons on credit notes, stored in English and translated when the PDF is drawn.
CREDITED_FOR_CANCELLATION = gettext_noop("Enrolment cancelled")
CREDITED_BY_THE_OFFICE = gettext_noop("Corrected by the academy office")
CREDITED_FOR_MOVE = gettext_noop("Moved to another run")

CENT = Decimal("0.01")


def _place_order(enrolments, *, placed_by, organisation=None, cohort=None) -> Order:
    """One order for these confirmed enrolments; its invoice is issued once the order commits."""
    order = _new_order(learner=enrolments[0].learner, placed_by=placed_by,
                       organisation=organisation, cohort=cohort)  # fmt: skip
    Enrolment.objects.filter(pk__in=[e.pk for e in enrolments]).update(order=order)
    for enrolment in enrolments:
        enrolment.order = order
    return order


def _new_order(*, learner, placed_by, organisation=None, cohort=None) -> Order:
    """The order (billed to the learner, or to `organisation`) before its enrolments exist:
    one enrolment is then created with it instead of updated afterwards. Its invoice is
    issued once the order commits, with whatever enrolments it has by then."""
    if organisation is None:
        order = Order.objects.create(learner=learner, placed_by=placed_by)
    else:
        reference = cohort.purchase_order_reference if cohort else ""
        order = Order.objects.create(
            organisation=organisation, cohort=cohort, placed_by=placed_by,
            purchase_order_reference=reference or organisation.purchase_order_reference,
        )  # fmt: skip
    tasks.issue_invoice.delay_on_commit(order.pk)
    return order


def _bill_to(order: Order) -> dict:
    if order.organisation_id:
        org = order.organisation
        lines = [org.name, org.billing_address, f"{org.billing_postal_code} {org.billing_city}",
                 org.billing_country, org.billing_email]  # fmt: skip
        return {"lines": lines, "chamber_of_commerce_number": org.chamber_of_commerce_number}
    learner = order.learner
    return {"lines": [learner.get_full_name() or learner.email, learner.email]}


def _invoice_lines(enrolments) -> list[dict]:
    """One line per run: the seats bought, at the run's price, with the module's VAT rate,
    and who takes them (an employer checks the invoice against its staff)."""
    by_run: dict[int, list[Enrolment]] = {}
    for enrolment in enrolments:
        by_run.setdefault(enrolment.run_id, []).append(enrolment)
    lines = []
    for seats in by_run.values():
        run = seats[0].run
        lines.append({
            "description": f"{run.module.title} ({run.code}, "
                           f"{run.start_date:%d-%m-%Y} – {run.end_date:%d-%m-%Y})",
            **seat_line(run, len(seats)),
            "enrolment_ids": sorted(e.pk for e in seats),
            "participants": sorted(e.learner.get_full_name() or e.learner.email for e in seats),
        })  # fmt: skip
    return lines


def seat_line(run, quantity: int) -> dict:
    """An invoice line's sums for this many seats in a run: its price, its module's VAT rate."""
    unit_price = Decimal(run.price).quantize(CENT)
    return {"quantity": quantity, "unit_price": str(unit_price),
            "vat_rate": run.module.vat_rate, "amount": str(unit_price * quantity)}  # fmt: skip


def invoice_totals(lines) -> tuple[Decimal, Decimal, Decimal]:
    """Subtotal, VAT and total of these lines, as an invoice sums them (VAT rounded once)."""
    subtotal = sum((Decimal(line["amount"]) for line in lines), Decimal(0))
    vat = sum(
        (Decimal(line["amount"]) * line["vat_rate"] / 100 for line in lines), Decimal(0)
    ).quantize(CENT)
    return subtotal, vat, subtotal + vat


def _next_invoice_number(year: int) -> tuple[int, str]:
    """The next number in the year's series; the sequence row stays locked until commit, so
    concurrent invoices wait, and a rolled-back invoice gives its number back: no gaps."""
    InvoiceSequence.objects.bulk_create([InvoiceSequence(year=year)], ignore_conflicts=True)
    sequence = InvoiceSequence.objects.select_for_update().get(year=year)
    sequence.last_number += 1
    sequence.save(update_fields=["last_number"])
    return sequence.last_number, f"{year}-{sequence.last_number:06d}"


def _issue(order: Order, *, kind, lines, corrects=None, reason="", now=None) -> Invoice:
    from enrolment.invoice_pdf import render_invoice_pdf

    now = now or timezone.now()
    year = timezone.localdate(now).year
    sequence, number = _next_invoice_number(year)
    subtotal, vat, total = invoice_totals(lines)
    language = order.placed_by.preferred_language if order.placed_by else settings.LANGUAGE_CODE
    invoice = Invoice(
        order=order, kind=kind, corrects=corrects, year=year, sequence=sequence, number=number,
        issued_at=now, bill_to=_bill_to(order), lines=lines, subtotal=subtotal, vat_amount=vat,
        total=total, reason=reason, language=language,
        purchase_order_reference=order.purchase_order_reference,
    )  # fmt: skip
    invoice.pdf = render_invoice_pdf(invoice)
    invoice.save()
    log_action(
        actor=None, target=invoice, organisation=order.organisation_id, subject=order.learner_id,
        action="invoice.issued" if kind == Invoice.Kind.INVOICE else "invoice.credit_note_issued",
        details={"number": number, "total": str(invoice.total), "reason": reason,
                 "corrects": corrects.number if corrects else None},
    )  # fmt: skip
    return invoice


def _locked_order(order: Order) -> Order:
    # Only the order's own row: PostgreSQL cannot lock the nullable side of an outer join.
    return (
        Order.objects.select_for_update(of=("self",))
        .select_related("organisation", "learner", "placed_by")
        .get(pk=order.pk)
    )


@transaction.atomic
def issue_invoice(*, order: Order, now=None) -> Invoice | None:
    """The order's invoice, issued once: a second call returns the invoice already issued."""
    order = _locked_order(order)
    existing = order.invoices.filter(kind=Invoice.Kind.INVOICE).first()
    if existing:
        return existing
    seats = list(order.enrolments.holding_a_seat().select_related("run__module", "learner"))
    if not seats:
        return None  # cancelled before it was invoiced: nothing to bill
    return _issue(order, kind=Invoice.Kind.INVOICE, lines=_invoice_lines(seats), now=now)


@transaction.atomic
def credit_enrolments(*, order: Order, enrolment_ids, reason: str, now=None) -> Invoice | None:
    """A credit note for the invoiced seats among these enrolments that are not yet credited."""
    order = _locked_order(order)
    invoice = order.invoices.filter(kind=Invoice.Kind.INVOICE).first()
    if invoice is None:
        return None
    credited = {
        pk for note in order.invoices.filter(kind=Invoice.Kind.CREDIT_NOTE)
        for line in note.lines for pk in line["enrolment_ids"]
    }  # fmt: skip
    # An invoice line names the enrolment that bought the seat, not a colleague given it later.
    seats = Enrolment.objects.filter(pk__in=list(enrolment_ids))
    wanted = {pk for pair in seats.values_list("pk", "takes_seat_of_id") for pk in pair if pk}
    wanted -= credited
    lines = []
    for line in invoice.lines:
        seats = sorted(wanted.intersection(line["enrolment_ids"]))
        if seats:
            unit_price = -Decimal(line["unit_price"])
            amount = str(unit_price * len(seats))
            lines.append({**line, "quantity": len(seats), "unit_price": str(unit_price),
                          "amount": amount, "enrolment_ids": seats})  # fmt: skip
    if not lines:
        return None
    return _issue(order, kind=Invoice.Kind.CREDIT_NOTE, lines=lines, corrects=invoice,
                  reason=reason, now=now)  # fmt: skip


@transaction.atomic
def mark_invoice_paid(*, invoice: Invoice, paid_at=None, reference: str = "", by=None) -> Invoice:
    """Record a payment, once; `by` is whoever in the office records it (None for an import)."""
    if by is not None:
        require_permission(by, "enrolment.change_invoice", _("Only the office records payments."))
    invoice = Invoice.objects.select_for_update().get(pk=invoice.pk)
    if invoice.paid_at is not None:
        raise EnrolmentError(_("This invoice was already marked paid."))
    if invoice.kind != Invoice.Kind.INVOICE:
        raise EnrolmentError(_("Only an invoice is paid; a credit note settles against it."))
    invoice.paid_at = paid_at or timezone.now()
    invoice.payment_reference = reference
    invoice.save(update_fields=["paid_at", "payment_reference"])
    log_action(actor=by, action="invoice.paid", target=invoice,
               organisation=invoice.order.organisation_id, subject=invoice.order.learner_id,
               details={"number": invoice.number, "reference": reference})  # fmt: skip
    return invoice


@transaction.atomic
def credit_invoice_in_full(*, invoice: Invoice, by, now=None) -> Invoice | None:
    """The office's correction: a credit note for every seat on the invoice not yet credited,
    emailed once it is committed. None when everything was credited already."""
    require_permission(by, "enrolment.change_invoice", _("Only the office issues credit notes."))
    if invoice.kind != Invoice.Kind.INVOICE:
        raise EnrolmentError(_("Only an invoice is credited; a credit note corrects one."))
    seats = [pk for line in invoice.lines for pk in line["enrolment_ids"]]
    note = credit_enrolments(order=invoice.order, enrolment_ids=seats,
                             reason=CREDITED_BY_THE_OFFICE, now=now)  # fmt: skip
    if note is not None:
        tasks.send_invoice.delay_on_commit(note.pk)
    return note
