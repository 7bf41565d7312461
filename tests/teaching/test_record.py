"""A lecturer's teaching record: the figures per academic year, who may see whose record, and
a constant number of queries."""

from datetime import date

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from catalogue.services import ACADEMY_OFFICE, PORTFOLIO_HOLDERS
from credentials import recognition_queries as queries
from credentials import services
from enrolment.models import Enrolment
from evaluations.models import Answer, Invitation
from tests.academy.factories import UserFactory
from tests.catalogue.factories import FacultyFactory, ModuleFactory
from tests.credentials.factories import ended_taught_run
from tests.enrolment.factories import EnrolmentFactory

pytestmark = pytest.mark.django_db
TODAY = date(2026, 12, 3)


@pytest.fixture
def science():
    return FacultyFactory(name="Faculty of Science", slug="science")


@pytest.fixture
def law():
    return FacultyFactory(name="Faculty of Law", slug="law")


@pytest.fixture
def lecturer():
    return UserFactory(first_name="Lotte", last_name="de Graaf", is_staff=True)


@pytest.fixture
def office():
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name=ACADEMY_OFFICE))
    return user


def holder_of(faculty):
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name=PORTFOLIO_HOLDERS))
    faculty.portfolio_holders.add(user)
    return user


def participants(run, results: list[bool | None], *, cancelled: int = 0, assessor=None):
    """Confirmed enrolments with these results (None: no result), and cancelled ones."""
    for passed in results:
        enrolment = EnrolmentFactory(run=run, learner=UserFactory())
        if passed is not None:
            services.record_result(enrolment=enrolment, passed=passed, grade="", by=assessor)
    for _ in range(cancelled):
        EnrolmentFactory(run=run, learner=UserFactory(), status=Enrolment.Status.CANCELLED)


def evaluations(run, scores: list[int]):
    for overall in scores:
        enrolment = run.enrolments.filter(evaluation_invitation__isnull=True).first()
        Invitation.objects.create(enrolment=enrolment, run=run, answered=True,
                                  closes_at="2026-01-01T00:00:00Z")  # fmt: skip
        Answer.objects.create(
            run=run, submitted_on=date(2025, 12, 1), overall=overall, relevance=4,
            lecturers=5, blend=4, workload=3, recommend=8,
        )  # fmt: skip


def test_the_record_counts_runs_hours_participants_passes_and_evaluations(lecturer, science):
    module = ModuleFactory(title="Circular construction", faculty=science)
    big = ended_taught_run(lecturer, module=module, hours=14)
    small = ended_taught_run(lecturer, hours="6.5", role="guest", start=date(2026, 3, 2))
    ended_taught_run(lecturer, start=date(2024, 11, 4))  # another academic year
    participants(big, [True, True, True, False, None, True], cancelled=2, assessor=lecturer)
    participants(small, [True, False], assessor=lecturer)
    evaluations(big, [5, 4, 4, 5, 3])  # five answers: shown
    evaluations(small, [2, 3])  # two: counted, not shown

    record = queries.teaching_record(lecturer, 2025, today=TODAY)

    assert [taught.run for taught in record.runs] == [big, small]
    first, second = record.runs
    assert (first.participants, first.results, first.passed) == (6, 5, 4)
    assert first.pass_rate == 0.8 and second.pass_rate == 0.5
    assert first.scores.shown and first.scores.overall == 4.2
    assert not second.scores.shown and second.scores.overall is None
    assert second.scores.answered == 2
    assert record.contact_hours == 20.5 and record.participants == 8
    assert (record.passed, record.results) == (5, 7)
    assert record.years == [2025, 2024]


def test_the_page_shows_the_figures_and_never_a_hidden_average(client, lecturer, science):
    module = ModuleFactory(title="Circular construction", faculty=science)
    big = ended_taught_run(lecturer, module=module, hours=14)
    small = ended_taught_run(lecturer, start=date(2026, 3, 2))
    participants(big, [True, True, True, True, False], assessor=lecturer)
    participants(small, [True, True], assessor=lecturer)
    evaluations(big, [5, 4, 4, 5, 3])
    evaluations(small, [1, 1])
    client.force_login(lecturer)

    html = client.get(reverse("teaching:record") + "?year=2025").content.decode()

    assert "Circular construction" in html and "2025/26" in html
    assert "overall 4.2 of 5" in html and "too few answers" in html
    assert "4 of 5" in html and "80 %" in html
    assert "1.0" not in html  # the two answers of the small run are not averaged anywhere


def test_academic_years_run_from_september_to_august():
    assert queries.academic_year_of(date(2025, 9, 1)) == 2025
    assert queries.academic_year_of(date(2026, 8, 31)) == 2025
    assert queries.academic_year_of(date(2026, 9, 1)) == 2026
    assert queries.academic_year_bounds(2025) == (date(2025, 9, 1), date(2026, 8, 31))


def test_cancelled_runs_do_not_count(lecturer):
    ended_taught_run(lecturer, status="cancelled")

    assert queries.teaching_record(lecturer, 2025, today=TODAY).runs == []


def test_who_sees_whose_record(client, lecturer, science, law, office):
    ended_taught_run(lecturer, module=ModuleFactory(faculty=science))
    url = reverse("teaching:record_of", args=[lecturer.pk])
    colleague = UserFactory(is_staff=True)
    ended_taught_run(colleague, module=ModuleFactory(faculty=science))

    for user, status in [
        (lecturer, 200),  # their own
        (holder_of(science), 200),  # a faculty the lecturer taught in
        (office, 200),
        (holder_of(law), 404),  # another faculty's portfolio holder, by direct URL
        (colleague, 404),  # a colleague teaching in the same faculty
        (UserFactory(), 404),
    ]:
        client.force_login(user)
        assert client.get(url + "?year=2025").status_code == status, user
    client.logout()
    assert client.get(url).status_code == 302  # to the login page


def test_the_own_record_needs_no_id_and_strange_years_fall_back(client, lecturer):
    ended_taught_run(lecturer)
    client.force_login(lecturer)

    for year in ["", "abc", "99999", "２０２５", "-1"]:
        assert client.get(reverse("teaching:record"), {"year": year}).status_code == 200


def test_the_teaching_report_links_to_each_record(client, lecturer, office):
    ended_taught_run(lecturer, start=date(2025, 10, 6))
    client.force_login(office)

    html = client.get(reverse("admin:catalogue_teaching_report") + "?year=2025").content.decode()

    assert reverse("teaching:record_of", args=[lecturer.pk]) in html


def test_the_record_reads_a_constant_few_rows(
    client, lecturer, office, django_assert_max_num_queries
):
    def page():
        client.force_login(office)
        with django_assert_max_num_queries(11) as counted:
            response = client.get(reverse("teaching:record_of", args=[lecturer.pk]) + "?year=2025")
        assert response.status_code == 200
        return len(counted.captured_queries)

    run = ended_taught_run(lecturer)
    participants(run, [True, False], assessor=lecturer)
    one_run = page()
    for month in range(1, 8):
        run = ended_taught_run(lecturer, start=date(2026, month, 5))
        participants(run, [True, True, False], assessor=lecturer)
        evaluations(run, [4, 4, 5])

    assert page() == one_run
