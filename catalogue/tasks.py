from celery import shared_task

from catalogue import emails


@shared_task
def send_learning_need_confirmation(need_id: int) -> bool:
    return emails.send_learning_need_confirmation(need_id=need_id)
