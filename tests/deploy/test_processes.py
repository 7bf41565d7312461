"""The commands compose runs, run here as subprocesses: the one-shot migration, gunicorn
with config/gunicorn.conf.py on pooled connections, and a Celery worker per queue."""

import json
import signal
import subprocess
import sys
import time
import uuid

import pytest
from django.conf import settings
from kombu import Connection

from tests.conftest import database_url_of_the_test_database
from tests.deploy.conftest import (
    BASE_DIR,
    ENTRYPOINT,
    GUNICORN_CONFIG,
    ScratchDatabases,
    as_list,
    compose_config,
    free_port,
    get,
    postgres_server_or_skip,
    production_env,
    stop,
    wait_for_http,
)


def compose_command(service: str) -> list[str]:
    """A service's command as compose runs it, with this venv's Python."""
    services = compose_config()["services"]
    if "command" in services[service]:
        command = as_list(services[service]["command"])
    else:  # the image's CMD
        command = ["gunicorn", "--config", "config/gunicorn.conf.py", "config.wsgi"]
    if command[0] in {"celery", "gunicorn"}:
        command = [sys.executable, "-m", *command]
    elif command[0] == "python":
        command = [sys.executable, *command[1:]]
    return [str(ENTRYPOINT), *command]


@pytest.fixture(scope="module")
def migrated_scratch_database():
    """A scratch database migrated once for this module's tests (when the test database
    is SQLite, which no other process can open)."""
    databases = ScratchDatabases(postgres_server_or_skip())
    url = databases.create("migrated")
    try:
        subprocess.run([sys.executable, "manage.py", "migrate", "--noinput", "-v0"],
                       cwd=BASE_DIR, env=production_env(DATABASE_URL=url), check=True,
                       timeout=180)  # fmt: skip
        yield url
    finally:
        databases.drop_all()


@pytest.fixture
def migrated_database_url(request, transactional_db):
    """A database with every migration applied: the test database on PostgreSQL (what
    other processes see there is committed), else the module's migrated scratch one."""
    return database_url_of_the_test_database() or request.getfixturevalue(
        "migrated_scratch_database"
    )


def test_the_one_shot_migrate_applies_every_migration_once(scratch_databases):
    env = production_env(DATABASE_URL=scratch_databases.create("migrate"), DATABASE_POOL="true")
    command = compose_command("migrate")

    first = subprocess.run(command, cwd=BASE_DIR, env=env, capture_output=True, text=True,
                           timeout=240)  # fmt: skip
    again = subprocess.run(command, cwd=BASE_DIR, env=env, capture_output=True, text=True,
                           timeout=120)  # fmt: skip

    assert first.returncode == 0, first.stderr
    assert "Applying credentials.0001_initial... OK" in first.stdout
    assert again.returncode == 0 and "No migrations to apply." in again.stdout


def test_pooled_connections_keep_the_connection_options(migrated_database_url):
    code = """
import json, django
django.setup()
from django.db import connection
with connection.cursor() as cursor:
    cursor.execute("SHOW max_parallel_workers_per_gather")
    workers = cursor.fetchone()[0]
print(json.dumps({"pooled": connection.pool is not None, "workers": workers,
                  "max_size": connection.pool.max_size,
                  "conn_max_age": connection.settings_dict["CONN_MAX_AGE"]}))
"""
    env = production_env(
        DATABASE_URL=migrated_database_url, DATABASE_POOL="true", DATABASE_POOL_MAX_SIZE="3",
        DJANGO_SETTINGS_MODULE="config.settings",
    )  # fmt: skip

    result = subprocess.run([sys.executable, "-c", code], cwd=BASE_DIR, env=env,
                            capture_output=True, text=True, timeout=90)  # fmt: skip

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {"pooled": True, "workers": "0", "max_size": 3,
                                         "conn_max_age": 0}  # fmt: skip


