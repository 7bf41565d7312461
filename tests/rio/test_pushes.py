"""Publishing or changing a module with a RIO route tells SURF's RIO mapper, as its API
documents: the education specification first, its opleidingseenheidcode awaited, then the
course or programme; the outcome is kept per module."""

import pytest
from django.db import transaction

from academy.models import AuditEntry
from catalogue.models import Module
from catalogue.services import publish_module
from rio import services, tasks
from rio.models import RioJob, RioRegistration
from tests.catalogue.factories import ModuleRunFactory
from tests.rio.conftest import routed_module

pytestmark = pytest.mark.django_db


def publish(module, by, capture):
    with capture(execute=True):
        publish_module(module=module, by=by)
    return RioRegistration.objects.get(module=module)


def test_publishing_registers_the_education_specification_before_the_course(
    rio_on, office, django_capture_on_commit_callbacks
):
    module = routed_module("course")

    registration = publish(module, office, django_capture_on_commit_callbacks)

    spec, course = str(module.ooapi_specification_id), str(module.ooapi_course_id)
    assert rio_on.requests[0] == ("POST", f"/job/upsert/education-specifications/{spec}")
    course_post = rio_on.requests.index(("POST", f"/job/upsert/courses/{course}"))
    spec_token = registration.jobs.get(job_type="education-specifications").token
    # The course is sent only after the education specification's status came back done.
    assert [r for r in rio_on.requests[:course_post] if r[0] == "GET"] == [
        ("GET", f"/status/{spec_token}")
    ] * 3
    assert rio_on.job_posts() == [
        f"/job/upsert/education-specifications/{spec}",
        f"/job/upsert/courses/{course}",
    ]
    assert registration.status == RioRegistration.Status.REGISTERED
    assert registration.opleidingseenheidcode.endswith("O4321")
    assert registration.aangeboden_opleiding_code == course
    assert registration.registered_at is not None
    assert registration.trigger == "module published" and registration.triggered_by == office
    assert [(job.job_type, job.status, job.polls) for job in registration.jobs.order_by("pk")] == [
        ("education-specifications", "done", 3),
        ("courses", "done", 3),
    ]
    entry = AuditEntry.objects.get(action="rio.registered")
    assert entry.details["opleidingseenheidcode"] == registration.opleidingseenheidcode


def test_a_private_programme_goes_as_education_specification_then_programme(
    rio_on, office, django_capture_on_commit_callbacks
):
    module = routed_module("private_program")

    registration = publish(module, office, django_capture_on_commit_callbacks)

    assert rio_on.job_posts() == [
        f"/job/upsert/education-specifications/{module.ooapi_specification_id}",
        f"/job/upsert/programs/{module.ooapi_program_id}",
    ]
    assert registration.status == RioRegistration.Status.REGISTERED
    assert registration.aangeboden_opleiding_code == str(module.ooapi_program_id)


def test_the_mappers_error_is_kept_in_words_and_not_retried(
    rio_on, office, django_capture_on_commit_callbacks
):
    module = routed_module("course")
    message = (
        f"No 'opleidingseenheid' found in RIO with eigensleutel: {module.ooapi_specification_id}"
    )
    rio_on.outcome[("courses", str(module.ooapi_course_id))] = {
        "status": "error", "phase": "resolving", "message": message,
    }  # fmt: skip

    registration = publish(module, office, django_capture_on_commit_callbacks)

    assert registration.status == RioRegistration.Status.ERROR
    assert registration.error_message == message
    assert registration.error_phase == "resolving"
    assert registration.opleidingseenheidcode  # the education specification did get in
    assert len(rio_on.job_posts()) == 2  # nothing sent again
    course_job = registration.jobs.get(job_type="courses")
    assert (course_job.status, course_job.attempts, course_job.polls) == ("error", 1, 3)
    assert AuditEntry.objects.get(action="rio.refused").details["message"] == message

    # Checking the finished job again asks the mapper nothing.
    asked = len(rio_on.requests)
    tasks.check_job.delay(course_job.pk)
    assert len(rio_on.requests) == asked


def test_a_request_the_mapper_refuses_is_stored_and_not_retried(
    rio_on, office, django_capture_on_commit_callbacks
):
    module = routed_module("course")
    rio_on.fail_next(1, status=400)

    registration = publish(module, office, django_capture_on_commit_callbacks)

    assert registration.status == RioRegistration.Status.ERROR
    assert "refused the request" in registration.error_message
    assert len(rio_on.job_posts()) == 1
    assert registration.jobs.get().attempts == 1


@pytest.fixture
def retries_do_not_propagate():
    """A worker goes from retry to retry; in-process, each retry would raise to the caller."""
    from config.celery import app

    was = app.conf.task_eager_propagates
    app.conf.task_eager_propagates = False
    yield
    app.conf.task_eager_propagates = was


