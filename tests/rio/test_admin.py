"""The outcome per module in the admin: registered with its RIO code, pending, or the
mapper's error in words; "Register in RIO now" goes through the service and is audited."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from academy.models import AuditEntry
from catalogue.services import PORTFOLIO_HOLDERS, publish_module
from rio.models import RioJob, RioRegistration
from tests.academy.factories import UserFactory
from tests.catalogue.factories import FacultyFactory, ModuleFactory
from tests.rio.conftest import routed_module

pytestmark = pytest.mark.django_db


def test_the_module_page_shows_the_rio_code_once_registered(
    rio_on, office, client, django_capture_on_commit_callbacks
):
    module = routed_module("course")
    with django_capture_on_commit_callbacks(execute=True):
        publish_module(module=module, by=office)
    code = RioRegistration.objects.get().opleidingseenheidcode
    client.force_login(office)

    page = client.get(reverse("admin:catalogue_module_change", args=[module.pk]))

    assert page.status_code == 200
    text = page.content.decode()
    assert f"Registered in RIO: opleidingseenheidcode {code}" in text
    assert str(module.ooapi_course_id) in text


def test_the_module_page_shows_the_mappers_error_in_words(
    rio_on, office, client, django_capture_on_commit_callbacks
):
    module = routed_module("course")
    message = "Invalid combination of level and sector fields"
    rio_on.outcome[("education-specifications", str(module.ooapi_specification_id))] = {
        "status": "error", "phase": "fetching-ooapi", "message": message,
    }  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        publish_module(module=module, by=office)
    client.force_login(office)

    page = client.get(reverse("admin:catalogue_module_change", args=[module.pk]))

    assert f"The RIO mapper reported an error: {message}" in page.content.decode()


def test_the_module_page_shows_a_pending_job(
    rio_on, office, client, django_capture_on_commit_callbacks, settings
):
    settings.RIO_MAX_POLLS = 1
    rio_on.hold = True
    module = routed_module("course")
    with django_capture_on_commit_callbacks(execute=True):
        publish_module(module=module, by=office)
    client.force_login(office)

    page = client.get(reverse("admin:catalogue_module_change", args=[module.pk]))

    assert (
        "Pending: education specification register or update at the RIO mapper, queued at "
        "the mapper." in page.content.decode()
    )


def test_register_in_rio_now_pushes_through_the_service_and_is_audited(
    rio_on, office, client, django_capture_on_commit_callbacks, settings
):
    settings.RIO_MAPPER_URL = ""  # published while RIO was off
    module = routed_module("course")
    publish_module(module=module, by=office)
    settings.RIO_MAPPER_URL = rio_on.url
    client.force_login(office)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("admin:catalogue_module_changelist"),
            {"action": "register_in_rio_now", "_selected_action": [module.pk]},
            follow=True,
        )

    assert "Asked RIO to register 1 module" in response.content.decode()
    registration = RioRegistration.objects.get()
    assert registration.status == RioRegistration.Status.REGISTERED
    assert registration.triggered_by == office
    entry = AuditEntry.objects.get(action="rio.push_requested")
    assert entry.actor == office and entry.target_id == str(module.pk)
    assert RioJob.objects.filter(triggered_by=office).count() == 2


def test_register_in_rio_now_says_why_a_module_was_not_sent(rio_on, office, client):
    module = routed_module("")  # no RIO route
    publish_module(module=module, by=office)
    client.force_login(office)

    response = client.post(
        reverse("admin:catalogue_module_changelist"),
        {"action": "register_in_rio_now", "_selected_action": [module.pk]},
        follow=True,
    )

    assert "was not sent to RIO: Choose the module&#x27;s RIO route first." in (
        response.content.decode()
    )
    assert not AuditEntry.objects.filter(action="rio.push_requested").exists()


def test_rio_states_are_listed_per_curator_and_filtered_by_status(
    client, django_assert_max_num_queries
):
    science, law = FacultyFactory(slug="science"), FacultyFactory(slug="law")
    for faculty, state in [(science, "registered"), (science, "error"), (law, "registered")]:
        for _ in range(3):
            RioRegistration.objects.create(
                module=ModuleFactory(faculty=faculty), status=state, opleidingseenheidcode="1O1"
            )
    holder = UserFactory(is_staff=True)
    holder.groups.add(Group.objects.get(name=PORTFOLIO_HOLDERS))
    science.portfolio_holders.add(holder)
    client.force_login(holder)
    url = reverse("admin:rio_rioregistration_changelist")

    with django_assert_max_num_queries(12):
        page = client.get(url, {"status__exact": "error"})

    assert page.status_code == 200
    assert page.context["cl"].result_count == 3
    assert client.get(url).context["cl"].result_count == 6  # not the law faculty's
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    assert client.get(url).context["cl"].result_count == 9
