"""Business rules of enrolment: seats are a hard limit, freed seats go to the waiting list.

Every write that counts seats locks the run's row first (select_for_update), so concurrent
enrolments into the same run queue up instead of overbooking it.
"""

from datetime import timedelta

from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _

from academy.models import Membership
from academy.services import set_progress_sharing
from catalogue.models import ModuleRun
from catalogue.page_cache import bump_catalogue_version
from enrolment.models import CalendarFeed, Enrolment, WaitingListEntry, new_feed_token

OFFER_VALIDITY = timedelta(hours=48)


class EnrolmentError(Exception):
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
    today = timezone.localdate()
    if run.status not in (ModuleRun.Status.OPEN, ModuleRun.Status.FULL):
        raise EnrolmentError(_("This run is not open for enrolment."))
    if run.enrolment_opens and today < run.enrolment_opens:
        raise EnrolmentError(_("Enrolment for this run has not opened yet."))
    if run.enrolment_closes and today > run.enrolment_closes:
        raise EnrolmentError(_("Enrolment for this run has closed."))


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
        if taken + 1 >= run.capacity:
            _set_status(run, ModuleRun.Status.FULL)
        _confirm_by_email(enrolment)
        return enrolment
    _set_status(run, ModuleRun.Status.FULL)
    return WaitingListEntry.objects.create(run=run, learner=learner, **details)


def _confirm_by_email(enrolment: Enrolment) -> None:
    from enrolment.tasks import send_enrolment_confirmation

    transaction.on_commit(lambda: send_enrolment_confirmation.delay(enrolment.pk))


def _set_status(run: ModuleRun, status: str) -> None:
    if run.status != status:
        run.status = status
        run.save(update_fields=["status"])


def waiting_list_position(entry: WaitingListEntry) -> int:
    return WaitingListEntry.objects.with_position().get(pk=entry.pk).position


@transaction.atomic
def cancel_enrolment(*, enrolment: Enrolment, by, now=None) -> list[WaitingListEntry]:
    """Cancel and offer the freed seat to the waiting list; learners only before the start."""
    now = now or timezone.now()
    run = _locked(enrolment.run)
    enrolment = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
    if enrolment.status == Enrolment.Status.CANCELLED:
        return []
    if by == enrolment.learner and timezone.localdate(now) >= run.start_date:
        raise EnrolmentError(_("The run has started; ask the academy office to cancel."))
    enrolment.status = Enrolment.Status.CANCELLED
    enrolment.cancelled_at = now
    enrolment.save(update_fields=["status", "cancelled_at"])
    return promote_waiting_list(run=run, now=now)


def promote_waiting_list(*, run: ModuleRun, now=None) -> list[WaitingListEntry]:
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
    if run.capacity - seats_taken(run, now=now) > 0 and run.status == ModuleRun.Status.FULL:
        _set_status(run, ModuleRun.Status.OPEN)
    return offered


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
    _confirm_by_email(enrolment)
    return enrolment


@transaction.atomic
def decline_offer(*, entry: WaitingListEntry, learner, now=None) -> list[WaitingListEntry]:
    run = _locked(entry.run)
    entry = WaitingListEntry.objects.select_for_update().get(pk=entry.pk)
    if entry.learner_id != learner.pk or entry.status != WaitingListEntry.Status.OFFERED:
        raise EnrolmentError(_("This offer is no longer open."))
    entry.status = WaitingListEntry.Status.DECLINED
    entry.save(update_fields=["status"])
    return promote_waiting_list(run=run, now=now)


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
            promote_waiting_list(run=run, now=now)
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
    enrolment = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
    if not Membership.objects.filter(
        user=by, organisation_id=enrolment.organisation_id, role=Membership.Role.ADMIN
    ).exists():
        raise EnrolmentError(_("Only an admin of the paying employer may decide."))
    if enrolment.status != Enrolment.Status.AWAITING_APPROVAL:
        raise EnrolmentError(_("This enrolment is not awaiting approval."))
    if approve:
        enrolment.status = Enrolment.Status.CONFIRMED
        enrolment.save(update_fields=["status"])
        bump_catalogue_version()
        return enrolment
    cancel_enrolment(enrolment=enrolment, by=by)
    enrolment.refresh_from_db()
    return enrolment
