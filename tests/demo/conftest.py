"""The demo academy, seeded once for every test in this folder.

Seeding builds signed credentials and invoice PDFs and takes seconds; the tests here only
read what it made, so they share one seeding. It runs inside a transaction that stays open
while this folder's tests run (each test is a savepoint within it, rolled back as usual)
and is rolled back after the last one, so no other test ever sees the demo. Tests here
must therefore not be transactional (no `transactional_db`, `live_server` or worker).
The tests of seeding itself (test_seeding.py: twice, `--modules`, a printed password)
start from this seeding too: what they seed again is rolled back with their savepoint.
"""

from dataclasses import dataclass
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

PASSWORD = "a-long-demo-password"


@dataclass(frozen=True)
class Seeding:
    output: str  # what seed_demo printed
    mail: list  # what it sent (it should send nothing)


@pytest.fixture(scope="package")
def demo_seeding(django_db_setup, django_db_blocker):
    """The first seeding of an empty database; its rows stay until this folder is done."""
    from config.celery import app

    out = StringIO()
    was_eager = app.conf.task_always_eager
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        # As the tests' own hashing and tasks (tests/conftest.py): the demo passwords check
        # there, and a task seeding queued runs here, its mail in the outbox.
        app.conf.task_always_eager = True
        mail.outbox.clear()
        try:
            with override_settings(
                PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]
            ):
                call_command("seed_demo", "--password", PASSWORD, stdout=out)
        finally:
            app.conf.task_always_eager = was_eager
        sent = list(mail.outbox)
        mail.outbox.clear()
    yield Seeding(output=out.getvalue(), mail=sent)
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)


@pytest.fixture(scope="package")
def demo_academy(demo_seeding):
    """The seed's output; the demo rows stay until this folder's tests are done."""
    return demo_seeding.output
