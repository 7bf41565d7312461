"""The public credential pages, the published documents and the lecturers' result pages."""

import io
import json
from pathlib import Path

import jsonschema
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pypdf import PdfReader

from credentials import proofs, services, status_list, vc_jwt
from credentials.models import Credential, Result
from tests.academy.factories import UserFactory
from tests.catalogue.factories import ModuleFactory, ModuleRunFactory, TeachingFactory
from tests.credentials.factories import ResultFactory
from tests.credentials.steps import confirm
from tests.enrolment.factories import EnrolmentFactory

pytestmark = pytest.mark.django_db
SCHEMAS = Path(__file__).resolve().parent / "schemas"


@pytest.fixture
def run():
    module = ModuleFactory(title="Data ethics", ects=3, level=6,
                           learning_outcomes=["Weigh values in data projects"])  # fmt: skip
    return ModuleRunFactory(module=module, taken_place=True)


@pytest.fixture
def lecturer(run):
    return TeachingFactory(run=run, lecturer=UserFactory(is_staff=True)).lecturer


@pytest.fixture
def credential(run, lecturer):
    learner = UserFactory(first_name="Noor", last_name="Bakker")
    enrolment = EnrolmentFactory(run=run, learner=learner)
    result = services.record_result(enrolment=enrolment, passed=True, grade="7", by=lecturer)
    return services.issue_credential(result=result)


def test_verify_page_shows_who_what_when_and_valid(client, credential):
    html = client.get(credential.get_absolute_url()).content.decode()

    assert "Data ethics" in html and "Noor Bakker" in html and "Valid" in html
    assert "Weigh values in data projects" in html and "EQF and NLQF level 6" in html
    assert 'property="og:title"' in html and "linkedin.com/profile/add" in html


def test_revoked_credential_says_so_with_date_and_reason(client, credential, lecturer):
    services.revoke_credential(credential=credential, reason="Exam fraud", by=lecturer)

    html = client.get(credential.get_absolute_url()).content.decode()

    assert "Revoked" in html and "Exam fraud" in html and "linkedin" not in html


def test_published_documents(client, credential):
    document = client.get(reverse("credentials:json", args=[credential.pk])).json()
    token = client.get(reverse("credentials:jwt", args=[credential.pk])).content.decode()
    pdf = client.get(reverse("credentials:pdf", args=[credential.pk])).content

    assert document == credential.document
    assert token == credential.jwt
    text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert "Noor Bakker" in text and "Data ethics" in text


def test_proofs_verify_with_only_what_is_published(client, credential):
    """An outside verifier: the issuer profile's Multikey and the JWKS, nothing else."""
    profile = client.get("/issuer").json()
    jwks = client.get("/.well-known/jwks.json").json()
    methods = {m["id"]: proofs.public_key_from_multibase(m["publicKeyMultibase"])
               for m in profile["verificationMethod"]}  # fmt: skip

    assert proofs.verify(credential.document, public_key_resolver=methods.get).ok
    assert vc_jwt.verify_vc_jwt(credential.jwt, jwks=jwks).ok
    assert all(key["kid"] for key in jwks["keys"])
    schema = json.loads((SCHEMAS / "ob_v3p0_profile_schema.json")
                        .read_text())  # fmt: skip
    jsonschema.Draft201909Validator(schema).validate(profile)


def test_status_list_is_signed_and_reflects_revocation_at_once(client, credential, lecturer):
    url = reverse("credentials:status_list", args=["1"])
    before = client.get(url).json()
    services.revoke_credential(credential=credential, reason="Wrong person", by=lecturer)
    after = client.get(url).json()

    assert before["type"] == ["VerifiableCredential", "BitstringStatusListCredential"]
    assert not status_list.is_set(before["credentialSubject"]["encodedList"],
                                  credential.status_index)  # fmt: skip
    assert status_list.is_set(after["credentialSubject"]["encodedList"], credential.status_index)
    assert proofs.verify(after, public_key_resolver=services.public_ed25519_key).ok
    assert credential.document["credentialStatus"]["statusListCredential"].endswith(url)


