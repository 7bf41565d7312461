"""A request id on every log line, from the web request into the Celery tasks it queues.

The id is taken from an incoming `X-Request-ID` (the proxy's, so its access log and ours
agree) when it looks like an id, otherwise made here, and returned in the response's
`X-Request-ID`. It lives in a context variable for the request; a task queued meanwhile
carries it in a message header (`before_task_publish`) and the worker puts it back into the
context variable while the task runs (`task_prerun`), so what the task logs, and the tasks
it queues in turn, share the request's id. A task that no request queued (beat's) takes its
own task id. Errors sent to Sentry carry the id as the tag `request_id`.
"""

import contextvars
import logging
import re
import uuid

import sentry_sdk

HEADER = "X-Request-ID"
TASK_HEADER = "request_id"
# Letters, digits and a few separators, as proxies write them (UUIDs, nginx's $request_id,
# AWS's "Root=1-..."): anything else, or longer, could forge or flood a log line.
SANE_ID = re.compile(r"[A-Za-z0-9._:=+/-]{8,128}")
NO_REQUEST = "-"

_request_id: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default=NO_REQUEST)


def current() -> str:
    """The id of the request or task being served, or "-" outside of both."""
    return _request_id.get()


def new_id() -> str:
    return uuid.uuid4().hex


def accepted_or_new(incoming: str | None) -> str:
    if incoming and SANE_ID.fullmatch(incoming):
        return incoming
    return new_id()


def _enter(request_id: str) -> contextvars.Token:
    sentry_sdk.set_tag("request_id", request_id)
    return _request_id.set(request_id)


class RequestIdMiddleware:
    """Outermost, so that every other middleware's log lines carry the id too."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request_id = accepted_or_new(request.headers.get(HEADER))
        request.request_id = request_id
        token = _enter(request_id)
        try:
            response = self.get_response(request)
        finally:
            _request_id.reset(token)
        response[HEADER] = request_id
        return response


class RequestIdFilter(logging.Filter):
    """Adds `request_id` to every record (logging's handlers in web and worker use it).

    Django logs a response of 4xx or 5xx (`django.request`) once the middleware has
    returned, outside the request's context; such a record carries the request itself.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        request_id = _request_id.get()
        if request_id == NO_REQUEST:
            request = getattr(record, "request", None)
            request_id = getattr(request, "request_id", NO_REQUEST)
        record.request_id = request_id
        return True


# --- Celery --------------------------------------------------------------------------------


def add_to_task_headers(headers=None, **_signal_arguments) -> None:
    """before_task_publish: the queued task's message carries the current request's id."""
    if headers is not None and (request_id := _request_id.get()) != NO_REQUEST:
        headers.setdefault(TASK_HEADER, request_id)


_task_tokens: dict[str, contextvars.Token] = {}


def enter_task(task_id=None, task=None, **_signal_arguments) -> None:
    """task_prerun: the task runs, and logs, under the id of the request that queued it."""
    request_id = getattr(task.request, TASK_HEADER, None) if task is not None else None
    if not (isinstance(request_id, str) and SANE_ID.fullmatch(request_id)):
        # Run in-process (eagerly), a task is still inside its request; else its own.
        request_id = _request_id.get()
        if request_id == NO_REQUEST:
            request_id = task_id or new_id()
    _task_tokens[task_id] = _enter(request_id)


def leave_task(task_id=None, **_signal_arguments) -> None:
    """task_postrun: back to the id the worker had before (none, outside eager tests)."""
    if (token := _task_tokens.pop(task_id, None)) is not None:
        try:
            _request_id.reset(token)
        except ValueError:  # set in another context (a thread pool's); just clear it
            _request_id.set(NO_REQUEST)


def connect_celery_signals() -> None:
    from celery import signals

    signals.before_task_publish.connect(add_to_task_headers, dispatch_uid="request-id-publish")
    signals.task_prerun.connect(enter_task, dispatch_uid="request-id-prerun")
    signals.task_postrun.connect(leave_task, dispatch_uid="request-id-postrun")
