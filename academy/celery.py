"""The Celery application: configured from Django settings (CELERY_*), tasks autodiscovered."""

import os

from celery import Celery, Task


class AcademyTask(Task):
    """Defaults for every task: retry transient failures with backoff, then give up."""

    max_retries = 5
    default_retry_delay = 30
    retry_backoff = True
    # Below the broker's visibility timeout (settings.CELERY_BROKER_TRANSPORT_OPTIONS): a
    # task waiting for its retry is unacknowledged, and Redis would hand it out again.
    retry_backoff_max = 3 * 60
    retry_jitter = True


os.environ.setdefault("DJANGO_SETTINGS_MODULE", "academy.settings")

app = Celery("academy", task_cls=AcademyTask)
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
