"""The teaching pages show a session or run that has not taken place as "not yet" instead of
offering its form; the academy office may record early on the same pages, giving a reason."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from academy.models import AuditEntry
from catalogue.services import ACADEMY_OFFICE
from credentials.models import Result
from enrolment.models import Attendance
from tests.academy.factories import UserFactory
from tests.catalogue.factories import (
    ModuleRunFactory,
    SessionFactory,
    TeachingFactory,
    local_datetime,
)
from tests.credentials.steps import confirm
from tests.enrolment.factories import EnrolmentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def session():
    run = ModuleRunFactory(start_date=local_datetime(2030, 12, 17).date(),
                           end_date=local_datetime(2030, 12, 17).date(),
                           module__title="Leading change")  # fmt: skip
    return SessionFactory(run=run, title="Kick-off", starts_at=local_datetime(2030, 12, 17, 13, 30),
                          ends_at=local_datetime(2030, 12, 17, 17, 0))  # fmt: skip


@pytest.fixture
def enrolment(session):
    return EnrolmentFactory(run=session.run, learner=UserFactory(last_name="Aalders"))


@pytest.fixture
def lecturer(session):
    return TeachingFactory(run=session.run, lecturer=UserFactory(is_staff=True)).lecturer


@pytest.fixture
def office():
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name=ACADEMY_OFFICE))
    return user


def test_the_teaching_page_shows_a_future_session_as_not_yet(client, session, lecturer):
    past = SessionFactory(run=session.run, starts_at=local_datetime(2020, 1, 6, 9, 0),
                          ends_at=local_datetime(2020, 1, 6, 12, 0))  # fmt: skip
    client.force_login(lecturer)

    html = client.get(reverse("teaching:index")).content.decode()

    assert "Kick-off" in html and "not yet" in html and "results not yet" in html
    assert reverse("teaching:session_attendance", args=[session.pk]) not in html
    assert past.title not in html  # from a month ago onwards only


def test_a_future_sessions_attendance_page_says_when_and_saves_nothing(
    client, session, enrolment, lecturer
):
    client.force_login(lecturer)
    url = reverse("teaching:session_attendance", args=[session.pk])

    page = client.get(url).content.decode()
    posted = client.post(url, {"present": [enrolment.pk]}).content.decode()

    for html in (page, posted):
        assert ("This session has not taken place yet (it starts on 17 December 2030 at 13:30); "
                "attendance can be recorded from then on.") in html  # fmt: skip
        assert "Save attendance" not in html
    assert not Attendance.objects.exists()


def test_a_future_runs_results_page_says_when_and_saves_nothing(
    client, session, enrolment, lecturer
):
    client.force_login(lecturer)
    url = reverse("teaching:run_results", args=[session.run.pk])

    page = client.get(url).content.decode()
    client.post(url, {"results-TOTAL_FORMS": "1", "results-INITIAL_FORMS": "1", "confirm": "yes",
                      "results-0-outcome": "passed", "results-0-grade": "8"})  # fmt: skip

    assert "This run has not taken place yet (its last session starts on 17 December 2030" in page
    assert "Aalders" in page and "Save results" not in page and "Upload results" not in page
    assert not Result.objects.exists()


def test_the_office_records_attendance_early_on_the_page_with_a_reason(
    client, session, enrolment, office
):
    client.force_login(office)
    url = reverse("teaching:session_attendance", args=[session.pk])
    assert "Record early" in client.get(reverse("teaching:index")).content.decode()

    without = client.post(url, {"present": [enrolment.pk]}).content.decode()
    assert "Say why attendance is recorded before the session has taken place." in without
    assert not Attendance.objects.exists()

    client.post(url, {"present": [enrolment.pk], "early_override_reason": "Paper register"})

    assert Attendance.objects.get().present
    entry = AuditEntry.objects.get(action="attendance.recorded")
    assert entry.actor == office and entry.details["early_override_reason"] == "Paper register"


def test_the_office_records_results_early_with_a_reason_after_confirming(
    client, session, enrolment, office, django_capture_on_commit_callbacks
):
    client.force_login(office)
    url = reverse("teaching:run_results", args=[session.run.pk])
    grid = {"results-TOTAL_FORMS": "1", "results-INITIAL_FORMS": "1",
            "results-0-outcome": "passed", "results-0-grade": "8"}  # fmt: skip

    without = client.post(url, grid).content.decode()
    assert "Say why results are recorded before the run has taken place." in without
    asked = client.post(url, {**grid, "results-early_override_reason": "Exam moved forward"})
    assert "for the reason you gave: “Exam moved forward”" in asked.content.decode()
    assert not Result.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        confirm(client, asked)

    assert Result.objects.get().credential is not None
    entry = AuditEntry.objects.get(action="result.recorded")
    assert entry.actor == office and entry.details["early_override_reason"] == "Exam moved forward"
