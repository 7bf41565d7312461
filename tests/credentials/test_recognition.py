"""A lecturer's teaching recognition: asked for by the office, signed and verified like every
credential, revocable, with a statement PDF for the appraisal, emailed once."""

import io
import json
from datetime import date
from pathlib import Path

import jsonschema
import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.urls import reverse
from pypdf import PdfReader

from academy.models import AuditEntry
from catalogue.services import ACADEMY_OFFICE, PORTFOLIO_HOLDERS
from credentials import proofs, services, status_list, tasks, vc_jwt, verification
from credentials.models import Achievement, TeachingRecognition
from evaluations.models import Answer
from tests.academy.factories import UserFactory
from tests.catalogue.factories import FacultyFactory, ModuleFactory
from tests.credentials.factories import TeachingRecognitionFactory, ended_taught_run
from tests.enrolment.factories import EnrolmentFactory

pytestmark = pytest.mark.django_db
SCHEMAS = Path(__file__).resolve().parent / "schemas"


@pytest.fixture
def science():
    return FacultyFactory(name="Faculty of Science", slug="science")


@pytest.fixture
def lecturer():
    return UserFactory(first_name="Zoë", last_name="Dvořák", is_staff=True)


@pytest.fixture
def office():
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name=ACADEMY_OFFICE))
    return user


@pytest.fixture
def taught(lecturer, science):
    run = ended_taught_run(lecturer, hours=14, module=ModuleFactory(
        title="Circular construction", faculty=science))  # fmt: skip
    for passed in [True, True, False]:
        enrolment = EnrolmentFactory(run=run, learner=UserFactory())
        services.record_result(enrolment=enrolment, passed=passed, grade="", by=lecturer)
    return run


@pytest.fixture
def recognition(lecturer, office, taught):
    return TeachingRecognitionFactory(lecturer=lecturer, year=2025, by=office)


def pdf_text(content) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(bytes(content))).pages)


def test_the_office_recognises_a_year_with_a_signed_award(recognition, lecturer, office):
    credential = recognition.credential
    document = credential.document
    achievement = document["credentialSubject"]["achievement"]

    assert achievement["achievementType"] == "Award"
    assert achievement["name"] == "Teaching in lifelong development 2025/26"
    assert document["credentialSubject"]["name"] == "Zoë Dvořák"
    assert document["credentialSubject"]["term"] == "2025/26"
    assert "Circular construction" in document["credentialSubject"]["narrative"]
    assert document["credentialSubject"]["result"][0]["value"] == "14.0"
    assert credential.learner == lecturer and recognition.issued_by == office
    assert Achievement.objects.get(teaching_year=2025) == credential.achievement
    entry = AuditEntry.objects.get(action="credential.teaching_recognised")
    assert entry.actor == office and entry.subject == lecturer


def test_the_award_validates_against_the_open_badges_schema(recognition):
    schema = json.loads((SCHEMAS / "ob_v3p0_achievementcredential_schema.json").read_text())

    jsonschema.Draft201909Validator(schema).validate(recognition.credential.document)


def test_it_verifies_like_every_credential(client, recognition):
    credential = recognition.credential
    profile = client.get("/issuer").json()
    jwks = client.get("/.well-known/jwks.json").json()
    methods = {m["id"]: proofs.public_key_from_multibase(m["publicKeyMultibase"])
               for m in profile["verificationMethod"]}  # fmt: skip

    assert proofs.verify(credential.document, public_key_resolver=methods.get).ok
    assert vc_jwt.verify_vc_jwt(credential.jwt, jwks=jwks).ok
    assert verification.check_document(credential.document).state == "valid"
    checked = client.post(reverse("credentials:check"), {"text": json.dumps(credential.document)})
    assert "Valid" in checked.content.decode()
    html = client.get(credential.get_absolute_url()).content.decode()
    assert "Teaching recognition" in html and "Zoë Dvořák" in html and "Valid" in html
    assert "Circular construction" in html and "2025/26" in html


def test_revoking_shows_on_the_verify_page_and_in_the_status_list(client, recognition, office):
    credential = recognition.credential
    services.revoke_credential(credential=credential, reason="Wrong year", by=office)

    html = client.get(credential.get_absolute_url()).content.decode()
    published = client.get(reverse("credentials:status_list", args=["1"])).json()

    assert "Revoked" in html and "Wrong year" in html
    assert status_list.is_set(published["credentialSubject"]["encodedList"],
                              credential.status_index)  # fmt: skip


