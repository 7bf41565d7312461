"""A real Celery worker (a subprocess, on the configured broker) carries a push through:
its tasks wait for their countdowns, poll the fake mapper and store the codes."""

import time

import pytest
from django.contrib.auth.models import Group

from catalogue.services import ACADEMY_OFFICE, publish_module
from rio.models import RioRegistration
from tests.academy.factories import UserFactory
from tests.rio.conftest import routed_module
from tests.rio.fake_mapper import CLIENT_ID, CLIENT_SECRET


@pytest.mark.celery_worker
def test_a_real_worker_registers_a_published_module(start_worker, rio_on, settings):
    start_worker(
        RIO_MAPPER_URL=rio_on.url, RIO_MAPPER_TOKEN_URL=rio_on.token_url,
        RIO_MAPPER_CLIENT_ID=CLIENT_ID, RIO_MAPPER_CLIENT_SECRET=CLIENT_SECRET,
        RIO_POLL_SECONDS="1", OOAPI_EDUCATION_OFFERER_CODE="110A133",
        CELERY_TASK_RETRY_BACKOFF="1",
    )  # fmt: skip
    rio_on.fail_next(1, status=503)  # the worker's first request meets an outage
    office = UserFactory(is_staff=True)
    office.groups.add(Group.objects.get(name=ACADEMY_OFFICE))
    module = routed_module("course")

    publish_module(module=module, by=office)

    deadline = time.monotonic() + 90
    registration = RioRegistration.objects.get(module=module)
    while registration.status != RioRegistration.Status.REGISTERED and time.monotonic() < deadline:
        time.sleep(0.5)
        registration.refresh_from_db()
    assert registration.status == RioRegistration.Status.REGISTERED, registration.jobs.values()
    spec = f"/job/upsert/education-specifications/{module.ooapi_specification_id}"
    assert rio_on.job_posts() == [spec, spec, f"/job/upsert/courses/{module.ooapi_course_id}"]
    assert registration.opleidingseenheidcode.endswith("O4321")
