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
def worker_queue(transactional_db):
    if not settings.CELERY_BROKER_URL:
        skip_or_fail(
            "CELERY_BROKER_URL is not set: no broker for a real worker", required=REQUIRE_SERVICES
        )
    app.conf.task_always_eager = False  # conftest runs tasks in-process everywhere else
    queue = f"test-{uuid.uuid4().hex}"  # so that no other worker or stale message interferes
    env = {**os.environ, "CELERY_BROKER_URL": settings.CELERY_BROKER_URL}
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
