"""A task that meets a passing failure (the mail server refusing for now, the database going
away) is retried with backoff instead of being dropped, and what it sends arrives once."""

import email
import smtplib
import socket
import threading
import time
from collections import Counter
from email.header import decode_header, make_header

import pytest
from celery.contrib.django.task import DjangoTask
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.db import OperationalError

from config.celery import TRANSIENT_ERRORS, AcademyTask, app
from credentials import services as credentials
from enrolment import services, tasks
from enrolment.models import Enrolment, Invoice
from tests.academy.factories import UserFactory
from tests.catalogue.factories import ModuleRunFactory, TeachingFactory

OUR_APPS = ("academy.", "catalogue.", "demand.", "enrolment.", "credentials.")


def test_every_task_is_an_academy_task_that_retries_transient_failures():
    app.loader.import_default_modules()
    ours = {name: task for name, task in app.tasks.items() if name.startswith(OUR_APPS)}

    assert {"enrolment.tasks.send_invoice", "credentials.tasks.issue_credential",
            "academy.tasks.send_unsent"} <= set(ours)  # fmt: skip
    for name, task in ours.items():
        assert isinstance(task, AcademyTask) and isinstance(task, DjangoTask), name
        assert hasattr(task, "_orig_run"), f"{name} is not wrapped in its retries"
        assert task.acks_late and task.reject_on_worker_lost, name
    for error in (smtplib.SMTPDataError, smtplib.SMTPServerDisconnected, ConnectionRefusedError,
                  TimeoutError, socket.gaierror, OperationalError):  # fmt: skip
        assert issubclass(error, TRANSIENT_ERRORS)


def test_the_first_retry_waits_as_configured(settings):
    assert app.conf.task_retry_backoff == settings.CELERY_TASK_RETRY_BACKOFF
    assert app.tasks["enrolment.tasks.send_invoice"].retry_backoff == app.conf.task_retry_backoff


@pytest.mark.django_db
def test_a_confirmation_the_mail_server_refused_once_is_sent_once_on_retry(monkeypatch):
    attempts = []
    send = EmailBackend.send_messages

    def refuse_the_first(self, messages):
        attempts.append([m.subject for m in messages])
        if len(attempts) == 1:
            raise smtplib.SMTPDataError(451, b"4.3.0 Try again later")
        return send(self, messages)

    monkeypatch.setattr(EmailBackend, "send_messages", refuse_the_first)
    enrolment = services.enrol(run=ModuleRunFactory(module__title="Data ethics"),
                               learner=UserFactory())  # fmt: skip

    # As a worker runs it (in-process, the retry follows at once instead of after its wait).
    outcome = tasks.send_enrolment_confirmation.apply(args=[enrolment.pk], throw=False)

    enrolment.refresh_from_db()
    assert outcome.successful() and outcome.result is True
    assert attempts == [["You are enrolled: Data ethics"]] * 2  # refused, then retried
    assert [m.subject for m in mail.outbox] == ["You are enrolled: Data ethics"]
    assert enrolment.confirmation_sent_at is not None


# --- With a real worker and a real (refusing) mail server --------------------------------


class RefusesFirstAttempts:
    """An aiosmtpd handler: each message (told apart by its subject) is refused with 451 on
    its first attempt and the connection dropped on its second; the third is delivered."""

    def __init__(self):
        self.attempts = Counter()
        self.delivered = []
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.original_content or envelope.content)
        subject = str(make_header(decode_header(message["Subject"])))
        with self.lock:
            self.attempts[subject] += 1
            attempt = self.attempts[subject]
            if attempt > 2:
                self.delivered.append(subject)
        if attempt == 1:
            return "451 4.3.0 Try again later"
        if attempt == 2:
            session.transport.close()  # hangs up mid-conversation
            return "421 4.3.2 Closing"
        return "250 OK"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def refusing_mail_server():
    from aiosmtpd.controller import Controller

    handler = RefusesFirstAttempts()
    controller = Controller(handler, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield controller, handler
    controller.stop()


@pytest.mark.celery_worker
def test_every_email_arrives_once_though_the_mail_server_refuses_the_first_attempts(
    start_worker, refusing_mail_server
):
    controller, server = refusing_mail_server
    start_worker(EMAIL_URL=f"smtp://127.0.0.1:{controller.port}", CELERY_TASK_RETRY_BACKOFF="1")
    run = ModuleRunFactory(module__title="Data ethics", module__ects=3, taken_place=True)
    lecturer = TeachingFactory(run=run, lecturer=UserFactory(is_staff=True)).lecturer

    enrolment = services.enrol(run=run, learner=UserFactory())  # confirmation and invoice
    credentials.record_result(enrolment=enrolment, passed=True, grade="8", by=lecturer)

    deadline = time.monotonic() + 45
    while len(server.delivered) < 3 and time.monotonic() < deadline:
        time.sleep(0.2)
    time.sleep(2)  # a duplicate would come now

    enrolment.refresh_from_db()
    invoice = Invoice.objects.get(order__enrolments=enrolment)
    credential = enrolment.result.credential
    assert len(server.delivered) == 3, server.attempts
    assert Counter(server.delivered) == Counter(set(server.delivered))  # each once
    assert all(count == 3 for count in server.attempts.values()), server.attempts
    assert any(invoice.number in subject for subject in server.delivered), server.delivered
    assert any("microcredential" in subject.lower() for subject in server.delivered)
    assert enrolment.confirmation_sent_at and invoice.sent_at and credential.notified_at
    assert Enrolment.objects.count() == 1
