"""Reachability checks for /healthz: the database always, the broker when one is set."""

from django.conf import settings
from django.db import DatabaseError, connections
from kombu import Connection

BROKER_TIMEOUT_SECONDS = 2


def database_is_reachable() -> bool:
    try:
        with connections["default"].cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return False
    return True


def broker_is_reachable(url: str) -> bool:
    try:
        with Connection(url, connect_timeout=BROKER_TIMEOUT_SECONDS) as broker:
            broker.ensure_connection(max_retries=1, timeout=BROKER_TIMEOUT_SECONDS)
    except Exception:  # kombu raises transport-specific errors; any of them means "down"
        return False
    return True


def service_states() -> dict[str, bool]:
    states = {"database": database_is_reachable()}
    if settings.CELERY_BROKER_URL:
        states["broker"] = broker_is_reachable(settings.CELERY_BROKER_URL)
    return states
