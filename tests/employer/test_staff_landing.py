"""A member of staff who opens "For employers" sees their employer and its admins, not an
invitation to register the organisation again."""

import pytest

from academy.models import Membership
from tests.academy.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def test_staff_member_sees_their_organisation_its_admins_and_what_they_can_do(client):
    staff = MembershipFactory(organisation__name="Zorggroep Noord", shares_progress=False)
    MembershipFactory(organisation=staff.organisation, role=Membership.Role.ADMIN,
                      user__first_name="Hanna", user__last_name="de Vries",
                      user__email="hanna@noord.example")  # fmt: skip
    client.force_login(staff.user)

    html = client.get("/employer/").content.decode()

    assert "You are on the staff of Zorggroep Noord" in html
    assert "Hanna de Vries" in html and 'href="mailto:hanna@noord.example"' in html
    assert "choose Zorggroep Noord as the payer" in html
    assert "Zorggroep Noord does not see your progress" in html and 'href="/me/profile/"' in html
    assert "Register your organisation" not in html
    assert "Register another organisation" in html
    assert f"/employer/{staff.organisation.pk}/" not in html  # not a page they may open


def test_an_admin_of_one_organisation_goes_straight_to_it(client):
    admin = MembershipFactory(role=Membership.Role.ADMIN)
    client.force_login(admin.user)

    response = client.get("/employer/")

    assert response.status_code == 302
    assert response["Location"] == f"/employer/{admin.organisation.pk}/"


def test_someone_without_an_organisation_is_offered_to_register(client):
    html = client.get("/employer/").content.decode()

    assert "Register your organisation" in html and "You are on the staff" not in html


def test_landing_queries_do_not_grow_with_organisations_or_admins(
    client, django_assert_max_num_queries
):
    staff = MembershipFactory()
    for _ in range(5):
        membership = MembershipFactory(user=staff.user)
        for _ in range(3):
            MembershipFactory(organisation=membership.organisation, role=Membership.Role.ADMIN)
    client.force_login(staff.user)

    with django_assert_max_num_queries(6):
        html = client.get("/employer/").content.decode()

    assert html.count("You are on the staff of") == 6
    assert html.count('· <a href="mailto:') == 15
