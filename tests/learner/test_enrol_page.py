"""The enrol page: no form for a run the learner is already in, and a name for the invoice
when the account has none."""

import pytest

from academy.models import AuditEntry
from enrolment.models import Enrolment, Invoice, WaitingListEntry
from tests.academy.factories import MembershipFactory, UserFactory
from tests.catalogue.factories import ModuleRunFactory
from tests.enrolment.factories import EnrolmentFactory, WaitingListEntryFactory

pytestmark = pytest.mark.django_db

ENROL = {"payer": "learner", "motivation": "", "accept_terms": "on", "terms_version": 1}


@pytest.fixture
def run():
    return ModuleRunFactory(module__slug="data-ethics", code="2027-03", capacity=5)


def enrol_url(run):
    return f"/modules/{run.module.slug}/{run.code}/enrol/"


def test_an_enrolled_learner_is_told_once_and_led_to_my_learning_instead_of_a_form(client, run):
    enrolment = EnrolmentFactory(run=run)
    client.force_login(enrolment.learner)

    page = client.get(enrol_url(run)).content.decode()
    again = client.post(enrol_url(run), ENROL).content.decode()

    for html in (page, again):
        assert html.count("You are enrolled") == 1
        assert "already enrolled" not in html  # not the service's error on top of it
        assert 'href="/me/"' in html
        assert 'name="accept_terms"' not in html
    assert Enrolment.objects.filter(run=run).count() == 1


def test_a_learner_on_the_waiting_list_sees_their_place_not_the_form(client, run):
    entry = WaitingListEntryFactory(run=run)
    client.force_login(entry.learner)

    html = client.get(enrol_url(run)).content.decode()

    assert "On the waiting list (place 1)" in html
    assert "Leave the waiting list" in html
    assert 'name="accept_terms"' not in html
    assert WaitingListEntry.objects.filter(run=run).count() == 1


def test_an_account_without_a_name_is_asked_for_it_and_must_give_it_to_pay_itself(client, run):
    client.force_login(UserFactory(email="newpro@example.net", first_name="", last_name=""))

    form = client.get(enrol_url(run)).context["form"]
    response = client.post(enrol_url(run), ENROL)

    assert {"first_name", "last_name"} <= set(form.fields)
    assert form.fields["first_name"].required and form.fields["last_name"].required
    assert 'autocomplete="given-name"' in str(form["first_name"])
    assert "This field is required." in response.context["form"].errors["first_name"]
    assert "This field is required." in response.context["form"].errors["last_name"]
    assert not Enrolment.objects.exists()


def test_the_name_given_is_kept_recorded_and_on_the_invoice(
    client, run, django_capture_on_commit_callbacks
):
    learner = UserFactory(email="newpro@example.net", first_name="", last_name="")
    client.force_login(learner)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            enrol_url(run), {**ENROL, "first_name": " Noor ", "last_name": "de  Vries"}
        )

    assert response.status_code == 302
    learner.refresh_from_db()
    assert (learner.first_name, learner.last_name) == ("Noor", "de Vries")
    assert Invoice.objects.get().bill_to["lines"][0] == "Noor de Vries"
    entry = AuditEntry.objects.get(action="account.name_given")
    assert entry.actor == learner and entry.subject == learner


def test_when_the_employer_pays_the_name_may_wait(client, run):
    membership = MembershipFactory(user__first_name="", user__last_name="")
    client.force_login(membership.user)
    employer = {**ENROL, "payer": str(membership.organisation_id)}

    paying_myself = client.post(enrol_url(run), ENROL)
    employer_pays = client.post(enrol_url(run), employer)

    assert not paying_myself.context["form"].fields["first_name"].required
    assert (
        "Your invoice needs your name: fill it in."
        in (paying_myself.context["form"].errors["first_name"])
    )
    assert employer_pays.status_code == 302
    assert Enrolment.objects.get().payer == Enrolment.Payer.EMPLOYER


def test_an_account_with_a_name_is_not_asked_for_it(client, run):
    client.force_login(UserFactory(first_name="Noor", last_name="de Vries"))

    form = client.get(enrol_url(run)).context["form"]

    assert "first_name" not in form.fields and "last_name" not in form.fields
    assert "Given name" not in client.get(enrol_url(run)).content.decode()
