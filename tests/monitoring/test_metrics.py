"""/metrics: what Prometheus reads, and that only the monitoring network may read it."""

import uuid
from datetime import timedelta

import pytest
from celery import current_app
from django.utils import timezone
from prometheus_client.parser import text_string_to_metric_families

from credentials.models import Credential
from monitoring import access, task_counts
from tests.catalogue.factories import ModuleRunFactory
from tests.conftest import REQUIRE_SERVICES, skip_or_fail
from tests.credentials.factories import CredentialFactory
from tests.enrolment.factories import EnrolmentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def networks(settings):
    access._networks.cache_clear()
    settings.METRICS_ALLOWED_NETWORKS = ["127.0.0.1/32", "::1/128", "10.20.0.0/16"]
    settings.METRICS_TOKEN = ""
    yield
    access._networks.cache_clear()


def samples(response) -> dict[tuple[str, tuple], float]:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain; version=")
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(response.content.decode())
        for sample in family.samples
    }


def test_this_machine_reads_the_request_metrics(client):
    client.get("/healthz")

    read = samples(client.get("/metrics"))

    assert any(name == "django_http_requests_total_by_method_total" for name, _ in read)
    assert any(name == "django_http_requests_latency_seconds_by_view_method_bucket"
               for name, _ in read)  # fmt: skip


@pytest.mark.parametrize("address", ["203.0.113.5", "192.168.1.10", "2001:db8::1"])
def test_anyone_else_gets_a_page_that_does_not_exist(client, address):
    response = client.get("/metrics", REMOTE_ADDR=address)

    assert response.status_code == 404
    assert b"django_http" not in response.content


def test_the_monitoring_network_reads_them(client):
    assert client.get("/metrics", REMOTE_ADDR="10.20.3.4").status_code == 200
    assert client.get("/metrics", REMOTE_ADDR="10.21.3.4").status_code == 404


def test_behind_the_proxy_the_visitors_address_counts_not_the_proxys(client, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    proxy = "10.20.0.1"  # inside the monitoring network, as a proxy next to it may well be

    visitor = client.get("/metrics", REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR="203.0.113.5")
    prometheus_direct = client.get("/metrics", REMOTE_ADDR="10.20.9.9")

    assert visitor.status_code == 404
    assert prometheus_direct.status_code == 200


def test_the_bearer_token_opens_them_from_anywhere(client, settings):
    settings.METRICS_TOKEN = "s3cret-scrape-token"
    outside = {"REMOTE_ADDR": "203.0.113.5"}

    assert client.get("/metrics", HTTP_AUTHORIZATION="Bearer s3cret-scrape-token",
                      **outside).status_code == 200  # fmt: skip
    assert client.get("/metrics", HTTP_AUTHORIZATION="Bearer guessed", **outside).status_code == 404
    assert client.get("/metrics", HTTP_AUTHORIZATION="Bearer ", **outside).status_code == 404


def test_no_token_configured_opens_nothing(client):
    assert (
        client.get("/metrics", HTTP_AUTHORIZATION="Bearer ", REMOTE_ADDR="203.0.113.5").status_code
        == 404
    )


def test_seats_taken_count_held_seats_of_runs_that_have_not_ended(client):
    running = ModuleRunFactory()
    EnrolmentFactory.create_batch(2, run=running)
    EnrolmentFactory(run=running, status="awaiting_approval")
    EnrolmentFactory(run=running, status="cancelled")
    ended = ModuleRunFactory(taken_place=True)
    EnrolmentFactory(run=ended)
    EnrolmentFactory(run=ModuleRunFactory(status="cancelled"))

    read = samples(client.get("/metrics"))

    assert read[("academy_seats_taken", (("status", "confirmed"),))] == 2
    assert read[("academy_seats_taken", (("status", "awaiting_approval"),))] == 1
    assert read[("academy_seats_taken", (("status", "completed"),))] == 0


def test_credentials_are_counted_valid_revoked_and_expired(client):
    _valid, revoked, expired = (CredentialFactory() for _ in range(3))
    Credential.objects.filter(pk=revoked.pk).update(revoked_at=timezone.now())
    Credential.objects.filter(pk=expired.pk).update(valid_until=timezone.now() - timedelta(days=1))

    read = samples(client.get("/metrics"))

    assert read[("academy_credentials", (("state", "valid"),))] == 1
    assert read[("academy_credentials", (("state", "revoked"),))] == 1
    assert read[("academy_credentials", (("state", "expired"),))] == 1


def test_a_scrape_asks_the_database_two_questions_at_most_every_15_seconds(
    client, django_assert_max_num_queries
):
    with django_assert_max_num_queries(2):
        client.get("/metrics")
    EnrolmentFactory()

    with django_assert_max_num_queries(0):
        read = samples(client.get("/metrics"))

    assert read[("academy_seats_taken", (("status", "confirmed"),))] == 0  # the cached figure


@pytest.fixture
def broker_redis(settings):
    client = task_counts.broker_redis()
    if client is None:
        skip_or_fail("CELERY_BROKER_URL is not a Redis: no queues to measure",
                     required=REQUIRE_SERVICES)  # fmt: skip
    return client


def test_queue_lengths_are_read_from_the_broker(client, broker_redis):
    queue = f"test-metrics-{uuid.uuid4().hex}"
    default_queue = current_app.conf.task_default_queue
    current_app.conf.task_default_queue = queue
    broker_redis.rpush(queue, "a", "b", "c")
    try:
        read = samples(client.get("/metrics"))
    finally:
        current_app.conf.task_default_queue = default_queue
        broker_redis.delete(queue)

    assert read[("academy_celery_queue_length", (("queue", queue),))] == 3
    assert read[("academy_metrics_redis_up", ())] == 1
    for routed in ("emails", "certificates"):
        assert ("academy_celery_queue_length", (("queue", routed),)) in read


def test_task_outcomes_counted_by_workers_are_read_from_redis(client, broker_redis):
    name = f"tests.metrics.task_{uuid.uuid4().hex}"
    try:
        task_counts.count(name, "succeeded")
        task_counts.count(name, "succeeded")
        task_counts.count(name, "failed")

        read = samples(client.get("/metrics"))
    finally:
        broker_redis.hdel(task_counts.COUNTS_KEY, f"{name}|succeeded", f"{name}|failed")

    outcome = lambda o: ("academy_celery_tasks_total", (("outcome", o), ("task", name)))  # noqa: E731
    assert read[outcome("succeeded")] == 2
    assert read[outcome("failed")] == 1


def test_a_broker_that_does_not_answer_leaves_the_other_metrics(client, settings):
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"  # nothing listens on port 1

    read = samples(client.get("/metrics"))

    assert read[("academy_metrics_redis_up", ())] == 0
    assert ("academy_seats_taken", (("status", "confirmed"),)) in read


def test_prometheus_scrapes_over_plain_http_behind_the_https_redirect(client, settings):
    settings.SECURE_SSL_REDIRECT = True

    assert client.get("/metrics").status_code == 200
    assert client.get("/").status_code == 301


def test_with_a_multiprocess_directory_the_workers_files_are_summed(client, monkeypatch, tmp_path):
    """gunicorn's workers write their request metrics there (PROMETHEUS_MULTIPROC_DIR); this
    process wrote none, so only the portal's own figures are read."""
    monkeypatch.setenv("PROMETHEUS_MULTIPROC_DIR", str(tmp_path))

    read = samples(client.get("/metrics"))

    assert ("academy_seats_taken", (("status", "confirmed"),)) in read
    assert not any(name.startswith("django_http") for name, _ in read)
