"""Enrolment's business rules, one module per concern; import them from here.

- `seats`: counting seats, enrolling, cancelling, the waiting list and its offers, a run's
  capacity, an employer's approval, and withdrawing what lies ahead of someone who closes
  their account. Its run lock (`_locked`) is the first lock every seat-changing rule takes.
- `billing`: orders, invoices, credit notes (and their reasons) and payments.
- `cohorts`: an employer's cohorts: reserving seats for staff, from a list or a CSV, and
  swapping a member for a colleague.
- `moves`: the office moves an enrolment to another run, or gives its seat to a colleague.
- `attendance`: attendance at sessions.
- `preferences`: a professional's interests, progress sharing, calendar feed and the name
  an account lacked when its owner enrols.
- `errors`: `EnrolmentError` and `CohortError`.

Locks are always taken in one order: runs (by id when several), then the enrolment, then
the order and the invoice sequence. The modules import each other directly, never through
this package, which only re-exports: `from enrolment import services; services.enrol(...)`.
"""

from enrolment.services.attendance import (
    TooEarlyError,
    check_session_has_started,
    mark_attendance,
    may_record_early,
    record_attendance,
    session_not_yet_message,
)
from enrolment.services.billing import (
    CENT,
    CREDITED_BY_THE_OFFICE,
    CREDITED_FOR_CANCELLATION,
    CREDITED_FOR_MOVE,
    credit_enrolments,
    credit_invoice_in_full,
    issue_invoice,
    mark_invoice_paid,
)
from enrolment.services.cohorts import (
    cohort_member_problems,
    create_cohort,
    parse_cohort_list,
    swap_cohort_member,
)
from enrolment.services.errors import CohortError, EnrolmentError, TermsChanged
from enrolment.services.moves import (
    give_seat_to_colleague,
    move_enrolment,
    move_targets,
    swap_candidates,
)
from enrolment.services.preferences import (
    calendar_feed_for,
    give_name,
    renew_calendar_feed,
    update_preferences,
)
from enrolment.services.seats import (
    OFFER_VALIDITY,
    accept_offer,
    approve_enrolment,
    cancel_enrolment,
    capacity_problem,
    change_capacity,
    decline_offer,
    enrol,
    expire_offers,
    leave_waiting_list,
    promote_waitlist,
    seats_taken,
    seats_taken_by_run,
    waiting_list_position,
    why_learner_cannot_cancel,
    withdraw_ahead,
)

__all__ = [
    "CENT",
    "CREDITED_BY_THE_OFFICE",
    "CREDITED_FOR_CANCELLATION",
    "CREDITED_FOR_MOVE",
    "OFFER_VALIDITY",
    "CohortError",
    "EnrolmentError",
    "TermsChanged",
    "TooEarlyError",
    "accept_offer",
    "approve_enrolment",
    "calendar_feed_for",
    "cancel_enrolment",
    "capacity_problem",
    "change_capacity",
    "check_session_has_started",
    "cohort_member_problems",
    "create_cohort",
    "credit_enrolments",
    "credit_invoice_in_full",
    "decline_offer",
    "enrol",
    "expire_offers",
    "give_name",
    "give_seat_to_colleague",
    "issue_invoice",
    "leave_waiting_list",
    "mark_attendance",
    "mark_invoice_paid",
    "may_record_early",
    "move_enrolment",
    "move_targets",
    "parse_cohort_list",
    "promote_waitlist",
    "record_attendance",
    "renew_calendar_feed",
    "seats_taken",
    "seats_taken_by_run",
    "session_not_yet_message",
    "swap_candidates",
    "swap_cohort_member",
    "update_preferences",
    "waiting_list_position",
    "why_learner_cannot_cancel",
    "withdraw_ahead",
]
