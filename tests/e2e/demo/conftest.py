"""The demo academy in Chromium, seeded once for every test in this folder.

Seeding takes seconds, and these tests only walk the demo and read it, so they share one
seeding, committed so that a live server of their own (not pytest-django's, which would
empty the database after each test) serves it. The tests' own queries run in a
transaction that is rolled back; what the browser does (logging in, say) is committed by
the server, as it was when each test seeded its own demo. After this folder's last test
the database is emptied as after any transactional test, so no other test sees the demo.
"""

import os
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import override_settings

PASSWORD = "a-long-demo-password"


@pytest.fixture(scope="package")
def demo_site(request, django_db_setup, django_db_blocker):
    """A live server of the seeded demo (its `url`), for this folder's tests."""
    from pytest_django.live_server_helper import LiveServer

    from config.celery import app

    with django_db_blocker.unblock():
        was_eager = app.conf.task_always_eager
        app.conf.task_always_eager = True  # as in a test (tests/conftest.py)
        try:
            with override_settings(
                PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]
            ):
                call_command("seed_demo", "--password", PASSWORD, stdout=StringIO())
        finally:
            app.conf.task_always_eager = was_eager
    addr = (
        request.config.getvalue("liveserver")
        or os.getenv("DJANGO_LIVE_TEST_SERVER_ADDRESS")
        or "localhost"
    )
    server = LiveServer(addr)
    server._live_server_modified_settings.enable()
    yield server
    server._live_server_modified_settings.disable()
    server.stop()
    with django_db_blocker.unblock():
        # What TransactionTestCase does after each test: every table emptied, then the
        # content types and permissions that migrating made are made again.
        call_command("flush", verbosity=0, interactive=False, reset_sequences=False)


@pytest.fixture
def page(chromium, demo_site):
    context = chromium.new_context(base_url=demo_site.url, locale="en-GB")
    page = context.new_page()
    yield page
    context.close()
