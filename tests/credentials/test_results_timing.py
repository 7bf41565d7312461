"""Results, and the credentials they sign, wait for the run to have taken place: its last
session has started (a run without sessions: its end date has come). The academy office may
record earlier, only with a reason, which the result's audit trail entry keeps. In the
service, so in the admin too."""

from datetime import date, timedelta

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from academy.models import AuditEntry
from catalogue.models import ModuleRun
from catalogue.services import ACADEMY_OFFICE, PORTFOLIO_HOLDERS
from credentials import services
from credentials.models import Result
from tests.academy.factories import UserFactory
from tests.catalogue.factories import (
    ModuleRunFactory,
    SessionFactory,
    TeachingFactory,
    local_datetime,
)
from tests.enrolment.factories import EnrolmentFactory

pytestmark = pytest.mark.django_db
NOT_YET = (
    "This run has not taken place yet (its last session starts on 17 December 2030 at 13:30); "
    "results can be recorded from then on."
)


@pytest.fixture
def future_run():
    run = ModuleRunFactory(start_date=date(2030, 11, 5), end_date=date(2030, 12, 20))
    for month, day in ((11, 5), (12, 17)):
        SessionFactory(run=run, starts_at=local_datetime(2030, month, day, 13, 30),
                       ends_at=local_datetime(2030, month, day, 17, 0))  # fmt: skip
    return run


@pytest.fixture
def enrolment(future_run):
    return EnrolmentFactory(run=future_run)


@pytest.fixture
def lecturer(future_run):
    return TeachingFactory(run=future_run, lecturer=UserFactory(is_staff=True)).lecturer


@pytest.fixture
def office():
    user = UserFactory(is_staff=True, email="office@example.org")
    user.groups.add(Group.objects.get(name=ACADEMY_OFFICE))
    return user


def test_a_result_for_a_run_that_has_not_taken_place_is_refused(enrolment, lecturer):
    with pytest.raises(services.TooEarlyError) as refused:
        services.record_result(enrolment=enrolment, passed=True, grade="8", by=lecturer)

    assert str(refused.value) == NOT_YET
    with pytest.raises(services.TooEarlyError):
        services.record_results(run=enrolment.run, by=lecturer, rows=[
            {"enrolment": enrolment, "passed": False, "grade": ""}])  # fmt: skip
    assert not Result.objects.exists()


def test_a_run_without_sessions_waits_for_its_end_date(lecturer):
    run = ModuleRunFactory(start_date=date(2030, 9, 1), end_date=date(2030, 10, 31))
    TeachingFactory(run=run, lecturer=lecturer)

    with pytest.raises(services.TooEarlyError) as refused:
        services.record_result(enrolment=EnrolmentFactory(run=run), passed=True, by=lecturer)

    assert str(refused.value) == (
        "This run has not ended yet (it ends on 31 October 2030); results can be recorded "
        "from then on."
    )


def test_results_may_be_recorded_once_the_last_session_has_started(lecturer):
    now = timezone.now()
    run = ModuleRunFactory(start_date=timezone.localdate() - timedelta(days=20),
                           end_date=timezone.localdate() + timedelta(days=10))  # fmt: skip
    TeachingFactory(run=run, lecturer=lecturer)
    SessionFactory(run=run, starts_at=now - timedelta(days=20), ends_at=now - timedelta(days=19))
    last = SessionFactory(run=run, starts_at=now + timedelta(hours=1),
                          ends_at=now + timedelta(hours=4))  # fmt: skip

    assert not run.has_taken_place()
    last.starts_at = now - timedelta(minutes=5)
    last.save()

    assert run.has_taken_place()
    result = services.record_result(enrolment=EnrolmentFactory(run=run), passed=False, by=lecturer)
    assert result.pk and "early_override_reason" not in AuditEntry.objects.get().details


def test_the_query_and_the_run_agree_on_what_has_taken_place(future_run):
    today = timezone.localdate()
    ended = ModuleRunFactory(taken_place=True)
    no_sessions_ending_today = ModuleRunFactory(start_date=today - timedelta(days=3),
                                                end_date=today)  # fmt: skip
    last_session_begun = ModuleRunFactory(start_date=today - timedelta(days=3),
                                          end_date=today + timedelta(days=5))  # fmt: skip
    SessionFactory(run=last_session_begun, starts_at=timezone.now() - timedelta(hours=1),
                   ends_at=timezone.now() + timedelta(hours=1))  # fmt: skip
    runs = [future_run, ended, no_sessions_ending_today, last_session_begun]

    in_sql = set(ModuleRun.objects.taken_place().values_list("pk", flat=True))

    assert {run.pk for run in runs if run.has_taken_place()} == in_sql
    assert in_sql == {ended.pk, no_sessions_ending_today.pk, last_session_begun.pk}


def test_the_office_records_early_with_a_reason_the_trail_keeps(
    enrolment, office, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        result = services.record_result(
            enrolment=enrolment, passed=True, grade="8", by=office,
            early_override_reason="Exam moved forward by the board",
        )  # fmt: skip

    assert result.credential is not None  # signed and sent, as the office decided
    entry = AuditEntry.objects.get(action="result.recorded")
    assert entry.actor == office
    assert entry.details["early_override_reason"] == "Exam moved forward by the board"


def test_the_office_without_a_reason_is_refused(enrolment, office):
    with pytest.raises(services.TooEarlyError) as refused:
        services.record_results(run=enrolment.run, by=office, rows=[
            {"enrolment": enrolment, "passed": True, "grade": "8"}])  # fmt: skip

    assert refused.value.missing_reason and not Result.objects.exists()


def add_in_the_admin(client, enrolment, **extra):
    return client.post("/admin/credentials/result/add/", {
        "enrolment": enrolment.pk, "passed": "on", "grade": "8", "assessed_on": "2030-12-17",
        **extra})  # fmt: skip


def test_the_admin_refuses_a_result_for_a_future_run_at_its_field(client, enrolment):
    holder = UserFactory(is_staff=True)
    holder.groups.add(Group.objects.get(name=PORTFOLIO_HOLDERS))
    enrolment.run.module.faculty.portfolio_holders.add(holder)
    client.force_login(holder)

    response = add_in_the_admin(client, enrolment)

    assert response.context["adminform"].form.errors["enrolment"] == [NOT_YET]
    assert 'name="early_override_reason"' not in response.content.decode()
    assert not Result.objects.exists()


def test_the_office_records_early_in_the_admin_only_with_a_reason(client, enrolment, office):
    client.force_login(office)

    without = add_in_the_admin(client, enrolment)
    assert without.context["adminform"].form.errors["early_override_reason"] == [
        "Say why results are recorded before the run has taken place."
    ]
    assert not Result.objects.exists()

    done = add_in_the_admin(client, enrolment, early_override_reason="Exam moved forward")

    assert done.status_code == 302 and Result.objects.get().recorded_by == office
    entry = AuditEntry.objects.get(action="result.recorded")
    assert entry.details["early_override_reason"] == "Exam moved forward"
