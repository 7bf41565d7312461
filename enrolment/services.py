"""Business rules of enrolment: seats are a hard limit, freed seats go to the waiting list.

Every write that counts seats locks the run's row first (select_for_update), so concurrent
enrolments into the same run queue up instead of overbooking it.
"""

from datetime import timedelta
from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, ngettext

from academy import spreadsheets
from academy.audit import log_action, person
from academy.errors import DomainError
from academy.models import Membership
from academy.queries import administers, require_permission
from academy.services import COLUMN_NAMES, MAX_IMPORT_ROWS, set_progress_sharing
from catalogue.models import ModuleRun, Session
from catalogue.page_cache import bump_catalogue_version
from catalogue.queries import (
    require_curator_of_runs,
    require_teaches_or_curates,
    runs_curated_by,
    teaches_or_curates,  # noqa: F401  (pages ask services.teaches_or_curates)
)
from enrolment import tasks
from enrolment.models import (
    Attendance,
    CalendarFeed,
    Cohort,
    Enrolment,
    Invoice,
    InvoiceSequence,
    Order,
    WaitingListEntry,
    new_feed_token,
)

OFFER_VALIDITY = timedelta(hours=48)
# Reasons on credit notes, stored in English and translated when the PDF is drawn.
CREDITED_FOR_CANCELLATION = gettext_noop("Enrolment cancelled")
CREDITED_BY_THE_OFFICE = gettext_noop("Corrected by the academy office")


class EnrolmentError(DomainError):
    """An enrolment rule was broken; the message says which, for the learner to read."""


@transaction.atomic
def update_preferences(*, user, interests, sharing) -> None:
    """Interests (themes) and, per employer, whether the professional shares progress."""
    user.interests.set(interests)
    for membership, shares in sharing:
        if membership.user_id != user.pk:
            raise PermissionError("A person decides about sharing only for themselves.")
        if membership.shares_progress != shares:
            set_progress_sharing(membership=membership, shares=shares)


def seats_taken(run: ModuleRun, *, now=None) -> int:
    """Enrolments holding a seat plus seats offered to the waiting list and not yet lapsed."""
    now = now or timezone.now()
    enrolled = Enrolment.objects.holding_a_seat().filter(run=run).count()
    offered = WaitingListEntry.objects.filter(
        run=run, status=WaitingListEntry.Status.OFFERED, offer_expires_at__gt=now
    ).count()
    return enrolled + offered


def seats_taken_by_run(run_ids: list[int], *, now=None) -> dict[int, int]:
    """Seats taken per run in two queries, for pages that list several runs."""
    now = now or timezone.now()
    taken: dict[int, int] = {}
    enrolled = (
        Enrolment.objects.holding_a_seat().filter(run_id__in=run_ids)
        .values("run_id").annotate(n=Count("pk"))
    )  # fmt: skip
    offered = (
        WaitingListEntry.objects.filter(
            run_id__in=run_ids, status=WaitingListEntry.Status.OFFERED, offer_expires_at__gt=now
        )
        .values("run_id").annotate(n=Count("pk"))
    )  # fmt: skip
    for row in [*enrolled, *offered]:
        taken[row["run_id"]] = taken.get(row["run_id"], 0) + row["n"]
    return taken


def _locked(run: ModuleRun) -> ModuleRun:
    # Whatever changes under this lock changes seats: cached catalogue pages must follow.
    bump_catalogue_version()
    return ModuleRun.objects.select_for_update().get(pk=run.pk)


def _check_open(run: ModuleRun) -> None:
    if reason := run.why_not_open_for_enrolment(timezone.localdate()):
        raise EnrolmentError(reason)


def _enrolment_status(*, learner, payer, organisation) -> str:
    if payer != Enrolment.Payer.EMPLOYER:
        return Enrolment.Status.CONFIRMED
    if not Membership.objects.filter(user=learner, organisation=organisation).exists():
        raise EnrolmentError(_("You can only choose an employer you are a member of."))
    return Enrolment.Status.AWAITING_APPROVAL


