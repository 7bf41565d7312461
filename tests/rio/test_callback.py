"""With RIO_MAPPER_CALLBACK on, each job is sent with an X-Callback URL that carries a
secret of that job; the mapper POSTs the final status there and the push moves on."""

import json

import pytest
from django.urls import reverse

from catalogue.services import publish_module
from rio.models import RioJob, RioRegistration
from tests.rio.conftest import routed_module


@pytest.fixture
def callbacks_only(rio_on, settings):
    settings.RIO_MAPPER_CALLBACK = True
    settings.RIO_MAX_POLLS = 0  # no status checks: only the callback can tell us
    rio_on.hold = True  # jobs stay pending until the test lets the mapper finish them
    return rio_on


def test_the_mappers_callbacks_carry_the_push_to_registered(callbacks_only, live_server, settings):
    from django.contrib.auth.models import Group

    from catalogue.services import ACADEMY_OFFICE
    from tests.academy.factories import UserFactory

    settings.SITE_URL = live_server.url
    office = UserFactory(is_staff=True)
    office.groups.add(Group.objects.get(name=ACADEMY_OFFICE))
    module = routed_module("course")

    publish_module(module=module, by=office)  # commits: the push runs (tasks are eager)

    spec_job = RioJob.objects.get()
    callback = callbacks_only.jobs[spec_job.token]["callback"]
    assert callback == (f"{live_server.url}/rio/callback/{spec_job.pk}/{spec_job.callback_secret}/")
    assert len(spec_job.callback_secret) >= 40
    callbacks_only.finish(spec_job.token)  # the mapper POSTs the done status to our URL

    course_job = RioJob.objects.get(job_type="courses")
    assert RioJob.objects.get(pk=spec_job.pk).status == RioJob.Status.DONE
    callbacks_only.finish(course_job.token)

    registration = RioRegistration.objects.get()
    assert registration.status == RioRegistration.Status.REGISTERED
    assert registration.opleidingseenheidcode and registration.aangeboden_opleiding_code
    assert [method for method, _path in callbacks_only.requests] == ["POST", "POST"]  # no polls


@pytest.mark.django_db
def test_a_callback_without_the_jobs_secret_changes_nothing(
    callbacks_only, office, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        publish_module(module=routed_module("course"), by=office)
    job = RioJob.objects.get()
    done = {"status": "done", "token": job.token,
            "attributes": {"opleidingseenheidcode": "1234O5678"}}  # fmt: skip

    def post(secret, body, job_id=job.pk):
        url = reverse("rio:callback", kwargs={"job_id": job_id, "secret": secret})
        return client.post(url, body, content_type="application/json")

    assert post("not-the-secret", json.dumps(done)).status_code == 404
    assert post("n\u00f6t-\x00", json.dumps(done)).status_code == 404
    assert post(job.callback_secret, json.dumps(done), job_id=2**70).status_code == 404
    assert post(job.callback_secret, json.dumps(done), job_id=job.pk + 1).status_code == 404
    assert post(job.callback_secret, "{not json").status_code == 400
    assert post(job.callback_secret, json.dumps({**done, "token": "another"})).status_code == 400
    assert (
        client.get(
            reverse("rio:callback", kwargs={"job_id": job.pk, "secret": job.callback_secret})
        ).status_code
        == 405
    )
    job.refresh_from_db()
    assert job.status == RioJob.Status.PENDING

    with django_capture_on_commit_callbacks(execute=True):
        assert post(job.callback_secret, json.dumps(done)).status_code == 204
        assert post(job.callback_secret, json.dumps(done)).status_code == 204  # told twice

    job.refresh_from_db()
    assert job.status == RioJob.Status.DONE
    assert RioRegistration.objects.get().opleidingseenheidcode == "1234O5678"
    assert RioJob.objects.filter(job_type="courses").count() == 1  # started once
