"""Thin, idempotent tasks; services are imported in the body (see academy/tasks.py)."""

from celery import shared_task


@shared_task
def send_learning_need_confirmation(need_id: int) -> bool:
    from catalogue import emails

    return emails.send_learning_need_confirmation(need_id=need_id)


@shared_task
def send_unsent() -> int:
    """Learning-need confirmations still unsent after their own task should have run."""
    from catalogue import emails

    return emails.send_unsent()
