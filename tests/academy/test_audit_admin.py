"""The audit trail in the admin: each object's History page, and the office's whole trail."""

import pytest
from django.contrib.auth.models import Group

from academy.audit import log_action
from academy.models import Membership
from catalogue.services import ACADEMY_OFFICE
from enrolment import services
from enrolment.models import Invoice
from tests.academy.factories import MembershipFactory, UserFactory
from tests.catalogue.factories import ModuleRunFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser_client(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


@pytest.fixture
def office_client(client):
    office = UserFactory(is_staff=True, email="office@example.org")
    office.groups.add(Group.objects.get(name=ACADEMY_OFFICE))
    client.force_login(office)
    return client


def test_an_enrolments_history_shows_who_enrolled_and_who_cancelled(superuser_client):
    learner = UserFactory(email="zoe@example.org", first_name="Zoë", last_name="Dvořák")
    office = UserFactory(is_staff=True, is_superuser=True, email="office@example.org")
    enrolment = services.enrol(run=ModuleRunFactory(code="2027-03"), learner=learner)
    services.cancel_enrolment(enrolment=enrolment, by=office)

    html = superuser_client.get(f"/admin/enrolment/enrolment/{enrolment.pk}/history/").content
    html = html.decode()

    assert "Audit trail" in html
    assert "Enrolled" in html and "Enrolment cancelled" in html
    assert "zoe@example.org" in html and "office@example.org" in html
    assert "run: 2027-03" in html


def objects_with_a_history():
    """One object of each kind whose change page has a history, with its admin path."""
    run = ModuleRunFactory(taken_place=True)  # its result may be recorded
    learner = UserFactory()
    enrolment = services.enrol(run=run, learner=learner)
    services.issue_invoice(order=enrolment.order)
    invoice = Invoice.objects.get(order=enrolment.order)
    from credentials import services as credential_services

    lecturer = UserFactory(is_staff=True, is_superuser=True)
    result = credential_services.record_result(enrolment=enrolment, passed=True, by=lecturer)
    credential = credential_services.issue_credential(result=result)
    membership = MembershipFactory(user=learner)
    return {
        "catalogue/module": run.module, "catalogue/modulerun": run,
        "enrolment/enrolment": enrolment, "enrolment/invoice": invoice,
        "credentials/result": result, "credentials/credential": credential,
        "academy/membership": membership, "academy/user": learner,
    }  # fmt: skip


def test_every_curated_objects_history_lists_its_entries(superuser_client):
    office = UserFactory(email="auditor@example.org")
    for path, obj in objects_with_a_history().items():
        log_action(actor=office, action="module.published", target=obj,
                   details={"title": f"for {path}"})  # fmt: skip

        html = superuser_client.get(f"/admin/{path}/{obj.pk}/history/").content.decode()

        assert f"title: for {path}" in html, path
        assert "auditor@example.org" in html, path


def test_a_history_page_without_entries_says_so(superuser_client):
    membership = MembershipFactory()

    html = superuser_client.get(f"/admin/academy/membership/{membership.pk}/history/").content

    assert "Nothing has been logged about this object" in html.decode()


def test_the_office_reads_the_trail_filtered_by_action_and_searched_by_actor(office_client):
    employer_admin = UserFactory(email="hr@zorggroep.example.nl")
    learner = UserFactory(email="learner@example.org")
    run = ModuleRunFactory()
    services.enrol(run=run, learner=learner)
    membership = MembershipFactory(user=learner, role=Membership.Role.STAFF)
    log_action(actor=employer_admin, action="membership.removed", target=membership,
               organisation=membership.organisation, subject=learner)  # fmt: skip

    listing = office_client.get("/admin/academy/auditentry/")
    removed = office_client.get("/admin/academy/auditentry/", {"action": "membership.removed"})
    searched = office_client.get("/admin/academy/auditentry/", {"q": "hr@zorggroep"})

    def rows(response):
        return response.content.decode().split('id="result_list"')[1].split("</table>")[0]

    assert listing.status_code == 200
    assert "Enrolled" in rows(listing) and "Member removed from the organisation" in rows(listing)
    assert "Enrolled" not in rows(removed) and "Member removed" in rows(removed)
    assert "Member removed" in rows(searched) and "Enrolled" not in rows(searched)


def test_the_trail_cannot_be_added_to_changed_or_deleted_in_the_admin(office_client):
    entry = log_action(actor=None, action="account.deleted", target=UserFactory())

    assert office_client.get("/admin/academy/auditentry/add/").status_code == 403
    assert office_client.post(f"/admin/academy/auditentry/{entry.pk}/delete/").status_code == 403
    page = office_client.get(f"/admin/academy/auditentry/{entry.pk}/change/")
    assert page.status_code == 200 and "Account deleted" in page.content.decode()
    assert 'name="action"' not in page.content.decode()  # shown, not editable


def test_someone_without_the_permission_does_not_see_the_trail(client):
    client.force_login(UserFactory(is_staff=True))

    assert client.get("/admin/academy/auditentry/").status_code == 403