@transaction.atomic
def enrol(
    *,
    run: ModuleRun,
    learner,
    payer: str = Enrolment.Payer.LEARNER,
    organisation=None,
    motivation: str = "",
) -> Enrolment | WaitingListEntry:
    """A seat if one is left, otherwise a place on the waiting list."""
    run = _locked(run)
    _check_open(run)
    status = _enrolment_status(learner=learner, payer=payer, organisation=organisation)
    if Enrolment.objects.holding_a_seat().filter(run=run, learner=learner).exists():
        raise EnrolmentError(_("You are already enrolled in this run."))
    if run.waiting_list.filter(learner=learner, status__in=WaitingListEntry.ACTIVE).exists():
        raise EnrolmentError(_("You are already on the waiting list for this run."))
    details = {"payer": payer, "organisation": organisation, "motivation": motivation}
    taken = seats_taken(run)
    if taken < run.capacity:
        enrolment = Enrolment.objects.create(run=run, learner=learner, status=status, **details)
        if status == Enrolment.Status.CONFIRMED:
            _place_order([enrolment], placed_by=learner)
        _confirm_by_email(enrolment)
        _log("enrolment.enrolled", enrolment, run=run, by=learner, payer=payer, status=status)
        return enrolment
    entry = WaitingListEntry.objects.create(run=run, learner=learner, **details)
    _log("enrolment.waitlisted", entry, run=run, by=learner, payer=payer)
    return entry


def _log(action: str, enrolment, *, run: ModuleRun, by, **details) -> None:
    """An audit entry about an enrolment (or waiting-list place), its run named in words."""
    log_action(
        actor=by, action=action, target=enrolment, organisation=enrolment.organisation_id,
        subject=enrolment.learner_id, details={"run": run.code, "module": run.module.title,
                                               **details},
    )  # fmt: skip


def _confirm_by_email(enrolment: Enrolment) -> None:
    tasks.send_enrolment_confirmation.delay_on_commit(enrolment.pk)


def waiting_list_position(entry: WaitingListEntry) -> int:
    return WaitingListEntry.objects.with_position().get(pk=entry.pk).position


@transaction.atomic
def cancel_enrolment(
    *, enrolment: Enrolment, by, now=None, closing_account: bool = False
) -> list[WaitingListEntry]:
    """Cancel and offer the freed seat to the waiting list; learners only before the start
    (unless they are closing their account: then every seat ahead goes, see withdraw_ahead)."""
    now = now or timezone.now()
    run = _locked(enrolment.run)
    enrolment = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
    if enrolment.status == Enrolment.Status.CANCELLED:
        return []
    if by != enrolment.learner and not administers(by, enrolment.organisation_id):
        require_curator_of_runs(by, run, message=_(
            "Only the learner, the paying employer's admins or whoever curates the run cancel."
        ))  # fmt: skip
    learner_rules = by == enrolment.learner and not closing_account
    if learner_rules and enrolment.cohort_id:
        raise EnrolmentError(_("Your employer manages this enrolment; ask them to change it."))
    if learner_rules and timezone.localdate(now) > run.last_day_to_cancel:
        raise EnrolmentError(
            _("You could cancel until %(date)s; ask the academy office to cancel.")
            % {"date": date_format(run.last_day_to_cancel, "j F Y")}
        )
    _mark_cancelled(enrolment, by=by, now=now)
    _log("enrolment.cancelled", enrolment, run=run, by=by, by_learner=by == enrolment.learner,
         closing_account=closing_account)  # fmt: skip
    _credit_if_invoiced(enrolment)
    return promote_waitlist(run=run, now=now)


def _mark_cancelled(enrolment: Enrolment, *, by, now) -> None:
    enrolment.status = Enrolment.Status.CANCELLED
    enrolment.cancelled_at = now
    enrolment.cancelled_by = by
    enrolment.save(update_fields=["status", "cancelled_at", "cancelled_by"])


def _credit_if_invoiced(enrolment: Enrolment) -> None:
    if enrolment.order_id:
        tasks.credit_cancelled_enrolment.delay_on_commit(enrolment.pk)


def promote_waitlist(*, run: ModuleRun, now=None) -> list[WaitingListEntry]:
    """Offer every free seat to the next in line; the caller holds the run's lock."""
    now = now or timezone.now()
    free = run.capacity - seats_taken(run, now=now)
    offered = []
    if free > 0:
        waiting = run.waiting_list.filter(status=WaitingListEntry.Status.WAITING)[:free]
        for entry in waiting:
            entry.status = WaitingListEntry.Status.OFFERED
            entry.offered_at, entry.offer_expires_at = now, now + OFFER_VALIDITY
            entry.save(update_fields=["status", "offered_at", "offer_expires_at"])
            offered.append(entry)
    return offered


