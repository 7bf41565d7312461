"""The employer's activity page: who approved, declined and swapped their people's seats."""

import pytest

from academy.models import Membership
from enrolment import services
from tests.academy.factories import MembershipFactory, OrganisationFactory, UserFactory
from tests.catalogue.factories import ModuleRunFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def organisation():
    return OrganisationFactory(name="Zorggroep Rivierenland")


@pytest.fixture
def admin(organisation):
    return MembershipFactory(organisation=organisation, role=Membership.Role.ADMIN,
                             user__first_name="Hanna", user__last_name="de Vries").user  # fmt: skip


def staff(organisation, first_name):
    return MembershipFactory(organisation=organisation, user__first_name=first_name,
                             user__last_name="Smit").user  # fmt: skip


def decisions(organisation, admin, run, count=1):
    """An approval, a decline and a swap for `count` people each."""
    for _ in range(count):
        approved, declined = staff(organisation, "Ann"), staff(organisation, "Dirk")
        for learner, approve in ((approved, True), (declined, False)):
            enrolment = services.enrol(run=run, learner=learner, payer="employer",
                                       organisation=organisation)  # fmt: skip
            services.approve_enrolment(enrolment=enrolment, approve=approve, by=admin)
        leaving, joining = staff(organisation, "Lea"), staff(organisation, "Bo")
        cohort = services.create_cohort(organisation=organisation, run=run, learners=[leaving],
                                        by=admin)  # fmt: skip
        services.swap_cohort_member(enrolment=cohort.enrolments.get(), replacement=joining,
                                    by=admin)  # fmt: skip


def test_the_admin_sees_who_approved_declined_and_swapped(client, organisation, admin):
    run = ModuleRunFactory(module__title="Leading change", code="2027-03", capacity=50)
    decisions(organisation, admin, run)
    client.force_login(admin)

    response = client.get(f"/employer/{organisation.pk}/activity/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "Enrolment approved by the employer" in html
    assert "Enrolment declined by the employer" in html
    assert "Seat swapped to a colleague by the employer" in html
    assert "to Bo Smit" in html and "Lea Smit" in html
    assert "Hanna de Vries" in html and "Leading change" in html and "2027-03" in html
    assert "Enrolled" not in html  # the learners' own steps are not the employer's decisions


def test_only_this_organisations_entries_are_listed(client, organisation, admin):
    run = ModuleRunFactory(capacity=50)
    other = OrganisationFactory(name="Gemeente Tiel")
    other_admin = MembershipFactory(organisation=other, role=Membership.Role.ADMIN).user
    decisions(other, other_admin, run)
    client.force_login(admin)

    html = client.get(f"/employer/{organisation.pk}/activity/").content.decode()

    assert "Nothing has been approved, declined or swapped yet." in html
    assert other_admin.last_name not in html


@pytest.mark.parametrize("who", ["staff", "other_admin", "stranger"])
def test_someone_not_admin_of_the_organisation_gets_404(client, organisation, admin, who):
    users = {
        "staff": lambda: staff(organisation, "Ann"),
        "other_admin": lambda: MembershipFactory(role=Membership.Role.ADMIN).user,
        "stranger": UserFactory,
    }
    client.force_login(users[who]())

    assert client.get(f"/employer/{organisation.pk}/activity/").status_code == 404


def test_anonymous_visitors_are_asked_to_log_in(client, organisation):
    response = client.get(f"/employer/{organisation.pk}/activity/")

    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_page_is_paged_with_a_constant_number_of_queries(
    client, organisation, admin, django_assert_max_num_queries
):
    run = ModuleRunFactory(capacity=500)
    decisions(organisation, admin, run, count=20)  # 60 entries: two pages
    client.force_login(admin)

    with django_assert_max_num_queries(5):
        first = client.get(f"/employer/{organisation.pk}/activity/")
    with django_assert_max_num_queries(5):
        second = client.get(f"/employer/{organisation.pk}/activity/", {"page": 2})

    assert first.content.decode().count("<tr>") == 51  # a header row and 50 entries
    assert second.content.decode().count("<tr>") == 11
    assert "Page 2 of 2" in second.content.decode()
