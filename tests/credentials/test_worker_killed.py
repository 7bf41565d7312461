"""A worker killed (SIGKILL) in the middle of issuing a run's credentials, then restarted:
every passed result ends with exactly one credential, and none is half-written."""

import signal
import time
from datetime import timedelta

import pytest
from django.utils import timezone

from credentials import services
from credentials.models import Credential, Result, StatusCounter
from credentials.verification import check_document, check_jwt
from tests.academy.factories import UserFactory
from tests.catalogue.factories import ModuleRunFactory, TeachingFactory
from tests.credentials.factories import ResultFactory
from tests.enrolment.factories import EnrolmentFactory

LEARNERS = 200


def wait_until(condition, *, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return condition()


def settled() -> bool:
    """All issued, or no credential issued for five seconds (the rest went with the worker)."""
    before = Credential.objects.count()
    if before == LEARNERS:
        return True
    time.sleep(5)
    return Credential.objects.count() == before


@pytest.mark.celery_worker
def test_a_worker_killed_mid_run_and_restarted_leaves_one_whole_credential_per_result(
    start_worker,
):
    run = ModuleRunFactory(module__title="Data ethics", module__ects=3, taken_place=True)
    lecturer = TeachingFactory(run=run, lecturer=UserFactory(is_staff=True)).lecturer
    for _ in range(LEARNERS):
        ResultFactory(enrolment=EnrolmentFactory(run=run, learner=UserFactory()), grade="8")

    first = start_worker()
    assert services.issue_run_credentials(run=run, by=lecturer) == LEARNERS
    assert wait_until(lambda: Credential.objects.count() >= 20, seconds=120)
    first.send_signal(signal.SIGKILL)  # mid-issue: no warm shutdown, nothing acknowledged
    first.wait(timeout=10)
    killed_at = Credential.objects.count()
    assert killed_at < LEARNERS

    start_worker()
    # The message the dead worker held (unacknowledged) comes back to Redis only after the
    # broker's visibility timeout; beat's sweep queues such results again long before that.
    wait_until(settled, seconds=180)
    swept = services.queue_missing_credentials(now=timezone.now() + timedelta(minutes=10))
    print(f"killed after {killed_at} of {LEARNERS} credentials; the sweep queued {swept}")
    assert wait_until(lambda: Credential.objects.count() == LEARNERS, seconds=120)
    time.sleep(2)  # a duplicate would come now

    results = Result.objects.filter(enrolment__run=run)
    assert results.filter(credential__isnull=True).count() == 0
    credentials = list(Credential.objects.all())
    assert len(credentials) == LEARNERS == len({c.result_id for c in credentials})
    assert len({c.status_index for c in credentials}) == LEARNERS  # no place used twice
    assert StatusCounter.objects.get().next_index == LEARNERS  # and none lost to the kill
    for credential in credentials:  # whole: a signed document, a signed JWT, a whole PDF
        pdf = bytes(credential.pdf)
        assert pdf.startswith(b"%PDF") and b"%%EOF" in pdf[-16:], credential.pk
        assert check_document(credential.document).is_valid, credential.pk
        assert check_jwt(credential.jwt).is_valid, credential.pk
