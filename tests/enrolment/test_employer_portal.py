"""The employer portal: registration, staff, invitations, imports — each on its own object."""

import csv
import io
from datetime import timedelta

import pytest
from django.utils import timezone

from academy.models import Invitation, Membership, Organisation
from tests.academy.factories import (
    DEFAULT_PASSWORD,
    InvitationFactory,
    MembershipFactory,
    OrganisationFactory,
    StaffImportFactory,
    UserFactory,
)
from tests.enrolment.factories import EnrolmentFactory

pytestmark = pytest.mark.django_db

ORGANISATION = {
    "name": "Gemeente Tiel", "chamber_of_commerce_number": "1234 5678",
    "billing_email": "crediteuren@tiel.example.nl", "billing_address": "Kanaalweg 1",
    "billing_postal_code": "4001 AA", "billing_city": "Tiel", "billing_country": "Nederland",
    "purchase_order_reference": "PO-2027-17",
}  # fmt: skip


@pytest.fixture
def admin_membership():
    return MembershipFactory(
        role=Membership.Role.ADMIN, organisation__name="Zorggroep Rivierenland"
    )


@pytest.fixture
def admin_client(client, admin_membership):
    client.force_login(admin_membership.user)
    return client


def test_an_employer_registers_their_organisation_and_becomes_its_admin(client):
    user = UserFactory()
    client.force_login(user)

    response = client.post("/employer/register/", ORGANISATION)

    organisation = Organisation.objects.get(name="Gemeente Tiel")
    assert response.status_code == 302 and response["Location"] == f"/employer/{organisation.pk}/"
    assert organisation.chamber_of_commerce_number == "12345678"
    assert organisation.purchase_order_reference == "PO-2027-17"
    assert Membership.objects.get(user=user, organisation=organisation).is_admin


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("chamber_of_commerce_number", "1234567", "exactly 8 digits"),
        ("billing_email", "crediteuren", "valid email"),
        ("name", "", "required"),
    ],
)
def test_registration_explains_bad_input_at_the_field(client, field, value, message):
    client.force_login(UserFactory())

    response = client.post("/employer/register/", {**ORGANISATION, field: value})

    assert message in response.context["form"].errors[field][0]
    assert not Organisation.objects.exists()


def test_a_registered_kvk_number_points_to_its_admins(client):
    OrganisationFactory(chamber_of_commerce_number="12345678")
    client.force_login(UserFactory())

    response = client.post("/employer/register/", ORGANISATION)

    assert (
        "Ask one of its admins to invite you"
        in response.context["form"].errors["chamber_of_commerce_number"][0]
    )


def test_staff_overview_shows_progress_only_for_members_who_consent(admin_client, admin_membership):
    organisation = admin_membership.organisation
    MembershipFactory(organisation=organisation, user__first_name="Fatima", shares_progress=True)
    MembershipFactory(organisation=organisation, user__first_name="Sanne", shares_progress=False)

    html = admin_client.get(f"/employer/{organisation.pk}/").content.decode()

    assert "Fatima" in html and "Sanne" in html
    assert html.count("not shared") == 2  # Sanne and the admin, who did not opt in either
    assert "No enrolments yet" in html


def test_portal_is_only_for_admins_of_that_organisation(client, admin_membership):
    organisation = admin_membership.organisation
    staff = MembershipFactory(organisation=organisation)
    other_admin = MembershipFactory(role=Membership.Role.ADMIN)

    client.force_login(staff.user)
    assert client.get(f"/employer/{organisation.pk}/").status_code == 404
    client.force_login(other_admin.user)
    assert client.get(f"/employer/{organisation.pk}/").status_code == 404
    assert client.get(f"/employer/{organisation.pk}/staff.csv").status_code == 404
    assert client.get(f"/employer/{organisation.pk}/invite/").status_code == 404


def test_another_organisations_objects_are_404_by_direct_url(admin_client, admin_membership):
    mine = admin_membership.organisation
    theirs = OrganisationFactory()
    their_member = MembershipFactory(organisation=theirs)
    their_invitation = InvitationFactory(organisation=theirs)
    their_import = StaffImportFactory(organisation=theirs, filename="staff.csv")

    for url in [
        f"/employer/{mine.pk}/members/{their_member.pk}/remove/",
        f"/employer/{mine.pk}/invitations/{their_invitation.pk}/withdraw/",
        f"/employer/{mine.pk}/invitations/{their_invitation.pk}/resend/",
        f"/employer/{theirs.pk}/members/{their_member.pk}/remove/",
    ]:
        assert admin_client.post(url).status_code == 404, url
    assert admin_client.get(f"/employer/{mine.pk}/imports/{their_import.pk}/").status_code == 404
    assert admin_client.post(f"/employer/{mine.pk}/imports/{their_import.pk}/").status_code == 404
    assert Membership.objects.filter(pk=their_member.pk).exists()
    their_invitation.refresh_from_db()
    assert their_invitation.withdrawn_at is None


