"""Reads for "My learning" and the employer portal; access is checked on the organisation."""

from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from academy.models import Invitation, Membership, Organisation, StaffImport
from catalogue.models import Module, ModuleRun, Session
from catalogue.queries import runs_curated_by
from enrolment.models import Cohort, Enrolment, Invoice, WaitingListEntry
from enrolment.services import CENT, seats_taken_by_run


def fill_seats_taken(runs) -> None:
    """Set `seats_taken` on each run (for `ModuleRun.seats_left` and `is_full`), in two
    queries for all of them."""
    runs = list(runs)
    taken = seats_taken_by_run([run.pk for run in runs])
    for run in runs:
        run.seats_taken = taken.get(run.pk, 0)


def organisations_administered_by(user) -> QuerySet[Organisation]:
    return Organisation.objects.administered_by(user)


def staff_overview(organisation: Organisation) -> QuerySet[Membership]:
    return organisation.memberships.select_related("user").order_by(
        "user__last_name", "user__first_name", "user__email"
    )


def open_invitations(organisation: Organisation) -> QuerySet[Invitation]:
    return organisation.invitations.open().select_related("invited_by").order_by("-created_at")


def recent_imports(organisation: Organisation) -> QuerySet[StaffImport]:
    return organisation.staff_imports.defer("rows", "problems")[:5]


def memberships_of(user) -> QuerySet[Membership]:
    return user.memberships.select_related("organisation").order_by("organisation__name")


def enrolments_of(user):
    return (
        Enrolment.objects.filter(learner=user)
        .exclude(status=Enrolment.Status.CANCELLED)
        .select_related("run__module", "organisation")
        .prefetch_related("run__sessions")
        .order_by("run__start_date")
    )


# Sessions, their links and calendar entries belong to confirmed seats; a seat still
# awaiting the employer's approval shows none of them yet.
SEATS_WITH_SESSIONS = (Enrolment.Status.CONFIRMED, Enrolment.Status.COMPLETED)


def upcoming_sessions(enrolments, *, now, limit: int = 8) -> list[Session]:
    """The next sessions of the confirmed seats, from enrolments with sessions prefetched."""
    sessions = [
        session
        for enrolment in enrolments
        if enrolment.status in SEATS_WITH_SESSIONS
        for session in enrolment.run.sessions.all()
        if session.ends_at >= now
    ]
    return sorted(sessions, key=lambda session: session.starts_at)[:limit]


def waiting_list_places_of(user):
    return (
        WaitingListEntry.objects.filter(learner=user, status__in=WaitingListEntry.ACTIVE)
        .with_position()
        .select_related("run__module")
        .order_by("run__start_date")
    )


def places_in_runs(user, run_ids) -> dict[int, Enrolment | WaitingListEntry]:
    """The seat (enrolment) or waiting-list place the person holds in each of these runs,
    by run id, in two queries however many runs: the module and enrol pages say it instead
    of offering to enrol again."""
    if not user.is_authenticated or not run_ids:
        return {}
    entries = (
        WaitingListEntry.objects.filter(
            learner=user, run_id__in=run_ids, status__in=WaitingListEntry.ACTIVE
        )
        .with_position()
        .select_related("run")
        .order_by()
    )
    places = {entry.run_id: entry for entry in entries}
    seats = Enrolment.objects.holding_a_seat().filter(learner=user, run_id__in=run_ids)
    places.update({seat.run_id: seat for seat in seats.select_related("run").order_by()})
    return places


@dataclass(frozen=True)
class SessionClash:
    """`session` overlaps `other`, a session of another run the learner holds a seat in."""

    session: Session
    other: Session


def session_clashes(
    learner, *, run: ModuleRun | None = None, now=None, enrolments=None
) -> list[SessionClash]:
    """Sessions still to come that overlap in time, among the runs the learner is confirmed
    in or awaiting approval for: with `run`, its sessions against theirs (for the enrol page);
    without, theirs against each other, each clash listed from both sides. One query, two
    with `run`, however many sessions; none for theirs when `enrolments` (the learner's,
    from `enrolments_of`, sessions prefetched) are at hand."""
    now = now or timezone.now()
    held = Enrolment.Status.CONFIRMED, Enrolment.Status.AWAITING_APPROVAL
    if enrolments is None:
        theirs = list(
            Session.objects.filter(
                ends_at__gt=now, run__enrolments__learner=learner, run__enrolments__status__in=held
            )
            .select_related("run__module")
            .order_by("starts_at", "pk")
            .distinct()
        )
    else:
        theirs = sorted(
            (
                session
                for enrolment in enrolments
                if enrolment.status in held
                for session in enrolment.run.sessions.all()
                if session.ends_at > now
            ),
            key=lambda session: (session.starts_at, session.pk),
        )
    if run is None:
        candidates = theirs
    else:
        theirs = [session for session in theirs if session.run_id != run.pk]
        candidates = list(
            run.sessions.filter(ends_at__gt=now).select_related("run__module").order_by("starts_at")
        )
    clashes = []
    for session in candidates:
        for other in theirs:
            if other.starts_at >= session.ends_at:
                break  # sorted by start: nothing further along overlaps
            if other.run_id != session.run_id and other.ends_at > session.starts_at:
                clashes.append(SessionClash(session=session, other=other))
    return clashes


def attach_clashes(enrolments, clashes: list[SessionClash]) -> None:
    """Set `clashes` on each enrolment: those of its run's sessions (for its card)."""
    for enrolment in enrolments:
        enrolment.clashes = [c for c in clashes if c.session.run_id == enrolment.run_id]


