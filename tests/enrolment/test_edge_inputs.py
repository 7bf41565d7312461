"""Cohort pages and lists with input no browser sends: a clear answer, nothing reserved."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from enrolment import services
from enrolment.models import Enrolment
from tests.academy.factories import MembershipFactory, OrganisationFactory
from tests.catalogue.factories import ModuleRunFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def organisation():
    return OrganisationFactory()


@pytest.fixture
def admin(organisation):
    return MembershipFactory(organisation=organisation, role="admin").user


@pytest.fixture
def staff(organisation):
    return [MembershipFactory(organisation=organisation).user for _ in range(3)]


@pytest.fixture
def cohort(organisation, admin, staff):
    return services.create_cohort(organisation=organisation, run=ModuleRunFactory(),
                                  learners=staff[:1], by=admin)  # fmt: skip


@pytest.mark.parametrize("enrolment", ["abc", "", "1\x00", "9" * 30, "-1"])
def test_a_swap_naming_no_seat_of_the_cohort_says_so_and_swaps_nothing(
    client, organisation, admin, staff, cohort, enrolment
):
    client.force_login(admin)
    url = reverse("employer:cohort", args=[organisation.pk, cohort.pk])

    response = client.post(url, {"enrolment": enrolment, "replacement": staff[2].pk})

    assert response.status_code == 200
    assert 'class="alert alert-danger' in response.content.decode()  # says why, at the top
    assert set(cohort.enrolments.holding_a_seat().values_list("learner", flat=True)) == {
        staff[0].pk
    }


def test_a_seat_of_another_cohort_cannot_be_swapped(client, organisation, admin, staff, cohort):
    other = services.create_cohort(organisation=organisation, run=ModuleRunFactory(),
                                   learners=staff[1:2], by=admin)  # fmt: skip
    client.force_login(admin)
    url = reverse("employer:cohort", args=[organisation.pk, cohort.pk])

    client.post(url, {"enrolment": other.enrolments.get().pk, "replacement": staff[2].pk})

    assert other.enrolments.get().learner == staff[1]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"email\nsomeone@exa\x00mple.com\n", "NUL character"),
        (b'email\n"' + b"a" * 140_000 + b'"\n', "could not be read"),
        ("email\nyamada@example.jp\n山田@example.jp\n".encode("shift_jis"), "CSV UTF-8"),
    ],
)
def test_a_cohort_list_that_cannot_be_read_reserves_nothing(
    client, organisation, admin, content, message
):
    client.force_login(admin)
    url = reverse("employer:cohort_new", args=[organisation.pk])
    upload = SimpleUploadedFile("team.csv", content)

    response = client.post(url, {"run": ModuleRunFactory().pk, "staff_list": upload})

    assert response.status_code == 200 and message in response.content.decode()
    assert not Enrolment.objects.exists()
