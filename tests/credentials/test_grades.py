"""Grades are signed into credentials, so they are read strictly: 1 to 10, as a person writes it."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from credentials import services
from credentials.models import Result
from tests.academy.factories import UserFactory
from tests.catalogue.factories import ModuleRunFactory, TeachingFactory
from tests.credentials.steps import confirm
from tests.enrolment.factories import EnrolmentFactory

pytestmark = pytest.mark.django_db
NOT_GRADES = ["1e1", "1_0", "٨", "８", "0010.000000000000", "7.125", "+8", "8.", ".5", "7,5,0",
              "nan", "inf", "7.5.0", "8 5"]  # fmt: skip


@pytest.fixture
def run():
    return ModuleRunFactory(taken_place=True)


@pytest.fixture
def lecturer(run):
    return TeachingFactory(run=run, lecturer=UserFactory(is_staff=True)).lecturer


@pytest.fixture
def enrolment(run):
    return EnrolmentFactory(run=run, learner=UserFactory())


def post_grid(client, run, grade):
    return client.post(reverse("teaching:run_results", args=[run.pk]), {
        "results-TOTAL_FORMS": "1", "results-INITIAL_FORMS": "1",
        "results-0-outcome": "passed", "results-0-grade": grade})  # fmt: skip


def post_csv(client, run, enrolment, grade):
    content = f"email;passed;grade\n{enrolment.learner.email};yes;{grade}\n".encode()
    return client.post(reverse("teaching:run_results", args=[run.pk]),
                       {"upload": "1", "file": SimpleUploadedFile("r.csv", content)})  # fmt: skip


@pytest.mark.parametrize("grade", NOT_GRADES)
def test_a_grade_that_is_not_plainly_written_is_refused_on_the_grid_and_in_a_csv(
    client, run, lecturer, enrolment, grade
):
    client.force_login(lecturer)

    for response in (post_grid(client, run, grade), post_csv(client, run, enrolment, grade)):
        assert response.status_code == 200
        html = response.content.decode()
        assert "from 1 to 10" in html or "at most 16 characters" in html
    assert not Result.objects.exists()


@pytest.mark.parametrize(
    ("written", "stored"), [("7,5", "7.5"), ("08", "8"), (" 10 ", "10"), ("6,75", "6.75"),
                            ("0010.00", "10.00"), ("1", "1")],
)  # fmt: skip
def test_a_plain_grade_is_stored_and_signed_normalised(
    client, run, lecturer, enrolment, written, stored, django_capture_on_commit_callbacks
):
    client.force_login(lecturer)

    with django_capture_on_commit_callbacks(execute=True):
        confirm(client, post_csv(client, run, enrolment, written))

    result = Result.objects.get()
    assert result.grade == stored
    document = result.credential.document
    assert document["credentialSubject"]["result"][0]["value"] == stored


@pytest.mark.parametrize("grade", ["0", "0.99", "10.01", "11", "9" * 200])
def test_a_grade_outside_the_dutch_scale_is_refused(grade):
    assert "from 1 to 10" in services.grade_problem(grade)


def test_the_service_refuses_a_grade_whichever_screen_sent_it(lecturer, enrolment):
    with pytest.raises(services.CredentialError, match="from 1 to 10"):
        services.record_result(enrolment=enrolment, passed=True, grade="1e1", by=lecturer)

    assert not Result.objects.exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"email,passed\nx@example.com,ja\x00\n", "NUL character"),
     (b'email,passed\n"' + b"x" * 140_000 + b'",ja\n', "could not be read")],
)  # fmt: skip
def test_a_results_csv_that_cannot_be_read_says_why(client, run, lecturer, content, message):
    client.force_login(lecturer)

    upload = SimpleUploadedFile("r.csv", content)
    response = client.post(
        reverse("teaching:run_results", args=[run.pk]), {"upload": "1", "file": upload}
    )

    assert response.status_code == 200 and message in response.content.decode()
    assert not Result.objects.exists()


@pytest.mark.parametrize("total", [None, "0", "5", "abc"])
def test_a_grid_post_that_does_not_match_the_participants_saves_nothing(
    client, run, lecturer, enrolment, total
):
    client.force_login(lecturer)
    data = {"results-INITIAL_FORMS": "1", "results-0-outcome": "passed", "results-0-grade": "8"}
    if total is not None:
        data["results-TOTAL_FORMS"] = total

    response = client.post(reverse("teaching:run_results", args=[run.pk]), data, follow=True)

    assert response.status_code == 200
    assert "nothing was saved" in response.content.decode()
    assert not Result.objects.exists()
