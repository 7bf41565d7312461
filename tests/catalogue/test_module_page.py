"""The module page, its schema.org JSON-LD and the run's calendar file."""

import json
import re
from datetime import date, time

import pytest
from icalendar import Calendar

from catalogue.models import Module, Session
from tests.academy.factories import UserFactory
from tests.catalogue.factories import (
    ModuleFactory,
    ModuleRunFactory,
    PartnerFactory,
    SessionFactory,
    TeachingFactory,
    ThemeFactory,
    local_datetime,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def module():
    module = ModuleFactory(
        title="Responsible AI for policy makers",
        slug="responsible-ai",
        learning_outcomes=["Assess the risks of an algorithm", "Write a policy brief"],
        target_audience="Policy advisers at ministries and municipalities.",
        themes=[ThemeFactory(name="Data & AI")],
        partners=[PartnerFactory(name="Hogeschool Rivierenland")],
        price=1450,
    )
    run = ModuleRunFactory(module=module, code="2027-03", start_date=date(2027, 3, 4),
                           end_date=date(2027, 4, 15), capacity=24)  # fmt: skip
    SessionFactory(
        run=run, title="Kick-off",
        starts_at=local_datetime(2027, 3, 4, 13, 30),
        ends_at=local_datetime(2027, 3, 4, 17, 0),
    )  # fmt: skip
    SessionFactory(
        run=run, title="Online clinic", mode=Session.Mode.ONLINE, location="",
        online_url="https://meet.example.org/ai",
        starts_at=local_datetime(2027, 4, 1, 19, 0),
        ends_at=local_datetime(2027, 4, 1, 21, 0),
    )  # fmt: skip
    TeachingFactory(run=run, lecturer__first_name="Maria", lecturer__last_name="de Jong")
    return module


def test_module_page_shows_what_a_professional_needs_to_decide(client, module):
    response = client.get("/modules/responsible-ai/")

    html = response.content.decode()
    assert response.status_code == 200
    for text in [
        "Responsible AI for policy makers",
        "Assess the risks of an algorithm",
        "Policy advisers at ministries",
        "Hogeschool Rivierenland",
        "Data &amp; AI",
        "Maria de Jong",
        "Kick-off",
        "13:30–17:00",
        "Academiegebouw, zaal 1.12",
        "24 seats left",
        "€1,450.00",
        "84 hours",
        "3 ECTS",
        "Microcredential",
        "/modules/responsible-ai/2027-03/calendar.ics",
    ]:
        assert text in html, text
    assert "https://meet.example.org/ai" not in html  # the link is for enrolled learners


def test_module_page_embeds_course_json_ld_with_a_course_instance_per_run(client, module):
    ModuleRunFactory(
        module=module, code="2027-09", start_date=date(2027, 9, 2), end_date=date(2027, 10, 14)
    )

    html = client.get("/modules/responsible-ai/").content.decode()

    json_ld = r'<script type="application/ld\+json"[^>]*>(.*?)</script>'
    block = re.search(json_ld, html, re.S).group(1)
    course = json.loads(block)
    assert course["@context"] == "https://schema.org"
    assert course["@type"] == "Course"
    assert course["name"] == "Responsible AI for policy makers"
    assert course["provider"]["@type"] == "CollegeOrUniversity"
    assert course["offers"] == {
        "@type": "Offer",
        "category": "Paid",
        "price": "1450.00",
        "priceCurrency": "EUR",
    }
    assert course["teaches"] == ["Assess the risks of an algorithm", "Write a policy brief"]
    instances = course["hasCourseInstance"]
    assert [i["startDate"] for i in instances] == ["2027-03-04", "2027-09-02"]
    assert instances[0]["courseMode"] == "blended"
    assert instances[0]["instructor"] == [{"@type": "Person", "name": "Maria de Jong"}]


def test_json_ld_cannot_be_broken_out_of_by_module_text(client):
    ModuleFactory(slug="evil", title="</script><script>alert(1)</script>")

    html = client.get("/modules/evil/").content.decode()

    assert "<script>alert(1)" not in html


def test_draft_module_is_not_public_but_its_curator_can_preview_it(client, module):
    module.status = Module.Status.DRAFT
    module.save()

    assert client.get("/modules/responsible-ai/").status_code == 404
    assert client.get("/modules/responsible-ai/2027-03/calendar.ics").status_code == 404

    holder = UserFactory(is_staff=True)
    module.faculty.portfolio_holders.add(holder)
    client.force_login(holder)
    response = client.get("/modules/responsible-ai/")
    assert response.status_code == 200
    assert "Preview: this module is not public" in response.content.decode()


def test_other_staff_cannot_preview_another_facultys_draft(client, module):
    module.status = Module.Status.DRAFT
    module.save()
    client.force_login(UserFactory(is_staff=True))

    assert client.get("/modules/responsible-ai/").status_code == 404


def test_calendar_has_the_sessions_in_amsterdam_time(client, module):
    response = client.get("/modules/responsible-ai/2027-03/calendar.ics")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert 'filename="responsible-ai-2027-03.ics"' in response["Content-Disposition"]
    calendar = Calendar.from_ical(response.content)
    timezones = calendar.walk("VTIMEZONE")
    assert [str(tz["TZID"]) for tz in timezones] == ["Europe/Amsterdam"]
    events = calendar.walk("VEVENT")
    assert [str(e["SUMMARY"]) for e in events] == [
        "Responsible AI for policy makers: Kick-off",
        "Responsible AI for policy makers: Online clinic",
    ]
    kickoff, clinic = (e.decoded("DTSTART") for e in events)
    # Winter time (UTC+1) in March, summer time (UTC+2) in April: wall-clock times stay put.
    assert (kickoff.time(), kickoff.utcoffset().total_seconds()) == (time(13, 30), 3600)
    assert (clinic.time(), clinic.utcoffset().total_seconds()) == (time(19, 0), 7200)
    assert b"DTSTART;TZID=Europe/Amsterdam:20270304T133000" in response.content
    assert str(events[1]["LOCATION"]) == "Online"
    assert b"meet.example.org" not in response.content  # the link is for enrolled learners
    assert len({str(e["UID"]) for e in events}) == 2


def test_unknown_run_calendar_is_404(client, module):
    assert client.get("/modules/responsible-ai/1999-01/calendar.ics").status_code == 404


@pytest.mark.parametrize("runs", [1, 6])
def test_module_page_query_count_does_not_grow_with_runs(
    client, django_assert_max_num_queries, runs
):
    module = ModuleFactory(
        slug="many", themes=[ThemeFactory(), ThemeFactory()], partners=[PartnerFactory()]
    )
    for _ in range(runs):
        run = ModuleRunFactory(module=module)
        SessionFactory.create_batch(4, run=run)
        TeachingFactory.create_batch(2, run=run)

    # module, themes, partners, runs, sessions, teachings with lecturers, seats taken (2),
    # the participants' rating
    with django_assert_max_num_queries(9):
        response = client.get("/modules/many/")

    assert response.status_code == 200


def test_module_page_is_cached_and_follows_changes(
    client, module, django_assert_num_queries, django_capture_on_commit_callbacks
):
    client.get("/modules/responsible-ai/")
    with django_assert_num_queries(0):
        client.get("/modules/responsible-ai/")

    with django_capture_on_commit_callbacks(execute=True):
        module.title = "Responsible AI for public leaders"
        module.save()

    assert (
        "Responsible AI for public leaders"
        in client.get("/modules/responsible-ai/").content.decode()
    )
    with django_capture_on_commit_callbacks(execute=True):
        module.status = Module.Status.ARCHIVED
        module.save()
    assert client.get("/modules/responsible-ai/").status_code == 404


def test_seats_left_count_enrolments_and_open_offers(client, module):
    from enrolment import services as enrolment

    run = module.runs.get()
    for _ in range(3):
        enrolment.enrol(run=run, learner=UserFactory())

    html = client.get("/modules/responsible-ai/").content.decode()

    assert "21 seats left" in html
