"""Saving passes signs credentials and emails them, which cannot be undone: the results page
asks first, without JavaScript, carrying what was entered; only the confirmed post saves."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from credentials.models import Credential, Result
from tests.academy.factories import UserFactory
from tests.catalogue.factories import ModuleRunFactory, TeachingFactory
from tests.credentials.steps import confirm
from tests.enrolment.factories import EnrolmentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def run():
    return ModuleRunFactory(taken_place=True, module__title="Data ethics")


@pytest.fixture
def lecturer(run):
    return TeachingFactory(run=run, lecturer=UserFactory(is_staff=True)).lecturer


@pytest.fixture
def people(run):
    names = ("Aalders", "Bos", "Claes", "Dekker")
    return [EnrolmentFactory(run=run, learner=UserFactory(last_name=name)).learner
            for name in names]  # fmt: skip


def grid(outcomes):
    data = {"results-TOTAL_FORMS": str(len(outcomes)),
            "results-INITIAL_FORMS": str(len(outcomes))}  # fmt: skip
    for number, outcome in enumerate(outcomes):
        data[f"results-{number}-outcome"] = outcome
        data[f"results-{number}-grade"] = "7" if outcome == "passed" else ""
    return data


def test_saving_passes_asks_first_and_saves_nothing_until_confirmed(
    client, run, lecturer, people, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(lecturer)
    url = reverse("teaching:run_results", args=[run.pk])

    asked = client.post(url, grid(["passed", "passed", "passed", "failed"]))

    html = asked.content.decode()
    assert "Sign and email 3 credentials?" in html
    assert ("3 passes will be signed as credentials and emailed to the learners; this cannot be "
            "undone, only revoked.") in html  # fmt: skip
    assert "1 result that is not a pass will be saved." in html
    passes = html.split('id="passes"')[1]
    assert all(name in passes for name in ("Aalders", "Bos", "Claes")) and "Dekker" not in passes
    assert f'href="{url}"' in html  # the way back, keeping nothing
    assert not Result.objects.exists() and not mailoutbox

    with django_capture_on_commit_callbacks(execute=True):
        done = confirm(client, asked, follow=True)

    assert "4 results saved" in done.content.decode()
    assert Result.objects.filter(passed=True).count() == 3 and Result.objects.count() == 4
    assert Credential.objects.count() == 3 and len(mailoutbox) == 3


def test_only_fails_are_saved_without_asking(client, run, lecturer, people):
    client.force_login(lecturer)

    client.post(reverse("teaching:run_results", args=[run.pk]), grid(["failed", "", "", ""]))

    assert Result.objects.get().passed is False


def test_an_uploaded_file_asks_first_and_the_confirmed_rows_are_checked_again(
    client, run, lecturer, people
):
    client.force_login(lecturer)
    url = reverse("teaching:run_results", args=[run.pk])
    content = f"email,passed,grade\n{people[0].email},yes,8\n{people[1].email},no,\n".encode()

    asked = client.post(url, {"upload": "1", "file": SimpleUploadedFile("r.csv", content)})
    assert "1 pass will be signed as a credential" in asked.content.decode()
    assert not Result.objects.exists()
    people[0].enrolments.get().delete()  # left the run while the question was open

    problem = confirm(client, asked).content.decode()

    assert f"{people[0].email} is not a participant of this run." in problem
    assert not Result.objects.exists()  # nothing half-saved


def test_issuing_the_missing_credentials_asks_first(client, run, lecturer, people):
    from credentials import services

    for learner in people[:2]:
        Result.objects.create(enrolment=learner.enrolments.get(), passed=True, grade="7",
                              recorded_by=lecturer, assessed_on=run.end_date)  # fmt: skip
    client.force_login(lecturer)

    asked = client.post(reverse("teaching:issue_run", args=[run.pk]))

    assert "2 passes will be signed as credentials" in asked.content.decode()
    assert not Credential.objects.exists()
    assert services.issuing_progress(run) == {"passed": 2, "issued": 0}
