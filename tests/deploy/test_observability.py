"""Errors reach Sentry with the request's id (from a view, and from a task in a real worker),
or the admins by email; a task logs under the id of the request that queued it, as JSON,
in a real worker; the worker counts its tasks' outcomes."""

import gzip
import json
import os
import subprocess
import sys
import threading
import time
import uuid
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import sentry_sdk
from django.core import mail
from django.http import HttpResponse
from django.test import Client, override_settings
from django.urls import path

from academy.tasks import heartbeat
from config.sentry import init_sentry
from config.urls import urlpatterns as site_urlpatterns
from enrolment.tasks import issue_invoice
from monitoring import task_counts
from tests.conftest import BASE_DIR


def broken_view(request):
    raise RuntimeError("Something broke in a view")


def queue_heartbeat(request):
    heartbeat.delay()
    return HttpResponse("queued")


def queue_invoice_of_no_order(request):
    issue_invoice.delay(0)  # no order has id 0: the task fails, as a bug would make it
    return HttpResponse("queued")


urlpatterns = [
    *site_urlpatterns,
    path("broken/", broken_view),
    path("queue/", queue_heartbeat),
    path("queue-failing/", queue_invoice_of_no_order),
]


class FakeSentry(ThreadingHTTPServer):
    """Accepts Sentry envelopes (POST /api/<project>/envelope/) and keeps their items."""

    def __init__(self):
        self.items: list[dict] = []
        self.received = threading.Event()
        super().__init__(("127.0.0.1", 0), self.Handler)

    @property
    def dsn(self) -> str:
        return f"http://publickey@127.0.0.1:{self.server_address[1]}/42"

    def events(self) -> list[dict]:
        return [item for item in self.items if "exception" in item]

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers["Content-Length"]))
            encoding = self.headers.get("Content-Encoding", "")
            if encoding == "gzip":
                body = gzip.decompress(body)
            elif encoding == "deflate":
                body = zlib.decompress(body)
            elif encoding == "br":
                import brotli

                body = brotli.decompress(body)
            for line in body.splitlines():
                try:
                    item = json.loads(line)
                except ValueError:
                    continue
                if isinstance(item, dict):
                    self.server.items.append(item)
            if self.path.startswith("/api/42/envelope/"):
                self.server.received.set()
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b"{}")

        def log_message(self, *args):
            pass


@pytest.fixture
def fake_sentry_server():
    server = FakeSentry()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def fake_sentry(fake_sentry_server):
    """This process reports to the fake Sentry, as settings would set it up."""
    init_sentry(dsn=fake_sentry_server.dsn, environment="acceptance", release="academy@1.2.3",
                traces_sample_rate=0.0)  # fmt: skip
    yield fake_sentry_server
    sentry_sdk.get_client().close(timeout=2)
    sentry_sdk.init()  # no DSN: nothing is sent from here on


@pytest.mark.django_db
@override_settings(ROOT_URLCONF=__name__)
def test_an_exception_in_a_view_reaches_sentry_with_the_request_id(fake_sentry):
    response = Client(raise_request_exception=False).get(
        "/broken/", HTTP_X_REQUEST_ID="req-from-proxy-0042"
    )
    sentry_sdk.flush(timeout=5)

    assert response.status_code == 500
    assert response["X-Request-ID"] == "req-from-proxy-0042"
    assert fake_sentry.received.wait(5)
    [event] = [e for e in fake_sentry.events()
               if e["exception"]["values"][-1]["type"] == "RuntimeError"]  # fmt: skip
    assert event["exception"]["values"][-1]["value"] == "Something broke in a view"
    assert event["tags"]["request_id"] == "req-from-proxy-0042"
    assert event["environment"] == "acceptance"
    assert event["release"] == "academy@1.2.3"
    assert "cookies" not in event.get("request", {})  # send_default_pii is off
    assert "ip_address" not in event.get("user", {})


