"""The office changes an enrolment: moves it to another run of the same module, or gives an
employer-paid seat to a colleague. Both runs of a move are locked in order of their ids."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from academy.audit import person
from catalogue.models import ModuleRun
from catalogue.queries import require_curator_of_runs, runs_curated_by
from enrolment import tasks
from enrolment.models import Enrolment
from enrolment.services.billing import CREDITED_FOR_MOVE, _place_order, credit_enrolments
from enrolment.services.cohorts import _give_seat
from enrolment.services.errors import EnrolmentError
from enrolment.services.seats import (
    _check_open,
    _confirm_by_email,
    _leave_waiting_list,
    _locked,
    _log,
    _mark_cancelled,
    promote_waitlist,
    seats_taken,
)


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
