"""Seats and the waiting list: seats are a hard limit, freed seats go to the waiting list.

Enrolling and cancelling, the waiting list and its offers, a run's capacity, an employer's
approval, and withdrawing what lies ahead of someone who closes their account. Every write
that counts seats locks the run's row first (select_for_update, `_locked`), so concurrent
enrolments into the same run queue up instead of overbooking it.
"""

from datetime import timedelta

from django.db import transaction
from django.db.models import Count, Exists, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from academy.audit import log_action
from academy.models import Membership
from academy.queries import administers
from catalogue.models import ModuleRun
from catalogue.page_cache import bump_catalogue_version
from catalogue.queries import require_curator_of_runs
from enrolment import tasks
from enrolment.models import Enrolment, WaitingListEntry
from enrolment.services.billing import (
    CREDITED_FOR_CANCELLATION,
    _new_order,
    _place_order,
    credit_enrolments,
)
from enrolment.services.errors import EnrolmentError, TermsChanged
from legal.queries import current_terms

OFFER_VALIDITY = timedelta(hours=48)

_READ_THEM = object()  # `terms_in_effect` not given: enrol reads the terms in effect itself

# Codes this module logs beyond the core's (academy.audit.ACTIONS), as they read in the trail.
AUDIT_ACTIONS = {
    "enrolment.left_waiting_list": gettext_lazy("Left the waiting list"),
    "enrolment.offer_declined": gettext_lazy("Declined the seat offered from the waiting list"),
}


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
    accepted_terms: int | None = None,
    terms_in_effect=_READ_THEM,
) -> Enrolment | WaitingListEntry:
    """A seat if one is left, otherwise a place on the waiting list.

    `accepted_terms` is the version of the terms of enrolment the learner was shown and
    accepted; it must still be the one in effect, and is recorded with the enrolment. A
    caller that has just read the terms in effect (the enrol form) passes them as
    `terms_in_effect` (None: none published) instead of having them read again.

    The statements, in order: the run's lock; one read, after it, of the seats taken and of
    the learner's seat or place in the run; the order (when confirmed), the enrolment or
    waiting-list place, and the audit entry."""
    locked = _locked(run)
    if ModuleRun.module.is_cached(run) and run.module_id == locked.module_id:
        locked.module = run.module  # the audit entry names it; no second read
    run = locked
    _check_open(run)
    status = _enrolment_status(learner=learner, payer=payer, organisation=organisation)
    terms = _terms_accepted(accepted_terms, terms_in_effect)
    taken, holds_seat, has_place = _seats_and_place(run, learner)
    if holds_seat:
        raise EnrolmentError(_("You are already enrolled in this run."))
    if has_place:
        raise EnrolmentError(_("You are already on the waiting list for this run."))
    details = {"payer": payer, "organisation": organisation, "motivation": motivation,
               "accepted_terms": terms}  # fmt: skip
    if taken < run.capacity:
        order = None
        if status == Enrolment.Status.CONFIRMED:  # made first: the enrolment is made with it
            order = _new_order(learner=learner, placed_by=learner)
        enrolment = Enrolment.objects.create(
            run=run, learner=learner, status=status, order=order, **details
        )
        _confirm_by_email(enrolment)
        _log("enrolment.enrolled", enrolment, run=run, by=learner, payer=payer, status=status)
        return enrolment
    entry = WaitingListEntry.objects.create(run=run, learner=learner, **details)
    _log("enrolment.waitlisted", entry, run=run, by=learner, payer=payer)
    return entry


def _count(queryset) -> Coalesce:
    """COUNT(*) of `queryset`, a subquery on the run (OuterRef("pk")), 0 when none."""
    counted = queryset.order_by().values("run").annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted[:1]), 0, output_field=IntegerField())


def _seats_and_place(run: ModuleRun, learner, *, now=None) -> tuple[int, bool, bool]:
    """The seats taken (as `seats_taken` counts them), whether the learner holds one, and
    whether they are on the waiting list: one statement. Read it after the run's lock, in a
    statement of its own, so that it sees every enrolment committed before the lock was
    granted (a statement sees the rows committed when it began)."""
    now = now or timezone.now()
    seats = Enrolment.objects.holding_a_seat().filter(run=OuterRef("pk"))
    offered = WaitingListEntry.objects.filter(
        run=OuterRef("pk"), status=WaitingListEntry.Status.OFFERED, offer_expires_at__gt=now
    )
    places = WaitingListEntry.objects.filter(
        run=OuterRef("pk"), learner=learner, status__in=WaitingListEntry.ACTIVE
    )
    row = (
        ModuleRun.objects.filter(pk=run.pk)
        .values(enrolled=_count(seats), offered=_count(offered),
                holds_seat=Exists(seats.filter(learner=learner)), has_place=Exists(places))
        .get()
    )  # fmt: skip
    return row["enrolled"] + row["offered"], row["holds_seat"], row["has_place"]


