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


@pytest.mark.parametrize("runs", [2, 6])
def test_module_page_for_a_learner_with_places_in_its_runs_keeps_its_query_count(
    client, django_assert_max_num_queries, runs
):
    from tests.enrolment.factories import EnrolmentFactory, WaitingListEntryFactory

    learner = UserFactory()
    module = ModuleFactory(slug="many", themes=[ThemeFactory()], partners=[PartnerFactory()])
    for number in range(runs):
        run = ModuleRunFactory(module=module)
        SessionFactory.create_batch(3, run=run)
        TeachingFactory(run=run)
        if number % 2:
            WaitingListEntryFactory(run=run, learner=learner)
        else:
            EnrolmentFactory(run=run, learner=learner)
    client.force_login(learner)

    # the page's 9 (as above), the session and the user, the learner's seats and places (2)
    with django_assert_max_num_queries(13):
        response = client.get("/modules/many/")
    seats = len(range(0, runs, 2))  # every other run; the first is in the glance as well
    assert response.content.decode().count("You are enrolled") == seats + 1

    # From the cache: only the session, the user and the learner's own seats and places.
    with django_assert_max_num_queries(4):
        client.get("/modules/many/")


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


def glance(html: str) -> str:
    """The "At a glance" block of a module page."""
    return re.search(r'<aside[^>]*aria-labelledby="facts".*?</aside>', html, re.S).group(0)


def test_at_a_glance_comes_first_with_the_next_run_its_price_and_enrol(client, module):
    module.vat_rate = 21
    module.save()

    html = client.get("/modules/responsible-ai/").content.decode()

    # Straight after the title and summary (on a phone, the first thing after them).
    assert html.index("At a glance") < html.index("About this module")
    block = glance(html)
    for text in [
        "Next run",
        "4 Mar 2027 –",
        "15 Apr 2027",
        "Blended",
        "€1,450.00",
        "excl. VAT; €1,754.50 incl. 21% VAT",
        "24 seats left",
        "84 hours · 3 ECTS",
        "EQF/NLQF 6 (bachelor)",
        "English",
        'href="/modules/responsible-ai/2027-03/enrol/"',
    ]:
        assert text in block, text
    assert ">Enrol<" in block


def test_at_a_glance_skips_a_run_not_yet_open_and_offers_a_full_ones_waiting_list(client):
    module = ModuleFactory(slug="ethics")
    ModuleRunFactory(module=module, code="soon", start_date=date(2027, 2, 1),
                     end_date=date(2027, 3, 1), status="planned")  # fmt: skip
    ModuleRunFactory(module=module, code="full", start_date=date(2027, 5, 3),
                     end_date=date(2027, 6, 7), capacity=0, location="Utrecht")  # fmt: skip

    block = glance(client.get("/modules/ethics/").content.decode())

    assert "3 May 2027 –" in block and "7 Jun 2027" in block and "Blended · Utrecht" in block
    assert "Full: join the waiting list" in block
    assert 'href="/modules/ethics/full/enrol/">Join the waiting list' in block
    assert "All 2 dates and their sessions" in block


def test_a_run_whose_enrolment_has_not_opened_says_so_instead_of_enrol(client):
    module = ModuleFactory(slug="later")
    ModuleRunFactory(module=module, code="autumn", enrolment_opens=date(2099, 1, 1))

    html = client.get("/modules/later/").content.decode()

    assert "Enrolment for this run has not opened yet." in glance(html)
    assert "/modules/later/autumn/enrol/" not in html


def test_at_a_glance_without_runs_asks_to_be_told(client):
    ModuleFactory(slug="someday", price=800)

    block = glance(client.get("/modules/someday/").content.decode())

    assert "No dates are planned yet." in block and 'href="#tell-me-when"' in block
    assert "€800.00" in block
