"""An employer tells the university what its staff need, from its portal, and follows each
request there; only the organisation's admins see or send them."""

import pytest

from demand.models import LearningNeed
from tests.academy.factories import MembershipFactory, UserFactory
from tests.demand.factories import LearningNeedFactory

pytestmark = pytest.mark.django_db

VALID = {
    "topic": "Omgaan met agressie in de wijkzorg",
    "description": "Onze wijkverpleegkundigen moeten escalaties leren voorkomen en afhandelen.",
    "expected_learners": "24", "preferred_period": "Voorjaar 2027", "preferred_format": "blended",
    "budget_indication": "12000", "contact_name": "Eva Bakker",
    "contact_email": "eva@zorggroep.example.org", "contact_phone": "",
}  # fmt: skip


@pytest.fixture
def admin():
    return MembershipFactory(role="admin", organisation__name="Zorggroep Rivierenland")


def test_an_admin_submits_a_need_for_the_organisation_and_gets_a_confirmation(
    client, admin, django_capture_on_commit_callbacks, mailoutbox
):
    client.force_login(admin.user)
    url = f"/employer/{admin.organisation.pk}/learning-needs/"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url + "new/", VALID, follow=True)

    need = LearningNeed.objects.get()
    assert (need.organisation, need.submitted_by) == (admin.organisation, admin.user)
    assert need.organisation_name == "Zorggroep Rivierenland" and need.budget_indication == 12000
    assert response.redirect_chain == [(url, 302)]
    page = response.content.decode()
    assert "Omgaan met agressie in de wijkzorg" in page and "New" in page
    assert [m.to for m in mailoutbox] == [["eva@zorggroep.example.org"]]


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("expected_learners", "0", "greater than or equal to 1"),
        ("expected_learners", "100000", "less than or equal to 10000"),
        ("budget_indication", "-5", "greater than or equal to 0"),
        ("budget_indication", "5000000", "less than or equal to 1000000"),
        ("topic", "", "This field is required"),
        ("description", "x" * 6000, "Keep it to 5000 characters"),
    ],
)
def test_bad_input_is_explained_at_the_field_and_nothing_saved(
    client, admin, field, value, message
):
    client.force_login(admin.user)
    response = client.post(f"/employer/{admin.organisation.pk}/learning-needs/new/",
                           {**VALID, field: value})  # fmt: skip
    assert response.status_code == 200
    assert message in response.context["form"].errors[field][0]
    assert not LearningNeed.objects.exists()


def test_a_flood_is_refused(client, admin, django_capture_on_commit_callbacks):
    client.force_login(admin.user)
    url = f"/employer/{admin.organisation.pk}/learning-needs/new/"
    with django_capture_on_commit_callbacks(execute=True):
        statuses = [client.post(url, VALID).status_code for _ in range(7)]
    assert statuses == [302] * 5 + [200] * 2
    assert LearningNeed.objects.count() == 5


def test_only_the_organisations_admins(client, admin):
    LearningNeedFactory(organisation=admin.organisation, topic="Ours")
    url = f"/employer/{admin.organisation.pk}/learning-needs/"
    staff = MembershipFactory(role="staff", organisation=admin.organisation).user
    other_admin = MembershipFactory(role="admin").user
    for person in (staff, other_admin, UserFactory()):
        client.force_login(person)
        assert client.get(url).status_code == 404
        assert client.post(url + "new/", VALID).status_code == 404
    client.logout()
    assert client.get(url).status_code == 302
    assert LearningNeed.objects.count() == 1


def test_a_merged_need_shows_the_need_it_joined(client, admin):
    into = LearningNeedFactory(topic="Data literacy", status="planned")
    LearningNeedFactory(organisation=admin.organisation, topic="Data-geletterdheid",
                        merged_into=into, status="planned")  # fmt: skip
    client.force_login(admin.user)
    page = client.get(f"/employer/{admin.organisation.pk}/learning-needs/").content.decode()
    assert "Handled together with a similar request: “Data literacy”" in page
    assert "Planned" in page


def test_the_list_has_constant_queries(client, admin, django_assert_max_num_queries):
    client.force_login(admin.user)
    url = f"/employer/{admin.organisation.pk}/learning-needs/"
    for _ in range(3):
        LearningNeedFactory(organisation=admin.organisation, submitted_by=admin.user)
    with django_assert_max_num_queries(14) as few:
        client.get(url)
    for _ in range(17):
        LearningNeedFactory(organisation=admin.organisation, submitted_by=UserFactory())
    with django_assert_max_num_queries(len(few)):
        client.get(url)
