"""Attendance at a run's sessions, recorded by its lecturers and curators."""

from django.db import transaction
from django.utils.translation import gettext as _

from catalogue.models import Session
from catalogue.queries import require_teaches_or_curates
from enrolment.models import Attendance, Enrolment
from enrolment.services.errors import EnrolmentError


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
