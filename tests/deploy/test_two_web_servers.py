"""Two web servers behind one proxy share what one visitor does: the session of a login,
the count of failed logins, the catalogue's cached results. Each is gunicorn with the
shared config (config/gunicorn.conf.py) and the production settings, on the test's
PostgreSQL database and one Redis (CACHE_URL), as two containers of `web` would be."""

import json
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import redis
import requests
from django.conf import settings
from django.contrib.auth.hashers import ScryptPasswordHasher
from django.contrib.sessions.models import Session
from django.db import connection

from academy.models import User
from catalogue.models import Module
from tests.academy.factories import DEFAULT_PASSWORD, UserFactory
from tests.catalogue.factories import ModuleFactory, ModuleRunFactory
from tests.conftest import REQUIRE_SERVICES, database_url_of_the_test_database, skip_or_fail

BASE_DIR = Path(__file__).resolve().parents[2]
CACHE_DB = 15  # a Redis database of its own; keys carry a prefix of this run's own too
# What the TLS-terminating proxy in front of both passes on: the site's host name (which
# allauth's count of failed logins includes) and that the visitor came over HTTPS.
SITE = "academy.example.org"
PROXY = {"Host": SITE, "X-Forwarded-Proto": "https"}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class WebServer:
    def __init__(self, name: str, env: dict, log: Path):
        self.name, self.port, self.log = name, free_port(), log
        self.url = f"http://127.0.0.1:{self.port}"
        with log.open("w") as output:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "gunicorn", "--config", "config/gunicorn.conf.py",
                 "--bind", f"127.0.0.1:{self.port}", "config.wsgi"],
                cwd=BASE_DIR, env=env, stdout=output, stderr=subprocess.STDOUT,
            )  # fmt: skip

    def wait_until_ready(self, deadline: float):
        while True:
            if self.process.poll() is not None:
                pytest.fail(f"web server {self.name} exited:\n{self.log.read_text()}")
            try:
                if requests.get(f"{self.url}/readyz", headers=PROXY, timeout=5).status_code == 200:
                    return
            except (requests.ConnectionError, requests.Timeout):  # not listening, or booting
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"web server {self.name} is not ready:\n{self.log.read_text()}")
            time.sleep(0.2)

    def get(self, path: str, *, cookies=None, **headers) -> requests.Response:
        return requests.get(self.url + path, headers={**PROXY, **headers}, cookies=cookies,
                            allow_redirects=False, timeout=10)  # fmt: skip

    def post_form(self, path: str, data: dict, cookies: dict) -> requests.Response:
        origin = {"Origin": f"https://{SITE}"}  # what the CSRF check compares, over HTTPS
        return requests.post(self.url + path, data=data, cookies=cookies, timeout=10,
                             headers={**PROXY, **origin}, allow_redirects=False)  # fmt: skip

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)  # gunicorn's quick shutdown: none in flight

    def wait_until_stopped(self):
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@pytest.fixture
def shared_redis():
    """The machine's Redis (the broker's host), with the keys of this test's own prefix."""
    broker = urlsplit(settings.CELERY_BROKER_URL or "redis://127.0.0.1:6379/0")
    address = f"{broker.hostname or '127.0.0.1'}:{broker.port or 6379}"
    client = redis.Redis.from_url(f"redis://{address}/{CACHE_DB}", socket_connect_timeout=2)
    try:
        client.ping()
    except redis.RedisError:
        skip_or_fail(f"no Redis at {address}", required=REQUIRE_SERVICES)
    prefix = f"two-servers-{uuid.uuid4().hex[:12]}"
    client.cache_url = f"rediscache://{address}/{CACHE_DB}"
    client.prefix = prefix
    client.broker_url = settings.CELERY_BROKER_URL or f"redis://{address}/0"
    yield client
    for key in client.scan_iter(match=f"{prefix}:*"):
        client.delete(key)


@pytest.fixture
def two_web_servers(transactional_db, shared_redis, tmp_path):
    if connection.vendor != "postgresql":
        skip_or_fail("two web servers need a PostgreSQL test database (DATABASE_URL)",
                     required=REQUIRE_SERVICES)  # fmt: skip
    env = {
        "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}",
        "HOME": os.environ.get("HOME", "/tmp"),
        "DJANGO_SETTINGS_MODULE": "tests.deploy.two_servers_settings",
        "DJANGO_DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(50),  # one key for both, as for every container
        "ALLOWED_HOSTS": SITE,
        "SITE_URL": f"https://{SITE}",
        "DATABASE_URL": database_url_of_the_test_database(),
        "CACHE_URL": shared_redis.cache_url,
        "CACHE_KEY_PREFIX": shared_redis.prefix,
        "CELERY_BROKER_URL": shared_redis.broker_url,
        "EMAIL_URL": "dummymail://",
        "WEB_CONCURRENCY": "1",
        "LOG_LEVEL": "WARNING",
        "GUNICORN_LOG_LEVEL": "warning",
    }
    servers = [WebServer(name, env, tmp_path / f"web-{name}.log") for name in ("A", "B")]
    try:
        deadline = time.monotonic() + 20
        for server in servers:
            server.wait_until_ready(deadline)
        yield servers
    finally:
        for server in servers:
            server.stop()
        for server in servers:
            server.wait_until_stopped()