def run_push_as_a_worker_would(module, by, capture):
    """Publish, then run the queued push as a worker runs it: a retry follows at once
    (in-process) instead of after its backoff."""
    with capture(execute=False):
        publish_module(module=module, by=by)
    registration = RioRegistration.objects.get(module=module)
    with capture(execute=True):
        outcome = tasks.push_module.apply(
            args=(registration.pk, registration.wanted_version), throw=False
        )
    registration.refresh_from_db()
    return registration, outcome


def test_a_503_is_retried_with_backoff_and_then_succeeds(
    rio_on, office, django_capture_on_commit_callbacks
):
    module = routed_module("course")
    rio_on.fail_next(1, status=503)  # the first job request; the retry gets through

    registration, outcome = run_push_as_a_worker_would(
        module, office, django_capture_on_commit_callbacks
    )

    assert outcome.successful()
    spec = f"/job/upsert/education-specifications/{module.ooapi_specification_id}"
    assert rio_on.job_posts()[:2] == [spec, spec]
    assert registration.status == RioRegistration.Status.REGISTERED
    spec_job = registration.jobs.get(job_type="education-specifications")
    assert spec_job.attempts == 2 and spec_job.message == ""


def test_a_status_check_that_meets_a_503_is_retried(
    rio_on, office, django_capture_on_commit_callbacks, settings
):
    module = routed_module("course")
    settings.RIO_MAX_POLLS = 0  # no checks queued yet
    publish(module, office, django_capture_on_commit_callbacks)
    job = RioJob.objects.get()
    assert job.status == RioJob.Status.PENDING
    settings.RIO_MAX_POLLS = 10
    rio_on.fail_next(1, status=502)

    with django_capture_on_commit_callbacks(execute=True):
        outcome = tasks.check_job.apply(args=(job.pk,), throw=False)

    assert outcome.successful()
    assert RioRegistration.objects.get().status == RioRegistration.Status.REGISTERED


def test_transport_failures_give_up_after_the_task_bases_retries(
    rio_on, office, django_capture_on_commit_callbacks, retries_do_not_propagate
):
    module = routed_module("course")
    rio_on.fail_next(50, status=503)

    registration, outcome = run_push_as_a_worker_would(
        module, office, django_capture_on_commit_callbacks
    )

    assert outcome.failed() and isinstance(outcome.result, ConnectionError)
    job = RioJob.objects.get()
    assert job.attempts == tasks.push_module.max_retries + 1
    assert job.status == RioJob.Status.STARTING and "503" in job.message
    assert registration.status == RioRegistration.Status.PENDING  # the sweep tries again later


def test_a_duplicated_task_starts_no_second_job(rio_on, office, django_capture_on_commit_callbacks):
    module = routed_module("course")
    registration = publish(module, office, django_capture_on_commit_callbacks)
    posts = rio_on.job_posts()

    with django_capture_on_commit_callbacks(execute=True):
        tasks.push_module.delay(registration.pk, registration.wanted_version)
        tasks.submit_job.delay(registration.jobs.get(job_type="courses").pk)

    assert rio_on.job_posts() == posts
    assert registration.jobs.count() == 2


def test_a_burst_of_saves_ends_in_one_push(rio_on, office, django_capture_on_commit_callbacks):
    module = routed_module("course")
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        publish_module(module=module, by=office)
        for title in ("Data ethics", "Data ethics in practice", "Data ethics at work"):
            module.title = title
            module.save()
        ModuleRunFactory(module=module, code="2027-09")

    registration = RioRegistration.objects.get()
    assert registration.wanted_version >= 5
    assert len(rio_on.job_posts()) == 2
    assert set(registration.jobs.values_list("version", flat=True)) == {registration.wanted_version}
    assert registration.status == RioRegistration.Status.REGISTERED


def test_a_new_run_upserts_only_the_course_again(
    rio_on, office, django_capture_on_commit_callbacks
):
    module = routed_module("course")
    publish(module, office, django_capture_on_commit_callbacks)

    with django_capture_on_commit_callbacks(execute=True):
        ModuleRunFactory(module=module, code="2027-09")

    assert rio_on.job_posts()[2:] == [f"/job/upsert/courses/{module.ooapi_course_id}"]
    registration = RioRegistration.objects.get()
    assert registration.trigger == "run 2027-09 changed"
    assert registration.status == RioRegistration.Status.REGISTERED


def test_a_run_changed_together_with_the_module_upserts_both_again(
    rio_on, office, django_capture_on_commit_callbacks
):
    module = routed_module("course")
    publish(module, office, django_capture_on_commit_callbacks)

    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        module.title = "Data ethics at work"
        module.save()
        ModuleRunFactory(module=module, code="2027-09")

    assert rio_on.job_posts()[2:] == [
        f"/job/upsert/education-specifications/{module.ooapi_specification_id}",
        f"/job/upsert/courses/{module.ooapi_course_id}",
    ]


