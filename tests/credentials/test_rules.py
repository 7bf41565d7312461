"""Who may revoke and queue credentials, and what counts as a valid one: one place each."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from credentials import services
from credentials.models import Credential, Result
from tests.academy.factories import UserFactory
from tests.catalogue.factories import ModuleRunFactory, TeachingFactory
from tests.enrolment.factories import EnrolmentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def lecturer():
    return TeachingFactory(
        run=ModuleRunFactory(taken_place=True), lecturer=UserFactory(is_staff=True)
    ).lecturer


def issued(lecturer):
    run = lecturer.taught_runs.get()
    enrolment = EnrolmentFactory(run=run, learner=UserFactory())
    result = services.record_result(enrolment=enrolment, passed=True, grade="8", by=lecturer)
    return services.issue_credential(result=result)


def test_valid_credentials_are_neither_revoked_nor_expired(lecturer):
    kept, revoked, expired = issued(lecturer), issued(lecturer), issued(lecturer)
    services.revoke_credential(credential=revoked, reason="Wrong person", by=lecturer)
    Credential.objects.filter(pk=expired.pk).update(valid_until=timezone.now() - timedelta(days=1))

    assert list(Credential.objects.valid()) == [kept]
    assert [c.is_valid for c in Credential.objects.order_by("issued_at", "pk")] == [
        c.pk == kept.pk for c in Credential.objects.order_by("issued_at", "pk")
    ]


def test_only_the_runs_lecturers_and_curators_revoke(lecturer):
    credential = issued(lecturer)

    with pytest.raises(PermissionDenied):
        services.revoke_credential(credential=credential, reason="Because", by=UserFactory())

    credential.refresh_from_db()
    assert credential.revoked_at is None


def test_queueing_credentials_checks_who_asks(lecturer, django_capture_on_commit_callbacks):
    run = lecturer.taught_runs.get()
    enrolment = EnrolmentFactory(run=run, learner=UserFactory())
    services.record_result(enrolment=enrolment, passed=True, by=lecturer)

    with pytest.raises(PermissionDenied):
        services.queue_credentials(results=Result.objects.all(), by=UserFactory(is_staff=True))
    with django_capture_on_commit_callbacks(execute=True):
        queued = services.queue_credentials(results=Result.objects.all(), by=lecturer)

    assert queued == 1 and Credential.objects.filter(result__enrolment=enrolment).exists()


def test_a_result_is_locked_once_its_credential_is_issued(lecturer):
    credential = issued(lecturer)

    assert credential.result.is_locked_by_credential
    assert not Result(enrolment=credential.result.enrolment, passed=False).is_locked_by_credential
