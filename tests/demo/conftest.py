"""The demo academy, seeded once for every test in this folder.

Seeding builds signed credentials and invoice PDFs and takes seconds; the tests here only
read what it made, so they share one seeding. It runs inside a transaction that stays open
while this folder's tests run (each test is a savepoint within it, rolled back as usual)
and is rolled back after the last one, so no other test ever sees the demo. Tests here
must therefore not be transactional (no `transactional_db`, `live_server` or worker).
Tests of seeding itself (twice, `--modules`, a printed password) stay with their app.
"""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

PASSWORD = "a-long-demo-password"


@pytest.fixture(scope="package")
def demo_academy(django_db_setup, django_db_blocker):
    """The seed's output; the demo rows stay until this folder's tests are done."""
    out = StringIO()
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        # As the tests' own hashing (tests/conftest.py), so the demo passwords check there.
        with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
            call_command("seed_demo", "--password", PASSWORD, stdout=out)
    yield out.getvalue()
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)
