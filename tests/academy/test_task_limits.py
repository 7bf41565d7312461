"""A task of a worker that died is handed to another worker within minutes, not an hour, and
no task runs (or waits for its retry) longer than the broker waits for it."""

from config.celery import AcademyTask, app
from tests.academy.test_settings import run_python

LIMITS = """
import django; django.setup()
from config.celery import app
print(app.conf.broker_transport_options["visibility_timeout"], app.conf.task_time_limit,
      app.conf.task_soft_time_limit)
"""


def test_a_dead_workers_task_is_redelivered_after_five_minutes():
    assert app.conf.broker_transport_options["visibility_timeout"] == 5 * 60
    assert app.conf.task_acks_late is True


def test_no_task_outlives_the_visibility_timeout():
    visibility_timeout = app.conf.broker_transport_options["visibility_timeout"]

    assert app.conf.task_soft_time_limit < app.conf.task_time_limit < visibility_timeout
    assert AcademyTask.retry_backoff_max < visibility_timeout
    assert AcademyTask.default_retry_delay < visibility_timeout


def test_the_visibility_timeout_is_set_from_the_environment_and_the_limits_follow():
    result = run_python(LIMITS, CELERY_VISIBILITY_TIMEOUT="900")

    assert result.stdout.split() == ["900", "840", "810"], result.stderr


def test_a_visibility_timeout_too_short_for_the_limits_is_refused():
    result = run_python(LIMITS, CELERY_VISIBILITY_TIMEOUT="60")

    assert result.returncode != 0
    assert "CELERY_VISIBILITY_TIMEOUT must be at least 240 seconds" in result.stderr
