"""Curation in the admin, per role: portfolio holder, academy office, other staff."""

import csv
import io
from datetime import date, timedelta

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from catalogue.models import Module, ModuleRun
from catalogue.queries import CatalogueFilters, catalogue
from catalogue.services import ACADEMY_OFFICE, PORTFOLIO_HOLDERS
from tests.academy.factories import UserFactory
from tests.catalogue.factories import (
    FacultyFactory,
    ModuleFactory,
    ModuleRunFactory,
    SessionFactory,
    TeachingFactory,
    local_datetime,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def science():
    return FacultyFactory(name="Faculty of Science", slug="science")


@pytest.fixture
def law():
    return FacultyFactory(name="Faculty of Law", slug="law")


@pytest.fixture
def holder(science):
    user = UserFactory(is_staff=True, email="holder@example.org")
    user.groups.add(Group.objects.get(name=PORTFOLIO_HOLDERS))
    science.portfolio_holders.add(user)
    return user


@pytest.fixture
def office():
    user = UserFactory(is_staff=True, email="office@example.org")
    user.groups.add(Group.objects.get(name=ACADEMY_OFFICE))
    return user


def module_form(module, **changes):
    data = {
        "title": module.title, "slug": module.slug, "faculty": module.faculty_id,
        "status": module.status, "summary": module.summary, "description": module.description,
        "learning_outcomes": "\n".join(module.learning_outcomes), "target_audience": "",
        "entry_requirements": "", "language": module.language, "format": module.format,
        "study_load_hours": module.study_load_hours or "", "ects": module.ects or "",
        "level": module.level or "", "assessment": "", "awards_microcredential": "on",
        "price": module.price, "vat_rate": module.vat_rate,
        "assessment_type": module.assessment_type, "supervision_type": module.supervision_type,
        "quality_assurance": "",
        "no_run_reason": module.no_run_reason,
        "runs-TOTAL_FORMS": "0", "runs-INITIAL_FORMS": "0",
        # the OOAPI app's RIO and eduXchange inline
        "registration-TOTAL_FORMS": "0", "registration-INITIAL_FORMS": "0",
    }  # fmt: skip
    data.update(changes)
    return data


def test_portfolio_holder_sees_only_their_own_facultys_offer(client, holder, science, law):
    own = ModuleRunFactory(module__faculty=science, module__title="Quantum computing")
    other = ModuleRunFactory(module__faculty=law, module__title="Contract law")
    client.force_login(holder)

    modules = client.get("/admin/catalogue/module/").context["cl"].queryset
    runs = client.get("/admin/catalogue/modulerun/").context["cl"].queryset

    assert list(modules) == [own.module]
    assert list(runs) == [own]
    assert other.module not in modules


def test_portfolio_holder_cannot_open_or_change_another_facultys_module_by_url(client, holder, law):
    other = ModuleFactory(faculty=law, title="Contract law")
    client.force_login(holder)

    opened = client.get(f"/admin/catalogue/module/{other.pk}/change/")
    changed = client.post(
        f"/admin/catalogue/module/{other.pk}/change/", module_form(other, title="Hijacked")
    )
    run = ModuleRunFactory(module=other)

    assert opened.status_code == 302  # the admin says it does not exist
    assert changed.status_code == 302
    other.refresh_from_db()
    assert other.title == "Contract law"
    assert client.get(f"/admin/catalogue/modulerun/{run.pk}/change/").status_code == 302


def test_portfolio_holder_can_only_choose_their_own_faculty(client, holder, science, law):
    client.force_login(holder)

    choices = (
        client.get("/admin/catalogue/module/add/")
        .context["adminform"]
        .form.fields["faculty"]
        .queryset
    )

    assert list(choices) == [science]


def test_office_sees_every_faculty(client, office, science, law):
    ModuleFactory(faculty=science)
    ModuleFactory(faculty=law)
    client.force_login(office)

    assert client.get("/admin/catalogue/module/").context["cl"].result_count == 2


def test_staff_without_a_faculty_see_nothing(client, science):
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name=PORTFOLIO_HOLDERS))
    ModuleFactory(faculty=science)
    client.force_login(user)

    assert client.get("/admin/catalogue/module/").context["cl"].result_count == 0


def test_module_cannot_be_published_without_what_a_professional_needs(client, holder, science):
    module = ModuleFactory(
        faculty=science, status=Module.Status.IN_REVIEW, learning_outcomes=[],
        study_load_hours=None, level=None,
    )  # fmt: skip
    client.force_login(holder)

    response = client.post(
        f"/admin/catalogue/module/{module.pk}/change/",
        module_form(module, status="published", learning_outcomes="  \n"),
    )

    errors = response.context["adminform"].form.errors
    assert "Add at least one learning outcome." in errors["learning_outcomes"]
    assert "Give the study load in hours." in errors["study_load_hours"]
    assert "Give the level (EQF/NLQF 5–8)." in errors["level"]
    assert "Add at least one run" in errors["no_run_reason"][0]
    module.refresh_from_db()
    assert module.status == Module.Status.IN_REVIEW


