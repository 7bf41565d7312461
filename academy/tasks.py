"""Housekeeping tasks for the whole portal, and the invitation emails.

Thin and idempotent, as every task here: load by id, call the service (imported in the body,
so that services can import their app's tasks at the top), let it decide what is left to do.
"""

from celery import shared_task
from django.db import connection
from django.utils import timezone


@shared_task
def heartbeat() -> dict:
    """Prove that a worker is alive and reaches the database; scheduled by beat."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return {"database": "ok", "at": timezone.now().isoformat()}


@shared_task
def send_invitations(*, invitation_ids: list[int] | None = None, staff_import_id=None) -> int:
    from academy.emails import send_pending_invitations
    from academy.models import Invitation

    invitations = Invitation.objects.all()
    if invitation_ids is not None:
        invitations = invitations.filter(pk__in=invitation_ids)
    else:
        invitations = invitations.filter(staff_import_id=staff_import_id)
    return send_pending_invitations(invitations=invitations)


@shared_task
def send_unsent() -> int:
    """Invitations still unsent after their own task should have sent them; beat runs this."""
    from academy.emails import send_unsent_invitations

    return send_unsent_invitations()


@shared_task
def expire_old_staff_import_previews() -> int:
    from academy.services import expire_old_previews

    return expire_old_previews()