def cancellation_effects(enrolment: Enrolment) -> dict:
    """What cancelling this enrolment sets going, for the confirmation page: the credit
    note (incl. VAT) for an invoiced seat and who gets it, and whether someone is waiting."""
    credit, invoice = None, None
    if enrolment.order_id:
        invoice = (
            Invoice.objects.filter(order_id=enrolment.order_id, kind=Invoice.Kind.INVOICE)
            .select_related("order__organisation")
            .defer("pdf")
            .first()
        )
    if invoice is not None:
        seat = enrolment.takes_seat_of_id or enrolment.pk
        for line in invoice.lines:
            if seat in line["enrolment_ids"] or enrolment.pk in line["enrolment_ids"]:
                price = Decimal(line["unit_price"])
                credit = (price + price * Decimal(line["vat_rate"]) / 100).quantize(CENT)
    return {
        "invoice": invoice,
        "credit": credit,
        "billed_to": invoice.order.organisation if invoice else None,
        "waiting": enrolment.run.waiting_list.filter(
            status=WaitingListEntry.Status.WAITING
        ).exists(),
    }


def sessions_in_feed(feed):
    """The sessions of runs the feed's owner holds a confirmed seat in."""
    return (
        Session.objects.filter(
            run__enrolments__learner_id=feed.user_id,
            run__enrolments__status__in=SEATS_WITH_SESSIONS,
        )
        .select_related("run__module")
        .order_by("starts_at")
        .distinct()
    )


def awaiting_approval(organisation):
    return (
        Enrolment.objects.filter(
            organisation=organisation, status=Enrolment.Status.AWAITING_APPROVAL
        )
        .select_related("learner", "run__module")
        .order_by("created_at")
    )


def shared_enrolments_by_member(organisation) -> dict[int, list]:
    """Enrolments of members who consent to share, by user id; others are not read at all."""
    sharing = organisation.memberships.filter(shares_progress=True).values("user_id")
    enrolments = (
        Enrolment.objects.filter(learner_id__in=sharing)
        .exclude(status=Enrolment.Status.CANCELLED)
        .select_related("run__module")
        .order_by("run__start_date")
    )
    by_member: dict[int, list] = {}
    for enrolment in enrolments:
        by_member.setdefault(enrolment.learner_id, []).append(enrolment)
    return by_member


def runs_open_for_cohorts(today=None) -> list[ModuleRun]:
    """Published runs still to start, open for enrolment and not full, their seats counted."""
    today = today or timezone.localdate()
    runs = list(
        ModuleRun.objects.open_for_enrolment(today)
        .filter(module__status=Module.Status.PUBLISHED, start_date__gt=today)
        .select_related("module")
        .order_by("module__title", "start_date")
    )  # fmt: skip
    fill_seats_taken(runs)
    return [run for run in runs if not run.is_full]


def _seats_held():
    return Count("enrolments", filter=Q(enrolments__status__in=Enrolment.SEAT_HOLDING))


def cohorts_of(organisation: Organisation) -> QuerySet[Cohort]:
    return (
        organisation.cohorts.select_related("run__module", "order")
        .annotate(members=_seats_held())
        .prefetch_related(Prefetch("order__invoices", queryset=Invoice.objects.defer("pdf")))
        .order_by("-run__start_date", "-created_at")
    )


def cohort_members(cohort: Cohort) -> QuerySet[Enrolment]:
    """Everyone ever in the cohort, seated first, with how many sessions they attended."""
    return (
        cohort.enrolments.select_related("learner")
        .annotate(
            attended=Count("attendance", filter=Q(attendance__present=True)),
            recorded=Count("attendance"),
        )
        .order_by("status", "learner__last_name", "learner__first_name")
    )


def swap_candidates(cohort: Cohort) -> QuerySet:
    """Staff of the cohort's employer who hold no seat in its run."""
    seated = Enrolment.objects.holding_a_seat().filter(run=cohort.run).values("learner_id")
    return cohort.organisation.members.exclude(pk__in=seated).order_by(
        "last_name", "first_name", "email"
    )


# Invoice lists never load the stored PDFs (tens of kilobytes each); the download reads one.
def _invoice_list(invoices: QuerySet[Invoice]) -> QuerySet[Invoice]:
    return invoices.select_related("corrects").defer("pdf", "corrects__pdf")


def invoices_of_organisation(organisation: Organisation) -> QuerySet[Invoice]:
    return _invoice_list(Invoice.objects.filter(order__organisation=organisation))


def invoices_of_learner(user) -> QuerySet[Invoice]:
    return _invoice_list(Invoice.objects.filter(order__learner=user))


def invoices_of_cohort(cohort: Cohort) -> QuerySet[Invoice]:
    return _invoice_list(Invoice.objects.filter(order__cohort=cohort))


def sessions_to_record(user, today=None) -> QuerySet[Session]:
    """Sessions of the runs this person teaches or curates, from a month back onwards."""
    today = today or timezone.localdate()
    runs = ModuleRun.objects.filter(
        Q(teachings__lecturer=user) | Q(pk__in=runs_curated_by(user).values("pk"))
    )
    return (
        Session.objects.filter(run__in=runs, starts_at__date__gte=today - timedelta(days=31))
        .select_related("run__module")
        .annotate(recorded=Count("attendance"))
        .order_by("starts_at")
    )


def attendance_sheet(session: Session) -> QuerySet[Enrolment]:
    return (
        session.run.enrolments.holding_a_seat()
        .select_related("learner", "organisation")
        .order_by("learner__last_name", "learner__first_name", "learner__email")
    )
