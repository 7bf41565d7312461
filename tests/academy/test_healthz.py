import os
from types import SimpleNamespace

import pytest

from academy import health

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_broker_checks():
    health.forget_broker_checks()  # each test asks the broker anew
    yield
    health.forget_broker_checks()


def test_healthz_reports_the_database(client, settings):
    settings.CELERY_BROKER_URL = ""

    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok"}}
    assert "no-cache" in response["Cache-Control"]


def test_healthz_returns_503_naming_the_broker_when_it_is_down(client, settings):
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"  # nothing listens on port 1

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json() == {
        "status": "unavailable",
        "checks": {"database": "ok", "broker": "unreachable"},
        "unreachable": ["broker"],
    }


@pytest.mark.skipif(not os.environ.get("CELERY_BROKER_URL"), reason="CELERY_BROKER_URL is not set")
def test_healthz_reports_a_reachable_broker(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json()["checks"] == {"database": "ok", "broker": "ok"}


@pytest.fixture
def broker_pings(monkeypatch, settings):
    """A broker that answers as `pings.up` says and counts how often it is asked, and a
    clock (`pings.now`, seconds) that moves only when the test moves it."""
    settings.CELERY_BROKER_URL = "redis://broker.invalid:6379/0"
    pings = SimpleNamespace(count=0, up=True, now=1000.0)

    def ping(url):
        pings.count += 1
        return pings.up

    monkeypatch.setattr(health, "broker_is_reachable", ping)
    monkeypatch.setattr(health, "time", SimpleNamespace(monotonic=lambda: pings.now))
    return pings


def test_healthz_asks_the_broker_once_per_interval_not_per_request(client, broker_pings):
    first, second = client.get("/healthz"), client.get("/healthz")
    broker_pings.now += health.BROKER_CHECK_INTERVAL_SECONDS - 0.1

    third = client.get("/healthz")

    assert [r.status_code for r in (first, second, third)] == [200, 200, 200]
    assert broker_pings.count == 1
    broker_pings.now += 0.1  # the interval is over: the next request asks again
    assert client.get("/healthz").status_code == 200
    assert broker_pings.count == 2


def test_healthz_reports_a_broker_gone_down_once_the_interval_is_over(client, broker_pings):
    assert client.get("/healthz").status_code == 200
    broker_pings.up = False
    assert client.get("/healthz").status_code == 200  # still the answer of a moment ago

    broker_pings.now += health.BROKER_CHECK_INTERVAL_SECONDS
    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["unreachable"] == ["broker"]
    assert client.get("/healthz").status_code == 503  # and the memo keeps "down" too
    assert broker_pings.count == 2


def test_healthz_is_reachable_over_plain_http_behind_the_https_redirect(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.CELERY_BROKER_URL = ""

    assert client.get("/healthz").status_code == 200
    assert client.get("/").status_code == 301


def test_favicon_ico_leads_to_the_sites_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"].endswith("img/favicon.svg")
