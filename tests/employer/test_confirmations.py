"""Approving, declining, removing a member and withdrawing an invitation ask first (a page
that needs no script), say what follows, and act only on the confirmed POST."""

import pytest

from academy.models import Membership
from enrolment import services
from tests.academy.factories import InvitationFactory, MembershipFactory, UserFactory
from tests.catalogue.factories import ModuleRunFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_membership():
    return MembershipFactory(role=Membership.Role.ADMIN, organisation__name="Zorggroep Noord",
                             organisation__billing_email="facturen@noord.example")  # fmt: skip


@pytest.fixture
def organisation(admin_membership):
    return admin_membership.organisation


@pytest.fixture
def admin_client(client, admin_membership):
    client.force_login(admin_membership.user)
    return client


@pytest.fixture
def anna(organisation):
    return MembershipFactory(organisation=organisation, user__first_name="Anna",
                             user__last_name="Smit")  # fmt: skip


@pytest.fixture
def request_of_anna(organisation, anna):
    run = ModuleRunFactory(module__title="Regie in de wijk", capacity=1, module__vat_rate=21,
                           module__price="100.00")  # fmt: skip
    return services.enrol(run=run, learner=anna.user, payer="employer", organisation=organisation)


def asked_only(response, enrolment=None):
    html = response.content.decode()
    assert response.status_code == 200 and 'name="confirm" value="yes"' in html
    if enrolment is not None:
        enrolment.refresh_from_db()
        assert enrolment.status == "awaiting_approval"
    return html


def test_declining_says_the_seat_goes_to_the_waiting_list_and_acts_when_confirmed(
    admin_client, organisation, request_of_anna
):
    waiting = services.enrol(run=request_of_anna.run, learner=UserFactory())
    url = f"/employer/{organisation.pk}/enrolments/{request_of_anna.pk}/decline/"

    for response in (admin_client.get(url), admin_client.post(url)):
        html = asked_only(response, request_of_anna)
    assert "Decline the enrolment of Anna Smit?" in html
    assert "The request of Anna Smit for a seat in Regie in de wijk is cancelled" in html
    assert "The seat goes to the first person on the waiting list" in html
    assert "btn-danger" in html

    admin_client.post(url, {"confirm": "yes"})

    request_of_anna.refresh_from_db(), waiting.refresh_from_db()
    assert request_of_anna.status == "cancelled" and waiting.status == "offered"


def test_approving_says_what_is_invoiced_to_whom(admin_client, organisation, request_of_anna):
    url = f"/employer/{organisation.pk}/enrolments/{request_of_anna.pk}/approve/"

    html = asked_only(admin_client.post(url), request_of_anna)
    assert "Anna Smit gets a confirmed seat in Regie in de wijk" in html
    assert "Zorggroep Noord is invoiced €121.00 including VAT" in html
    assert "emailed to facturen@noord.example" in html

    admin_client.post(url, {"confirm": "yes"})
    request_of_anna.refresh_from_db()
    assert request_of_anna.status == "confirmed"


def test_removing_a_member_asks_first(admin_client, organisation, anna):
    url = f"/employer/{organisation.pk}/members/{anna.pk}/remove/"

    html = asked_only(admin_client.post(url))
    assert "Remove Anna Smit from Zorggroep Noord?" in html
    assert "Seats already reserved or approved for them stay booked" in html
    assert organisation.memberships.filter(pk=anna.pk).exists()

    admin_client.post(url, {"confirm": "yes"})
    assert not organisation.memberships.filter(pk=anna.pk).exists()


def test_withdrawing_an_invitation_asks_first_resending_does_not(admin_client, organisation):
    invitation = InvitationFactory(organisation=organisation, email="nieuw@noord.example")
    withdraw = f"/employer/{organisation.pk}/invitations/{invitation.pk}/withdraw/"

    html = asked_only(admin_client.post(withdraw))
    invitation.refresh_from_db()
    assert not invitation.is_withdrawn
    assert "The link in the invitation stops working" in html

    admin_client.post(f"/employer/{organisation.pk}/invitations/{invitation.pk}/resend/")
    invitation.refresh_from_db()
    assert invitation.sent_at is None and not invitation.is_withdrawn  # a fresh link is on its way

    admin_client.post(withdraw, {"confirm": "yes"})
    invitation.refresh_from_db()
    assert invitation.is_withdrawn


def test_another_organisations_admin_cannot_even_see_the_question(client, request_of_anna, anna):
    client.force_login(MembershipFactory(role=Membership.Role.ADMIN).user)
    organisation = anna.organisation

    for url in (f"/employer/{organisation.pk}/enrolments/{request_of_anna.pk}/decline/",
                f"/employer/{organisation.pk}/members/{anna.pk}/remove/"):  # fmt: skip
        assert client.get(url).status_code == 404
        assert client.post(url, {"confirm": "yes"}).status_code == 404
