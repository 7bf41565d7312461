"""The RIO tasks are the portal's retrying tasks; the beat sweep restarts a push whose task
was lost; a job the mapper no longer knows is an error in words; a person's part in the
pushes is in their data export and is forgotten on erasure."""

from datetime import timedelta

import pytest
from django.utils import timezone

from academy.personal_data import erase_personal_data, export_personal_data
from catalogue.services import publish_module
from config.celery import AcademyTask, app
from rio import services, tasks
from rio.models import RioJob, RioRegistration
from tests.rio.conftest import routed_module


def test_every_rio_task_is_an_academy_task_that_retries_transient_failures():
    app.loader.import_default_modules()
    ours = {name: task for name, task in app.tasks.items() if name.startswith("rio.")}

    assert set(ours) == {"rio.tasks.push_module", "rio.tasks.submit_job",
                         "rio.tasks.check_job", "rio.tasks.check_unfinished"}  # fmt: skip
    for task in ours.values():
        assert isinstance(task, AcademyTask) and hasattr(task, "_orig_run")
        assert issubclass(services.mapper.MapperUnavailable, task.autoretry_for)


@pytest.mark.django_db
def test_the_sweep_restarts_a_push_whose_task_was_lost(
    rio_on, office, django_capture_on_commit_callbacks
):
    module = routed_module("course")
    with django_capture_on_commit_callbacks(execute=False):  # the queued push is lost
        publish_module(module=module, by=office)
    RioRegistration.objects.update(requested_at=timezone.now() - timedelta(minutes=30))

    with django_capture_on_commit_callbacks(execute=True):
        assert services.check_unfinished() == 1

    assert RioRegistration.objects.get().status == RioRegistration.Status.REGISTERED


@pytest.mark.django_db
def test_a_job_the_mapper_no_longer_knows_is_an_error_in_words(
    rio_on, office, django_capture_on_commit_callbacks, settings
):
    settings.RIO_MAX_POLLS = 0
    with django_capture_on_commit_callbacks(execute=True):
        publish_module(module=routed_module("course"), by=office)
    job = RioJob.objects.get()
    rio_on.jobs.clear()  # the mapper's status expired

    with django_capture_on_commit_callbacks(execute=True):
        tasks.check_job.delay(job.pk)

    registration = RioRegistration.objects.get()
    assert registration.status == RioRegistration.Status.ERROR
    assert "no longer knows this job" in registration.error_message


@pytest.mark.django_db
def test_a_mapper_time_out_is_an_error_in_words(rio_on, office, django_capture_on_commit_callbacks):
    module = routed_module("course")
    rio_on.outcome[("education-specifications", str(module.ooapi_specification_id))] = {
        "status": "time-out", "phase": "fetching-ooapi", "message": "",
    }  # fmt: skip

    with django_capture_on_commit_callbacks(execute=True):
        publish_module(module=module, by=office)

    registration = RioRegistration.objects.get()
    assert registration.status == RioRegistration.Status.ERROR
    assert registration.error_message.startswith("The mapper gave up")
    assert not RioJob.objects.filter(job_type="courses").exists()


@pytest.mark.django_db
def test_who_asked_for_a_push_is_exported_and_forgotten(
    rio_on, office, django_capture_on_commit_callbacks
):
    module = routed_module("course", title="Data ethics")
    with django_capture_on_commit_callbacks(execute=True):
        publish_module(module=module, by=office)

    exported = export_personal_data(office)["rio"]
    erase_personal_data(office)

    assert [row["module"] for row in exported] == ["Data ethics", "Data ethics"]
    assert not RioJob.objects.filter(triggered_by__isnull=False).exists()
    assert RioRegistration.objects.get().triggered_by is None