def test_sentry_is_set_up_from_the_environment_when_sentry_dsn_is_set():
    script = (
        "import django, sentry_sdk; django.setup(); c = sentry_sdk.get_client(); o = c.options;"
        "print(o['dsn'], o['environment'], o['release'], c.should_send_default_pii(),"
        "sorted(i for i in c.integrations if i in ('django', 'celery')))"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings",
           "SENTRY_DSN": "http://key@127.0.0.1:9/1", "SENTRY_ENVIRONMENT": "staging",
           "SENTRY_RELEASE": "abc123"}  # fmt: skip

    output = subprocess.run([sys.executable, "-c", script], cwd=BASE_DIR, env=env,
                            capture_output=True, text=True, check=True).stdout  # fmt: skip

    assert output.split() == [
        "http://key@127.0.0.1:9/1",
        "staging",
        "abc123",
        "False",
        "['celery',",
        "'django']",
    ]


@pytest.mark.django_db
@override_settings(ROOT_URLCONF=__name__, ADMINS=[("Operations", "ops@example.org")])
def test_without_sentry_an_exception_in_a_view_is_emailed_to_the_admins():
    response = Client(raise_request_exception=False).get("/broken/")

    assert response.status_code == 500
    [email] = mail.outbox
    assert email.to == ["ops@example.org"]
    assert "Something broke in a view" in email.body


def json_lines(log_path) -> list[dict]:
    lines = []
    for line in log_path.read_text().splitlines():
        try:
            lines.append(json.loads(line))
        except ValueError:
            continue
    return lines


@override_settings(ROOT_URLCONF=__name__)
def test_a_task_queued_by_a_request_logs_in_the_worker_under_its_id(start_worker, tmp_path):
    """A real worker, JSON logs as in production: the request's id is in the worker's line."""
    start_worker(LOG_FORMAT="json")
    log = tmp_path / "worker-0.log"
    request_id = f"obs-{uuid.uuid4().hex}"
    broker = task_counts.broker_redis()
    key = "academy.tasks.heartbeat|succeeded"
    before = int(broker.hget(task_counts.COUNTS_KEY, key) or 0) if broker else 0

    response = Client().get("/queue/", HTTP_X_REQUEST_ID=request_id)

    assert response.status_code == 200
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        done = [line for line in json_lines(log) if line.get("request_id") == request_id
                and "succeeded" in line.get("message", "")]  # fmt: skip
        if done:
            break
        time.sleep(0.2)
    else:
        pytest.fail(f"no line of the worker names {request_id}:\n{log.read_text()}")
    assert done[0]["logger"].startswith("celery")
    assert {"time", "level", "message"} <= done[0].keys()
    if broker:  # the worker counted it where /metrics reads it
        assert int(broker.hget(task_counts.COUNTS_KEY, key) or 0) >= before + 1


@override_settings(ROOT_URLCONF=__name__)
def test_a_failing_task_reaches_sentry_from_the_worker_with_its_requests_id(
    start_worker, fake_sentry_server
):
    """The worker's own sentry-sdk (SENTRY_DSN in its environment), Celery integration."""
    start_worker(SENTRY_DSN=fake_sentry_server.dsn, SENTRY_ENVIRONMENT="worker-test")
    request_id = f"obs-failing-{uuid.uuid4().hex}"
    broker = task_counts.broker_redis()
    key = "enrolment.tasks.issue_invoice|failed"
    failed_before = int(broker.hget(task_counts.COUNTS_KEY, key) or 0) if broker else 0

    Client().get("/queue-failing/", HTTP_X_REQUEST_ID=request_id)

    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        events = [
            e
            for e in fake_sentry_server.events()
            if e.get("tags", {}).get("request_id") == request_id
        ]
        if events:
            break
        time.sleep(0.2)
    else:
        pytest.fail(f"Sentry received no event of {request_id}: {fake_sentry_server.items}")
    [event] = events
    assert event["exception"]["values"][-1]["type"] == "Order.DoesNotExist"
    assert event["environment"] == "worker-test"
    assert event["extra"]["celery-job"]["task_name"] == "enrolment.tasks.issue_invoice"
    assert event["extra"]["celery-job"]["args"] != [0]  # arguments are withheld (no PII)
    if broker:
        assert int(broker.hget(task_counts.COUNTS_KEY, key) or 0) >= failed_before + 1