def capacity_problem(*, run: ModuleRun, capacity: int, now=None) -> str | None:
    """Why a run cannot have this many seats: fewer than it holds or offers, or negative."""
    if capacity < 0:
        return _("The capacity cannot be negative.")
    taken = seats_taken(run, now=now)
    if capacity < taken:
        return ngettext(
            "%(taken)d seat is held or offered; the capacity cannot be lower than that.",
            "%(taken)d seats are held or offered; the capacity cannot be lower than that.",
            taken,
        ) % {"taken": taken}
    return None


@transaction.atomic
def change_capacity(*, run: ModuleRun, capacity: int, by, now=None) -> list[WaitingListEntry]:
    """Set a run's number of seats: never below the seats held or offered, counted under
    the run's lock; seats it frees are offered to the waiting list at once."""
    now = now or timezone.now()
    run = _locked(run)
    require_curator_of_runs(
        by, run, message=_("Only whoever curates the run may change its capacity.")
    )
    if message := capacity_problem(run=run, capacity=capacity, now=now):
        raise EnrolmentError(message, {"capacity": message})
    if capacity != run.capacity:
        log_action(actor=by, action="run.capacity_changed", target=run,
                   details={"run": run.code, "from": run.capacity, "to": capacity})  # fmt: skip
        run.capacity = capacity
        run.save(update_fields=["capacity"])
    return promote_waitlist(run=run, now=now)


@transaction.atomic
def accept_offer(*, entry: WaitingListEntry, learner, now=None) -> Enrolment:
    now = now or timezone.now()
    _locked(entry.run)
    entry = WaitingListEntry.objects.select_for_update().get(pk=entry.pk)
    if entry.learner_id != learner.pk:
        raise EnrolmentError(_("This offer is not yours."))
    if entry.status != WaitingListEntry.Status.OFFERED or entry.offer_expires_at <= now:
        raise EnrolmentError(_("This offer is no longer open."))
    status = _enrolment_status(learner=learner, payer=entry.payer, organisation=entry.organisation)
    enrolment = Enrolment.objects.create(
        run=entry.run, learner=learner, status=status, payer=entry.payer,
        organisation=entry.organisation, motivation=entry.motivation,
    )  # fmt: skip
    entry.status = WaitingListEntry.Status.ACCEPTED
    entry.save(update_fields=["status"])
    if status == Enrolment.Status.CONFIRMED:
        _place_order([enrolment], placed_by=learner)
    _confirm_by_email(enrolment)
    _log("enrolment.enrolled", enrolment, run=entry.run, by=learner, payer=entry.payer,
         status=status, from_waiting_list=True)  # fmt: skip
    return enrolment


@transaction.atomic
def decline_offer(*, entry: WaitingListEntry, learner, now=None) -> list[WaitingListEntry]:
    run = _locked(entry.run)
    entry = WaitingListEntry.objects.select_for_update().get(pk=entry.pk)
    if entry.learner_id != learner.pk or entry.status != WaitingListEntry.Status.OFFERED:
        raise EnrolmentError(_("This offer is no longer open."))
    entry.status = WaitingListEntry.Status.DECLINED
    entry.save(update_fields=["status"])
    return promote_waitlist(run=run, now=now)


def expire_offers(*, now=None) -> int:
    """Lapse offers past their expiry and pass the seats on; safe to run at any moment."""
    now = now or timezone.now()
    run_ids = set(
        WaitingListEntry.objects.filter(
            status=WaitingListEntry.Status.OFFERED, offer_expires_at__lte=now
        ).values_list("run_id", flat=True)
    )
    expired = 0
    for run_id in run_ids:
        with transaction.atomic():
            run = _locked(ModuleRun(pk=run_id))
            expired += run.waiting_list.filter(
                status=WaitingListEntry.Status.OFFERED, offer_expires_at__lte=now
            ).update(status=WaitingListEntry.Status.EXPIRED)
            promote_waitlist(run=run, now=now)
    return expired


def calendar_feed_for(user) -> CalendarFeed:
    return CalendarFeed.objects.get_or_create(user=user)[0]