def test_publishing_records_who_and_when_and_indexes_for_search(client, holder, science):
    module = ModuleFactory(faculty=science, status=Module.Status.IN_REVIEW, title="Quantum")
    ModuleRunFactory(module=module)
    client.force_login(holder)

    response = client.post(
        f"/admin/catalogue/module/{module.pk}/change/",
        module_form(module, status="published", learning_outcomes="Explain qubits\nRun a circuit"),
    )

    assert response.status_code == 302
    module.refresh_from_db()
    assert module.status == Module.Status.PUBLISHED
    assert module.published_by == holder and module.published_at is not None
    assert module.learning_outcomes == ["Explain qubits", "Run a circuit"]
    assert titles(catalogue(CatalogueFilters(q="circuit"))) == ["Quantum"]


def test_a_module_without_runs_can_be_published_with_a_reason(client, holder, science):
    module = ModuleFactory(faculty=science, status=Module.Status.IN_REVIEW)
    client.force_login(holder)

    client.post(
        f"/admin/catalogue/module/{module.pk}/change/",
        module_form(module, status="published", no_run_reason="On request for groups of 10+"),
    )

    module.refresh_from_db()
    assert module.status == Module.Status.PUBLISHED


def test_publish_action_reports_modules_that_are_not_ready(client, office, science):
    ready = ModuleFactory(faculty=science, status=Module.Status.IN_REVIEW, title="Ready")
    ModuleRunFactory(module=ready)
    unready = ModuleFactory(
        faculty=science, status=Module.Status.DRAFT, title="Unready", level=None
    )
    client.force_login(office)

    response = client.post(
        "/admin/catalogue/module/",
        {"action": "publish_selected", "_selected_action": [ready.pk, unready.pk]},
        follow=True,
    )

    html = response.content.decode()
    assert "Published 1 module." in html
    assert "Unready was not published" in html
    ready.refresh_from_db(), unready.refresh_from_db()
    assert (ready.status, unready.status) == ("published", "draft")
    assert ready.published_by == office


def test_duplicating_a_run_shifts_its_sessions_and_keeps_local_times(client, holder, science):
    run = ModuleRunFactory(
        module__faculty=science, code="2027-02", start_date=date(2027, 2, 4),
        end_date=date(2027, 3, 11), enrolment_opens=date(2026, 12, 1),
        enrolment_closes=date(2027, 1, 28),
    )  # fmt: skip
    SessionFactory(
        run=run, title="Kick-off",
        starts_at=local_datetime(2027, 2, 4, 13, 30),
        ends_at=local_datetime(2027, 2, 4, 17, 0),
    )  # fmt: skip
    TeachingFactory(run=run)
    client.force_login(holder)

    response = client.post(
        "/admin/catalogue/modulerun/",
        {
            "action": "duplicate_to_new_date",
            "_selected_action": [run.pk],
            "start_date": "2027-05-06",
        },
        follow=True,
    )

    assert "Created 1 new run" in response.content.decode()
    copy = ModuleRun.objects.get(module=run.module, code="2027-05")
    assert (copy.start_date, copy.end_date) == (date(2027, 5, 6), date(2027, 6, 10))
    assert copy.enrolment_closes == date(2027, 4, 29)
    assert copy.status == ModuleRun.Status.PLANNED
    session = copy.sessions.get()
    # February is winter time, May summer time: the meeting still starts at 13:30 locally.
    assert timezone.localtime(session.starts_at).time().isoformat() == "13:30:00"
    assert copy.teachings.count() == 1


def test_duplicate_action_asks_for_a_date_first(client, holder, science):
    run = ModuleRunFactory(module__faculty=science)
    client.force_login(holder)

    response = client.post(
        "/admin/catalogue/modulerun/",
        {"action": "duplicate_to_new_date", "_selected_action": [run.pk]},
    )

    assert response.status_code == 200
    assert "New start date" in response.content.decode()
    assert ModuleRun.objects.count() == 1


