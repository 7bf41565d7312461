import re
from io import StringIO

import pytest
from django.core.management import call_command

from academy.models import Membership, Organisation, User

pytestmark = pytest.mark.django_db

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


def test_seed_demo_without_password_prints_a_random_one_that_works(client):
    first = re.search(r"password for all: (\S+)", seed()).group(1)
    second = re.search(r"password for all: (\S+)", seed()).group(1)

    assert first != second
    assert len(first) >= 12
    assert client.login(email="employer@example.org", password=second)


def test_seed_demo_is_safe_to_run_twice():
    seed("--password", "a-long-demo-password")
    counts = (User.objects.count(), Organisation.objects.count(), Membership.objects.count())

    seed("--password", "a-long-demo-password")

    assert (
        User.objects.count(),
        Organisation.objects.count(),
        Membership.objects.count(),
    ) == counts
    # the demo employer, and two that sent staff in the demo's history (without accounts)
    assert Organisation.objects.count() == 3
    assert Organisation.objects.filter(memberships__isnull=False).distinct().count() == 1
