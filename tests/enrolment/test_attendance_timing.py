"""Attendance waits for its session to begin; the academy office may record earlier, and
only with a reason, which the audit trail keeps. The rule holds in the service, so in the
admin as on the teaching page."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from academy.models import AuditEntry
from catalogue.services import ACADEMY_OFFICE, PORTFOLIO_HOLDERS
from enrolment import services
from enrolment.models import Attendance
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
    "This session has not taken place yet (it starts on 17 December 2030 at 13:30); "
    "attendance can be recorded from then on."
)


@pytest.fixture
def future_session():
    run = ModuleRunFactory(start_date=local_datetime(2030, 12, 17).date())
    return SessionFactory(run=run, starts_at=local_datetime(2030, 12, 17, 13, 30),
                          ends_at=local_datetime(2030, 12, 17, 17, 0))  # fmt: skip


@pytest.fixture
def enrolment(future_session):
    return EnrolmentFactory(run=future_session.run)


@pytest.fixture
def lecturer(future_session):
    return TeachingFactory(run=future_session.run, lecturer=UserFactory(is_staff=True)).lecturer


@pytest.fixture
def holder(future_session):
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name=PORTFOLIO_HOLDERS))
    future_session.run.module.faculty.portfolio_holders.add(user)
    return user


@pytest.fixture
def office():
    user = UserFactory(is_staff=True, email="office@example.org")
    user.groups.add(Group.objects.get(name=ACADEMY_OFFICE))
    return user


def test_attendance_for_a_session_that_has_not_begun_is_refused(
    future_session, enrolment, lecturer
):
    with pytest.raises(services.TooEarlyError) as refused:
        services.record_attendance(session=future_session, present={enrolment.pk}, by=lecturer)
    assert str(refused.value) == NOT_YET
    with pytest.raises(services.TooEarlyError, match="has not taken place yet"):
        services.mark_attendance(session=future_session, enrolment=enrolment, present=True,
                                 by=lecturer)  # fmt: skip
    assert not Attendance.objects.exists()


def test_attendance_is_recorded_from_the_moment_the_session_begins(lecturer, enrolment):
    session = SessionFactory(run=enrolment.run, starts_at=timezone.now() - timedelta(minutes=1),
                             ends_at=timezone.now() + timedelta(hours=2))  # fmt: skip

    assert services.record_attendance(session=session, present={enrolment.pk}, by=lecturer) == 1

    entry = AuditEntry.objects.get(action="attendance.recorded")
    assert entry.actor == lecturer and entry.details["present"] == 1
    assert "early_override_reason" not in entry.details


def test_the_office_records_early_with_a_reason_the_trail_keeps(future_session, enrolment, office):
    count = services.record_attendance(
        session=future_session, present={enrolment.pk}, by=office,
        early_override_reason="  Paper register of the excursion  ",
    )  # fmt: skip

    assert count == 1 and Attendance.objects.get().present
    entry = AuditEntry.objects.get(action="attendance.recorded")
    assert entry.actor == office
    assert entry.details["early_override_reason"] == "Paper register of the excursion"


def test_the_office_without_a_reason_is_refused(future_session, enrolment, office):
    with pytest.raises(services.TooEarlyError) as refused:
        services.record_attendance(session=future_session, present={enrolment.pk}, by=office,
                                   early_override_reason="   ")  # fmt: skip

    assert refused.value.missing_reason
    assert not Attendance.objects.exists() and not AuditEntry.objects.exists()


def test_a_lecturers_reason_does_not_open_a_future_session(future_session, enrolment, lecturer):
    with pytest.raises(services.TooEarlyError, match="has not taken place yet"):
        services.record_attendance(session=future_session, present=set(), by=lecturer,
                                   early_override_reason="I know who will come")  # fmt: skip
    assert not Attendance.objects.exists()


def add_in_the_admin(client, session, enrolment, **extra):
    return client.post("/admin/enrolment/attendance/add/",
                       {"session": session.pk, "enrolment": enrolment.pk, "present": "on",
                        **extra})  # fmt: skip


def test_the_admin_refuses_a_future_session_at_its_field(client, future_session, enrolment, holder):
    client.force_login(holder)

    response = add_in_the_admin(client, future_session, enrolment)

    assert response.context["adminform"].form.errors["session"] == [NOT_YET]
    assert 'name="early_override_reason"' not in response.content.decode()  # the office's
    assert not Attendance.objects.exists()


def test_the_office_records_early_in_the_admin_only_with_a_reason(
    client, future_session, enrolment, office
):
    client.force_login(office)
    assert 'name="early_override_reason"' in client.get(
        "/admin/enrolment/attendance/add/").content.decode()  # fmt: skip

    without = add_in_the_admin(client, future_session, enrolment)
    assert without.context["adminform"].form.errors["early_override_reason"] == [
        "Say why attendance is recorded before the session has taken place."
    ]
    assert not Attendance.objects.exists()

    done = add_in_the_admin(client, future_session, enrolment,
                            early_override_reason="Entered from the paper register")  # fmt: skip

    assert done.status_code == 302 and Attendance.objects.get().recorded_by == office
    entry = AuditEntry.objects.get(action="attendance.recorded")
    assert entry.details["early_override_reason"] == "Entered from the paper register"
