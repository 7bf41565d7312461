"""Thin, idempotent tasks; services and emails are imported in the body (see academy/tasks.py)."""

from celery import shared_task


@shared_task(ignore_result=True)
def send_learning_need_confirmation(need_id: int) -> bool:
    from demand import emails

    return emails.send_learning_need_confirmation(need_id=need_id)


@shared_task(ignore_result=True)
def send_need_notice(notice_id: int) -> bool:
    from demand import emails

    return emails.send_need_notice(notice_id=notice_id)


@shared_task(ignore_result=True)
def send_interest_confirmation(interest_id: int) -> bool:
    from demand import emails

    return emails.send_interest_confirmation(interest_id=interest_id)


@shared_task(ignore_result=True)
def send_interest_notice(notice_id: int) -> bool:
    from demand import emails

    return emails.send_interest_notice(notice_id=notice_id)


@shared_task(ignore_result=True)
def send_proposal_event(event_id: int) -> bool:
    from demand import emails

    return emails.send_proposal_event(event_id=event_id)


@shared_task(ignore_result=True)
def offer_needs_answered_by(module_id: int) -> int:
    """A module was published: the needs it answers are offered, their submitters told."""
    from demand import services

    return services.offer_needs_answered_by(module_id=module_id)


@shared_task
def notify_interest() -> int:
    """Beat: runs that opened for enrolment, told to who asked (once per address and run)."""
    from demand import services

    return services.notify_interest_in_open_runs()


@shared_task
def send_unsent() -> int:
    """Beat: needs offered by a module published while its hook was lost, and every demand
    email still unsent after its own task should have sent it."""
    from demand import emails, services

    services.offer_answered_needs()
    return emails.send_unsent()
