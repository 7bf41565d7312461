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
}


def seed(*args) -> str:
    out = StringIO()
    call_command("seed_demo", *args, stdout=out)
    return out.getvalue()


def test_seed_demo_creates_a_user_for_each_role_with_the_given_password(client):
    seed("--password", "a-long-demo-password")

    assert set(User.objects.values_list("email", flat=True)) >= DEMO_EMAILS
    assert User.objects.get(email="admin@example.org").is_superuser
    portfolio = User.objects.get(email="portfolio@example.org")
    assert portfolio.is_staff and not portfolio.is_superuser
    assert portfolio.groups.filter(name="Portfolio holders").exists()
    employer_membership = Membership.objects.get(user__email="employer@example.org")
    assert employer_membership.role == Membership.Role.ADMIN
    assert client.login(email="learner@example.org", password="a-long-demo-password")


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
    assert Organisation.objects.count() == 1


def test_demo_employer_has_admins_members_and_pending_invitations():
    seed("--password", "a-long-demo-password")

    organisation = Organisation.objects.get()
    memberships = organisation.memberships.all()
    assert memberships.filter(role="admin").count() == 2
    assert memberships.filter(role="staff", shares_progress=True).exists()
    assert memberships.filter(role="staff", shares_progress=False).exists()
    assert organisation.invitations.pending().count() == 2


def test_lecturers_get_no_usable_password():
    seed("--password", "a-long-demo-password")

    lecturers = User.objects.exclude(email__in=DEMO_EMAILS)
    assert lecturers.exists()
    assert not any(lecturer.has_usable_password() for lecturer in lecturers)


def test_demo_users_can_log_in_through_the_login_page(client):
    seed("--password", "a-long-demo-password")

    response = client.post(
        "/accounts/login/", {"login": "learner@example.org", "password": "a-long-demo-password"}
    )

    assert response.status_code == 302
