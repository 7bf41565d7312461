"""Shared pytest set-up. Each app's factories live next to its tests."""

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

# CI sets this so that a missing service fails the run instead of skipping tests.
REQUIRE_SERVICES = os.environ.get("ACADEMY_REQUIRE_SERVICES") == "1"


def skip_or_fail(reason: str, *, required: bool):
    if required:
        pytest.fail(f"{reason} (required here, so failing instead of skipping)")
    pytest.skip(reason)


@pytest.fixture(autouse=True)
def _plain_static_storage(settings):
    """Serve static files by their plain names in tests.

    The manifest storage needs `collectstatic` first; tests/academy/test_static.py proves
    the production storage separately, so other tests need not collect static files.
    """
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _empty_cache():
    """Rate-limit counters and other cached state must not leak between tests."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _tasks_run_in_process():
    """Tasks run eagerly in tests, so mail and side effects are checked where they happen.

    tests/academy/test_celery_worker.py turns this off to prove the real worker path.
    """
    from config.celery import app

    was_eager = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = was_eager


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Factories create many users; a deliberately slow hash is not what tests measure."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


BASE_DIR = Path(__file__).resolve().parents[1]


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
def start_worker(transactional_db, worker_mail_dir, tmp_path):
    """Starts real Celery workers (subprocesses) on the configured broker, on a queue of their
    own, which is also where the test's own code queues tasks (a service's delay_on_commit).

    `start_worker(**env)` starts one more, its environment extended by `env` (EMAIL_URL for a
    test's own mail server, CELERY_TASK_RETRY_BACKOFF for short retries); the queue's name is
    `start_worker.queue`. Every worker still running at the end is stopped."""
    from config.celery import app

    if not settings.CELERY_BROKER_URL:
        skip_or_fail(
            "CELERY_BROKER_URL is not set: no broker for a real worker", required=REQUIRE_SERVICES
        )
    app.conf.task_always_eager = False  # conftest runs tasks in-process everywhere else
    queue = f"test-{uuid.uuid4().hex}"  # so that no other worker or stale message interferes
    default_queue, routes = app.conf.task_default_queue, app.conf.task_routes
    app.conf.task_default_queue = queue
    # mail and certificates too (settings route them apart); update() rebuilds the router
    app.conf.update(task_routes={})
    base_env = {
        **os.environ,
        "CELERY_BROKER_URL": settings.CELERY_BROKER_URL,
        "CELERY_TASK_DEFAULT_QUEUE": queue,  # tasks the worker's tasks queue come back to it
        "CELERY_EMAIL_QUEUE": queue,
        "CELERY_CERTIFICATE_QUEUE": queue,
        # django-environ drops one leading slash of a file path, hence three.
        "EMAIL_URL": f"filemail:///{worker_mail_dir}",  # so the test can read what it sent
    }
    if database_url := database_url_of_the_test_database():
        base_env["DATABASE_URL"] = database_url
    workers = []

    def start(**env) -> subprocess.Popen:
        # To a file, not a pipe: a worker writing more than a pipe holds would stop.
        log = tmp_path / f"worker-{len(workers)}.log"
        with log.open("w") as output:
            worker = subprocess.Popen(
                [sys.executable, "-m", "celery", "-A", "config", "worker", "--pool=solo",
                 "--concurrency=1", "--without-gossip", "--without-mingle", "--loglevel=info",
                 "--queues", queue, "--hostname", f"{queue}-{len(workers)}@%h"],
                cwd=BASE_DIR, env={**base_env, **env}, stdout=output,
                stderr=subprocess.STDOUT, text=True,
            )  # fmt: skip
        workers.append((worker, log))
        return worker

    start.queue = queue
    yield start
    app.conf.task_default_queue = default_queue
    app.conf.update(task_routes=routes)
    for worker, log in workers:
        if worker.poll() is None:
            worker.terminate()
        worker.wait(timeout=30)
        print(log.read_text())


@pytest.fixture
def worker_queue(start_worker):
    """A real Celery worker (a subprocess) on the configured broker, on a queue of its own."""
    start_worker()
    return start_worker.queue
