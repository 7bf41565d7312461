"""Sessions go through the cache only when the cache is shared by every process."""

import os
import subprocess
import sys

import pytest

from tests.conftest import BASE_DIR


def session_engine(**environment: str) -> str:
    env = {key: value for key, value in os.environ.items() if key != "CACHE_URL"}
    env.update(environment, DJANGO_SETTINGS_MODULE="config.settings")
    code = "from django.conf import settings; print(settings.SESSION_ENGINE)"
    return subprocess.run([sys.executable, "-c", code], cwd=BASE_DIR, env=env,
                          capture_output=True, text=True, check=True).stdout.strip()  # fmt: skip


@pytest.mark.parametrize(
    ("cache_url", "engine"),
    [
        ("rediscache://127.0.0.1:6379/1", "django.contrib.sessions.backends.cached_db"),
        ("locmemcache://", "django.contrib.sessions.backends.db"),
    ],
)
def test_sessions_are_cached_only_in_a_shared_cache(cache_url, engine):
    assert session_engine(CACHE_URL=cache_url) == engine


def test_without_a_cache_url_sessions_stay_in_the_database():
    assert session_engine() == "django.contrib.sessions.backends.db"