def test_only_the_office_revokes_a_recognition(recognition, lecturer, science):
    holder = UserFactory(is_staff=True)
    holder.groups.add(Group.objects.get(name=PORTFOLIO_HOLDERS))
    science.portfolio_holders.add(holder)

    for user in [lecturer, holder]:
        with pytest.raises(PermissionDenied):
            services.revoke_credential(credential=recognition.credential, reason="x", by=user)


def test_the_admin_revoke_action_lists_and_revokes_it_for_the_office(client, recognition, office):
    client.force_login(office)
    url = reverse("admin:credentials_credential_changelist")

    assert "Teaching in lifelong development 2025/26" in client.get(url).content.decode()
    client.post(url, {"action": "revoke", "_selected_action": [recognition.credential.pk],
                      "reason": "Recorded twice"})  # fmt: skip
    recognition.credential.refresh_from_db()
    assert recognition.credential.revocation_reason == "Recorded twice"


def test_a_year_is_recognised_once(recognition, lecturer, office):
    with pytest.raises(services.CredentialError, match="already recognised"):
        services.request_recognition(lecturer=lecturer, year=2025, by=office)
    with pytest.raises(IntegrityError), transaction.atomic():
        TeachingRecognition.objects.create(lecturer=lecturer, academic_year=2025)

    assert TeachingRecognition.objects.count() == 1


def test_the_task_run_twice_signs_once_and_emails_once(
    lecturer, office, taught, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        recognition = services.request_recognition(lecturer=lecturer, year=2025, by=office)
    with django_capture_on_commit_callbacks(execute=True):
        tasks.issue_recognition(recognition.pk)
        tasks.notify_learner(str(TeachingRecognition.objects.get().credential_id))

    recognition.refresh_from_db()
    assert recognition.is_ready and lecturer.credentials.count() == 1
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [lecturer.email] and "2025/26" in message.subject
    assert str(recognition.credential.pk) in message.body
    assert reverse("teaching:record") in message.body


def test_a_year_without_an_ended_run_is_refused(lecturer, office):
    ended_taught_run(lecturer, start=date(2024, 10, 7))  # 2024/25, not 2025/26
    ended_taught_run(lecturer, start=date(2026, 6, 1), status="open")  # 2025/26, not ended

    with pytest.raises(services.CredentialError, match="taught no run that has ended"):
        services.request_recognition(lecturer=lecturer, year=2025, by=office,
                                     today=date(2026, 6, 10))  # fmt: skip
    assert not TeachingRecognition.objects.exists()


def test_only_the_office_recognises(lecturer, taught, science):
    holder = UserFactory(is_staff=True)
    science.portfolio_holders.add(holder)

    for user in [lecturer, holder]:
        with pytest.raises(PermissionDenied):
            services.request_recognition(lecturer=lecturer, year=2025, by=user)


def test_the_statement_is_a_pdf_with_the_figures_and_a_pointer_to_the_credential(
    lecturer, office, taught
):
    for _ in range(2):  # two answers: counted, never averaged
        Answer.objects.create(
            run=taught, submitted_on=date(2025, 12, 1), overall=1, relevance=1, lecturers=1,
            blend=1, workload=3, recommend=0,
        )  # fmt: skip
    recognition = TeachingRecognitionFactory(lecturer=lecturer, year=2025, by=office)

    text = pdf_text(recognition.statement)

    assert bytes(recognition.statement).startswith(b"%PDF")
    assert "Zoë Dvořák" in text and "2025/26" in text and "Circular construction" in text
    assert "too few answers (2)" in text and "67 %" in text  # 2 of 3 passed
    assert "1.0" not in text
    assert str(recognition.credential.pk) in text.replace("\n", "")


def test_the_public_certificate_leaves_out_pass_rates_and_evaluations(client, recognition):
    pdf = client.get(reverse("credentials:pdf", args=[recognition.credential.pk])).content
    text = pdf_text(pdf)

    assert "Zoë Dvořák" in text and "Circular construction" in text
    assert "too few answers" not in text and "67 %" not in text


def test_the_statement_downloads_for_its_owner_holders_and_office(
    client, recognition, lecturer, office, science
):
    url = reverse("teaching:statement", args=[recognition.pk])
    holder = UserFactory(is_staff=True)
    holder.groups.add(Group.objects.get(name=PORTFOLIO_HOLDERS))
    science.portfolio_holders.add(holder)
    stranger_holder = UserFactory(is_staff=True)
    FacultyFactory(slug="law").portfolio_holders.add(stranger_holder)

    for user, status in [(lecturer, 200), (holder, 200), (office, 200),
                         (stranger_holder, 404), (UserFactory(), 404)]:  # fmt: skip
        client.force_login(user)
        response = client.get(url)
        assert response.status_code == status, user
        if status == 200:
            assert response.content.startswith(b"%PDF")
            assert "no-store" in response["Cache-Control"]
    record = reverse("teaching:record") + "?year=2025"
    client.force_login(lecturer)
    assert url in client.get(record).content.decode()


def test_the_office_recognises_from_the_record_page(
    client, lecturer, office, taught, django_capture_on_commit_callbacks
):
    record = reverse("teaching:record_of", args=[lecturer.pk])
    client.force_login(lecturer)
    assert "Recognise teaching" not in client.get(record + "?year=2025").content.decode()
    assert client.post(reverse("teaching:recognise", args=[lecturer.pk]),
                       {"year": "2025"}).status_code == 302  # fmt: skip
    assert not TeachingRecognition.objects.exists()  # refused: not the office

    client.force_login(office)
    assert "Recognise teaching" in client.get(record + "?year=2025").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("teaching:recognise", args=[lecturer.pk]), {"year": "2025"})
    page = client.get(record + "?year=2025").content.decode()
    again = client.post(reverse("teaching:recognise", args=[lecturer.pk]), {"year": "2025"},
                        follow=True).content.decode()  # fmt: skip

    recognition = TeachingRecognition.objects.get()
    assert recognition.is_ready and recognition.issued_by == office
    assert reverse("teaching:statement", args=[recognition.pk]) in page
    assert "already recognised" in again and TeachingRecognition.objects.count() == 1


