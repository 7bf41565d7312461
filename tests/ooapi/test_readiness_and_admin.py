"""Curators see, on the module's admin page, field by field why RIO would refuse it; the
registration is saved through the audited service."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from academy.models import AuditEntry
from catalogue.models import Module
from ooapi.models import ModuleRegistration, RioRoute
from ooapi.readiness import rio_problems
from tests.catalogue.factories import ModuleFactory, ModuleRunFactory
from tests.catalogue.test_admin import holder, module_form, science  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db


def on_route(module, route=RioRoute.COURSE, **fields):
    ModuleRegistration.objects.create(module=module, rio_route=route, **fields)
    return Module.objects.get(pk=module.pk)


def test_a_well_described_module_is_ready():
    assert rio_problems(on_route(ModuleFactory())) == {}


def test_a_module_without_a_route_is_not_for_rio():
    assert set(rio_problems(ModuleFactory())) == {"rio_route"}


def test_each_problem_is_named_at_its_field(settings):
    settings.OOAPI_EDUCATION_OFFERER_CODE = ""
    module = ModuleFactory(
        status=Module.Status.DRAFT, description="x" * 3100, ects=None, study_load_hours=None,
        price="900000.00", vat_rate=21,
    )  # fmt: skip
    today = timezone.localdate()
    ModuleRunFactory(module=module, code="same-day", enrolment_opens=today,
                     enrolment_closes=today, capacity=0)  # fmt: skip
    problems = rio_problems(on_route(module, education_location_code="123456"))
    assert set(problems) == {
        "status", "education_offerer_code", "education_location_code", "description", "ects",
        "price", "runs",
    }  # fmt: skip
    assert "3000" in problems["description"]
    assert "same-day" in problems["runs"] and "N11020" in problems["runs"]
    assert "OOAPI_EDUCATION_OFFERER_CODE" in problems["education_offerer_code"]


def test_an_offerer_code_must_be_rios(settings):
    settings.OOAPI_EDUCATION_OFFERER_CODE = "110A133"
    module = on_route(ModuleFactory(), education_offerer_code="110B133")
    assert "110B133" in rio_problems(module)["education_offerer_code"]


def test_the_admin_shows_readiness_and_saves_the_registration(client, holder, science, settings):  # noqa: F811
    settings.OOAPI_EDUCATION_OFFERER_CODE = ""
    module = ModuleFactory(faculty=science)
    ModuleRunFactory(module=module, start_date=timezone.localdate() + timedelta(days=9))
    client.force_login(holder)
    url = reverse("admin:catalogue_module_change", args=[module.pk])
    page = client.get(url)
    assert b"RIO readiness" in page.content
    assert b"Choose a RIO route" in page.content
    data = module_form(module, **{
        "runs-TOTAL_FORMS": "1", "runs-INITIAL_FORMS": "1",
        "runs-0-id": module.runs.get().pk, "runs-0-module": module.pk,
        "runs-0-code": module.runs.get().code,
        "runs-0-start_date": module.runs.get().start_date, "runs-0-end_date":
        module.runs.get().end_date, "runs-0-capacity": 20, "runs-0-status": "open",
        "registration-TOTAL_FORMS": "1", "registration-INITIAL_FORMS": "0",
        "registration-MIN_NUM_FORMS": "0", "registration-MAX_NUM_FORMS": "1",
        "registration-0-rio_route": "course", "registration-0-education_offerer_code": "",
        "registration-0-education_location_code": "", "registration-0-isced_field_of_study":
        "0413", "registration-0-rio_category": "", "registration-0-eduxchange_listed": "on",
        "registration-0-eduxchange_alliance": "lde",
        "registration-0-eduxchange_target_group": "forProfessionals",
        "registration-0-module": module.pk,
    })  # fmt: skip
    for inline in page.context["inline_admin_formsets"]:  # other apps' inlines, unchanged
        prefix = inline.formset.prefix
        if prefix not in ("runs", "registration"):
            data.setdefault(f"{prefix}-TOTAL_FORMS", inline.formset.initial_form_count())
            data.setdefault(f"{prefix}-INITIAL_FORMS", inline.formset.initial_form_count())
            for index, form in enumerate(inline.formset.initial_forms):
                for name, field in form.fields.items():
                    value = form.initial.get(name, field.initial)
                    if value is not None:
                        data.setdefault(f"{prefix}-{index}-{name}", value)
    response = client.post(url, data)
    assert response.status_code == 302, response.context["errors"] if response.context else ""
    registration = ModuleRegistration.objects.get(module=module)
    assert registration.rio_route == "course" and registration.eduxchange_listed
    assert registration.updated_by == holder
    entry = AuditEntry.objects.get(action="ooapi.registration_changed")
    assert entry.actor == holder and entry.details["rio_route"] == "course"
    page = client.get(url)
    assert b"No education offerer code" in page.content  # now on a route: what is missing


def test_enrolment_closing_before_the_module_was_published_is_named():
    """A run without an opening day has been open since publication: RIO is told so, and
    an end before that would be refused (N11020)."""
    module = ModuleFactory()
    ModuleRunFactory(module=module, code="closed-early",
                     enrolment_closes=timezone.localdate() - timedelta(days=1))  # fmt: skip
    assert "closed-early" in rio_problems(on_route(module))["runs"]
