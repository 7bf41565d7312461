"""Shared pytest set-up. Each app's factories live next to its tests."""

import os

import pytest

# CI sets this so that a missing service fails the run instead of skipping tests.
REQUIRE_SERVICES = os.environ.get("ACADEMY_REQUIRE_SERVICES") == "1"


def skip_or_fail(reason: str, *, required: bool):
    if required:
        pytest.fail(f"{reason} (required here, so failing instead of skipping)")
    pytest.skip(reason)


@pytest.fixture(autouse=True)
def _plain_static_storage(settings):
    """Serve static files by their plain names in tests.

    The manifest storage needs `collectstatic` first; tests/academy/test_static.py proves
    the production storage separately, so other tests need not collect static files.
    """
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _empty_cache():
    """Rate-limit counters and other cached state must not leak between tests."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _tasks_run_in_process():
    """Tasks run eagerly in tests, so mail and side effects are checked where they happen.

    tests/academy/test_celery_worker.py turns this off to prove the real worker path.
    """
    from academy.celery import app

    was_eager = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = was_eager


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Factories create many users; a deliberately slow hash is not what tests measure."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
