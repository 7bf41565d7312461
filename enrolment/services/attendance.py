"""Attendance at a run's sessions, recorded by its lecturers and curators once a session has
begun. The academy office may record earlier, and the reason it gives is kept in the audit
trail entry of the recording."""

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format, time_format
from django.utils.translation import gettext as _

from academy.audit import log_action
from catalogue.models import Session
from catalogue.queries import curates_everything, require_teaches_or_curates
from enrolment.models import Attendance, Enrolment
from enrolment.services.errors import EnrolmentError

EARLY_OVERRIDE_REASON_LENGTH = 500


class TooEarlyError(EnrolmentError):
    """Attendance for a session that has not begun. `missing_reason`: the office may record
    it, but only with a reason (the form shows the message at the reason's field)."""

    def __init__(self, message: str, *, missing_reason: bool = False):
        super().__init__(message)
        self.missing_reason = missing_reason


def session_not_yet_message(session: Session) -> str:
    starts = timezone.localtime(session.starts_at)
    return _(
        "This session has not taken place yet (it starts on %(date)s at %(time)s); attendance "
        "can be recorded from then on."
    ) % {"date": date_format(starts, "j F Y"), "time": time_format(starts, "H:i")}


def may_record_early(user) -> bool:
    """The academy office (and superusers) may record attendance before a session, and
    results before a run has taken place, giving a reason."""
    return curates_everything(user)


def check_session_has_started(*, session: Session, by, early_override_reason: str = "") -> str:
    """Attendance waits for the session to begin. Returns the office's reason for recording
    earlier ('' when the session has begun); raises TooEarlyError otherwise."""
    if session.has_started():
        return ""
    if not may_record_early(by):
        raise TooEarlyError(session_not_yet_message(session))
    reason = early_override_reason.strip()
    if not reason:
        raise TooEarlyError(
            _("Say why attendance is recorded before the session has taken place."),
            missing_reason=True,
        )
    return reason[:EARLY_OVERRIDE_REASON_LENGTH]


def _details(session: Session, reason: str, **details) -> dict:
    details = {"run": session.run.code, "module": session.run.module.title,
               "session": session.title, **details}  # fmt: skip
    if reason:
        details["early_override_reason"] = reason
    return details


@transaction.atomic
def mark_attendance(
    *, session: Session, enrolment: Enrolment, present: bool, by, early_override_reason: str = ""
) -> Attendance:
    """One learner's attendance at one session, as the admin records it one row at a time."""
    require_teaches_or_curates(
        by, session.run, _("Only the run's lecturers and curators record attendance.")
    )
    if enrolment.run_id != session.run_id:
        raise EnrolmentError(_("This learner is not enrolled in the run of this session."))
    if enrolment.status not in Enrolment.SEAT_HOLDING:
        raise EnrolmentError(_("This enrolment was cancelled."))
    reason = check_session_has_started(
        session=session, by=by, early_override_reason=early_override_reason
    )
    attendance, _created = Attendance.objects.update_or_create(
        session=session, enrolment=enrolment, defaults={"present": present, "recorded_by": by}
    )
    log_action(
        actor=by, action="attendance.recorded", target=attendance, subject=enrolment.learner_id,
        organisation=enrolment.organisation_id, details=_details(session, reason, present=present),
    )  # fmt: skip
    return attendance


@transaction.atomic
def record_attendance(*, session: Session, present: set[int], by,
                      early_override_reason: str = "") -> int:  # fmt: skip
    """Mark each learner holding a seat present or absent; returns how many are present."""
    require_teaches_or_curates(
        by, session.run, _("Only the run's lecturers and curators record attendance.")
    )
    reason = check_session_has_started(
        session=session, by=by, early_override_reason=early_override_reason
    )
    seated = list(session.run.enrolments.holding_a_seat().values_list("pk", flat=True))
    Attendance.objects.bulk_create(
        [Attendance(session=session, enrolment_id=pk, present=pk in present, recorded_by=by)
         for pk in seated],
        update_conflicts=True, unique_fields=["session", "enrolment"],
        update_fields=["present", "recorded_by", "recorded_at"],
    )  # fmt: skip
    count = len(present.intersection(seated))
    log_action(
        actor=by, action="attendance.recorded", target=session,
        details=_details(session, reason, present=count, total=len(seated)),
    )  # fmt: skip
    return count
