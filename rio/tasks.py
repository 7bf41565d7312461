"""Thin, idempotent tasks of the RIO pushes; the services are imported in the body.

A transport failure (`rio.mapper.MapperUnavailable`, a ConnectionError) is retried by
AcademyTask with backoff; the mapper's refusals and errors are stored by the services and
never retried."""

from celery import shared_task


@shared_task(ignore_result=True)
def push_module(registration_id: int, version: int) -> None:
    """Start the jobs of one change of a module, unless a later change has asked since."""
    from rio import services

    services.push(registration_id=registration_id, version=version)


@shared_task(ignore_result=True)
def submit_job(job_id: int) -> None:
    from rio import services

    services.submit(job_id=job_id)


@shared_task(ignore_result=True)
def check_job(job_id: int) -> None:
    """Ask the mapper for a job's status; the service queues the next check if it is not done."""
    from rio import services

    services.check(job_id=job_id)


@shared_task
def check_unfinished() -> int:
    """Beat: pushes, jobs and checks that a lost task or a long wait left behind."""
    from rio import services

    return services.check_unfinished()