def _terms_accepted(version: int | None, terms=_READ_THEM):
    """The terms in effect, if those are the ones the learner accepted. None: nobody was
    asked (the office, a test) or no terms were ever published (version 0 then). `terms`:
    the terms in effect, when the caller has them at hand."""
    if version is None:
        return None
    if terms is _READ_THEM:
        terms = current_terms()
    if version != (terms.version if terms else 0):
        raise TermsChanged(_(
            "The terms changed since you opened this page; please read and accept the new "
            "version."
        ))  # fmt: skip
    return terms


def _log(action: str, enrolment, *, run: ModuleRun, by, **details) -> None:
    """An audit entry about an enrolment (or waiting-list place), its run named in words."""
    log_action(
        actor=by, action=action, target=enrolment, organisation=enrolment.organisation_id,
        subject=enrolment.learner_id, details={"run": run.code, "module": run.module.title,
                                               **details},
    )  # fmt: skip


def _confirm_by_email(enrolment: Enrolment) -> None:
    tasks.send_enrolment_confirmation.delay_on_commit(enrolment.pk)


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
    if learner_rules and (reason := why_learner_cannot_cancel(enrolment, run=run, now=now)):
        raise EnrolmentError(reason)
    _mark_cancelled(enrolment, by=by, now=now)
    _log("enrolment.cancelled", enrolment, run=run, by=by, by_learner=by == enrolment.learner,
         closing_account=closing_account)  # fmt: skip
    _credit_if_invoiced(enrolment)
    return promote_waitlist(run=run, now=now)


def why_learner_cannot_cancel(enrolment: Enrolment, *, run=None, now=None) -> str | None:
    """Why the learner may not cancel this seat themselves (None: they may)."""
    run = run or enrolment.run
    if enrolment.cohort_id:
        return _("Your employer manages this enrolment; ask them to change it.")
    if timezone.localdate(now or timezone.now()) > run.last_day_to_cancel:
        return _("You could cancel until %(date)s; ask the academy office to cancel.") % {
            "date": date_format(run.last_day_to_cancel, "j F Y")
        }
    return None


def _mark_cancelled(enrolment: Enrolment, *, by, now) -> None:
    enrolment.status = Enrolment.Status.CANCELLED
    enrolment.cancelled_at = now
    enrolment.cancelled_by = by
    enrolment.save(update_fields=["status", "cancelled_at", "cancelled_by"])


def _credit_if_invoiced(enrolment: Enrolment) -> None:
    if enrolment.order_id:
        tasks.credit_cancelled_enrolment.delay_on_commit(enrolment.pk)


# --- The waiting list ---------------------------------------------------------------------


def waiting_list_position(entry: WaitingListEntry) -> int:
    return WaitingListEntry.objects.with_position().get(pk=entry.pk).position


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


def _leave_waiting_list(run: ModuleRun, learners) -> None:
    run.waiting_list.filter(learner__in=learners, status__in=WaitingListEntry.ACTIVE).update(
        status=WaitingListEntry.Status.LEFT
    )


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
        accepted_terms_id=entry.accepted_terms_id,
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
    _log("enrolment.offer_declined", entry, run=run, by=learner)
    return promote_waitlist(run=run, now=now)


@transaction.atomic
def leave_waiting_list(*, entry: WaitingListEntry, by, now=None) -> list[WaitingListEntry]:
    """The learner gives up their place (or the seat offered to them): it passes to the
    next in line at once."""
    run = _locked(entry.run)
    entry = WaitingListEntry.objects.select_for_update().get(pk=entry.pk)
    if entry.learner_id != by.pk:
        raise EnrolmentError(_("Only the person on the waiting list can leave it."))
    if entry.status not in WaitingListEntry.ACTIVE:
        raise EnrolmentError(_("You are no longer on this waiting list."))
    was = entry.status
    entry.status = WaitingListEntry.Status.LEFT
    entry.save(update_fields=["status"])
    _log("enrolment.left_waiting_list", entry, run=run, by=by, status=was)
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


# --- Capacity and approvals ---------------------------------------------------------------


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