def test_admin_invites_several_people_at_once(admin_client, admin_membership, mailoutbox,
                                              django_capture_on_commit_callbacks):  # fmt: skip
    organisation = admin_membership.organisation

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            f"/employer/{organisation.pk}/invite/",
            {"emails": "a@example.com, B@example.com\nc@example.com", "role": "staff"},
        )

    assert response.status_code == 302
    assert sorted(organisation.invitations.values_list("email", flat=True)) == [
        "a@example.com", "b@example.com", "c@example.com"]  # fmt: skip
    assert sorted(m.to[0] for m in mailoutbox) == [
        "a@example.com",
        "b@example.com",
        "c@example.com",
    ]
    assert "Zorggroep Rivierenland invites you" in mailoutbox[0].subject
    assert all(i.sent_at for i in organisation.invitations.all())


def test_inviting_a_member_or_a_bad_address_invites_nobody(admin_client, admin_membership):
    organisation = admin_membership.organisation
    MembershipFactory(organisation=organisation, user__email="member@example.com")

    url = f"/employer/{organisation.pk}/invite/"
    bad = admin_client.post(url, {"emails": "ok@example.com not-an-email", "role": "staff"})
    member = admin_client.post(
        url, {"emails": "ok@example.com member@example.com", "role": "staff"}
    )

    assert "Not valid email addresses: not-an-email" in bad.context["form"].errors["emails"][0]
    assert "member@example.com is already a member." in member.context["form"].errors["emails"][0]
    assert not organisation.invitations.exists()


def test_resend_gives_a_new_link_and_withdraw_ends_the_invitation(
    admin_client, admin_membership, mailoutbox, django_capture_on_commit_callbacks
):
    organisation = admin_membership.organisation
    invitation = InvitationFactory(
        organisation=organisation, expires_at=timezone.now() - timedelta(days=1)
    )
    old_token = invitation.token

    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(f"/employer/{organisation.pk}/invitations/{invitation.pk}/resend/")
    invitation.refresh_from_db()
    assert invitation.token != old_token and invitation.is_pending
    assert invitation.token in mailoutbox[0].body

    admin_client.post(f"/employer/{organisation.pk}/invitations/{invitation.pk}/withdraw/",
                      {"confirm": "yes"})  # fmt: skip
    invitation.refresh_from_db()
    assert invitation.is_withdrawn


def test_admin_removes_a_member_but_not_the_last_admin(admin_client, admin_membership):
    organisation = admin_membership.organisation
    member = MembershipFactory(organisation=organisation)
    other_admin = MembershipFactory(organisation=organisation, role="admin")

    yes = {"confirm": "yes"}
    admin_client.post(f"/employer/{organisation.pk}/members/{member.pk}/remove/", yes)
    admin_client.post(f"/employer/{organisation.pk}/members/{other_admin.pk}/remove/", yes)
    response = admin_client.post(
        f"/employer/{organisation.pk}/members/{admin_membership.pk}/remove/", yes, follow=True
    )

    assert list(organisation.memberships.all()) == [admin_membership]
    assert "is the only admin" in response.content.decode()


def test_staff_csv_export_escapes_formulas(admin_client, admin_membership):
    organisation = admin_membership.organisation
    MembershipFactory(organisation=organisation, user__first_name='=HYPERLINK("http://x")')

    response = admin_client.get(f"/employer/{organisation.pk}/staff.csv")

    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["email", "given name", "family name"]
    assert any(row[1] == '\'=HYPERLINK("http://x")' for row in rows[1:])
    assert not any(cell.startswith("=") for row in rows for cell in row)


def test_employer_landing_page_invites_registration(client):
    html = client.get("/employer/").content.decode()

    assert "Register your organisation" in html


