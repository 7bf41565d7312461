"""The Celery application: configured from Django settings (CELERY_*), tasks autodiscovered.

Every task, `shared_task` ones included, is an `AcademyTask`: Celery's `DjangoTask` (so a
service enqueues with `task.delay_on_commit(...)` and a worker never sees uncommitted rows)
that retries transient failures with backoff. Retrying is safe because every task is
idempotent; a task is acknowledged only once it has finished (CELERY_TASK_ACKS_LATE) and
handed back to the queue if its worker dies (CELERY_TASK_REJECT_ON_WORKER_LOST).
"""

import os
import smtplib
import socket

from celery import Celery
from celery.contrib.django.task import DjangoTask
from django.db import InterfaceError, OperationalError

# Failures that pass: the database restarting or dropping a connection (or a deadlock or
# serialization failure, which Django also reports as OperationalError), the mail server
# refusing for now or hanging up, the network. smtplib.SMTPException, ConnectionError,
# TimeoutError and socket.gaierror are all OSErrors; they are named for the reader.
TRANSIENT_ERRORS = (
    OperationalError,
    InterfaceError,
    smtplib.SMTPException,
    ConnectionError,
    TimeoutError,
    socket.gaierror,
    OSError,
)


class AcademyTask(DjangoTask):
    """Defaults for every task: retry transient failures with backoff, then give up.

    The waits grow from CELERY_TASK_RETRY_BACKOFF seconds (doubling, with full jitter) to at
    most `retry_backoff_max`; about a quarter of an hour in all by default. What is still
    unsent then is sent by the `send_unsent` sweeps that beat runs.
    """

    autoretry_for = TRANSIENT_ERRORS
    max_retries = 8
    default_retry_delay = 30
    retry_backoff = None  # from settings.CELERY_TASK_RETRY_BACKOFF (see from_config)
    # Below the broker's visibility timeout (settings.CELERY_BROKER_TRANSPORT_OPTIONS): a
    # task waiting for its retry is unacknowledged, and Redis would hand it out again.
    retry_backoff_max = 3 * 60
    retry_jitter = True

    # Class attributes that are None are filled from app.conf when a task is bound, which
    # happens before Celery reads retry_backoff to wrap the task in its retries.
    from_config = (*DjangoTask.from_config, ("retry_backoff", "task_retry_backoff"))


os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

# task_cls also reaches shared_task tasks: they are built from the current app's task class.
app = Celery("academy", task_cls=AcademyTask)
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
