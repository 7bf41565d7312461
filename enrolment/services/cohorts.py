"""Employer cohorts: an employer's admin reserves seats for their staff in one go, from a
list or a CSV, and swaps a member for a colleague before the run starts.

All seats or none: the run is locked (as in `seats`) while they are counted. Before
reserving, `quote_cohort` says what the seats will cost, by the same checks and sums."""

from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from academy import spreadsheets
from academy.audit import person
from academy.models import Membership
from academy.queries import administers
from academy.services import COLUMN_NAMES, MAX_IMPORT_ROWS
from catalogue.models import ModuleRun
from enrolment import tasks
from enrolment.models import Cohort, Enrolment
from enrolment.services.billing import _place_order, invoice_totals, seat_line
from enrolment.services.errors import CohortError, EnrolmentError
from enrolment.services.seats import (
    _check_open,
    _confirm_by_email,
    _leave_waiting_list,
    _locked,
    _log,
    _mark_cancelled,
    seats_taken,
)


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


@dataclass(frozen=True)
class CohortQuote:
    """What reserving these seats costs, summed as the invoice will be."""

    run: ModuleRun
    learners: list
    unit_price: Decimal
    vat_rate: int
    subtotal: Decimal
    vat: Decimal
    total: Decimal

    @property
    def seats(self) -> int:
        return len(self.learners)


def _check_cohort(*, organisation, run: ModuleRun, learners: list) -> None:
    """Why these seats cannot be reserved now, raised; the run is open and counted."""
    if not learners:
        raise CohortError(_("Choose at least one member of staff."))
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


def quote_cohort(*, organisation, run: ModuleRun, learners, by) -> CohortQuote:
    """The price of a cohort before it is reserved, after the checks `create_cohort` makes
    (which it makes again, under the lock: seats may go in between)."""
    _require_employer_admin(by, organisation)
    learners = list({learner.pk: learner for learner in learners}.values())
    _check_cohort(organisation=organisation, run=run, learners=learners)
    line = seat_line(run, len(learners))
    subtotal, vat, total = invoice_totals([line])
    return CohortQuote(
        run=run, learners=learners, unit_price=Decimal(line["unit_price"]),
        vat_rate=line["vat_rate"], subtotal=subtotal, vat=vat, total=total,
    )  # fmt: skip


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
    _check_cohort(organisation=organisation, run=run, learners=learners)
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
