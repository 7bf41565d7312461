"""A real Celery worker on the configured broker runs the portal's tasks."""

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from academy.celery import app
from academy.tasks import heartbeat
from tests.conftest import REQUIRE_SERVICES, skip_or_fail

BASE_DIR = Path(__file__).resolve().parents[2]


def database_url_of_the_test_database() -> str:
    db = connection.settings_dict
    if db["ENGINE"] != "django.db.backends.postgresql":
        return (
            ""  # an in-memory SQLite test database cannot be shared; the worker's default is used
        )
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    return f"postgres://{db['USER']}{password}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture
def worker_mail_dir(tmp_path):
    return tmp_path / "mail"


@pytest.fixture
def worker_queue(transactional_db, worker_mail_dir):
    if not settings.CELERY_BROKER_URL:
        skip_or_fail(
            "CELERY_BROKER_URL is not set: no broker for a real worker", required=REQUIRE_SERVICES
        )
    app.conf.task_always_eager = False  # conftest runs tasks in-process everywhere else
    queue = f"test-{uuid.uuid4().hex}"  # so that no other worker or stale message interferes
    env = {
        **os.environ,
        "CELERY_BROKER_URL": settings.CELERY_BROKER_URL,
        # django-environ drops one leading slash of a file path, hence three.
        "EMAIL_URL": f"filemail:///{worker_mail_dir}",  # so the test can read what it sent
    }
    if database_url := database_url_of_the_test_database():
        env["DATABASE_URL"] = database_url
    worker = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "academy", "worker", "--pool=solo",
         "--concurrency=1", "--without-gossip", "--without-mingle", "--loglevel=info",
         "--queues", queue, "--hostname", f"{queue}@%h"],
        cwd=BASE_DIR, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    yield queue
    worker.terminate()
    output, _ = worker.communicate(timeout=30)
    print(output)


def test_a_real_worker_runs_the_heartbeat_task(worker_queue):
    assert not app.conf.task_always_eager, "this test must not run the task in-process"

    result = heartbeat.apply_async(queue=worker_queue).get(timeout=60)

    assert result["database"] == "ok"
    assert result["at"]


def test_a_real_worker_sends_each_reminder_once(worker_queue, worker_mail_dir):
    from datetime import timedelta

    from django.utils import timezone

    from catalogue.models import Session
    from enrolment.models import Enrolment
    from enrolment.tasks import send_due_reminders
    from tests.academy.factories import UserFactory
    from tests.catalogue.factories import ModuleRunFactory, SessionFactory

    soon = timezone.now() + timedelta(minutes=30)
    run = ModuleRunFactory(module__title="Data ethics")
    SessionFactory(
        run=run, mode=Session.Mode.ONLINE, location="", starts_at=soon,
        ends_at=soon + timedelta(hours=1), online_url="https://meet.example.org/x",
    )  # fmt: skip
    Enrolment.objects.create(run=run, learner=UserFactory())

    first = send_due_reminders.apply_async(queue=worker_queue).get(timeout=60)
    second = send_due_reminders.apply_async(queue=worker_queue).get(timeout=60)

    mails = "".join(path.read_text() for path in worker_mail_dir.glob("*.log"))
    assert (first, second) == (1, 0)
    assert mails.count("Subject: Starting within the hour, online: Data ethics") == 1
