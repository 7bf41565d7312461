"""Thin, idempotent tasks; services and emails are imported in the body (see academy/tasks.py)."""

from celery import shared_task


@shared_task(ignore_result=True)
def send_invitation(invitation_id: int) -> bool:
    from evaluations import emails

    return emails.send_invitation(invitation_id=invitation_id)


@shared_task
def invite_and_remind() -> dict:
    """Beat: invite the participants of runs that just ended, send the week-old reminders,
    and send invitations a lost task left unsent."""
    from evaluations import emails, services

    invited = services.invite_participants()
    reminded = sum(emails.send_reminder(invitation_id=pk) for pk in services.due_reminders())
    return {"invited": invited, "reminded": reminded, "swept": emails.send_unsent()}
