"""An enrolment records the version of the terms its learner accepted; a version replaced
while the enrol page was open is refused at the checkbox."""

import json

import pytest
from django.utils import timezone

from enrolment import services
from enrolment.models import Enrolment, WaitingListEntry
from legal.queries import current_terms
from tests.academy.factories import UserFactory
from tests.catalogue.factories import ModuleRunFactory
from tests.legal.factories import office_user, publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def run():
    return ModuleRunFactory(module__slug="data-ethics", code="2027-03", capacity=1)


def enrol_url(run):
    return f"/modules/{run.module.slug}/{run.code}/enrol/"


def post(client, run, **extra):
    data = {"payer": "learner", "motivation": "", "accept_terms": "on", "terms_version": 1}
    return client.post(enrol_url(run), {**data, **extra})


def test_the_enrol_page_links_the_terms_and_carries_their_version(client, run):
    client.force_login(UserFactory())

    html = client.get(enrol_url(run)).content.decode()

    assert '<input type="hidden" name="terms_version" value="1"' in html
    assert '<a href="/terms/">Read the terms of enrolment (version 1, in effect from' in html


def test_enrolling_records_the_version_accepted(client, run):
    learner = UserFactory()
    client.force_login(learner)

    assert post(client, run).status_code == 302

    assert Enrolment.objects.get(learner=learner).accepted_terms == current_terms()


def test_terms_replaced_while_the_page_was_open_are_refused_at_the_checkbox(client, run):
    client.force_login(UserFactory())
    client.get(enrol_url(run))  # shows version 1
    publish("terms", body_en="Stricter terms.")

    response = post(client, run)

    form = response.context["form"]
    assert form.errors["accept_terms"] == [
        "The terms changed since you opened this page; please read and accept the new version."
    ]
    assert not Enrolment.objects.exists()
    html = response.content.decode()
    assert '<input type="hidden" name="terms_version" value="2"' in html  # ask for the new one
    checkbox = html.split('name="accept_terms"')[1].split(">")[0]
    assert "is-invalid" in checkbox and "checked" not in checkbox  # to tick again, having read
    assert post(client, run, terms_version=2).status_code == 302  # accepted again: enrolled
    assert Enrolment.objects.get().accepted_terms.version == 2


def test_a_form_without_the_version_is_refused(client, run):
    client.force_login(UserFactory())

    response = post(client, run, terms_version="")

    assert "The terms changed" in response.context["form"].errors["accept_terms"][0]
    assert not Enrolment.objects.exists()


def test_a_waiting_list_place_carries_the_accepted_terms_into_the_enrolment(run):
    services.enrol(run=run, learner=UserFactory(), accepted_terms=1)
    second = UserFactory()
    entry = services.enrol(run=run, learner=second, accepted_terms=1)
    assert isinstance(entry, WaitingListEntry) and entry.accepted_terms.version == 1
    publish("terms", body_en="Newer terms.")  # offered later: the place keeps what was accepted
    services.cancel_enrolment(enrolment=Enrolment.objects.get(run=run), by=office_user(
        is_superuser=True))  # fmt: skip

    enrolment = services.accept_offer(entry=entry, learner=second, now=timezone.now())

    assert enrolment.accepted_terms.version == 1


def test_the_office_and_the_admin_show_the_accepted_version(client, run):
    learner = UserFactory()
    enrolment = services.enrol(run=run, learner=learner, accepted_terms=1)
    client.force_login(UserFactory(is_staff=True, is_superuser=True))

    page = client.get(f"/admin/enrolment/enrolment/{enrolment.pk}/change/").content.decode()

    assert "Terms accepted" in page and "Terms of enrolment, version 1" in page


def test_the_data_export_names_the_version_accepted(client, run):
    learner = UserFactory()
    services.enrol(run=run, learner=learner, accepted_terms=1)
    client.force_login(learner)

    data = json.loads(client.get("/me/data/export.json").content)

    [enrolment] = data["enrolment"]["enrolments"]
    assert enrolment["terms_accepted"]["version"] == 1
    assert enrolment["terms_accepted"]["url"].endswith("/terms/1/")
