"""Housekeeping tasks for the whole portal."""

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
