"""How many tasks each worker ran, and how they ended, counted where every scrape sees them.

Workers run in other processes, often other containers, than the web process that answers
/metrics, so their counts cannot stay in the worker's memory. Each outcome is one HINCRBY
on the broker's Redis (a hash of "task|outcome" → count, never reset, as a Prometheus
counter); /metrics reads the hash whole. Tasks run in-process (on a laptop without a
broker, and in tests) are not counted. A Redis that does not answer loses the count,
never the task.
"""

import logging
from functools import cache

import redis
from django.conf import settings

logger = logging.getLogger(__name__)

COUNTS_KEY = "academy:metrics:task-outcomes"
OUTCOMES = ("succeeded", "failed", "retried")
REDIS_TIMEOUT_SECONDS = 1


@cache
def _redis_for(url: str) -> redis.Redis:
    return redis.Redis.from_url(
        url, socket_timeout=REDIS_TIMEOUT_SECONDS, socket_connect_timeout=REDIS_TIMEOUT_SECONDS
    )


def broker_redis() -> redis.Redis | None:
    """A client of the broker's Redis (shared per process), or None for another broker."""
    url = settings.CELERY_BROKER_URL
    if not url.startswith(("redis://", "rediss://", "unix://")):
        return None
    return _redis_for(url)


def count(task_name: str, outcome: str) -> None:
    client = broker_redis()
    if client is None:
        return
    try:
        client.hincrby(COUNTS_KEY, f"{task_name}|{outcome}", 1)
    except redis.RedisError:
        logger.warning("Could not count the %s task %s in Redis", outcome, task_name)


def counts(client: redis.Redis) -> dict[tuple[str, str], int]:
    """(task name, outcome) → how many so far, all workers together."""
    counted = {}
    for field, value in client.hgetall(COUNTS_KEY).items():
        task_name, _, outcome = field.decode().rpartition("|")
        counted[(task_name, outcome)] = int(value)
    return counted


def _succeeded(sender=None, **_signal_arguments) -> None:
    if not sender.request.is_eager:
        count(sender.name, "succeeded")


def _failed(sender=None, **_signal_arguments) -> None:
    if not sender.request.is_eager:
        count(sender.name, "failed")


def _retried(sender=None, **_signal_arguments) -> None:
    if not sender.request.is_eager:
        count(sender.name, "retried")


def connect_celery_signals() -> None:
    from celery import signals

    signals.task_success.connect(_succeeded, dispatch_uid="metrics-task-succeeded")
    signals.task_failure.connect(_failed, dispatch_uid="metrics-task-failed")
    signals.task_retry.connect(_retried, dispatch_uid="metrics-task-retried")
