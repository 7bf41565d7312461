from celery import shared_task

from enrolment import emails, services


@shared_task
def send_enrolment_confirmation(enrolment_id: int) -> bool:
    return emails.send_enrolment_confirmation(enrolment_id=enrolment_id)


@shared_task
def expire_waiting_list_offers() -> int:
    return services.expire_offers()


@shared_task
def send_due_reminders() -> int:
    from enrolment.reminders import send_due_reminders as send

    return send()
