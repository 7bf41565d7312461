"""Seeding the demo: again changes nothing, `--modules` adds generated modules, without
`--password` a random password is printed.

Each test starts from this folder's one seeding of an empty database (conftest.py): a test
that seeds "twice" seeds once more, and counts against what the first seeding made. What a
test seeds is rolled back with its savepoint, so the next test starts from the first
seeding again.
"""

import re
from io import StringIO

import pytest
from django.core.management import call_command

from academy.models import Membership, Organisation, User
from catalogue.models import Module, ModuleRun, Session, Teaching, Theme
from catalogue.queries import CatalogueFilters, catalogue
from credentials import verification
from credentials.models import Credential
from enrolment.models import Enrolment, Invoice, WaitingListEntry
from tests.demo.conftest import PASSWORD

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_seeding")]

DEMO_EMAILS = {
    "admin@example.org",
    "portfolio@example.org",
    "employer@example.org",
    "learner@example.org",
    "lecturer@example.org",
}


def seed(*args) -> str:
    out = StringIO()
    call_command("seed_demo", *args, stdout=out)
    return out.getvalue()


def seed_again(*args) -> str:
    """The second seeding (the first is the folder's, with the same password)."""
    return seed("--password", PASSWORD, *args)


# academy


def test_seed_demo_without_password_prints_a_random_one_that_works(client):
    first = re.search(r"password for all: (\S+)", seed()).group(1)
    second = re.search(r"password for all: (\S+)", seed()).group(1)

    assert first != second
    assert len(first) >= 12
    assert client.login(email="employer@example.org", password=second)


def test_seed_demo_is_safe_to_run_twice():
    counts = (User.objects.count(), Organisation.objects.count(), Membership.objects.count())

    seed_again()

    assert (
        User.objects.count(),
        Organisation.objects.count(),
        Membership.objects.count(),
    ) == counts
    # the demo employer, and two that sent staff in the demo's history (without accounts)
    assert Organisation.objects.count() == 3
    assert Organisation.objects.filter(memberships__isnull=False).distinct().count() == 1


# catalogue


def test_seeding_twice_changes_nothing():
    counts = [model.objects.count() for model in (Module, ModuleRun, Session, Teaching, Theme)]

    seed_again()

    assert [
        model.objects.count() for model in (Module, ModuleRun, Session, Teaching, Theme)
    ] == counts


def test_seed_demo_can_add_many_generated_modules_for_benchmarks():
    seed_again("--modules", "120")
    before = Module.objects.count()

    output = seed_again("--modules", "30")

    assert Module.objects.count() == before + 30
    assert "Added 30 generated modules" in output
    generated = Module.objects.filter(slug__startswith="generated-")
    assert generated.count() == 150
    assert all(m.runs.count() == 1 for m in generated[:10])
    assert catalogue(CatalogueFilters(q="generated")).modules.count() == 0  # titles are real


# credentials


def test_demo_learner_holds_real_credentials_one_revoked_and_a_pathway():
    seed_again()

    held = Credential.objects.filter(learner__email="learner@example.org")
    assert held.count() >= 3
    assert held.filter(revoked_at__isnull=False).count() == 1
    pathway = held.get(achievement__pathway__isnull=False)
    assert verification.check_document(pathway.document).state == "valid"
    revoked = held.get(revoked_at__isnull=False)
    assert verification.check_document(revoked.document).state == "revoked"


# enrolment


def test_seeding_enrolments_twice_adds_nothing_and_sends_no_mail(demo_seeding, mailoutbox):
    counts = (Enrolment.objects.count(), WaitingListEntry.objects.count(), Invoice.objects.count())

    seed_again()

    assert (
        Enrolment.objects.count(), WaitingListEntry.objects.count(), Invoice.objects.count()
    ) == counts  # fmt: skip
    assert demo_seeding.mail == []  # demo data sends no mail: not the first seeding
    assert mailoutbox == []  # nor the second
