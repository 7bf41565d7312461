"""Reachability checks for /healthz: the database always, the broker when one is set; and
for /readyz, whether this code's migrations are all applied.

The database is asked on every call (a `SELECT 1` on the connection the request has anyway).
The broker is not: a check opens a new connection to it, which cost three to four times the
rest of /healthz. Its answer is kept per process for BROKER_CHECK_INTERVAL_SECONDS, so a
load balancer polling every second sees a broker that went down within a few seconds,
while the broker is connected to at most once per interval per process.
"""

import threading
import time

from django.conf import settings
from django.db import DatabaseError, connections
from django.db.migrations.executor import MigrationExecutor
from kombu import Connection

BROKER_TIMEOUT_SECONDS = 2
BROKER_CHECK_INTERVAL_SECONDS = 5
# Reading the migration files and the applied ones costs tens of milliseconds; the answer
# changes only when `migrate` runs, which a load balancer need not see within the second.
MIGRATION_CHECK_INTERVAL_SECONDS = 10

# url -> (when it was checked, on time.monotonic(); whether it answered), in this process
_broker_checks: dict[str, tuple[float, bool]] = {}
_broker_lock = threading.Lock()  # threaded servers: one check at a time per process


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


def broker_was_reachable(url: str) -> bool:
    """`broker_is_reachable`, asked at most once every BROKER_CHECK_INTERVAL_SECONDS per
    process and broker; in between, the last answer (reachable or not)."""
    with _broker_lock:
        checked = _broker_checks.get(url)
        now = time.monotonic()
        if checked is None or now - checked[0] >= BROKER_CHECK_INTERVAL_SECONDS:
            checked = (now, broker_is_reachable(url))
            _broker_checks[url] = checked
        return checked[1]


def forget_broker_checks() -> None:
    """The next call asks the broker again (for tests)."""
    with _broker_lock:
        _broker_checks.clear()
    with _migrations_lock:
        _migration_checks.clear()


# (when it was checked, on time.monotonic(); the migrations not applied yet), in this process
_migration_checks: dict[str, tuple[float, list[str]]] = {}
_migrations_lock = threading.Lock()


def unapplied_migrations() -> list[str]:
    """The migrations of this code that the database has not had yet ("app.name")."""
    connection = connections["default"]
    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return [f"{migration.app_label}.{migration.name}" for migration, _backwards in plan]


def unapplied_migrations_lately() -> list[str]:
    """`unapplied_migrations`, asked at most once every MIGRATION_CHECK_INTERVAL_SECONDS."""
    with _migrations_lock:
        checked = _migration_checks.get("default")
        now = time.monotonic()
        if checked is None or now - checked[0] >= MIGRATION_CHECK_INTERVAL_SECONDS:
            checked = (now, unapplied_migrations())
            _migration_checks["default"] = checked
        return checked[1]


def service_states() -> dict[str, bool]:
    states = {"database": database_is_reachable()}
    if settings.CELERY_BROKER_URL:
        states["broker"] = broker_was_reachable(settings.CELERY_BROKER_URL)
    return states


def readiness() -> dict:
    """What a load balancer needs before it sends this process requests: the database up
    and migrated to this code, and the broker (when one is set) answering."""
    problems = {}
    if not database_is_reachable():
        problems["database"] = "unreachable"
    else:
        try:
            if unapplied := unapplied_migrations_lately():
                problems["migrations"] = f"{len(unapplied)} not applied, e.g. {unapplied[0]}"
        except DatabaseError:
            problems["migrations"] = "unknown: the migrations table could not be read"
    if settings.CELERY_BROKER_URL and not broker_was_reachable(settings.CELERY_BROKER_URL):
        problems["broker"] = "unreachable"
    return problems
