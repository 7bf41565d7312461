"""/readyz tells a load balancer whether this process may have requests: migrated, broker up."""

import os
from types import SimpleNamespace

import pytest
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder

from academy import health

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_checks():
    health.forget_broker_checks()  # the migrations' memo too
    yield
    health.forget_broker_checks()


def test_readyz_is_ready_when_migrated_and_without_a_broker(client, settings):
    settings.CELERY_BROKER_URL = ""

    response = client.get("/readyz")

    assert response.status_code == 200
    assert response.json() == {"status": "ready"}
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.skipif(not os.environ.get("CELERY_BROKER_URL"), reason="CELERY_BROKER_URL is not set")
def test_readyz_is_ready_with_the_configured_broker_answering(client):
    assert client.get("/readyz").json() == {"status": "ready"}


def test_readyz_names_a_migration_not_applied_yet(client, settings):
    settings.CELERY_BROKER_URL = ""
    latest = MigrationLoader(connection).graph.leaf_nodes("credentials")[0]
    MigrationRecorder(connection).record_unapplied(*latest)  # as if deployed before migrate

    response = client.get("/readyz")

    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "not ready"
    assert set(body["problems"]) == {"migrations"}
    assert body["problems"]["migrations"] == f"1 not applied, e.g. credentials.{latest[1]}"


def test_readyz_names_a_broker_that_does_not_answer(client, settings):
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"  # nothing listens on port 1

    response = client.get("/readyz")

    assert response.status_code == 503
    assert response.json() == {"status": "not ready", "problems": {"broker": "unreachable"}}


def test_readyz_reads_the_migrations_once_per_interval(client, settings, monkeypatch):
    settings.CELERY_BROKER_URL = ""
    clock = SimpleNamespace(now=1000.0)
    monkeypatch.setattr(health, "time", SimpleNamespace(monotonic=lambda: clock.now))
    reads = []
    read = health.unapplied_migrations
    monkeypatch.setattr(health, "unapplied_migrations", lambda: reads.append(1) or read())

    for _ in range(3):
        assert client.get("/readyz").status_code == 200
    clock.now += health.MIGRATION_CHECK_INTERVAL_SECONDS

    assert client.get("/readyz").status_code == 200
    assert len(reads) == 2


def test_a_ready_page_costs_one_query_between_checks(
    client, settings, django_assert_max_num_queries
):
    settings.CELERY_BROKER_URL = ""
    client.get("/readyz")

    with django_assert_max_num_queries(1):  # the database's SELECT 1
        assert client.get("/readyz").status_code == 200


def test_readyz_is_reachable_over_plain_http_behind_the_https_redirect(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.CELERY_BROKER_URL = ""

    assert client.get("/readyz").status_code == 200