def renew_calendar_feed(user) -> CalendarFeed:
    """A new secret address; calendars subscribed to the old one stop updating."""
    feed = calendar_feed_for(user)
    feed.token = new_feed_token()
    feed.save(update_fields=["token", "created_at"])
    return feed


@transaction.atomic
def approve_enrolment(*, enrolment: Enrolment, approve: bool, by) -> Enrolment:
    """The paying employer's admin approves (seat confirmed) or declines (seat freed)."""
    # The run before the enrolment, as everywhere: declining cancels, and cancelling locks
    # the run first; the other way round, a decline and a cancel would deadlock.
    _locked(ModuleRun(pk=enrolment.run_id))
    enrolment = Enrolment.objects.select_for_update(of=("self",)).get(pk=enrolment.pk)
    if not administers(by, enrolment.organisation_id):
        raise EnrolmentError(_("Only an admin of the paying employer may decide."))
    if enrolment.status != Enrolment.Status.AWAITING_APPROVAL:
        raise EnrolmentError(_("This enrolment is not awaiting approval."))
    if approve:
        enrolment.status = Enrolment.Status.CONFIRMED
        enrolment.save(update_fields=["status"])
        _place_order([enrolment], placed_by=by, organisation=enrolment.organisation)
        bump_catalogue_version()
        _log("enrolment.approved", enrolment, run=enrolment.run, by=by)
        return enrolment
    _log("enrolment.declined", enrolment, run=enrolment.run, by=by)
    cancel_enrolment(enrolment=enrolment, by=by)
    enrolment.refresh_from_db()
    return enrolment


# --- Orders and invoices ------------------------------------------------------------------

CENT = Decimal("0.01")