def test_the_office_recognises_in_the_admin(
    client, lecturer, office, taught, django_capture_on_commit_callbacks
):
    client.force_login(office)
    url = reverse("admin:credentials_teachingrecognition_add")

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"lecturer": lecturer.pk, "academic_year": "2025"})
    refused = client.post(url, {"lecturer": lecturer.pk, "academic_year": "2025"})

    assert response.status_code == 302
    assert TeachingRecognition.objects.get().is_ready
    assert refused.status_code == 200 and TeachingRecognition.objects.count() == 1
    listing = client.get(reverse("admin:credentials_teachingrecognition_changelist"))
    assert "2025/26" in listing.content.decode()


def test_portfolio_holders_cannot_use_the_recognition_admin(client, science):
    holder = UserFactory(is_staff=True)
    holder.groups.add(Group.objects.get(name=PORTFOLIO_HOLDERS))
    science.portfolio_holders.add(holder)
    client.force_login(holder)

    assert client.get(reverse("admin:credentials_teachingrecognition_add")).status_code == 403


def test_the_demo_recognises_a_past_year_once_even_without_teaching(office):
    from credentials.demo_recognition import seed_recognition
    from tests.catalogue.factories import ModuleRunFactory

    lecturer = UserFactory(is_staff=True)
    ended = ModuleRunFactory(start_date=date(2025, 2, 3), end_date=date(2025, 4, 1))
    services.record_result(enrolment=EnrolmentFactory(run=ended), passed=True, grade="7",
                           by=office)  # fmt: skip

    first = seed_recognition(lecturer=lecturer, office=office, today=date(2026, 12, 3))
    again = seed_recognition(lecturer=lecturer, office=office, today=date(2026, 12, 3))

    assert first == again and first.is_ready and first.academic_year == 2024
    assert lecturer.teachings.get().run == ended
    first.credential.refresh_from_db()
    assert first.credential.notified_at is not None  # no email for the demo's history


def test_the_recognition_is_in_the_lecturers_data_export(recognition, lecturer):
    from credentials.personal_data import export_credential_data

    exported = export_credential_data(lecturer)

    assert exported["teaching_recognitions"] == [{
        "academic_year": "2025/26", "requested_at": recognition.requested_at.isoformat(),
        "credential": str(recognition.credential_id)}]  # fmt: skip
    assert [c["title"] for c in exported["credentials"]] == [
        "Teaching in lifelong development 2025/26"
    ]


def test_the_statement_rounds_averages_as_the_page_does():
    from credentials.statement import _score

    assert _score(4.67) == "4.7" and _score(4.64) == "4.6" and _score(4.0) == "4.0"
