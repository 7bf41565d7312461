"""What enrolment holds about a person, for the data export and account deletion."""

from enrolment.models import CalendarFeed, Enrolment, WaitingListEntry
from enrolment.services import withdraw_ahead


def export_enrolment_data(user) -> dict:
    return {
        "enrolments": [
            {
                "module": e.run.module.title,
                "run": e.run.code,
                "status": e.status,
                "payer": e.payer,
                "employer": e.organisation.name if e.organisation else None,
                "motivation": e.motivation,
                "enrolled_at": e.created_at.isoformat(),
            }
            for e in Enrolment.objects.filter(learner=user).select_related(
                "run__module", "organisation"
            )
        ],
        "waiting_list": [
            {
                "module": w.run.module.title,
                "run": w.run.code,
                "status": w.status,
                "joined_at": w.created_at.isoformat(),
            }
            for w in WaitingListEntry.objects.filter(learner=user).select_related("run__module")
        ],
    }


def erase_enrolment_data(user) -> None:
    """What lies ahead is cancelled first (seats freed and offered on, invoiced seats credited,
    approvals withdrawn, employers told); then waiting-list places go, and enrolments stay,
    without motivation, for results and invoices."""
    withdraw_ahead(learner=user)
    WaitingListEntry.objects.filter(learner=user).delete()
    CalendarFeed.objects.filter(user=user).delete()
    Enrolment.objects.filter(learner=user).update(motivation="")
