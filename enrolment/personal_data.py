"""What enrolment holds about a person, for the data export and account deletion."""

from django.conf import settings

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
                "terms_accepted": _terms(e.accepted_terms),
            }
            for e in Enrolment.objects.filter(learner=user).select_related(
                "run__module", "organisation", "accepted_terms"
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


def _terms(terms) -> dict | None:
    """Which version of the terms an enrolment was made under, and where to read it."""
    if terms is None:
        return None
    return {"version": terms.version, "in_effect_from": terms.effective_from.isoformat(),
            "url": settings.SITE_URL + terms.get_absolute_url()}  # fmt: skip


def erase_enrolment_data(user) -> None:
    """What lies ahead is cancelled first (seats freed and offered on, invoiced seats credited,
    approvals withdrawn, employers told); then waiting-list places go, and enrolments stay,
    without motivation, for results and invoices."""
    withdraw_ahead(learner=user)
    WaitingListEntry.objects.filter(learner=user).delete()
    CalendarFeed.objects.filter(user=user).delete()
    Enrolment.objects.filter(learner=user).update(motivation="")
