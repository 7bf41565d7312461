"""Staff lists from CSV: validated whole, previewed with every problem, imported on confirm."""

import csv
import io
import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from academy import services
from academy.models import Invitation, Membership, StaffImport
from tests.academy.factories import InvitationFactory, MembershipFactory

pytestmark = pytest.mark.django_db


HEADER = ("email", "given name", "family name", "job title")


def staff_csv(rows, *, delimiter=",", bom=False, header=HEADER) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter)
    writer.writerow(header)
    writer.writerows(rows)
    return (("\ufeff" if bom else "") + out.getvalue()).encode()


@pytest.fixture
def admin_membership():
    return MembershipFactory(role=Membership.Role.ADMIN)


@pytest.fixture
def organisation(admin_membership):
    return admin_membership.organisation


def parse(organisation, content):
    return services.parse_staff_list(organisation=organisation, content=content)


@pytest.mark.parametrize("delimiter", [",", ";"])
@pytest.mark.parametrize("bom", [False, True])
def test_comma_or_semicolon_with_or_without_bom(organisation, delimiter, bom):
    content = staff_csv([["Jan@Example.nl", "Jan", "de Vries", "Verpleegkundige"]],
                        delimiter=delimiter, bom=bom)  # fmt: skip

    parsed = parse(organisation, content)

    assert parsed.problems == []
    assert parsed.rows == [{"row": 2, "email": "jan@example.nl", "given_name": "Jan",
                            "family_name": "de Vries", "job_title": "Verpleegkundige"}]  # fmt: skip


def test_excel_windows_encoding_keeps_accents(organisation):
    content = "email;voornaam;achternaam\nzoe@example.nl;Zoë;Çelik\n".encode("cp1252")

    parsed = parse(organisation, content)

    assert parsed.rows[0]["given_name"] == "Zoë" and parsed.rows[0]["family_name"] == "Çelik"


def test_every_problem_is_named_by_row_and_column(organisation):
    MembershipFactory(organisation=organisation, user__email="member@example.nl")
    InvitationFactory(organisation=organisation, email="invited@example.nl")
    content = staff_csv([
        ["ok@example.nl", "Ok", "Person", ""],
        ["not-an-email", "Bad", "Email", ""],
        ["ok@example.nl", "Dup", "Licate", ""],
        ["member@example.nl", "Al", "Member", ""],
        ["invited@example.nl", "Al", "Invited", ""],
        ["noname@example.nl", "", "", ""],
    ])  # fmt: skip

    parsed = parse(organisation, content)

    assert [r["email"] for r in parsed.rows] == ["ok@example.nl"]
    assert [(p["row"], p["column"], p["message"]) for p in parsed.problems] == [
        (3, "email", "“not-an-email” is not a valid email address."),
        (4, "email", "ok@example.nl is also on row 2."),
        (5, "email", "member@example.nl is already a member."),
        (6, "email", "invited@example.nl has already been invited."),
        (7, "given_name", "This cell is empty."),
        (7, "family_name", "This cell is empty."),
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "The file is empty."),
        (b"name,phone\nJan,0612345678\n", "The first row must name the columns"),
        (b"\x00\x01\x02garbage", "NUL character"),
    ],
)
def test_malformed_files_get_a_clear_message(organisation, content, message):
    parsed = parse(organisation, content)

    assert parsed.rows == []
    assert message in parsed.problems[0]["message"]


def test_a_20000_row_file_is_validated_whole(organisation):
    rows = [[f"person{n}@example.nl", "Given", f"Family {n}", ""] for n in range(20_000)]
    rows[12_345][0] = "broken"

    started = time.perf_counter()
    parsed = parse(organisation, staff_csv(rows))
    elapsed = time.perf_counter() - started

    assert parsed.row_count == 20_000
    assert len(parsed.rows) == 19_999
    assert parsed.problems == [
        {"row": 12_347, "column": "email", "message": "“broken” is not a valid email address."}
    ]
    print(f"validated 20,000 rows in {elapsed:.2f} s")


def test_more_rows_than_allowed_is_refused_as_a_whole(organisation, settings):
    rows = [[f"p{n}@example.nl", "G", "F", ""] for n in range(services.MAX_IMPORT_ROWS + 1)]

    parsed = parse(organisation, staff_csv(rows))

    assert parsed.rows == []
    assert "at most 20000 can be imported at once" in parsed.problems[0]["message"]


