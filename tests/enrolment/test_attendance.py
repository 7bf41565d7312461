"""Attendance is recorded per session by the run's lecturers and its faculty's curators only."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from catalogue.queries import teaches_or_curates
from catalogue.services import PORTFOLIO_HOLDERS, ensure_curation_groups
from enrolment import services
from enrolment.models import Attendance
from tests.academy.factories import UserFactory
from tests.catalogue.factories import ModuleRunFactory, SessionFactory, TeachingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def session():
    """The first session of a run that began a week ago: its attendance may be recorded."""
    run = ModuleRunFactory(capacity=5, start_date=timezone.localdate() - timedelta(days=7))
    return SessionFactory(run=run, title="Werkcollege 1")


@pytest.fixture
def learners(session):
    people = [UserFactory(first_name=name) for name in ("Anouk", "Bram", "Chaima")]
    for person in people:
        services.enrol(run=session.run, learner=person)
    return people


@pytest.fixture
def lecturer(session):
    return TeachingFactory(run=session.run, lecturer=UserFactory(is_staff=True)).lecturer


def test_lecturer_records_who_was_present(client, session, learners, lecturer):
    client.force_login(lecturer)
    url = reverse("teaching:session_attendance", args=[session.pk])
    page = client.get(url).content.decode()
    assert "Werkcollege 1" in page and all(p.first_name in page for p in learners)
    enrolments = {e.learner: e for e in session.run.enrolments.all()}

    response = client.post(url, {"present": [enrolments[learners[0]].pk,
                                             enrolments[learners[2]].pk]}, follow=True)  # fmt: skip

    assert "2 of 3 present" in response.content.decode()
    recorded = dict(Attendance.objects.values_list("enrolment__learner__first_name", "present"))
    assert recorded == {"Anouk": True, "Bram": False, "Chaima": True}
    assert Attendance.objects.filter(recorded_by=lecturer).count() == 3


def test_recording_again_corrects_the_record(session, learners, lecturer):
    bram = session.run.enrolments.get(learner=learners[1])
    services.record_attendance(session=session, present=set(), by=lecturer)

    services.record_attendance(session=session, present={bram.pk}, by=lecturer)

    assert Attendance.objects.count() == 3
    assert list(Attendance.objects.filter(present=True).values_list("enrolment", flat=True)) == [
        bram.pk
    ]


def test_portfolio_holder_of_the_faculty_may_record_others_may_not(client, session, learners):
    ensure_curation_groups()
    holder = UserFactory(is_staff=True)
    holder.groups.add(Group.objects.get(name=PORTFOLIO_HOLDERS))
    session.run.module.faculty.portfolio_holders.add(holder)
    stranger = UserFactory(is_staff=True)
    stranger.groups.add(Group.objects.get(name=PORTFOLIO_HOLDERS))
    url = reverse("teaching:session_attendance", args=[session.pk])

    assert teaches_or_curates(holder, session.run)
    client.force_login(stranger)
    assert client.get(url).status_code == 404
    with pytest.raises(PermissionDenied):
        services.record_attendance(session=session, present=set(), by=stranger)
    client.force_login(learners[0])
    assert client.get(url).status_code == 404


def test_teaching_page_lists_the_lecturers_sessions(client, session, lecturer):
    other = SessionFactory(title="Someone else's session")
    client.force_login(lecturer)

    html = client.get(reverse("teaching:index")).content.decode()

    assert "Werkcollege 1" in html and other.title not in html
    assert f"/teaching/runs/{session.run_id}/results/" in html  # added by the credentials app


def test_cohort_page_shows_attendance(client, session, lecturer):
    from tests.academy.factories import MembershipFactory

    admin = MembershipFactory(role="admin").user
    organisation = admin.memberships.get().organisation
    member = MembershipFactory(organisation=organisation).user
    cohort = services.create_cohort(organisation=organisation, run=session.run,
                                    learners=[member], by=admin)  # fmt: skip
    services.record_attendance(session=session, present={cohort.enrolments.get().pk}, by=lecturer)
    client.force_login(admin)

    html = client.get(reverse("employer:cohort", args=[organisation.pk, cohort.pk]))

    assert "1 of 1 sessions" in html.content.decode()


def test_teaching_page_pages_through_many_sessions_at_constant_queries(
    client, session, lecturer, django_assert_max_num_queries
):
    for day in range(1, 60):
        SessionFactory(run=session.run, starts_at=session.starts_at + timedelta(days=day),
                       ends_at=session.ends_at + timedelta(days=day))  # fmt: skip
    client.force_login(lecturer)

    with django_assert_max_num_queries(9):  # with the links for who reads demand and insights
        first = client.get(reverse("teaching:index")).content.decode()
    second = client.get(reverse("teaching:index"), {"page": 2}).content.decode()

    assert "Page 1 of 2" in first and "Later sessions" in first
    assert "Page 2 of 2" in second and "Earlier sessions" in second
