"""Course evaluations: invite the participants of a run once its last session ended, remind
once after a week, take one answer per invitation until the evaluation closes, and let a
portfolio holder hide a comment (kept, and marked who and why).

An answer is anonymous: it is stored without the invitation it came from, and answering
is not written to the audit trail."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from academy.audit import log_action
from academy.errors import DomainError
from catalogue.models import ModuleRun
from catalogue.queries import require_curator_of_faculty
from enrolment.models import Enrolment
from evaluations import tasks
from evaluations.models import Answer, Invitation

REMIND_AFTER = timedelta(days=7)
PARTICIPANTS = (Enrolment.Status.CONFIRMED, Enrolment.Status.COMPLETED)

AUDIT_ACTIONS = {
    "evaluation.comment_hidden": gettext_lazy("Evaluation comment hidden"),
    "evaluation.comment_shown": gettext_lazy("Evaluation comment shown again"),
}


class EvaluationError(DomainError):
    pass


def open_for() -> timedelta:
    """How long a run's evaluation stays open after its last session (default three weeks)."""
    return timedelta(days=getattr(settings, "EVALUATION_OPEN_DAYS", 21))


def invite_participants(*, now=None) -> int:
    """Invite each participant of every run whose last session ended within the evaluation
    period, once (the one-to-one invitation makes a second run of this a no-op); the emails
    go when the invitations are committed. Returns how many were invited."""
    now = now or timezone.now()
    ended = (
        ModuleRun.objects.annotate(last_end=Max("sessions__ends_at"))
        .filter(last_end__lte=now, last_end__gt=now - open_for())
        .values_list("pk", "last_end")
    )  # fmt: skip
    invited = 0
    for run_id, last_end in ended:
        with transaction.atomic():
            waiting = Enrolment.objects.filter(
                run_id=run_id, status__in=PARTICIPANTS, evaluation_invitation__isnull=True
            ).values_list("pk", flat=True)
            made = Invitation.objects.bulk_create(
                [Invitation(enrolment_id=pk, run_id=run_id, closes_at=last_end + open_for())
                 for pk in waiting],
                ignore_conflicts=True,
            )  # fmt: skip
            ids = list(
                Invitation.objects.filter(run_id=run_id, sent_at__isnull=True).values_list(
                    "pk", flat=True
                )
            )
            for pk in ids:
                tasks.send_invitation.delay_on_commit(pk)
            invited += len(made)
    return invited


def due_reminders(*, now=None) -> list[int]:
    """Invitations sent a week ago or more, unanswered, not reminded, still open."""
    now = now or timezone.now()
    return list(
        Invitation.objects.filter(
            sent_at__lte=now - REMIND_AFTER, reminded_at__isnull=True, answered=False,
            closes_at__gt=now,
        ).order_by("pk").values_list("pk", flat=True)
    )  # fmt: skip


def invitation_for(token: str) -> Invitation | None:
    return (
        Invitation.objects.select_related("run__module", "enrolment__learner")
        .filter(token=token)
        .first()
    )


def state_of(invitation: Invitation, *, now=None) -> str:
    """'open', 'answered' or 'closed'."""
    if invitation.answered:
        return "answered"
    if invitation.closes_at <= (now or timezone.now()):
        return "closed"
    return "open"


@transaction.atomic
def submit_answer(*, token: str, now=None, **answers) -> Answer:
    """Take the participant's answer: once per invitation, while the evaluation is open."""
    now = now or timezone.now()
    invitation = Invitation.objects.select_for_update().filter(token=token).first()
    if invitation is None:
        raise EvaluationError(_("This evaluation link is not valid."))
    if invitation.answered:
        raise EvaluationError(_("This evaluation was filled in already. Thank you!"))
    if invitation.closes_at <= now:
        raise EvaluationError(_("This evaluation has closed."))
    answer = Answer.objects.create(
        run_id=invitation.run_id, submitted_on=timezone.localdate(now), **answers
    )
    invitation.answered = True
    invitation.save(update_fields=["answered"])
    return answer


def _require_curator_of(by, answer: Answer) -> None:
    require_curator_of_faculty(
        by, answer.run.module.faculty_id,
        _("Only the faculty's portfolio holders or the office hide comments."),
    )  # fmt: skip


@transaction.atomic
def hide_comment(*, answer: Answer, reason: str, by) -> Answer:
    """Hide a comment from the results (it is kept, marked who hid it and why)."""
    _require_curator_of(by, answer)
    reason = reason.strip()
    if not reason:
        raise EvaluationError(_("Say why the comment is hidden."), {"reason": _("Required.")})
    answer = Answer.objects.select_for_update().get(pk=answer.pk)
    answer.comment_hidden_at, answer.comment_hidden_by = timezone.now(), by
    answer.comment_hidden_reason = reason[:300]
    answer.save(update_fields=["comment_hidden_at", "comment_hidden_by", "comment_hidden_reason"])
    log_action(actor=by, action="evaluation.comment_hidden", target=answer,
               details={"run": answer.run_id, "reason": answer.comment_hidden_reason})  # fmt: skip
    return answer


@transaction.atomic
def show_comment(*, answer: Answer, by) -> Answer:
    _require_curator_of(by, answer)
    answer = Answer.objects.select_for_update().get(pk=answer.pk)
    answer.comment_hidden_at, answer.comment_hidden_by, answer.comment_hidden_reason = (
        None,
        None,
        "",
    )
    answer.save(update_fields=["comment_hidden_at", "comment_hidden_by", "comment_hidden_reason"])
    log_action(actor=by, action="evaluation.comment_shown", target=answer,
               details={"run": answer.run_id})  # fmt: skip
    return answer