def logged_json(server: WebServer, request_id: str, message: str, timeout: float = 5.0) -> dict:
    deadline = time.monotonic() + timeout
    while True:
        for line in server.log.read_text().splitlines():
            try:
                record = json.loads(line)
            except ValueError:
                continue  # gunicorn's own lines
            if record.get("request_id") == request_id and record.get("message") == message:
                return record
        if time.monotonic() > deadline:
            pytest.fail(f"no JSON line of {request_id} in:\n{server.log.read_text()}")
        time.sleep(0.1)


def quickly_checked_password() -> str:
    """DEFAULT_PASSWORD hashed with scrypt, a hasher of the servers' own (Django's default
    list) that checks it in milliseconds: PBKDF2 would take seconds for all the attempts,
    and the suite's MD5 hasher is not among the servers'."""
    hasher = ScryptPasswordHasher()
    return hasher.encode(DEFAULT_PASSWORD, hasher.salt())


def csrf_of(response: requests.Response) -> tuple[str, dict]:
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.text).group(1)
    return token, {"csrftoken": response.cookies["csrftoken"]}


def log_in(server: WebServer, email: str, password: str) -> requests.Response:
    token, cookies = csrf_of(server.get("/accounts/login/"))
    return server.post_form("/accounts/login/", {"login": email, "password": password,
                            "csrfmiddlewaretoken": token}, cookies)  # fmt: skip


def test_two_web_servers_share_sessions_rate_limits_and_the_catalogue_cache(
    two_web_servers, shared_redis
):
    a, b = two_web_servers
    learner = UserFactory(email="noor.two-servers@example.com", first_name="Noor")
    limited = UserFactory(email="sem.two-servers@example.com")
    User.objects.update(password=quickly_checked_password())
    module = ModuleFactory(title=f"Observability for operators {uuid.uuid4().hex[:6]}")
    ModuleRunFactory(module=module)

    # A login on A is a login on B: the session is in Redis, read from there first
    logged_in = log_in(a, learner.email, DEFAULT_PASSWORD)
    assert logged_in.status_code == 302, logged_in.text
    session = {"sessionid": logged_in.cookies["sessionid"]}
    assert b.get("/me/").status_code == 302  # a stranger is sent to the login
    assert list(shared_redis.scan_iter(match=f"{shared_redis.prefix}:*cached_db*"))
    Session.objects.all().delete()  # so B can have it from Redis only
    my_learning = b.get("/me/", cookies=session)
    assert my_learning.status_code == 200
    assert "Noor" in my_learning.text
    assert User.objects.filter(email=learner.email, last_login__isnull=False).exists()

    # Failed logins count on both: 3 on A and 2 on B use up the account's 5, so even the
    # right password is refused next, on either
    for server in (a, a, a, b, b):
        refused = log_in(server, limited.email, "not the password")
        assert refused.status_code == 200 and "sessionid" not in refused.cookies
    locked_out = log_in(a, limited.email, DEFAULT_PASSWORD)
    assert "Too many failed login attempts" in locked_out.text
    assert "sessionid" not in locked_out.cookies
    assert "Too many failed login attempts" in log_in(b, limited.email, DEFAULT_PASSWORD).text

    # The catalogue's results rendered by A are served by B from Redis: B shows the title
    # of the moment A cached, though the row changed since behind the cache's back (an
    # update() sends no signal, so the catalogue's version is not bumped)
    assert module.title in a.get("/modules/", **{"Accept-Language": "en"}).text
    assert list(shared_redis.scan_iter(match=f"{shared_redis.prefix}:*catalogue:results:*"))
    Module.objects.filter(pk=module.pk).update(title="Renamed behind the cache's back")
    from_b = b.get("/modules/", **{"Accept-Language": "en"})
    assert from_b.status_code == 200
    assert module.title in from_b.text
    assert "Renamed behind the cache" not in from_b.text

    # And each logs as production does: JSON lines that name the request
    missing = b.get("/no-such-page/", **{"X-Request-ID": "two-servers-404-check"})
    assert missing.status_code == 404
    assert missing.headers["X-Request-ID"] == "two-servers-404-check"
    assert logged_json(b, "two-servers-404-check", "Not Found: /no-such-page/")
