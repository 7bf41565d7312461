import pytest

from academy.models import Organisation, User
from tests.academy.factories import InvitationFactory, MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


@pytest.mark.parametrize("model", ["user", "organisation", "membership", "invitation"])
def test_people_are_searchable_and_filterable_in_the_admin(admin_client, model):
    membership = MembershipFactory(
        user__email="jan.devries@example.com", organisation__name="Jansen Installatietechniek"
    )
    InvitationFactory(organisation=membership.organisation, email="jan.nieuw@example.com")

    response = admin_client.get(f"/admin/academy/{model}/", {"q": "jan"})

    assert response.status_code == 200
    assert response.context["cl"].result_count >= 1
    assert response.context["cl"].has_filters


def test_admin_explains_a_bad_chamber_of_commerce_number_at_the_field(admin_client):
    response = admin_client.post(
        "/admin/academy/organisation/add/",
        {
            "name": "Bakkerij Brood",
            "chamber_of_commerce_number": "1234",
            "billing_email": "boekhouding@example.com",
            "billing_address": "Dorpsstraat 1",
            "billing_postal_code": "1234 AB",
            "billing_city": "Utrecht",
            "billing_country": "Nederland",
            "memberships-TOTAL_FORMS": "0",
            "memberships-INITIAL_FORMS": "0",
        },
    )

    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert "exactly 8 digits" in errors["chamber_of_commerce_number"][0]
    assert not Organisation.objects.exists()


def test_admin_creates_a_user_by_email(admin_client):
    response = admin_client.post(
        "/admin/academy/user/add/",
        {
            "email": "nieuwe.docent@example.com",
            "password1": "a sufficiently long password",
            "password2": "a sufficiently long password",
            "usable_password": "true",
            "memberships-TOTAL_FORMS": "0",
            "memberships-INITIAL_FORMS": "0",
        },
    )

    assert response.status_code == 302
    assert User.objects.get(email="nieuwe.docent@example.com").check_password(
        "a sufficiently long password"
    )