def test_unpublishing_removes_the_course_then_the_education_specification(
    rio_on, office, django_capture_on_commit_callbacks
):
    module = routed_module("course")
    publish(module, office, django_capture_on_commit_callbacks)

    with django_capture_on_commit_callbacks(execute=True):
        module.status = Module.Status.ARCHIVED
        module.save()

    assert rio_on.job_posts()[2:] == [
        f"/job/delete/courses/{module.ooapi_course_id}",
        f"/job/delete/education-specifications/{module.ooapi_specification_id}",
    ]
    registration = RioRegistration.objects.get()
    assert registration.status == RioRegistration.Status.NOT_REGISTERED
    assert registration.opleidingseenheidcode == registration.aangeboden_opleiding_code == ""
    assert AuditEntry.objects.filter(action="rio.removed").count() == 1


def test_a_module_not_ready_for_rio_is_not_sent_and_says_why(
    rio_on, office, django_capture_on_commit_callbacks, settings
):
    settings.OOAPI_EDUCATION_OFFERER_CODE = ""
    module = routed_module("course")

    registration = publish(module, office, django_capture_on_commit_callbacks)

    assert rio_on.requests == []
    assert registration.status == RioRegistration.Status.NOT_READY
    assert "education_offerer_code" in registration.problems
    assert not registration.jobs.exists()


def test_modules_without_a_rio_route_are_left_alone(
    rio_on, office, django_capture_on_commit_callbacks
):
    module = routed_module("")

    with django_capture_on_commit_callbacks(execute=True):
        publish_module(module=module, by=office)

    assert rio_on.requests == []
    assert not RioRegistration.objects.exists()


def test_everything_is_off_without_the_mapper_settings(
    fake_mapper, office, django_capture_on_commit_callbacks, settings
):
    settings.RIO_MAPPER_URL = fake_mapper.url
    settings.RIO_MAPPER_TOKEN_URL = fake_mapper.token_url
    settings.RIO_MAPPER_CLIENT_ID = "academy-rio-client"
    settings.RIO_MAPPER_CLIENT_SECRET = ""  # one credential missing is enough
    module = routed_module("course")

    with django_capture_on_commit_callbacks(execute=True):
        publish_module(module=module, by=office)
        ModuleRunFactory(module=module)

    assert fake_mapper.requests == []
    assert not RioRegistration.objects.exists()
    with pytest.raises(services.RioError):
        services.register_now(module=module, by=office)


def test_wrong_client_credentials_are_an_error_in_words_not_retried(
    rio_on, office, django_capture_on_commit_callbacks, settings
):
    settings.RIO_MAPPER_CLIENT_SECRET = "not-the-secret"
    module = routed_module("course")

    registration = publish(module, office, django_capture_on_commit_callbacks)

    assert registration.status == RioRegistration.Status.ERROR
    assert "SURFconext gave no access token" in registration.error_message
    assert rio_on.requests == []


def test_the_access_token_is_fetched_once_and_sent_as_bearer(
    rio_on, office, django_capture_on_commit_callbacks
):
    publish(routed_module("course"), office, django_capture_on_commit_callbacks)

    assert len(rio_on.tokens_issued) == 1


def test_the_sweep_picks_up_a_job_whose_checks_were_lost(
    rio_on, office, django_capture_on_commit_callbacks, settings
):
    from datetime import timedelta

    from django.utils import timezone

    settings.RIO_MAX_POLLS = 0  # no checks are queued: as if they were lost
    module = routed_module("course")
    publish(module, office, django_capture_on_commit_callbacks)
    job = RioJob.objects.get()
    assert job.status == RioJob.Status.PENDING and job.checked_at is None
    RioJob.objects.update(submitted_at=timezone.now() - timedelta(hours=1))
    settings.RIO_MAX_POLLS = 10

    with django_capture_on_commit_callbacks(execute=True):
        queued = tasks.check_unfinished.delay().get()

    assert queued == 1
    assert RioRegistration.objects.get().status == RioRegistration.Status.REGISTERED


def test_a_deleted_run_upserts_the_course_again(rio_on, office, django_capture_on_commit_callbacks):
    module = routed_module("course")
    extra = ModuleRunFactory(module=module, code="2027-09")
    publish(module, office, django_capture_on_commit_callbacks)

    with django_capture_on_commit_callbacks(execute=True):
        extra.delete()

    assert rio_on.job_posts()[2:] == [f"/job/upsert/courses/{module.ooapi_course_id}"]
    assert RioRegistration.objects.get().trigger == "run 2027-09 changed"