def test_anyone_can_check_a_pasted_or_uploaded_credential(client, credential):
    url = reverse("credentials:check")
    genuine = json.dumps(credential.document)
    tampered = json.loads(genuine)
    tampered["credentialSubject"]["name"] = "Someone Else"

    assert "Valid" in client.post(url, {"text": genuine}).content.decode()
    assert "Valid" in client.post(url, {"text": credential.jwt}).content.decode()
    upload = SimpleUploadedFile("credential.json", genuine.encode())
    assert "Valid" in client.post(url, {"file": upload}).content.decode()
    rejected = client.post(url, {"text": json.dumps(tampered)}).content.decode()
    assert "Not genuine" in rejected and "changed" in rejected
    assert (
        "Not genuine" in client.post(url, {"text": credential.jwt[:-4] + "AAAA"}).content.decode()
    )


def test_unknown_credential_is_404(client):
    assert client.get("/credentials/00000000-0000-0000-0000-000000000000/").status_code == 404


def test_lecturer_records_results_on_the_grid_and_issues(
    client, run, lecturer, mailoutbox, django_capture_on_commit_callbacks
):
    learners = [UserFactory(last_name=name) for name in ("Aalders", "Bos")]
    for learner in learners:
        EnrolmentFactory(run=run, learner=learner)
    url = reverse("teaching:run_results", args=[run.pk])
    client.force_login(lecturer)
    data = {"results-TOTAL_FORMS": "2", "results-INITIAL_FORMS": "2",
            "results-0-outcome": "passed", "results-0-grade": "8,5",
            "results-1-outcome": "failed", "results-1-grade": ""}  # fmt: skip

    asked = client.post(url, data)  # signing is confirmed first: nothing is saved yet

    html = asked.content.decode()
    assert "1 pass will be signed as a credential and emailed to the learner" in html
    assert "cannot be undone, only revoked" in html and "1 result that is not a pass" in html
    assert "Aalders" in html.split('id="passes"')[1] and "Bos" not in html.split('id="passes"')[1]
    assert not Result.objects.exists() and not mailoutbox
    with django_capture_on_commit_callbacks(execute=True):
        confirm(client, asked)  # saving a pass queues its credential

    aalders = Result.objects.get(enrolment__learner=learners[0])
    assert aalders.passed and aalders.grade == "8.5"
    assert not Result.objects.get(enrolment__learner=learners[1]).passed
    assert Credential.objects.get().learner == learners[0]
    assert "1 of 1 passed participants" in client.get(url).content.decode()
    assert mailoutbox[0].to == [learners[0].email] and "/credentials/" in mailoutbox[0].body


def test_issue_button_queues_the_passed_results_still_without_credential(
    client, run, lecturer, django_capture_on_commit_callbacks
):
    from datetime import date

    for _ in range(3):  # say, recorded while the worker was down
        enrolment = EnrolmentFactory(run=run, learner=UserFactory())
        ResultFactory(enrolment=enrolment, passed=True, assessed_on=date(2026, 11, 1))
    client.force_login(lecturer)

    asked = client.post(reverse("teaching:issue_run", args=[run.pk]))
    assert "3 passes will be signed as credentials" in asked.content.decode()
    assert not Credential.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        response = confirm(client, asked, follow=True)

    assert "Issuing 3 credentials" in response.content.decode()
    assert Credential.objects.count() == 3  # queued once the request's writes committed
    progress = client.get(reverse("teaching:run_results", args=[run.pk])).content.decode()
    assert "3 of 3 passed participants" in progress


def test_bad_grade_on_the_grid_saves_nothing(client, run, lecturer):
    EnrolmentFactory(run=run, learner=UserFactory())
    client.force_login(lecturer)

    response = client.post(reverse("teaching:run_results", args=[run.pk]), {
        "results-TOTAL_FORMS": "1", "results-INITIAL_FORMS": "1",
        "results-0-outcome": "passed", "results-0-grade": "eleven"})  # fmt: skip

    assert "is not a grade" in response.content.decode() and not Result.objects.exists()


