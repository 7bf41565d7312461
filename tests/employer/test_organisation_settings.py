"""An organisation's admins correct its billing details and choose who else is an admin."""

import pytest
from django.urls import reverse

from academy.models import AuditEntry, Membership
from tests.academy.factories import MembershipFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

DETAILS = {
    "name": "Zorggroep Noord-Oost", "chamber_of_commerce_number": "8765 4321",
    "billing_email": "facturen@noordoost.example", "billing_address": "Kanaalweg 2",
    "billing_postal_code": "4001 AB", "billing_city": "Tiel", "billing_country": "Nederland",
    "purchase_order_reference": "PO-2028",
}  # fmt: skip


@pytest.fixture
def admin_membership():
    return MembershipFactory(role=Membership.Role.ADMIN, organisation__name="Zorggroep Noord",
                             user__first_name="Hanna", user__last_name="de Vries")  # fmt: skip


@pytest.fixture
def organisation(admin_membership):
    return admin_membership.organisation


@pytest.fixture
def admin_client(client, admin_membership):
    client.force_login(admin_membership.user)
    return client


def settings_url(organisation):
    return reverse("employer:settings", args=[organisation.pk])


def test_admin_edits_the_billing_details_and_the_trail_says_who(
    admin_client, organisation, admin_membership
):
    response = admin_client.post(settings_url(organisation), DETAILS, follow=True)

    organisation.refresh_from_db()
    assert organisation.name == "Zorggroep Noord-Oost"
    assert organisation.chamber_of_commerce_number == "87654321"
    assert organisation.billing_email == "facturen@noordoost.example"
    assert organisation.purchase_order_reference == "PO-2028"
    assert "The details of Zorggroep Noord-Oost are saved" in response.content.decode()
    entry = AuditEntry.objects.get(action="organisation.updated")
    assert entry.actor == admin_membership.user and entry.organisation_id == organisation.pk
    assert entry.details["name"] == {"from": "Zorggroep Noord", "to": "Zorggroep Noord-Oost"}


def test_its_own_kvk_number_is_fine_another_organisations_is_not(admin_client, organisation):
    other = OrganisationFactory(chamber_of_commerce_number="11112222")
    own = {**DETAILS, "chamber_of_commerce_number": organisation.chamber_of_commerce_number}

    kept = admin_client.post(settings_url(organisation), own)
    taken_number = {**DETAILS, "chamber_of_commerce_number": other.chamber_of_commerce_number}
    taken = admin_client.post(settings_url(organisation), taken_number)

    assert kept.status_code == 302
    assert "Another organisation is registered with this KvK number" in taken.content.decode()
    organisation.refresh_from_db()
    assert organisation.chamber_of_commerce_number != other.chamber_of_commerce_number


def test_only_its_admins_reach_the_settings(client, organisation):
    staff = MembershipFactory(organisation=organisation).user
    other_admin = MembershipFactory(role=Membership.Role.ADMIN).user
    name = organisation.name

    for user in (staff, other_admin):
        client.force_login(user)
        assert client.get(settings_url(organisation)).status_code == 404
        assert client.post(settings_url(organisation), DETAILS).status_code == 404
        member = MembershipFactory(organisation=organisation)
        response = client.post(reverse("employer:change_role", args=[organisation.pk, "admin"]),
                               {"membership": member.pk, "confirm": "yes"})  # fmt: skip
        assert response.status_code == 404
        member.refresh_from_db()
        assert not member.is_admin
    organisation.refresh_from_db()
    assert organisation.name == name


def test_making_a_member_an_admin_asks_first_and_says_what_follows(admin_client, organisation):
    member = MembershipFactory(organisation=organisation, user__first_name="Anna",
                               user__last_name="Smit")  # fmt: skip
    url = reverse("employer:change_role", args=[organisation.pk, "admin"])

    question = admin_client.post(url, {"membership": member.pk})
    member.refresh_from_db()
    assert not member.is_admin
    html = question.content.decode()
    assert "Make Anna Smit an admin of Zorggroep Noord?" in html
    assert "can manage Zorggroep Noord here as you do" in html
    assert 'name="confirm" value="yes"' in html

    response = admin_client.post(url, {"membership": member.pk, "confirm": "yes"}, follow=True)

    member.refresh_from_db()
    assert member.is_admin
    assert "Anna Smit is now an admin of Zorggroep Noord." in response.content.decode()
    entry = AuditEntry.objects.get(action="membership.role_changed")
    assert entry.subject == member.user and entry.details == {"from": "staff", "to": "admin"}


def test_an_admin_steps_down_but_the_last_admin_cannot(
    admin_client, organisation, admin_membership
):
    url = reverse("employer:change_role", args=[organisation.pk, "staff"])
    other = MembershipFactory(organisation=organisation, role=Membership.Role.ADMIN)

    admin_client.post(url, {"membership": other.pk, "confirm": "yes"})
    last = admin_client.post(url, {"membership": admin_membership.pk, "confirm": "yes"},
                             follow=True)  # fmt: skip

    other.refresh_from_db(), admin_membership.refresh_from_db()
    assert not other.is_admin and admin_membership.is_admin
    assert "is the only admin of Zorggroep Noord" in last.content.decode()


def test_inviting_a_new_admin_starts_with_the_admin_role(admin_client, organisation):
    settings_page = admin_client.get(settings_url(organisation)).content.decode()
    invite = admin_client.get(reverse("employer:invite", args=[organisation.pk]), {"role": "admin"})

    assert f"/employer/{organisation.pk}/invite/?role=admin" in settings_page
    assert invite.context["form"]["role"].value() == "admin"


def test_settings_queries_do_not_grow_with_staff_or_admins(
    admin_client, organisation, django_assert_max_num_queries
):
    for _ in range(10):
        MembershipFactory(organisation=organisation)
        MembershipFactory(organisation=organisation, role=Membership.Role.ADMIN)

    with django_assert_max_num_queries(7):
        html = admin_client.get(settings_url(organisation)).content.decode()

    assert html.count("Make staff member") == 11
