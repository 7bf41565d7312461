"""Issuers at work side by side on PostgreSQL: none waits while another signs and draws,
each credential gets a place of its own in the status list, a result still gets one
credential, and a place an issuer could not finish with goes to the next credential."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection, connections

from credentials import certificate, services
from credentials.models import Credential, StatusCounter
from credentials.verification import check_document, check_jwt
from tests.academy.factories import UserFactory
from tests.catalogue.factories import ModuleRunFactory, TeachingFactory
from tests.credentials.factories import ResultFactory
from tests.enrolment.factories import EnrolmentFactory

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrency needs PostgreSQL"),
    pytest.mark.django_db(transaction=True),
]
WAIT = 30  # seconds; far more than signing one credential takes on a busy machine


@pytest.fixture(autouse=True)
def _join_results_allowed_again():
    """Celery runs an eager task inside `denied_join_result()`, which sets a flag for the
    whole process and puts back what it found: two threads running one at the same time (the
    credential notices here) can leave it set, and a later test's `result.get()` refused."""
    yield
    from celery._state import _set_task_join_will_block

    _set_task_join_will_block(False)


def passed_results(count):
    run = ModuleRunFactory(module__title="Data ethics", module__ects=3, taken_place=True)
    TeachingFactory(run=run, lecturer=UserFactory(is_staff=True))
    return [
        ResultFactory(enrolment=EnrolmentFactory(run=run, learner=UserFactory()), grade="8")
        for _ in range(count)
    ]


def issue(result):
    try:
        return services.issue_credential(result=result)
    finally:
        connections.close_all()  # this thread's own connection


class SlowCertificate:
    """The certificate of the first credential asked for is drawn only when the test says
    so (a large PDF, a busy machine); every other one is drawn at once, for real."""

    def __init__(self):
        self.drawing, self.finish = threading.Event(), threading.Event()
        self.fail = False
        self._first = None
        self._real = certificate.render_certificate

    def __call__(self, credential):
        if self._first in (None, credential.result_id):
            self._first = credential.result_id
            self.drawing.set()
            assert self.finish.wait(WAIT), "the test never let the first certificate finish"
            if self.fail:
                raise RuntimeError("the worker died while drawing the PDF")
        return self._real(credential)


@pytest.fixture
def slow_certificate(monkeypatch):
    slow = SlowCertificate()
    monkeypatch.setattr("credentials.certificate.render_certificate", slow)
    yield slow
    slow.finish.set()


def test_a_credential_is_issued_while_another_issuer_is_still_drawing_its_certificate(
    slow_certificate,
):
    first, second = passed_results(2)
    with ThreadPoolExecutor(max_workers=2) as pool:
        drawing = pool.submit(issue, first)
        assert slow_certificate.drawing.wait(WAIT)  # the first holds its place and draws

        done = pool.submit(issue, second).result(timeout=WAIT)  # it used to wait here

        assert not drawing.done()
        assert Credential.objects.filter(pk=done.pk).exists()  # committed, not just signed
        slow_certificate.finish.set()
        slow = drawing.result(timeout=WAIT)

    assert {slow.status_index, done.status_index} == {0, 1}
    assert StatusCounter.objects.get().next_index == 2
    for credential in Credential.objects.all():
        assert credential.document["credentialStatus"]["statusListIndex"] == str(
            credential.status_index
        )
        assert check_document(credential.document).is_valid
        assert check_jwt(credential.jwt).is_valid


def test_the_place_of_an_issuer_that_fails_goes_to_the_next_credential(slow_certificate):
    failing, second, third = passed_results(3)
    slow_certificate.fail = True
    with ThreadPoolExecutor(max_workers=2) as pool:
        drawing = pool.submit(issue, failing)
        assert slow_certificate.drawing.wait(WAIT)  # it holds place 0
        assert pool.submit(issue, second).result(timeout=WAIT).status_index == 1
        slow_certificate.finish.set()
        with pytest.raises(RuntimeError):
            drawing.result(timeout=WAIT)

    assert not Credential.objects.filter(result=failing).exists()  # nothing half-written
    assert issue(third).status_index == 0  # the place it left is not lost
    assert StatusCounter.objects.get().next_index == 2
    slow_certificate.fail = False
    assert issue(failing).status_index == 2  # its own credential comes when asked again


def test_issuers_of_the_same_result_at_once_make_one_credential():
    (result,) = passed_results(1)
    start = threading.Barrier(4)

    def issue_at_once(_):
        start.wait(WAIT)
        return issue(result)

    with ThreadPoolExecutor(max_workers=4) as pool:
        issued = list(pool.map(issue_at_once, range(4), timeout=WAIT * 2))

    credential = Credential.objects.get()
    assert {c.pk for c in issued} == {credential.pk}
    assert credential.status_index == 0
    assert StatusCounter.objects.get().next_index == 1  # one place used


def test_credentials_issued_side_by_side_take_every_place_once():
    results = passed_results(24)

    with ThreadPoolExecutor(max_workers=6) as pool:
        issued = list(pool.map(issue, results, timeout=WAIT * 4))

    places = sorted(credential.status_index for credential in issued)
    assert places == list(range(24))  # unique, and none skipped
    assert sorted(Credential.objects.values_list("status_index", flat=True)) == places
    assert StatusCounter.objects.get().next_index == 24