def test_teaching_report_totals_hours_per_lecturer_and_faculty_as_csv(client, holder, science, law):
    year = timezone.localdate().year + 1
    lecturer = UserFactory(first_name="Maria", last_name="de Jong", email="m.dejong@example.org")
    for start in (date(year, 2, 1), date(year, 9, 1)):
        TeachingFactory(
            lecturer=lecturer, contact_hours=12,
            run=ModuleRunFactory(
                module__faculty=science, start_date=start, end_date=start + timedelta(weeks=6)
            ),
        )  # fmt: skip
    TeachingFactory(
        lecturer=UserFactory(first_name="=HYPERLINK(1)", last_name="X"), contact_hours=5,
        run=ModuleRunFactory(
            module__faculty=science, start_date=date(year, 3, 1), end_date=date(year, 4, 1)
        ),
    )  # fmt: skip
    TeachingFactory(  # another faculty: not for this portfolio holder
        run=ModuleRunFactory(
            module__faculty=law, start_date=date(year, 3, 1), end_date=date(year, 4, 1)
        )
    )
    client.force_login(holder)

    page = client.get("/admin/catalogue/modulerun/teaching-report/", {"year": year})
    response = client.get(
        "/admin/catalogue/modulerun/teaching-report/", {"year": year, "format": "csv"}
    )

    assert page.status_code == 200 and "Maria de Jong" in page.content.decode()
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    by_email = {row["email"]: row for row in rows}
    assert len(rows) == 2 and "m.dejong@example.org" in by_email
    assert by_email["m.dejong@example.org"]["runs"] == "2"
    assert by_email["m.dejong@example.org"]["contact_hours"] == "24.0"
    assert all(row["faculty"] == "Faculty of Science" for row in rows)
    assert any(row["lecturer"].startswith("'=HYPERLINK") for row in rows)


def test_portfolio_holder_can_name_lecturers_but_not_pick_any_user(client, holder, science):
    from django.contrib.auth.models import Group

    run = ModuleRunFactory(module__faculty=science)
    lecturer = UserFactory(email="docent@example.org")
    lecturer.groups.add(Group.objects.get(name="Lecturers"))
    UserFactory(email="random.learner@example.com")
    client.force_login(holder)

    html = client.get(f"/admin/catalogue/modulerun/{run.pk}/change/").content.decode()

    assert "docent@example.org" in html or lecturer.get_full_name() in html
    assert "random.learner@example.com" not in html


# --- Lookups and related fields scoped to the holder's faculty ----------------------------


def autocomplete_ids(client, model_name, field_name, term=""):
    response = client.get("/admin/autocomplete/", {
        "app_label": "catalogue", "model_name": model_name, "field_name": field_name,
        "term": term,
    })  # fmt: skip
    return [row["id"] for row in response.json()["results"]]


def test_run_and_module_lookups_show_only_the_holders_own_faculty(client, holder, science, law):
    own = ModuleRunFactory(module__faculty=science)
    other = ModuleRunFactory(module__faculty=law, module__title="Contract law")
    client.force_login(holder)

    assert autocomplete_ids(client, "session", "run") == [str(own.pk)]
    assert autocomplete_ids(client, "modulerun", "module") == [str(own.module.pk)]
    assert autocomplete_ids(client, "modulerun", "module", "Contract") == []
    page = client.get("/admin/catalogue/session/add/", {"run": other.pk}).content.decode()
    assert "Contract law" not in page


def test_a_session_cannot_be_added_to_another_facultys_run(client, holder, law):
    other = ModuleRunFactory(module__faculty=law)
    client.force_login(holder)

    response = client.post("/admin/catalogue/session/add/", {
        "run": other.pk, "title": "Smuggled", "starts_at_0": "2027-01-05", "starts_at_1": "13:00",
        "ends_at_0": "2027-01-05", "ends_at_1": "16:00", "mode": "campus",
    })  # fmt: skip

    assert "run" in response.context["adminform"].form.errors
    assert not other.sessions.exists()


def test_a_run_cannot_be_added_to_another_facultys_module(client, holder, law):
    other = ModuleFactory(faculty=law)
    client.force_login(holder)

    response = client.post("/admin/catalogue/modulerun/add/", {
        "module": other.pk, "code": "smuggled", "start_date": "2027-01-05",
        "end_date": "2027-02-05", "capacity": 10, "status": "planned",
        "sessions-TOTAL_FORMS": "0", "sessions-INITIAL_FORMS": "0",
        "teachings-TOTAL_FORMS": "0", "teachings-INITIAL_FORMS": "0",
    })  # fmt: skip

    assert "module" in response.context["adminform"].form.errors
    assert not other.runs.exists()


def test_only_staff_can_be_chosen_as_portfolio_holders(client, office, science):
    colleague = UserFactory(is_staff=True, email="colleague@example.org")
    UserFactory(email="learner@example.com")
    client.force_login(office)

    form = client.get(f"/admin/catalogue/faculty/{science.pk}/change/").context["adminform"].form

    choices = set(form.fields["portfolio_holders"].queryset.values_list("email", flat=True))
    assert "colleague@example.org" in choices and "learner@example.com" not in choices
    assert colleague.email in choices


def titles(result) -> list[str]:
    return [module.title for module in result.modules]
