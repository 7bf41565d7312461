"""Issuing on a real Celery worker: a duplicated or retried task yields one credential and one
PDF; a failure part-way leaves nothing behind."""

import time

import pytest

from credentials import services
from credentials.models import Credential, StatusCounter
from credentials.tasks import issue_credential
from tests.academy.factories import UserFactory
from tests.catalogue.factories import ModuleRunFactory, TeachingFactory
from tests.enrolment.factories import EnrolmentFactory


def passed_result():
    run = ModuleRunFactory(module__title="Data ethics", module__ects=3, taken_place=True)
    lecturer = TeachingFactory(run=run, lecturer=UserFactory(is_staff=True)).lecturer
    enrolment = EnrolmentFactory(run=run, learner=UserFactory())
    return services.record_result(enrolment=enrolment, passed=True, grade="8", by=lecturer)


@pytest.mark.celery_worker
def test_a_duplicated_task_on_a_real_worker_issues_one_credential(worker_queue, worker_mail_dir):
    result = passed_result()

    first = issue_credential.apply_async(args=[result.pk], queue=worker_queue)
    duplicate = issue_credential.apply_async(args=[result.pk], queue=worker_queue)
    retried = issue_credential.apply_async(args=[result.pk], queue=worker_queue, retries=1)
    ids = {task.get(timeout=90) for task in (first, duplicate, retried)}

    credential = Credential.objects.get()
    assert ids == {str(credential.pk)}
    assert bytes(credential.pdf).startswith(b"%PDF")
    assert StatusCounter.objects.get().next_index == 1  # one status-list place was used
    assert wait_for_mail(worker_mail_dir).count("Subject: Your microcredential: Data ethics") == 1


def wait_for_mail(folder, seconds=30) -> str:
    """The notice is a task of its own, queued once the credential commits."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        mails = "".join(path.read_text() for path in folder.glob("*.log"))
        if mails:
            time.sleep(1)  # a second notice would have come by now
            return "".join(path.read_text() for path in folder.glob("*.log"))
        time.sleep(0.2)
    return ""


@pytest.mark.django_db
def test_a_failure_part_way_leaves_no_credential_and_no_used_number(monkeypatch):
    result = passed_result()

    def printer_on_fire(credential):
        raise RuntimeError("the worker died while drawing the PDF")

    monkeypatch.setattr("credentials.certificate.render_certificate", printer_on_fire)
    with pytest.raises(RuntimeError):
        services.issue_credential(result=result)

    assert not Credential.objects.exists()
    assert not StatusCounter.objects.filter(next_index__gt=0).exists()
    monkeypatch.undo()
    assert services.issue_credential(result=result).status_index == 0
