"""What /metrics exposes besides django-prometheus's request metrics, read at scrape time.

- `academy_celery_tasks_total{task,outcome}`: tasks that succeeded, failed or were retried,
  counted by the workers in Redis (monitoring.task_counts);
- `academy_celery_queue_length{queue}`: messages waiting in each Celery queue (Redis LLEN);
- `academy_seats_taken{status}`: seats held in runs that have not ended;
- `academy_credentials{state}`: credentials issued so far, valid, revoked or expired;
- `academy_metrics_redis_up`: whether the broker's Redis answered this scrape.

A scrape costs two round trips to Redis and, at most once every BUSINESS_CACHE_SECONDS for
all web processes together (the figures are kept in CACHES), two aggregate queries.
"""

import logging

import redis
from celery import current_app
from django.core.cache import cache
from django.db import DatabaseError
from prometheus_client import CollectorRegistry
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily

from monitoring import queries, task_counts

logger = logging.getLogger(__name__)

BUSINESS_CACHE_KEY = "monitoring:business-figures"
BUSINESS_CACHE_SECONDS = 15


def celery_queues() -> list[str]:
    """The queues workers listen on: the default one, those declared, those routed to."""
    app = current_app  # config.celery's, loaded with Django (config/__init__.py)
    names = {app.conf.task_default_queue}
    for queue in app.conf.task_queues or ():
        names.add(getattr(queue, "name", queue))
    routes = app.conf.task_routes
    for route in routes.values() if isinstance(routes, dict) else ():
        if isinstance(route, dict) and route.get("queue"):
            queue = route["queue"]
            names.add(getattr(queue, "name", queue))
    return sorted(str(name) for name in names)


def business_figures() -> dict:
    figures = cache.get(BUSINESS_CACHE_KEY)
    if figures is None:
        figures = {
            "seats": queries.seats_taken_by_status(),
            "credentials": queries.credentials_by_state(),
        }
        cache.set(BUSINESS_CACHE_KEY, figures, BUSINESS_CACHE_SECONDS)
    return figures


class AcademyCollector:
    def collect(self):
        yield from self._from_redis()
        try:
            figures = business_figures()
        except DatabaseError:  # the request metrics and the queues are worth having still
            logger.warning("The database did not answer the metrics scrape")
            return
        seats = GaugeMetricFamily(
            "academy_seats_taken",
            "Seats held in runs that have not ended, by enrolment status.",
            labels=["status"],
        )
        for status, taken in sorted(figures["seats"].items()):
            seats.add_metric([status], taken)
        yield seats
        credentials = GaugeMetricFamily(
            "academy_credentials",
            "Credentials issued so far, by state (valid, revoked, expired).",
            labels=["state"],
        )
        for state, number in sorted(figures["credentials"].items()):
            credentials.add_metric([state], number)
        yield credentials

    def _from_redis(self):
        client = task_counts.broker_redis()
        if client is None:
            return
        up = GaugeMetricFamily(
            "academy_metrics_redis_up", "Whether the broker's Redis answered this scrape."
        )
        queues = celery_queues()
        try:
            with client.pipeline(transaction=False) as pipe:
                for queue in queues:
                    pipe.llen(queue)
                lengths = pipe.execute()
            outcomes = task_counts.counts(client)
        except redis.RedisError:
            logger.warning("The broker's Redis did not answer the metrics scrape")
            up.add_metric([], 0)
            yield up
            return
        up.add_metric([], 1)
        yield up
        waiting = GaugeMetricFamily(
            "academy_celery_queue_length", "Tasks waiting in a Celery queue.", labels=["queue"]
        )
        for queue, length in zip(queues, lengths, strict=True):
            waiting.add_metric([queue], length)
        yield waiting
        tasks = CounterMetricFamily(
            "academy_celery_tasks",
            "Celery tasks run by all workers, by task and outcome (succeeded, failed, retried).",
            labels=["task", "outcome"],
        )
        for (task_name, outcome), number in sorted(outcomes.items()):
            tasks.add_metric([task_name, outcome], number)
        yield tasks


academy_registry = CollectorRegistry(auto_describe=False)
academy_registry.register(AcademyCollector())