def test_gunicorn_with_the_shared_config_serves_behind_a_tls_proxy_and_restarts_gracefully(
    migrated_database_url, tmp_path
):
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = production_env(
        DATABASE_URL=migrated_database_url, DATABASE_POOL="true", DJANGO_HTTPS="true",
        WEB_CONCURRENCY="2", GUNICORN_BIND=f"127.0.0.1:{port}",
        STATIC_ROOT=str(tmp_path / "static"), SITE_URL="https://academy.example.org",
    )  # fmt: skip
    command = compose_command("web")
    assert command[-3:] == ["--config", "config/gunicorn.conf.py", "config.wsgi"]
    assert GUNICORN_CONFIG.exists()
    log = tmp_path / "gunicorn.log"
    with log.open("w") as output:
        server = subprocess.Popen(command, cwd=BASE_DIR, env=env, stdout=output,
                                  stderr=subprocess.STDOUT)  # fmt: skip
    try:
        status, _, body = wait_for_http(f"{base}/healthz", process=server)
        assert (status, json.loads(body)["status"]) == (200, "ok")

        # Plain HTTP is sent to HTTPS; what the proxy says came over HTTPS is served (a
        # page without static files: they are not collected here).
        keys = f"{base}/.well-known/jwks.json"
        status, headers, _ = get(keys)
        assert (
            status == 301
            and headers["Location"] == f"https://127.0.0.1:{port}/.well-known/jwks.json"
        )
        status, headers, body = get(keys, **{"X-Forwarded-Proto": "https"})
        assert (status, json.loads(body)) == (200, {"keys": []})
        assert "max-age=31536000" in headers["Strict-Transport-Security"]

        # HUP: new workers with fresh code; requests keep being answered meanwhile (those
        # that arrive while the new workers load Django wait for them, none is dropped).
        server.send_signal(signal.SIGHUP)
        answers = []
        deadline = time.monotonic() + 4
        while time.monotonic() < deadline:
            answers.append(get(f"{base}/healthz", timeout=60)[0])
        assert set(answers) == {200}
        assert server.poll() is None
    finally:
        stop(server)
        output_text = log.read_text()
    assert "Handling signal: hup" in output_text.lower() or "Hang up" in output_text, output_text
    assert server.returncode == 0, output_text  # SIGTERM: a graceful stop


@pytest.mark.celery_worker
def test_a_worker_on_the_emails_queue_consumes_mail_tasks_only(
    redis_broker, migrated_database_url, tmp_path
):
    """compose's worker-emails command (its queue renamed for this test) takes the mail
    tasks and leaves certificates and the default queue to their own workers."""
    import redis

    from config.celery import app
    from credentials.tasks import issue_credential, send_unsent
    from enrolment.tasks import send_due_reminders

    tag = uuid.uuid4().hex[:10]
    names = {"emails": f"test-emails-{tag}", "certificates": f"test-certificates-{tag}",
             "celery": f"test-default-{tag}"}  # fmt: skip
    command = compose_command("worker-emails")
    command[command.index("-Q") + 1] = names["emails"]
    command += ["--pool=solo", "--without-mingle", f"--hostname=emails-{tag}@%h"]
    env = production_env(
        DATABASE_URL=migrated_database_url, CELERY_BROKER_URL=redis_broker,
        CELERY_RESULT_BACKEND="", CELERY_EMAIL_QUEUE=names["emails"],
        CELERY_CERTIFICATE_QUEUE=names["certificates"], CELERY_TASK_DEFAULT_QUEUE=names["celery"],
    )  # fmt: skip

    # This process routes as the settings do, to the test's queues (Celery creates them).
    saved = app.conf.task_routes, app.conf.task_default_queue, app.conf.task_always_eager
    app.conf.update(  # update() rebuilds the router; assigning would leave the old one
        task_routes={
            task: {"queue": names[route["queue"]]}
            for task, route in settings.CELERY_TASK_ROUTES.items()
        }
    )
    app.conf.task_default_queue, app.conf.task_always_eager = names["celery"], False
    broker = redis.Redis.from_url(redis_broker)
    log = tmp_path / "worker.log"
    worker = None
    try:
        with Connection(redis_broker) as connection:
            sent = {
                "certificate": issue_credential.apply_async(args=[0], connection=connection),
                "reminders": send_due_reminders.apply_async(connection=connection),
                "default": app.send_task("academy.tasks.heartbeat", connection=connection),
                "mail": send_unsent.apply_async(connection=connection),
            }
        assert broker.llen(names["emails"]) == 2
        with log.open("w") as output:
            worker = subprocess.Popen(command, cwd=BASE_DIR, env=env, stdout=output,
                                      stderr=subprocess.STDOUT)  # fmt: skip
        done = [f"{sent[key].id}] succeeded" for key in ("reminders", "mail")]
        deadline = time.monotonic() + 60
        while not all(line in log.read_text() for line in done):
            assert worker.poll() is None and time.monotonic() < deadline, log.read_text()
            time.sleep(0.2)
        time.sleep(1)  # a worker on the wrong queues would have taken the others by now
        assert broker.llen(names["emails"]) == 0
        assert broker.llen(names["certificates"]) == 1
        assert broker.llen(names["celery"]) == 1
    finally:
        if worker is not None:
            stop(worker)
        app.conf.update(task_routes=saved[0])
        app.conf.task_default_queue, app.conf.task_always_eager = saved[1:]
        broker.delete(*names.values())
    text = log.read_text()
    assert sent["certificate"].id not in text and sent["default"].id not in text