def _place_order(enrolments, *, placed_by, organisation=None, cohort=None) -> Order:
    """One order for these confirmed enrolments; its invoice is issued once the order commits."""
    if organisation is None:
        order = Order.objects.create(learner=enrolments[0].learner, placed_by=placed_by)
    else:
        reference = cohort.purchase_order_reference if cohort else ""
        order = Order.objects.create(
            organisation=organisation, cohort=cohort, placed_by=placed_by,
            purchase_order_reference=reference or organisation.purchase_order_reference,
        )  # fmt: skip
    Enrolment.objects.filter(pk__in=[e.pk for e in enrolments]).update(order=order)
    for enrolment in enrolments:
        enrolment.order = order
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
    """One line per run: the seats bought, at the run's price, with the module's VAT rate."""
    by_run: dict[int, list[Enrolment]] = {}
    for enrolment in enrolments:
        by_run.setdefault(enrolment.run_id, []).append(enrolment)
    lines = []
    for seats in by_run.values():
        run = seats[0].run
        unit_price = Decimal(run.price).quantize(CENT)
        lines.append({
            "description": f"{run.module.title} ({run.code}, "
                           f"{run.start_date:%d-%m-%Y} – {run.end_date:%d-%m-%Y})",
            "quantity": len(seats), "unit_price": str(unit_price),
            "vat_rate": run.module.vat_rate, "amount": str(unit_price * len(seats)),
            "enrolment_ids": sorted(e.pk for e in seats),
        })  # fmt: skip
    return lines


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
    subtotal = sum((Decimal(line["amount"]) for line in lines), Decimal(0))
    vat = sum(
        (Decimal(line["amount"]) * line["vat_rate"] / 100 for line in lines), Decimal(0)
    ).quantize(CENT)
    language = order.placed_by.preferred_language if order.placed_by else settings.LANGUAGE_CODE
    invoice = Invoice(
        order=order, kind=kind, corrects=corrects, year=year, sequence=sequence, number=number,
        issued_at=now, bill_to=_bill_to(order), lines=lines, subtotal=subtotal, vat_amount=vat,
        total=subtotal + vat, reason=reason, language=language,
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
    seats = list(order.enrolments.holding_a_seat().select_related("run__module"))
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


# --- Employer cohorts ---------------------------------------------------------------------


class CohortError(EnrolmentError):
    """A cohort could not be reserved; `problems` names each person or row that stood in the way."""

    def __init__(self, message: str, problems=()):
        super().__init__(message)
        self.problems = list(problems)


def _require_employer_admin(user, organisation) -> None:
    if not administers(user, organisation):
        raise EnrolmentError(_("Only an admin of the employer may do this."))


def cohort_member_problems(*, organisation, run, learners) -> dict[int, str]:
    """Why each of these people cannot join a cohort for this run, by user id."""
    ids = [learner.pk for learner in learners]
    staff = set(
        Membership.objects.filter(organisation=organisation, user_id__in=ids)
        .values_list("user_id", flat=True)
    )  # fmt: skip
    enrolled = set(
        Enrolment.objects.holding_a_seat().filter(run=run, learner_id__in=ids)
        .values_list("learner_id", flat=True)
    )  # fmt: skip
    problems = {}
    for learner in learners:
        name = learner.get_full_name() or learner.email
        if learner.pk not in staff:
            problems[learner.pk] = _("%(name)s is not on your staff list.") % {"name": name}
        elif learner.pk in enrolled:
            problems[learner.pk] = _("%(name)s is already enrolled in this run.") % {"name": name}
    return problems


def parse_cohort_list(*, organisation, run: ModuleRun, content: bytes):
    """The staff a CSV names, or every problem by row and column: same rules as the staff
    import (valid, not repeated), and everyone on the staff list and not yet enrolled."""
    table = spreadsheets.read_table(
        content, column_names={"email": COLUMN_NAMES["email"]}, required=("email",),
        max_rows=MAX_IMPORT_ROWS, header_hint=_("The first row must name the column: email."),
    )  # fmt: skip
    if table.problems:
        return [], table.problems
    emails = [cells["email"].lower() for _number, cells in table.rows]
    staff = {user.email.lower(): user for user in organisation.members.filter(
        email__in=[e for e in emails if "@" in e])}  # fmt: skip
    member_problems = cohort_member_problems(
        organisation=organisation, run=run, learners=list(staff.values())
    )
    learners, problems, first_rows = [], [], table.first_rows("email")
    for number, cells in table.rows:
        email = cells["email"].lower()
        problem = spreadsheets.repeated(email, number, first_rows) or _cohort_row_problem(
            email, cells["email"], staff, member_problems
        )
        if problem:
            problems.append(spreadsheets.problem(number, "email", problem))
        else:
            learners.append(staff[email])
    return learners, problems


def _cohort_row_problem(email, as_written, staff, member_problems) -> str | None:
    if email in staff:
        return member_problems.get(staff[email].pk)
    return spreadsheets.invalid_email(as_written) or _(
        "%(email)s is not on your staff list; invite them first."
    ) % {"email": email}


@transaction.atomic
def create_cohort(
    *, organisation, run: ModuleRun, learners, by, name: str = "",
    purchase_order_reference: str = "",
) -> Cohort:  # fmt: skip
    """Reserve a seat for every learner, or for none: the run is locked while seats are counted."""
    _require_employer_admin(by, organisation)
    learners = list({learner.pk: learner for learner in learners}.values())
    if not learners:
        raise CohortError(_("Choose at least one member of staff."))
    run = _locked(run)
    _check_open(run)
    problems = cohort_member_problems(organisation=organisation, run=run, learners=learners)
    if problems:
        raise CohortError(_("Nothing has been reserved; see the problems below."),
                          problems.values())  # fmt: skip
    free = max(run.capacity - seats_taken(run), 0)
    if len(learners) > free:
        raise CohortError(ngettext(
            "Only %(free)d seat is left in this run, and you asked for %(asked)d. "
            "Nothing has been reserved.",
            "Only %(free)d seats are left in this run, and you asked for %(asked)d. "
            "Nothing has been reserved.", free,
        ) % {"free": free, "asked": len(learners)})  # fmt: skip
    cohort = Cohort.objects.create(
        organisation=organisation, run=run, created_by=by, name=name,
        purchase_order_reference=purchase_order_reference,
    )  # fmt: skip
    enrolments = Enrolment.objects.bulk_create([
        Enrolment(run=run, learner=learner, status=Enrolment.Status.CONFIRMED, cohort=cohort,
                  payer=Enrolment.Payer.EMPLOYER, organisation=organisation)
        for learner in learners
    ])  # fmt: skip
    _leave_waiting_list(run, learners)
    _place_order(enrolments, placed_by=by, organisation=organisation, cohort=cohort)
    for enrolment in enrolments:
        _confirm_by_email(enrolment)
        _log("enrolment.enrolled", enrolment, run=run, by=by, payer=Enrolment.Payer.EMPLOYER,
             status=enrolment.status, cohort=cohort.pk)  # fmt: skip
    return cohort


def _leave_waiting_list(run: ModuleRun, learners) -> None:
    run.waiting_list.filter(learner__in=learners, status__in=WaitingListEntry.ACTIVE).update(
        status=WaitingListEntry.Status.LEFT
    )


@transaction.atomic
def swap_cohort_member(*, enrolment: Enrolment, replacement, by, now=None) -> Enrolment:
    """Give a cohort member's seat to a colleague before the run starts; the invoice stands."""
    now = now or timezone.now()
    run = _locked(enrolment.run)
    enrolment = (
        Enrolment.objects.select_for_update(of=("self",))
        .select_related("cohort")
        .get(pk=enrolment.pk)
    )
    if enrolment.cohort is None:
        raise EnrolmentError(_("Only members of a cohort can be swapped."))
    _require_employer_admin(by, enrolment.cohort.organisation)
    if not run.can_still_swap(timezone.localdate(now)):
        raise EnrolmentError(_("The run has started; its members can no longer be swapped."))
    if enrolment.status not in Enrolment.SEAT_HOLDING:
        raise EnrolmentError(_("This member no longer holds a seat."))
    problems = cohort_member_problems(
        organisation=enrolment.cohort.organisation, run=run, learners=[replacement]
    )
    if problems:
        raise EnrolmentError(problems[replacement.pk])
    new = _give_seat(enrolment, replacement=replacement, run=run, by=by, now=now)
    _log("enrolment.swapped", enrolment, run=run, by=by, replacement=person(replacement),
         new_enrolment=new.pk)  # fmt: skip
    return new


def _give_seat(enrolment: Enrolment, *, replacement, run: ModuleRun, by, now) -> Enrolment:
    """The seat, bought on the employer's order, passes to a colleague; the invoice stands."""
    _mark_cancelled(enrolment, by=by, now=now)
    new = Enrolment.objects.create(
        run=run, learner=replacement, status=Enrolment.Status.CONFIRMED, cohort=enrolment.cohort,
        payer=Enrolment.Payer.EMPLOYER, organisation=enrolment.organisation,
        order=enrolment.order, takes_seat_of_id=enrolment.takes_seat_of_id or enrolment.pk,
    )  # fmt: skip
    _leave_waiting_list(run, [replacement])
    _confirm_by_email(new)
    _tell_swapped_out(enrolment)
    return new


def _tell_swapped_out(enrolment: Enrolment) -> None:
    tasks.send_swapped_out_notice.delay_on_commit(enrolment.pk)


# --- The office changes an enrolment: move it, or give the seat to a colleague ----------

CREDITED_FOR_MOVE = gettext_noop("Moved to another run")


def _locked_enrolment(enrolment: Enrolment) -> Enrolment:
    return (
        Enrolment.objects.select_for_update(of=("self",))
        .select_related("order", "organisation", "learner", "cohort")
        .get(pk=enrolment.pk)
    )


def _changeable(enrolment: Enrolment, run: ModuleRun, now) -> None:
    if enrolment.status not in (Enrolment.Status.CONFIRMED, Enrolment.Status.AWAITING_APPROVAL):
        raise EnrolmentError(_("This enrolment no longer holds a seat that can change."))
    if not run.can_still_swap(timezone.localdate(now)):
        raise EnrolmentError(_("The run has started; this enrolment can no longer change."))


def move_targets(*, enrolment: Enrolment, by):
    """Other runs of the same module, curated by `by`, that are open for enrolment."""
    return (
        runs_curated_by(by).open_for_enrolment()
        .filter(module_id=enrolment.run.module_id)
        .exclude(pk=enrolment.run_id)
        .select_related("module")
        .order_by("start_date")
    )  # fmt: skip


@transaction.atomic
def move_enrolment(*, enrolment: Enrolment, run: ModuleRun, by, now=None) -> Enrolment:
    """Move a seat to another run of the same module: the target's capacity is checked under
    its lock, the old seat goes to the waiting list, and a paid seat is credited and billed
    again for the new run. The old enrolment stays, cancelled, as the record of the move."""
    now = now or timezone.now()
    # Both runs locked, always in the same order, so two opposite moves cannot deadlock.
    locked = {r.pk: _locked(r) for r in sorted([enrolment.run, run], key=lambda r: r.pk)}
    old_run, target = locked[enrolment.run_id], locked[run.pk]
    enrolment = _locked_enrolment(enrolment)
    require_curator_of_runs(by, old_run, target)
    if target.pk == old_run.pk:
        raise EnrolmentError(_("Choose another run than the one the learner is in."))
    if target.module_id != old_run.module_id:
        raise EnrolmentError(_("A seat moves only to another run of the same module."))
    _changeable(enrolment, old_run, now)
    _check_open(target)
    if Enrolment.objects.holding_a_seat().filter(run=target, learner=enrolment.learner).exists():
        raise EnrolmentError(_("This learner is already enrolled in that run."))
    taken = seats_taken(target, now=now)
    if taken >= target.capacity:
        raise EnrolmentError(_("That run is full; nothing has been moved."))
    moved = Enrolment(
        run=target, learner=enrolment.learner, status=enrolment.status, payer=enrolment.payer,
        organisation=enrolment.organisation, motivation=enrolment.motivation,
    )  # fmt: skip
    _mark_cancelled(enrolment, by=by, now=now)
    moved.save()
    _leave_waiting_list(target, [enrolment.learner])
    if enrolment.order_id:
        _rebill_moved_seat(enrolment, moved, by=by, now=now)
    _confirm_by_email(moved)
    _log("enrolment.moved", enrolment, run=old_run, by=by, to_run=target.code,
         new_enrolment=moved.pk)  # fmt: skip
    promote_waitlist(run=old_run, now=now)
    return moved


def _rebill_moved_seat(old: Enrolment, moved: Enrolment, *, by, now) -> None:
    """Credit the old seat (if already invoiced) and order the new one from the same payer."""
    note = credit_enrolments(order=old.order, enrolment_ids=[old.pk], reason=CREDITED_FOR_MOVE,
                             now=now)  # fmt: skip
    if note is not None:
        tasks.send_invoice.delay_on_commit(note.pk)
    if old.order.organisation_id:
        order = _place_order([moved], placed_by=by, organisation=old.order.organisation)
        if old.order.purchase_order_reference:
            order.purchase_order_reference = old.order.purchase_order_reference
            order.save(update_fields=["purchase_order_reference"])
    else:
        _place_order([moved], placed_by=by)


def swap_candidates(*, enrolment: Enrolment):
    """The paying employer's people who hold no seat in the run yet."""
    from django.contrib.auth import get_user_model

    if enrolment.organisation_id is None:
        return get_user_model().objects.none()
    seated = Enrolment.objects.holding_a_seat().filter(run_id=enrolment.run_id)
    return (
        get_user_model().objects.filter(
            memberships__organisation_id=enrolment.organisation_id, is_active=True
        )
        .exclude(pk__in=seated.values("learner_id"))
        .order_by("last_name", "first_name", "email")
    )  # fmt: skip


@transaction.atomic
def give_seat_to_colleague(*, enrolment: Enrolment, replacement, by, now=None) -> Enrolment:
    """The office gives an employer-paid seat to a colleague at the same employer before the
    run starts; the employer's invoice stands, as when the employer swaps a cohort member."""
    now = now or timezone.now()
    run = _locked(enrolment.run)
    enrolment = _locked_enrolment(enrolment)
    require_curator_of_runs(by, run)
    if enrolment.payer != Enrolment.Payer.EMPLOYER or enrolment.organisation_id is None:
        raise EnrolmentError(
            _("Only a seat an employer pays can go to a colleague; cancel this one instead.")
        )
    _changeable(enrolment, run, now)
    if enrolment.status != Enrolment.Status.CONFIRMED:
        raise EnrolmentError(_("Only a confirmed seat can go to a colleague."))
    if not swap_candidates(enrolment=enrolment).filter(pk=replacement.pk).exists():
        raise EnrolmentError(
            _("%(name)s does not work for %(employer)s or already has a seat in this run.")
            % {"name": replacement.get_full_name() or replacement.email,
               "employer": enrolment.organisation.name}
        )  # fmt: skip
    new = _give_seat(enrolment, replacement=replacement, run=run, by=by, now=now)
    _log("enrolment.given_to_colleague", enrolment, run=run, by=by,
         replacement=person(replacement), new_enrolment=new.pk)  # fmt: skip
    return new


@transaction.atomic
def mark_attendance(*, session: Session, enrolment: Enrolment, present: bool, by) -> Attendance:
    """One learner's attendance at one session, as the admin records it one row at a time."""
    require_teaches_or_curates(
        by, session.run, _("Only the run's lecturers and curators record attendance.")
    )
    if enrolment.run_id != session.run_id:
        raise EnrolmentError(_("This learner is not enrolled in the run of this session."))
    if enrolment.status not in Enrolment.SEAT_HOLDING:
        raise EnrolmentError(_("This enrolment was cancelled."))
    attendance, _created = Attendance.objects.update_or_create(
        session=session, enrolment=enrolment, defaults={"present": present, "recorded_by": by}
    )
    return attendance


# --- Attendance ---------------------------------------------------------------------------


@transaction.atomic
def record_attendance(*, session: Session, present: set[int], by) -> int:
    """Mark each learner holding a seat present or absent; returns how many are present."""
    require_teaches_or_curates(
        by, session.run, _("Only the run's lecturers and curators record attendance.")
    )
    seated = list(session.run.enrolments.holding_a_seat().values_list("pk", flat=True))
    Attendance.objects.bulk_create(
        [Attendance(session=session, enrolment_id=pk, present=pk in present, recorded_by=by)
         for pk in seated],
        update_conflicts=True, unique_fields=["session", "enrolment"],
        update_fields=["present", "recorded_by", "recorded_at"],
    )  # fmt: skip
    return len(present.intersection(seated))


# --- Closing an account -------------------------------------------------------------------


@transaction.atomic
def withdraw_ahead(*, learner, now=None) -> list[Enrolment]:
    """Cancel what lies ahead of a person who deletes their account, as done by themselves.

    Their waiting-list places and open offers are left (an offer passes on); every request
    awaiting an employer's approval is withdrawn; seats in runs that have not ended (a run in
    progress too) are cancelled whatever the cancellation deadline, cohort seats included, and
    offered to the waiting list. Invoiced seats are credited now, while the name the invoice
    was billed to is still there, and each paying employer's admins are told once which
    enrolments went. Seats in runs that have ended stay, as the record of what was done.
    Returns the enrolments cancelled. Run before the account is anonymised."""
    now = now or timezone.now()
    Status = Enrolment.Status
    ahead = list(
        Enrolment.objects.filter(learner=learner)
        .filter(Q(status=Status.AWAITING_APPROVAL)
                | Q(status=Status.CONFIRMED, run__end_date__gte=timezone.localdate(now)))
        .order_by("run_id", "pk")
    )  # fmt: skip
    waiting = WaitingListEntry.objects.filter(learner=learner, status__in=WaitingListEntry.ACTIVE)
    run_ids = sorted({e.run_id for e in ahead} | set(waiting.values_list("run_id", flat=True)))
    for run_id in run_ids:  # locked in one order, so this cannot deadlock with a move
        run = _locked(ModuleRun(pk=run_id))
        run.waiting_list.filter(learner=learner, status__in=WaitingListEntry.ACTIVE).update(
            status=WaitingListEntry.Status.LEFT
        )
        for enrolment in (e for e in ahead if e.run_id == run_id):
            cancel_enrolment(enrolment=enrolment, by=learner, now=now, closing_account=True)
        promote_waitlist(run=_locked(run), now=now)
    invoiced: dict[int, list[Enrolment]] = {}
    for enrolment in ahead:
        if enrolment.order_id:
            invoiced.setdefault(enrolment.order_id, []).append(enrolment)
    for seats in invoiced.values():
        note = credit_enrolments(order=seats[0].order, enrolment_ids=[e.pk for e in seats],
                                 reason=CREDITED_FOR_CANCELLATION, now=now)  # fmt: skip
        if note is not None:
            tasks.send_invoice.delay_on_commit(note.pk)
    person = learner.get_full_name() or learner.email  # as it is now, before it is erased
    by_employer: dict[int, list[int]] = {}
    for enrolment in ahead:
        if enrolment.organisation_id:
            by_employer.setdefault(enrolment.organisation_id, []).append(enrolment.pk)
    for organisation_id, ids in by_employer.items():
        tasks.send_withdrawal_notice.delay_on_commit(organisation_id, ids, person)
    return list(Enrolment.objects.filter(pk__in=[e.pk for e in ahead]))
