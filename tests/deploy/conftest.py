"""What the image and compose run, run here directly: no Docker engine is needed.

These tests start the entrypoint, the one-shot migration, gunicorn with the shared config
file and a Celery worker per queue as subprocesses, on the machine's PostgreSQL and Redis.
Without those services they skip, unless ACADEMY_REQUIRE_SERVICES=1 (CI) makes them fail.
"""

import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import pytest
import yaml
from django.conf import settings
from django.db import connection

from tests.conftest import REQUIRE_SERVICES, skip_or_fail

BASE_DIR = Path(__file__).resolve().parents[2]
ENTRYPOINT = BASE_DIR / "docker" / "entrypoint.sh"
GUNICORN_CONFIG = BASE_DIR / "config" / "gunicorn.conf.py"
LOCAL_POSTGRES = {"user": "postgres", "host": "127.0.0.1", "port": 5432, "password": ""}


def production_env(**overrides: str) -> dict:
    """A production environment as compose gives the containers, plus PATH for the venv."""
    return {
        "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}",
        "HOME": os.environ.get("HOME", "/tmp"),
        "DJANGO_DEBUG": "false",
        "DJANGO_HTTPS": "false",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SITE_URL": "http://127.0.0.1:8000",
        "EMAIL_URL": "dummymail://",
        "CACHE_URL": "locmemcache://",
        "LOG_LEVEL": "WARNING",
        **overrides,
    }


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_http(url: str, *, process: subprocess.Popen, timeout: float = 15.0, headers=None):
    """The first answer at `url` (any status), once the server listens."""
    deadline = time.monotonic() + timeout
    while True:
        if process.poll() is not None:
            raise AssertionError(f"the server exited with {process.returncode}")
        try:
            request = urllib.request.Request(url, headers=headers or {})  # noqa: S310 (http)
            with urllib.request.urlopen(request, timeout=5) as response:  # noqa: S310
                return response.status, dict(response.headers), response.read()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read()
        except (urllib.error.URLError, ConnectionError):
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def get(url: str, timeout: float = 10, **headers):
    """One request; redirects are answers too (not followed)."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    try:
        request = urllib.request.Request(url, headers=headers)  # noqa: S310 (http only)
        with opener.open(request, timeout=timeout) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def stop(process: subprocess.Popen):
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _server() -> dict:
    """Where the test database lives when it is PostgreSQL, else the machine's own."""
    db = connection.settings_dict
    if db["ENGINE"] == "django.db.backends.postgresql":
        return {"user": db["USER"], "host": db["HOST"] or "127.0.0.1",
                "port": int(db["PORT"] or 5432), "password": db["PASSWORD"] or ""}  # fmt: skip
    return LOCAL_POSTGRES


def database_url(server: dict, name: str) -> str:
    password = f":{server['password']}" if server["password"] else ""
    return f"postgres://{server['user']}{password}@{server['host']}:{server['port']}/{name}"


class ScratchDatabases:
    """Databases of a test's own on the PostgreSQL server, dropped when the test ends."""

    def __init__(self, server: dict):
        self.server, self.names = server, []

    def _admin(self, sql: str):
        import psycopg

        with psycopg.connect(
            dbname="postgres", user=self.server["user"], host=self.server["host"],
            port=self.server["port"], password=self.server["password"] or None,
            autocommit=True, connect_timeout=5,
        ) as admin:  # fmt: skip
            admin.execute(sql)

    def create(self, label: str) -> str:
        """A fresh, empty database; returns its DATABASE_URL."""
        name = f"academy_deploy_{label}_{uuid.uuid4().hex[:10]}"
        self._admin(f'CREATE DATABASE "{name}"')
        self.names.append(name)
        return database_url(self.server, name)

    def drop_all(self):
        for name in self.names:
            self._admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def postgres_server_or_skip() -> dict:
    server = _server()
    if (
        shutil.which("pg_isready") is None
        or subprocess.run(
            ["pg_isready", "-q", "-h", server["host"], "-p", str(server["port"])], check=False
        ).returncode
    ):
        skip_or_fail(f"no PostgreSQL at {server['host']}:{server['port']}",
                     required=REQUIRE_SERVICES)  # fmt: skip
    return server


@pytest.fixture
def postgres_server():
    return postgres_server_or_skip()


@pytest.fixture
def scratch_databases(postgres_server):
    databases = ScratchDatabases(postgres_server)
    yield databases
    databases.drop_all()


@pytest.fixture
def redis_broker():
    """The configured broker, or the machine's Redis when none is configured."""
    url = settings.CELERY_BROKER_URL or "redis://127.0.0.1:6379/0"
    import redis

    try:
        redis.Redis.from_url(url, socket_connect_timeout=2).ping()
    except redis.exceptions.RedisError:
        skip_or_fail(f"no Redis at {url}", required=REQUIRE_SERVICES)
    return url


def compose_config() -> dict:
    """docker-compose's own reading of docker-compose.yml (anchors and merges resolved)."""
    if shutil.which("docker-compose") is None:
        skip_or_fail("docker-compose is not installed", required=REQUIRE_SERVICES)
    result = subprocess.run(
        ["docker-compose", "config"], cwd=BASE_DIR, capture_output=True, text=True,
        env={**os.environ, "SECRET_KEY": "compose-validation-only"}, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return yaml.safe_load(result.stdout)


def as_list(command) -> list[str]:
    return command if isinstance(command, list) else command.split()
