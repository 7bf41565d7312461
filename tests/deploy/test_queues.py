"""Tasks are routed by name: mail apart from signing certificates, the rest on the default
queue; compose runs a worker on each, and beat's tasks all land on one of them."""

import pytest
from django.conf import settings

from config.celery import app
from tests.deploy.conftest import as_list, compose_config


@pytest.fixture(scope="module")
def queue_of():
    app.loader.import_default_modules()
    app.amqp.flush_routes()
    return lambda name: app.amqp.router.route({}, name)["queue"].name


def portal_tasks() -> list[str]:
    app.loader.import_default_modules()
    return sorted(name for name in app.tasks if not name.startswith("celery."))


def test_every_mail_task_goes_to_the_emails_queue(queue_of):
    mail = [name for name in portal_tasks() if ".send_" in name or ".notify_" in name]

    assert len(mail) >= 15
    assert {name: queue_of(name) for name in mail} == dict.fromkeys(mail, "emails")


def test_signing_goes_to_the_certificates_queue_and_the_rest_to_the_default(queue_of):
    assert queue_of("credentials.tasks.issue_credential") == "certificates"
    assert queue_of("credentials.tasks.issue_recognition") == "certificates"
    for name in ["academy.tasks.heartbeat", "enrolment.tasks.issue_invoice",
                 "credentials.tasks.issue_missing_credentials",
                 "catalogue.tasks.move_on_passed_start_dates"]:  # fmt: skip
        assert queue_of(name) == "celery", name


def test_every_task_and_every_scheduled_one_has_a_worker_in_compose(queue_of):
    services = compose_config()["services"]
    consumed = set()
    for service in services.values():
        command = as_list(service.get("command", []))
        if "worker" in command:
            consumed.add(command[command.index("-Q") + 1])

    assert {queue_of(name) for name in portal_tasks()} <= consumed
    scheduled = [entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()]
    assert {queue_of(name) for name in scheduled} <= consumed


def test_a_worker_without_queues_named_consumes_all_three():
    queues = settings.CELERY_TASK_QUEUES
    assert [queue.name for queue in queues] == ["celery", "emails", "certificates"]
    # each on a key of its own, so a message sent to one lands in that one only
    assert [(queue.exchange.name, queue.routing_key) for queue in queues] == [
        ("celery", "celery"), ("emails", "emails"), ("certificates", "certificates")
    ]  # fmt: skip
