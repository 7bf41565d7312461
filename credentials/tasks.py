"""Thin, idempotent tasks; services are imported in the body (see enrolment/tasks.py)."""

from celery import shared_task


@shared_task
def issue_credential(result_id: int) -> str | None:
    """Issue the result's credential (once), then any pathway it completes (once)."""
    from credentials import services
    from credentials.models import Result

    result = Result.objects.select_related("enrolment__learner").get(pk=result_id)
    credential = services.issue_credential(result=result)
    if credential is None:
        return None
    services.award_pathways(learner=result.enrolment.learner)
    return str(credential.pk)


@shared_task(ignore_result=True)
def notify_learner(credential_id: str) -> bool:
    from credentials import emails

    return emails.send_credential_notice(credential_id=credential_id)


@shared_task
def send_unsent() -> int:
    """Credential notices still unsent after their own task should have run; beat runs this."""
    from credentials import emails

    return emails.send_unsent()


@shared_task
def issue_missing_credentials() -> int:
    """Passed results whose credential task was lost; beat runs this."""
    from credentials import services

    return services.queue_missing_credentials()


@shared_task
def issue_recognition(recognition_id: int) -> str:
    """Sign a lecturer's recognition credential and write its statement (once)."""
    from credentials.services import recognition

    done = recognition.complete_recognition(recognition_id=recognition_id)
    return str(done.credential_id)