def test_results_csv_is_checked_whole(client, run, lecturer):
    people = [UserFactory() for _ in range(2)]
    for person in people:
        EnrolmentFactory(run=run, learner=person)
    client.force_login(lecturer)
    url = reverse("teaching:run_results", args=[run.pk])
    bad = (f"email;geslaagd;cijfer\n{people[0].email};ja;7\nstranger@example.com;ja;\n"
           f"{people[1].email};misschien;12\n").encode()  # fmt: skip

    html = client.post(url, {"upload": "1", "file": SimpleUploadedFile("r.csv", bad)})
    html = html.content.decode()

    assert "stranger@example.com is not a participant" in html
    assert "Write yes or no" in html and "from 1 to 10" in html
    assert not Result.objects.exists()
    good = f"email,passed,grade\n{people[0].email},yes,7\n{people[1].email},no,4\n".encode()
    asked = client.post(url, {"upload": "1", "file": SimpleUploadedFile("r.csv", good)})
    assert "1 pass will be signed" in asked.content.decode() and not Result.objects.exists()
    confirm(client, asked)
    assert Result.objects.filter(passed=True).count() == 1 and Result.objects.count() == 2


def test_only_the_runs_lecturers_and_curators_see_the_results_page(client, run):
    client.force_login(UserFactory(is_staff=True))

    assert client.get(reverse("teaching:run_results", args=[run.pk])).status_code == 404
    assert client.post(reverse("teaching:issue_run", args=[run.pk])).status_code == 404


def test_credentials_survive_account_deletion(client, credential):
    from academy.personal_data import erase_personal_data

    erase_personal_data(credential.learner)

    credential.refresh_from_db()
    assert credential.learner is None and credential.recipient_name == "Noor Bakker"
    assert "Valid" in client.get(credential.get_absolute_url()).content.decode()


def test_my_learning_lists_credentials_and_employers_see_them_with_consent(client, credential):
    from tests.academy.factories import MembershipFactory

    learner = credential.learner
    client.force_login(learner)
    assert "Data ethics" in client.get("/me/").content.decode()
    admin = MembershipFactory(role="admin").user
    organisation = admin.memberships.get().organisation
    membership = MembershipFactory(organisation=organisation, user=learner, shares_progress=False)
    client.force_login(admin)
    staff_url = reverse("employer:staff", args=[organisation.pk])

    assert credential.get_absolute_url() not in client.get(staff_url).content.decode()
    membership.shares_progress = True
    membership.save()
    assert credential.get_absolute_url() in client.get(staff_url).content.decode()


def test_result_grid_queries_do_not_grow_with_participants(
    client, run, lecturer, django_assert_max_num_queries
):
    for _ in range(25):
        enrolment = EnrolmentFactory(run=run, learner=UserFactory())
        services.issue_credential(result=services.record_result(
            enrolment=enrolment, passed=True, grade="7", by=lecturer))  # fmt: skip
    client.force_login(lecturer)

    with django_assert_max_num_queries(12):
        response = client.get(reverse("teaching:run_results", args=[run.pk]))
    assert response.content.decode().count(">issued<") == 25


def test_verify_page_reads_a_constant_few_rows(client, credential, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        assert client.get(credential.get_absolute_url()).status_code == 200


def test_my_learning_offers_no_download_of_a_revoked_credential(client, credential, lecturer):
    client.force_login(credential.learner)
    page = client.get("/me/").content.decode()
    assert reverse("credentials:pdf", args=[credential.pk]) in page

    services.revoke_credential(credential=credential, by=lecturer, reason="Wrong run.")
    page = client.get("/me/").content.decode()
    assert "Revoked on" in page and "Wrong run." in page
    assert reverse("credentials:pdf", args=[credential.pk]) not in page
    assert reverse("credentials:json", args=[credential.pk]) not in page
