from celery import shared_task

from credentials import emails, services
from credentials.models import Result


@shared_task
def issue_credential(result_id: int) -> str | None:
    """Issue the result's credential (once), then any pathway it completes (once)."""
    result = Result.objects.select_related("enrolment__learner").get(pk=result_id)
    credential = services.issue_credential(result=result)
    if credential is None:
        return None
    services.award_pathways(learner=result.enrolment.learner)
    return str(credential.pk)


@shared_task(ignore_result=True)
def notify_learner(credential_id: str) -> bool:
    return emails.send_credential_notice(credential_id=credential_id)
