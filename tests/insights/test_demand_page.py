"""The demand overview: per theme and faculty, the open needs, expected learners, people
waiting and people asking to hear of runs, heaviest first; the searches that found nothing;
CSV; scoped to what a person curates; a constant number of queries."""

import csv
import io
import re
from datetime import timedelta

import pytest
from django.utils import timezone

from catalogue.models import SearchMiss
from demand.models import LearningNeed
from enrolment.models import WaitingListEntry
from tests.academy.factories import UserFactory
from tests.catalogue.factories import FacultyFactory, ModuleFactory, ModuleRunFactory, ThemeFactory
from tests.demand.factories import (
    InterestFactory,
    LearningNeedFactory,
    lecturer,
    office_user,
    portfolio_holder_of,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    science = FacultyFactory(name="Faculty of Science", slug="science")
    law = FacultyFactory(name="Faculty of Law", slug="law")
    data = ThemeFactory(name="Data & AI", slug="data-ai")
    health = ThemeFactory(name="Health & care", slug="health-care")
    ai = ModuleFactory(title="AI at work", faculty=science, themes=[data])
    privacy = ModuleFactory(title="Privacy law", faculty=law, themes=[data])
    for topic, learners, faculty, module, status in [
        ("AI for nurses", 20, science, ai, "with_faculty"),
        ("AI for teachers", 10, science, ai, "planned"),
        ("GDPR for HR", 7, law, privacy, "new"),
        ("Declined", 99, science, ai, "declined"),
        ("Offered", 50, science, ai, "offered"),
    ]:
        need = LearningNeedFactory(topic=topic, expected_learners=learners, status=status)
        need.faculties.add(faculty)
        need.modules.add(module)
        need.themes.add(*module.themes.all())
    into = LearningNeed.objects.get(topic="AI for nurses")
    merged = LearningNeedFactory(topic="AI in care", expected_learners=5,
                                 status="with_faculty", merged_into=into)  # fmt: skip
    merged.faculties.add(science)
    merged.themes.add(data)
    LearningNeedFactory(topic="No module yet", expected_learners=3).faculties.add(science)
    InterestFactory(theme=data)
    InterestFactory(module=ai)
    InterestFactory(theme=health, confirmed_at=None)  # unconfirmed: not counted
    run = ModuleRunFactory(module=ai, capacity=0)
    for _ in range(2):
        WaitingListEntry.objects.create(run=run, learner=UserFactory())
    week = timezone.localdate() - timedelta(days=timezone.localdate().weekday())
    SearchMiss.objects.create(term="quantum farming", week=week, count=4)
    SearchMiss.objects.create(term="quantum farming", week=week - timedelta(weeks=1), count=2)
    SearchMiss.objects.create(term="ancient", week=week - timedelta(weeks=30), count=50)
    return {"science": science, "law": law, "data": data}


def rows_of(page, heading_id):
    section = page.split(f'id="{heading_id}"', 1)[1].split("</section>", 1)[0]
    return section


def test_the_office_sees_every_faculty_with_the_right_numbers(client, world):
    client.force_login(office_user())
    response = client.get("/insights/demand/")
    themes = {t.name: t for t in response.context["themes"]}
    faculties = {f.name: f for f in response.context["faculties"]}

    data = themes["Data & AI"]  # two open science needs (+1 merged) and one open law need
    assert (data.open_needs, data.expected_learners) == (3, 20 + 10 + 5 + 7)
    assert (data.interest, data.waiting) == (2, 2)
    assert data.weight == 42 + 2 + 2
    science = faculties["Faculty of Science"]
    assert (science.open_needs, science.expected_learners) == (3, 20 + 10 + 5 + 3)
    assert (science.interest, science.waiting) == (1, 2)
    assert faculties["Faculty of Law"].open_needs == 1
    assert list(faculties) == ["Faculty of Science", "Faculty of Law"]  # heaviest first
    assert response.context["unthemed"]["open_needs"] == 1
    assert response.context["searches"] == [{"term": "quantum farming", "searches": 6}]
    page = response.content.decode()
    assert "/modules/?q=quantum%20farming" in page
    assert f"faculties__id__exact={world['science'].pk}" in page


def test_a_portfolio_holder_sees_only_their_faculty(client, world):
    client.force_login(portfolio_holder_of(world["law"]))
    response = client.get("/insights/demand/")
    assert [f.name for f in response.context["faculties"]] == ["Faculty of Law"]
    data = {t.name: t for t in response.context["themes"]}["Data & AI"]
    assert (data.open_needs, data.expected_learners, data.waiting) == (1, 7, 0)


def test_others_may_not(client, world):
    assert client.get("/insights/demand/").status_code == 302
    for person in (UserFactory(), lecturer()):
        client.force_login(person)
        assert client.get("/insights/demand/").status_code == 403
        assert client.get("/insights/demand/themes.csv").status_code == 403


def test_every_table_downloads_as_csv(client, world):
    client.force_login(office_user())
    response = client.get("/insights/demand/faculties.csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode().lstrip("\ufeff"))))
    assert rows[0][0] == "faculty" and rows[1][:3] == ["Faculty of Science", "3", "38"]
    searches = client.get("/insights/demand/searches.csv").content.decode()
    assert "quantum farming,6" in searches
    assert client.get("/insights/demand/secrets.csv").status_code == 404


def test_the_page_runs_a_constant_number_of_queries(client, world, django_assert_max_num_queries):
    client.force_login(office_user())
    with django_assert_max_num_queries(16) as small:
        client.get("/insights/demand/")
    theme = ThemeFactory(name="More")
    for number in range(30):
        module = ModuleFactory(faculty=world["law"], themes=[theme, world["data"]])
        need = LearningNeedFactory(expected_learners=number + 1, status="with_faculty")
        need.faculties.add(world["law"])
        need.modules.add(module)
        need.themes.add(theme, world["data"])
        InterestFactory(theme=theme)
    with django_assert_max_num_queries(len(small)):
        client.get("/insights/demand/")


def test_a_need_in_two_of_ones_faculties_counts_once_per_theme(client, world):
    holder = portfolio_holder_of(world["science"])
    world["law"].portfolio_holders.add(holder)
    LearningNeed.objects.get(topic="AI for nurses").faculties.add(world["law"])
    client.force_login(holder)
    data = {t.name: t for t in client.get("/insights/demand/").context["themes"]}["Data & AI"]
    assert (data.open_needs, data.expected_learners) == (3, 20 + 10 + 5 + 7)


def test_those_who_read_it_find_it_from_the_admin_and_the_teaching_page(client, world):
    holder = portfolio_holder_of(world["law"])
    client.force_login(holder)
    assert "/insights/demand/" in client.get("/teaching/").content.decode()
    client.force_login(office_user())
    assert "/insights/demand/" in client.get("/admin/").content.decode()
    client.force_login(lecturer())
    assert "/insights/demand/" not in client.get("/teaching/").content.decode()


def test_the_charts_draw_in_dutch_too(client, world):
    client.force_login(office_user())
    client.cookies["django_language"] = "nl"
    page = client.get("/insights/demand/").content.decode()
    assert "Vraag uit het werkveld" in page
    coordinates = re.findall(
        r'<rect x="([^"]+)" y="([^"]+)" width="([^"]+)" height="([^"]+)"', page
    )
    assert coordinates and all("," not in value for rect in coordinates for value in rect)
