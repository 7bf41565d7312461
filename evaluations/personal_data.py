"""What evaluations hold about a person: their invitations (which run, sent, answered).
Their answers are anonymous and cannot be found from the person, so they stay."""

from evaluations.models import Invitation


def _invitations_of(user):
    return Invitation.objects.filter(enrolment__learner=user)


def export_evaluation_data(user) -> dict:
    return {
        "evaluation_invitations": [
            {
                "module": invitation.run.module.title,
                "run": invitation.run.code,
                "invited_at": invitation.sent_at.isoformat() if invitation.sent_at else None,
                "reminded_at": invitation.reminded_at.isoformat()
                if invitation.reminded_at
                else None,
                "closes_at": invitation.closes_at.isoformat(),
                "answered": invitation.answered,
            }
            for invitation in _invitations_of(user).select_related("run__module")
        ]
    }


def erase_evaluation_data(user) -> None:
    _invitations_of(user).delete()