def test_preview_writes_no_invitation_and_confirm_imports_in_one_go(
    client, admin_membership, organisation, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(admin_membership.user)
    upload = SimpleUploadedFile("staff.csv", staff_csv([
        ["a@example.nl", "Anna", "Jansen", "Teamleider"],
        ["b@example.nl", "Bram", "Bos", ""],
        ["bad", "Cas", "Kok", ""],
    ]), content_type="text/csv")  # fmt: skip

    preview = client.post(
        f"/employer/{organisation.pk}/imports/new/", {"file": upload}, follow=True
    )

    html = preview.content.decode()
    assert "“bad” is not a valid email address." in html
    assert "Import and invite 2 people" in html
    assert not Invitation.objects.exists()

    staff_import = StaffImport.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/employer/{organisation.pk}/imports/{staff_import.pk}/")

    invitations = Invitation.objects.order_by("email")
    assert [(i.email, i.given_name, i.job_title) for i in invitations] == [
        ("a@example.nl", "Anna", "Teamleider"), ("b@example.nl", "Bram", "")]  # fmt: skip
    assert sorted(m.to[0] for m in mailoutbox) == ["a@example.nl", "b@example.nl"]
    assert "Dear Anna" in next(m for m in mailoutbox if m.to == ["a@example.nl"]).body
    staff_import.refresh_from_db()
    assert staff_import.status == StaffImport.Status.IMPORTED


def test_confirming_twice_imports_once(admin_membership, organisation):
    staff_import = services.create_staff_import(
        organisation=organisation, uploaded_by=admin_membership.user, filename="staff.csv",
        content=staff_csv([["a@example.nl", "Anna", "Jansen", ""]]),
    )  # fmt: skip

    services.confirm_staff_import(staff_import=staff_import, by=admin_membership.user)
    with pytest.raises(services.MembershipError, match="already been imported"):
        services.confirm_staff_import(staff_import=staff_import, by=admin_membership.user)

    assert Invitation.objects.count() == 1


def test_sending_the_invitations_twice_sends_each_once(admin_membership, organisation, mailoutbox):
    from academy.tasks import send_invitations

    staff_import = services.create_staff_import(
        organisation=organisation, uploaded_by=admin_membership.user, filename="staff.csv",
        content=staff_csv([["a@example.nl", "Anna", "Jansen", ""], ["b@example.nl", "B", "C", ""]]),
    )  # fmt: skip
    services.confirm_staff_import(staff_import=staff_import, by=admin_membership.user)

    assert send_invitations(staff_import_id=staff_import.pk) == 2
    assert send_invitations(staff_import_id=staff_import.pk) == 0
    assert len(mailoutbox) == 2


def test_formula_cells_are_shown_as_text_and_exported_escaped(
    client, admin_membership, organisation
):
    client.force_login(admin_membership.user)
    evil = '=HYPERLINK("http://evil.example","Click")'
    staff_import = services.create_staff_import(
        organisation=organisation, uploaded_by=admin_membership.user, filename="staff.csv",
        content=staff_csv([["x@example.nl", evil, "Person", "@SUM(1+1)"]]),
    )  # fmt: skip

    html = client.get(f"/employer/{organisation.pk}/imports/{staff_import.pk}/").content.decode()
    assert "=HYPERLINK(&quot;http://evil.example&quot;" in html  # escaped text, not markup

    services.confirm_staff_import(staff_import=staff_import, by=admin_membership.user)
    invitation = Invitation.objects.get()
    member = MembershipFactory(organisation=organisation, user__first_name=invitation.given_name,
                               user__job_title=invitation.job_title)  # fmt: skip
    export = client.get(f"/employer/{organisation.pk}/staff.csv").content.decode("utf-8-sig")
    row = next(r for r in csv.reader(io.StringIO(export)) if r[0] == member.user.email)
    assert row[1] == "'" + evil and row[3] == "'@SUM(1+1)"


def test_upload_must_be_a_csv_file(client, admin_membership, organisation):
    client.force_login(admin_membership.user)
    upload = SimpleUploadedFile(
        "staff.xlsx", b"PK\x03\x04", content_type="application/vnd.ms-excel"
    )

    response = client.post(f"/employer/{organisation.pk}/imports/new/", {"file": upload})

    assert "Upload a .csv file" in response.context["form"].errors["file"][0]
    assert not StaffImport.objects.exists()


@pytest.mark.parametrize(
    ("form_class", "field"),
    # CheckCredentialForm has a stricter limit (64 KB): tests/credentials/test_check_limits.py
    [("academy.forms.StaffImportForm", "file"), ("credentials.forms.ResultsUploadForm", "file")],
)  # fmt: skip
def test_uploads_over_5_mb_are_refused_at_the_field(form_class, field):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.utils.module_loading import import_string

    big = SimpleUploadedFile("list.csv", b"email\n" + b"x" * (5 * 1024 * 1024))

    form = import_string(form_class)(data={}, files={field: big})

    assert not form.is_valid()
    assert form.errors[field] == ["The file is larger than 5 MB."]


def test_a_problem_names_its_column_as_people_write_it(client, admin_membership, organisation):
    client.force_login(admin_membership.user)
    upload = SimpleUploadedFile("staff.csv", staff_csv([["a@example.nl", "Anna", "", ""]]),
                                content_type="text/csv")  # fmt: skip
    html = client.post(f"/employer/{organisation.pk}/imports/new/", {"file": upload},
                       follow=True).content.decode()  # fmt: skip
    assert ">family name</td>" in html and "family_name" not in html
