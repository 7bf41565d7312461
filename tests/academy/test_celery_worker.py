"""A real Celery worker on the configured broker runs the portal's tasks."""

from academy.tasks import heartbeat
from config.celery import app
from tests.enrolment.factories import EnrolmentFactory


def test_a_real_worker_runs_the_heartbeat_task(worker_queue):
    assert not app.conf.task_always_eager, "this test must not run the task in-process"

    result = heartbeat.apply_async(queue=worker_queue).get(timeout=60)

    assert result["database"] == "ok"
    assert result["at"]


def test_a_real_worker_sends_each_reminder_once(worker_queue, worker_mail_dir):
    from datetime import timedelta

    from django.utils import timezone

    from catalogue.models import Session
    from enrolment.tasks import send_due_reminders
    from tests.academy.factories import UserFactory
    from tests.catalogue.factories import ModuleRunFactory, SessionFactory

    soon = timezone.now() + timedelta(minutes=30)
    run = ModuleRunFactory(module__title="Data ethics")
    SessionFactory(
        run=run, mode=Session.Mode.ONLINE, location="", starts_at=soon,
        ends_at=soon + timedelta(hours=1), online_url="https://meet.example.org/x",
    )  # fmt: skip
    EnrolmentFactory(run=run, learner=UserFactory())

    first = send_due_reminders.apply_async(queue=worker_queue).get(timeout=60)
    second = send_due_reminders.apply_async(queue=worker_queue).get(timeout=60)

    mails = "".join(path.read_text() for path in worker_mail_dir.glob("*.log"))
    assert (first, second) == (1, 0)
    assert mails.count("Subject: Starting within the hour, online: Data ethics") == 1
