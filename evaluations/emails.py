"""The invitation and the one reminder, each at most once (send_once), and the sweep that
sends what a lost task did not."""

from django.conf import settings
from django.urls import reverse

from academy.emails import overdue, send_each, send_once, templated_email
from evaluations.models import Invitation


def _message(template: str):
    def build(invitation: Invitation):
        learner = invitation.enrolment.learner
        return templated_email(
            template,
            {"invitation": invitation, "run": invitation.run, "module": invitation.run.module,
             "learner": learner,
             "url": settings.SITE_URL + reverse("learner:evaluation", args=[invitation.token])},
            to=learner.email, language=learner.preferred_language,
        )  # fmt: skip

    return build


def _invitations():
    return Invitation.objects.select_related("run__module", "enrolment__learner")


def send_invitation(*, invitation_id: int) -> bool:
    return send_once(_invitations().filter(answered=False), pk=invitation_id,
                     sent_field="sent_at", message=_message("evaluation_invitation"))  # fmt: skip


def send_reminder(*, invitation_id: int, now=None) -> bool:
    from django.utils import timezone

    still_open = _invitations().filter(
        answered=False, sent_at__isnull=False, closes_at__gt=now or timezone.now()
    )
    return send_once(still_open, pk=invitation_id, sent_field="reminded_at",
                     message=_message("evaluation_reminder"))  # fmt: skip


def send_unsent(*, now=None) -> int:
    unsent = Invitation.objects.filter(sent_at__isnull=True, answered=False)
    ids = overdue(unsent, since="created_at", now=now)
    return send_each(ids, lambda pk: send_invitation(invitation_id=pk))
