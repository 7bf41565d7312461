"""Links, invitations and staff lists that an attacker or a careless admin writes."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from academy import services
from academy.models import Invitation, Membership, StaffImport
from tests.academy.factories import InvitationFactory, MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db
# 262 characters: validate_email accepts it, the email column (254) does not.
LONG_EMAIL = "a" * 250 + "@example.com"


@pytest.fixture
def admin_membership():
    return MembershipFactory(role=Membership.Role.ADMIN)


@pytest.fixture
def organisation(admin_membership):
    return admin_membership.organisation


@pytest.mark.parametrize("token", ["%00", "abc%00def", "x" * 300, "..%2F..%2Fetc"])
def test_an_invitation_link_that_cannot_be_ours_is_404(client, token):
    InvitationFactory()

    assert client.get(f"/invitations/{token}/").status_code == 404


def test_a_genuine_invitation_link_still_opens(client):
    invitation = InvitationFactory()

    assert client.get(reverse("employer:invitation", args=[invitation.token])).status_code == 200


@pytest.mark.parametrize("token", ["%00", "abc%00", "x" * 300])
def test_a_calendar_feed_link_that_cannot_be_ours_is_404(client, token):
    assert client.get(f"/me/calendar/{token}.ics").status_code == 404


def test_an_overlong_invited_address_is_refused_at_the_field(client, admin_membership):
    client.force_login(admin_membership.user)
    url = reverse("employer:invite", args=[admin_membership.organisation_id])

    response = client.post(url, {"emails": f"ok@example.nl {LONG_EMAIL}", "role": "staff"})

    assert response.status_code == 200
    assert "at most 254 characters" in response.content.decode()
    assert not Invitation.objects.exists()


def parse(organisation, content: bytes):
    return services.parse_staff_list(organisation=organisation, content=content)


HEADER = b"email,given name,family name\n"


@pytest.mark.parametrize(
    ("content", "row", "message"),
    [
        (HEADER + b"jan@example.nl,J\x00an,Vries\n", 2, "NUL character"),
        (HEADER + b'jan@example.nl,"' + b"J" * 140_000 + b'",Vries\n', 2, "could not be read"),
        (HEADER + f"{LONG_EMAIL},Jan,Vries\n".encode(), 2, "at most 254 characters"),
        ("email,given name,family name\nyamada@example.jp,太郎,山田\n".encode("shift_jis"), 1,
         "CP932"),
        ("email,given name,family name\nivan@example.ru,Иван,Петров\n".encode("utf-16"), 1,
         "UTF-16"),
    ],
)  # fmt: skip
def test_a_staff_list_that_would_break_the_database_or_be_garbled_is_refused(
    organisation, content, row, message
):
    parsed = parse(organisation, content)

    assert parsed.rows == []
    assert [p["row"] for p in parsed.problems] == [row]
    assert message in parsed.problems[0]["message"]


def test_a_shift_jis_list_asks_for_utf8_in_the_preview(client, admin_membership, organisation):
    client.force_login(admin_membership.user)
    content = "email,given name,family name\nyamada@example.jp,太郎,山田\n".encode("shift_jis")

    response = client.post(
        reverse("employer:import_new", args=[organisation.pk]),
        {"file": SimpleUploadedFile("staff.csv", content)}, follow=True,
    )  # fmt: skip

    assert "CSV UTF-8" in response.content.decode()
    assert StaffImport.objects.get().rows == []


@pytest.mark.parametrize(
    "names",
    [[("Zoë", "Brontë"), ("René", "Müller")], [("Zoë", "Çelik")],
     [("Seán", "O’Brien"), ("Jürgen", "Weißenbäcker")]],
)  # fmt: skip
def test_a_windows_1252_excel_export_still_imports(organisation, names):
    rows = "".join(f"p{n}@example.nl;{given};{family}\n" for n, (given, family) in enumerate(names))
    content = ("email;voornaam;achternaam\n" + rows).encode("cp1252")

    parsed = parse(organisation, content)

    assert parsed.problems == []
    assert [(r["given_name"], r["family_name"]) for r in parsed.rows] == names


def test_a_nul_in_an_uploaded_staff_list_is_shown_not_stored(client, admin_membership):
    client.force_login(admin_membership.user)
    UserFactory()
    url = reverse("employer:import_new", args=[admin_membership.organisation_id])

    response = client.post(url, {"file": SimpleUploadedFile(
        "staff.csv", HEADER + b"jan@example.nl,J\x00an,Vries\n")}, follow=True)  # fmt: skip

    assert response.status_code == 200 and "NUL character" in response.content.decode()
