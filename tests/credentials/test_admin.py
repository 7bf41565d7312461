"""Results and pathways in the admin, as a Science portfolio holder: only their own faculty's
enrolments and published modules can be chosen, whatever id is posted."""

from datetime import date

import pytest
from django.contrib.auth.models import Group

from catalogue.models import Module
from catalogue.services import PORTFOLIO_HOLDERS
from credentials.models import Pathway, Result
from enrolment import services
from tests.academy.factories import UserFactory
from tests.catalogue.factories import FacultyFactory, ModuleFactory, ModuleRunFactory
from tests.credentials.factories import PathwayFactory, ResultFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def science():
    return FacultyFactory(name="Faculty of Science", slug="science")


@pytest.fixture
def medicine():
    return FacultyFactory(name="Faculty of Medicine", slug="medicine")


@pytest.fixture
def holder(science):
    user = UserFactory(is_staff=True, email="holder@example.org")
    user.groups.add(Group.objects.get(name=PORTFOLIO_HOLDERS))
    science.portfolio_holders.add(user)
    return user


def enrolment_in(faculty, **learner):
    run = ModuleRunFactory(module__faculty=faculty, module__title=f"{faculty.name} module",
                           taken_place=True)  # fmt: skip
    return services.enrol(run=run, learner=UserFactory(**learner))


def pathway_form(faculty, modules, name="Data science"):
    return {"name": name, "description": "Three modules that stack.", "faculty": faculty.pk,
            "modules": [module.pk for module in modules]}  # fmt: skip


def test_result_lookups_show_only_the_holders_own_enrolments(client, holder, science, medicine):
    own = enrolment_in(science)
    other = enrolment_in(medicine, last_name="Medic")
    client.force_login(holder)

    found = client.get("/admin/autocomplete/", {
        "app_label": "credentials", "model_name": "result", "field_name": "enrolment",
    }).json()["results"]  # fmt: skip
    add_form = client.get("/admin/credentials/result/add/", {"enrolment": other.pk})

    assert [row["id"] for row in found] == [str(own.pk)]
    assert "Medic" not in add_form.content.decode()


def test_a_result_for_another_facultys_enrolment_is_refused(client, holder, medicine):
    other = enrolment_in(medicine)
    client.force_login(holder)

    response = client.post("/admin/credentials/result/add/", {
        "enrolment": other.pk, "passed": "on", "grade": "8", "assessed_on": "2026-06-01",
    })  # fmt: skip

    assert "enrolment" in response.context["adminform"].form.errors
    assert not Result.objects.exists()


def test_a_result_stays_with_its_enrolment(client, holder, science):
    first, second = enrolment_in(science), enrolment_in(science)
    result = ResultFactory(enrolment=first, passed=False, assessed_on=date(2026, 6, 1))
    client.force_login(holder)

    client.post(f"/admin/credentials/result/{result.pk}/change/", {
        "enrolment": second.pk, "grade": "5", "assessed_on": "2026-06-01",
    })  # fmt: skip

    result.refresh_from_db()
    assert result.enrolment == first and result.grade == "5"
    assert result.recorded_by == holder
    assert not Result.objects.filter(enrolment=second).exists()


def test_a_grade_that_is_not_plainly_written_is_refused_at_the_field(client, holder, science):
    own = enrolment_in(science)
    client.force_login(holder)

    response = client.post("/admin/credentials/result/add/", {
        "enrolment": own.pk, "passed": "on", "grade": "1e1", "assessed_on": "2026-06-01",
    })  # fmt: skip

    assert "grade" in response.context["adminform"].form.errors
    assert not Result.objects.exists()


def test_pathway_form_lists_only_the_holders_published_modules(client, holder, science, medicine):
    published = ModuleFactory(faculty=science, title="Statistics")
    ModuleFactory(faculty=science, title="Draft module", status=Module.Status.DRAFT)
    ModuleFactory(faculty=medicine, title="Anatomy")
    client.force_login(holder)

    form = client.get("/admin/credentials/pathway/add/").context["adminform"].form

    assert list(form.fields["modules"].queryset) == [published]
    assert list(form.fields["faculty"].queryset) == [science]


@pytest.mark.parametrize("kind", ["other faculty", "draft"])
def test_pathway_with_another_facultys_or_draft_modules_is_refused(
    client, holder, science, medicine, kind
):
    own = ModuleFactory(faculty=science)
    if kind == "draft":
        wrong = ModuleFactory(faculty=science, status=Module.Status.DRAFT)
    else:
        wrong = ModuleFactory(faculty=medicine)
    client.force_login(holder)

    response = client.post("/admin/credentials/pathway/add/", pathway_form(science, [own, wrong]))

    assert "modules" in response.context["adminform"].form.errors
    assert not Pathway.objects.exists()


def test_pathway_stacks_only_modules_of_its_own_faculty(client, science, medicine):
    office = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(office)
    anatomy = ModuleFactory(faculty=medicine, title="Anatomy")

    response = client.post(
        "/admin/credentials/pathway/add/",
        pathway_form(science, [ModuleFactory(faculty=science), anatomy]),
    )

    assert response.context["adminform"].form.errors["modules"] == [
        "A pathway stacks modules of its own faculty; these are not: Anatomy."
    ]
    assert not Pathway.objects.exists()


def test_pathway_of_the_holders_own_published_modules_is_saved(client, holder, science):
    modules = [ModuleFactory(faculty=science) for _ in range(2)]
    client.force_login(holder)

    response = client.post("/admin/credentials/pathway/add/", pathway_form(science, modules))

    assert response.status_code == 302
    assert set(Pathway.objects.get().modules.all()) == set(modules)


def test_holder_cannot_open_another_facultys_pathway(client, holder, medicine):
    pathway = PathwayFactory(name="Clinical", description="x", faculty=medicine)
    client.force_login(holder)

    response = client.get(f"/admin/credentials/pathway/{pathway.pk}/change/")

    assert response.status_code == 302  # the admin says it does not exist