def test_invitee_accepts_and_joins(client, admin_membership):
    invitation = InvitationFactory(
        organisation=admin_membership.organisation, email="new@example.com",
        given_name="Roos", family_name="Dijkstra", job_title="Verpleegkundige",
    )  # fmt: skip
    invitee = UserFactory(email="new@example.com", first_name="", last_name="")
    client.force_login(invitee)

    assert "View invitation" in client.get("/me/").content.decode()
    response = client.post(f"/invitations/{invitation.token}/")

    assert response.status_code == 302
    membership = Membership.objects.get(user=invitee)
    assert membership.organisation == admin_membership.organisation
    assert membership.shares_progress is False
    invitee.refresh_from_db()
    assert (invitee.first_name, invitee.job_title) == ("Roos", "Verpleegkundige")
    assert Invitation.objects.get(pk=invitation.pk).accepted_by == invitee


@pytest.mark.parametrize(
    ("state", "message"),
    [
        ({"expires_at": timezone.now() - timedelta(days=1)}, "This invitation expired on"),
        ({"withdrawn_at": timezone.now()}, "has been withdrawn"),
        ({"accepted_at": timezone.now()}, "has already been used"),
    ],
)
def test_unusable_invitations_say_why(client, state, message):
    invitation = InvitationFactory(email="new@example.com", **state)
    client.force_login(UserFactory(email="new@example.com"))

    get = client.get(f"/invitations/{invitation.token}/")
    post = client.post(f"/invitations/{invitation.token}/")

    assert message in get.content.decode() and message in post.content.decode()
    assert not Membership.objects.exists()


def test_an_invitation_for_someone_else_is_refused(client):
    invitation = InvitationFactory(email="new@example.com")
    client.force_login(UserFactory(email="someone.else@example.com"))

    response = client.post(f"/invitations/{invitation.token}/")

    assert "This invitation is for new@example.com" in response.content.decode()
    assert not Membership.objects.exists()


def test_anonymous_invitee_is_asked_to_sign_up_or_log_in(client):
    invitation = InvitationFactory(email="new@example.com")

    html = client.get(f"/invitations/{invitation.token}/").content.decode()

    assert "Sign up" in html and f"signup/?next=/invitations/{invitation.token}/" in html


def test_unknown_invitation_token_is_404(client):
    assert client.get("/invitations/not-a-real-token/").status_code == 404


def test_login_with_next_returns_to_the_invitation(client):
    invitation = InvitationFactory(email="new@example.com")
    UserFactory(email="new@example.com")

    response = client.post(
        f"/accounts/login/?next=/invitations/{invitation.token}/",
        {"login": "new@example.com", "password": DEFAULT_PASSWORD},
    )

    assert response["Location"] == f"/invitations/{invitation.token}/"


def test_employer_sees_enrolments_only_of_staff_who_share(admin_client, admin_membership):
    from tests.catalogue.factories import ModuleRunFactory

    organisation = admin_membership.organisation
    sharing = MembershipFactory(organisation=organisation, shares_progress=True)
    private = MembershipFactory(organisation=organisation, shares_progress=False)
    EnrolmentFactory(run=ModuleRunFactory(module__title="Shared module"), learner=sharing.user)
    EnrolmentFactory(run=ModuleRunFactory(module__title="Private module"), learner=private.user)

    html = admin_client.get(f"/employer/{organisation.pk}/").content.decode()

    assert "Shared module" in html
    assert "Private module" not in html


def test_employer_admin_approves_or_declines_enrolments_it_pays_for(admin_client, admin_membership):
    from enrolment import services as enrolment_services
    from tests.catalogue.factories import ModuleRunFactory

    organisation = admin_membership.organisation
    member = MembershipFactory(organisation=organisation)
    run = ModuleRunFactory(capacity=1)
    enrolment = enrolment_services.enrol(run=run, learner=member.user, payer="employer",
                                         organisation=organisation)  # fmt: skip
    waiting = enrolment_services.enrol(run=run, learner=UserFactory())

    page = admin_client.get(f"/employer/{organisation.pk}/").content.decode()
    admin_client.post(f"/employer/{organisation.pk}/enrolments/{enrolment.pk}/decline/",
                      {"confirm": "yes"})  # fmt: skip

    assert "Enrolments awaiting your approval" in page
    enrolment.refresh_from_db(), waiting.refresh_from_db()
    assert enrolment.status == "cancelled"
    assert waiting.status == "offered"  # the freed seat went to the waiting list
    other = OrganisationFactory()
    assert (
        admin_client.post(
            f"/employer/{other.pk}/enrolments/{enrolment.pk}/approve/", {"confirm": "yes"}
        ).status_code
        == 404
    )
