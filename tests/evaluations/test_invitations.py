"""Invitations: once a run's last session ended, each participant once, whatever retries
happen; one reminder a week later; none once the evaluation closed."""

import time
from datetime import timedelta

import pytest
from django.utils import timezone

from enrolment.models import Enrolment
from evaluations import emails, services
from evaluations.models import Invitation
from tests.academy.factories import UserFactory
from tests.enrolment.factories import EnrolmentFactory
from tests.evaluations.factories import InvitationFactory, ended_run

pytestmark = pytest.mark.django_db


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def test_each_participant_of_an_ended_run_is_invited_once(committed, mailoutbox):
    run = ended_run(module__title="Leading hybrid teams")
    ada = EnrolmentFactory(run=run, learner=UserFactory(email="ada@example.org",
                                                         first_name="Ada"))  # fmt: skip
    EnrolmentFactory(run=run, status=Enrolment.Status.CANCELLED)
    EnrolmentFactory(run=ended_run(days_ago=-3))  # its last session is still to come
    EnrolmentFactory(run=ended_run(days_ago=40))  # ended before the evaluation period

    with committed():
        assert services.invite_participants() == 1
    with committed():
        assert services.invite_participants() == 0  # beat runs it every hour

    [mail] = mailoutbox
    invitation = Invitation.objects.get()
    assert invitation.enrolment == ada and mail.to == ["ada@example.org"]
    assert mail.subject == "How was Leading hybrid teams? Five minutes for your evaluation"
    assert f"/evaluations/{invitation.token}/" in mail.body and "anonymous" in mail.body
    assert invitation.closes_at.date() == (timezone.now() + timedelta(days=20)).date()
    assert emails.send_invitation(invitation_id=invitation.pk) is False  # a task run twice


def test_one_reminder_after_a_week_and_none_once_answered_or_closed(mailoutbox):
    now = timezone.now()
    due = InvitationFactory(sent_at=now - timedelta(days=8))
    InvitationFactory(sent_at=now - timedelta(days=3))  # too early
    InvitationFactory(sent_at=now - timedelta(days=8), answered=True)
    InvitationFactory(sent_at=now - timedelta(days=8), closes_at=now - timedelta(hours=1))

    assert services.due_reminders() == [due.pk]
    assert emails.send_reminder(invitation_id=due.pk) is True
    assert emails.send_reminder(invitation_id=due.pk) is False
    assert services.due_reminders() == []
    [mail] = mailoutbox
    assert mail.subject.startswith("Reminder: your evaluation of") and "only reminder" in mail.body


def test_the_sweep_sends_an_invitation_whose_task_was_lost(mailoutbox):
    invitation = InvitationFactory()
    Invitation.objects.filter(pk=invitation.pk).update(
        created_at=timezone.now() - timedelta(minutes=30)
    )
    assert emails.send_unsent() == 1
    assert emails.send_unsent() == 0
    assert len(mailoutbox) == 1


def test_a_real_worker_invites_each_participant_once_though_beat_runs_twice(
    start_worker, worker_mail_dir
):
    from evaluations.tasks import invite_and_remind

    start_worker()
    run = ended_run(module__title="Circular procurement")
    for number in range(3):
        EnrolmentFactory(run=run, learner=UserFactory(email=f"p{number}@example.org"))

    # (not a task here: an eager task earlier in the run may leave Celery thinking it is)
    first = invite_and_remind.apply_async(queue=start_worker.queue).get(
        timeout=60, disable_sync_subtasks=False
    )
    second = invite_and_remind.apply_async(queue=start_worker.queue).get(
        timeout=60, disable_sync_subtasks=False
    )

    assert (first["invited"], second["invited"]) == (3, 0)
    for _ in range(60):  # the invitations go in tasks of their own, after the commit
        if Invitation.objects.filter(sent_at__isnull=True).count() == 0:
            break
        time.sleep(0.5)
    mails = "".join(path.read_text() for path in worker_mail_dir.glob("*.log"))
    assert mails.count("Subject: How was Circular procurement?") == 3
