"""The demo's people: a user for each role, the employer's team, lecturers."""

import pytest

from academy.models import Membership, Organisation, User
from tests.demo.conftest import PASSWORD
from tests.demo.test_seeding import DEMO_EMAILS

pytestmark = [pytest.mark.django_db, pytest.mark.read_only_demo,
              pytest.mark.usefixtures("demo_academy")]  # fmt: skip


def test_seed_demo_creates_a_user_for_each_role_with_the_given_password(client):

    assert set(User.objects.values_list("email", flat=True)) >= DEMO_EMAILS
    assert User.objects.get(email="admin@example.org").is_superuser
    portfolio = User.objects.get(email="portfolio@example.org")
    assert portfolio.is_staff and not portfolio.is_superuser
    assert portfolio.groups.filter(name="Portfolio holders").exists()
    employer_membership = Membership.objects.get(user__email="employer@example.org")
    assert employer_membership.role == Membership.Role.ADMIN
    assert client.login(email="learner@example.org", password=PASSWORD)


def test_demo_employer_has_admins_members_and_pending_invitations():

    organisation = Organisation.objects.get(memberships__user__email="employer@example.org")
    memberships = organisation.memberships.all()
    assert memberships.filter(role="admin").count() == 2
    assert memberships.filter(role="staff", shares_progress=True).exists()
    assert memberships.filter(role="staff", shares_progress=False).exists()
    assert organisation.invitations.pending().count() == 2


def test_lecturers_get_no_usable_password():

    lecturers = User.objects.exclude(email__in=DEMO_EMAILS).filter(teachings__isnull=False)
    assert lecturers.exists()
    assert not any(lecturer.has_usable_password() for lecturer in lecturers)


def test_demo_users_can_log_in_through_the_login_page(client):

    response = client.post(
        "/accounts/login/", {"login": "learner@example.org", "password": PASSWORD}
    )

    assert response.status_code == 302
