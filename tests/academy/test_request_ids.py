"""Every response and log line carries a request id; a sane one from the proxy is kept."""

import json
import logging
import re

import pytest
from django.test import override_settings
from django.urls import path

from academy import request_ids
from config.celery import app

pytestmark = pytest.mark.django_db


def logging_view(request):
    from django.http import HttpResponse

    logging.getLogger("academy.test").info("inside the view")
    return HttpResponse("ok")


urlpatterns = [path("logs/", logging_view)]


def test_a_request_gets_an_id_of_its_own_in_the_response(client):
    response = client.get("/healthz")

    assert re.fullmatch(r"[0-9a-f]{32}", response["X-Request-ID"])
    assert client.get("/healthz")["X-Request-ID"] != response["X-Request-ID"]


def test_the_proxys_request_id_is_kept(client):
    response = client.get("/healthz", HTTP_X_REQUEST_ID="7f3c1a2e-nginx-0042")

    assert response["X-Request-ID"] == "7f3c1a2e-nginx-0042"


@pytest.mark.parametrize(
    "offered",
    ["short", "has a space in it", "line\nbreak-injected", "x" * 129, "<script>alert(1)</script>"],
)
def test_an_odd_incoming_request_id_is_replaced(client, offered):
    response = client.get("/healthz", HTTP_X_REQUEST_ID=offered)

    assert re.fullmatch(r"[0-9a-f]{32}", response["X-Request-ID"])


class Collected(logging.Handler):
    def __init__(self):
        super().__init__()
        self.addFilter(request_ids.RequestIdFilter())  # as the site's handlers have it
        self.records = []

    def emit(self, record):
        self.records.append(record)


@override_settings(ROOT_URLCONF=__name__)
def test_log_lines_of_a_request_carry_its_id(client):
    handler = Collected()
    logger = logging.getLogger("academy.test")
    logger.addHandler(handler)
    try:
        response = client.get("/logs/", HTTP_X_REQUEST_ID="request-from-proxy-1")
    finally:
        logger.removeHandler(handler)

    [record] = [r for r in handler.records if r.getMessage() == "inside the view"]
    assert record.request_id == response["X-Request-ID"] == "request-from-proxy-1"
    outside = logging.LogRecord("academy", logging.INFO, __file__, 1, "later", (), None)
    handler.handle(outside)
    assert outside.request_id == "-"


def test_a_page_not_found_is_logged_under_its_request_id(client):
    """Django logs it after the middleware has returned, the record holding the request."""
    handler = Collected()
    logger = logging.getLogger("django.request")
    logger.addHandler(handler)
    try:
        response = client.get("/no-such-page/", HTTP_X_REQUEST_ID="request-of-a-404")
    finally:
        logger.removeHandler(handler)

    assert response.status_code == 404
    [record] = handler.records
    assert record.getMessage() == "Not Found: /no-such-page/"
    assert record.request_id == "request-of-a-404"


def test_the_json_formatter_writes_the_request_id(settings):
    formatter = logging.config.dictConfigClass(settings.LOGGING).configure_formatter(
        settings.LOGGING["formatters"]["json"]
    )
    record = logging.LogRecord("academy", logging.INFO, __file__, 1, "enrolled %s", ("x",), None)
    token = request_ids._request_id.set("abcdef123456")
    try:
        request_ids.RequestIdFilter().filter(record)
    finally:
        request_ids._request_id.reset(token)

    line = json.loads(formatter.format(record))

    assert line["request_id"] == "abcdef123456"
    assert line["message"] == "enrolled x"
    assert line["level"] == "INFO" and line["logger"] == "academy" and "time" in line


def test_a_task_queued_during_a_request_carries_its_id_in_the_message():
    headers = {}
    token = request_ids._request_id.set("request-0123456789")
    try:
        request_ids.add_to_task_headers(headers=headers)
    finally:
        request_ids._request_id.reset(token)

    assert headers == {"request_id": "request-0123456789"}


def test_a_task_queued_outside_any_request_carries_none():
    headers = {}
    request_ids.add_to_task_headers(headers=headers)
    assert headers == {}


def test_a_task_run_in_process_logs_under_its_requests_id():
    seen = []

    @app.task(name="tests.request_ids.note_request_id", shared=False)
    def note_request_id():
        seen.append(request_ids.current())

    token = request_ids._request_id.set("request-eager-0001")
    try:
        note_request_id.delay()
    finally:
        request_ids._request_id.reset(token)
    note_request_id.delay()  # beat's, or a management command's: the task's own id

    assert seen[0] == "request-eager-0001"
    assert re.fullmatch(r"[0-9a-f-]{36}", seen[1])
    assert request_ids.current() == request_ids.NO_REQUEST
