"""Enrolling in Chromium: a seat, a waiting list and an offer; My learning and its calendar."""

from datetime import time, timedelta
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar
from playwright.sync_api import expect

from catalogue.models import Session
from enrolment import services
from enrolment.models import Enrolment
from tests.academy.factories import MembershipFactory, UserFactory
from tests.catalogue.factories import ModuleRunFactory, SessionFactory, local_datetime
from tests.e2e.helpers import fits_a_phone, log_in
from tests.enrolment.factories import EnrolmentFactory, WaitingListEntryFactory

AMSTERDAM = ZoneInfo("Europe/Amsterdam")

pytestmark = pytest.mark.django_db(transaction=True)


def test_learners_enrol_wait_and_get_an_offer_after_a_cancellation(page, axe_violations):
    run = ModuleRunFactory(module__title="Data ethics", module__slug="data-ethics", capacity=1)
    SessionFactory(run=run, title="Kick-off")
    UserFactory(email="first@example.com")
    UserFactory(email="second@example.com")

    log_in(page, "first@example.com")
    page.goto("/modules/data-ethics/")
    page.get_by_role("link", name="Enrol").first.click()
    assert axe_violations(page) == []
    page.get_by_label("I accept the terms").check()
    page.get_by_role("button", name="Enrol").click()
    expect(page.get_by_text("You are enrolled for Data ethics.")).to_be_visible()
    expect(page.get_by_role("region", name="Your modules").get_by_text("Kick-off")).to_be_visible()
    assert axe_violations(page) == []

    log_in(page, "second@example.com")
    page.goto("/modules/data-ethics/")
    page.get_by_role("link", name="Join the waiting list").first.click()
    page.get_by_label("I accept the terms").check()
    page.get_by_role("button", name="Join the waiting list").click()
    expect(page.get_by_text("On the waiting list: number 1.")).to_be_visible()

    log_in(page, "first@example.com")
    page.goto("/me/")
    page.get_by_role("link", name="Cancel enrolment").click()
    expect(page.get_by_text("offered to the next person on the waiting list")).to_be_visible()
    assert axe_violations(page) == []
    page.get_by_role("button", name="Yes, cancel my enrolment").click()
    expect(page.get_by_text("Your enrolment has been cancelled.")).to_be_visible()

    log_in(page, "second@example.com")
    page.goto("/me/")
    expect(page.get_by_text("A seat has come free. It is held for you until")).to_be_visible()
    assert axe_violations(page) == []
    page.get_by_role("button", name="Accept the seat").click()
    expect(page.get_by_text("You are enrolled for Data ethics.")).to_be_visible()


@pytest.fixture
def calendar_app(chromium):
    """Fetch an address as a calendar app would: its own client, without the browser's login."""
    context = chromium.new_context(extra_http_headers={"User-Agent": "CalendarApp/1.0"})

    def fetch(url):
        response = context.request.get(url, max_redirects=0, fail_on_status_code=False)
        return response.status, response.headers.get("content-type", ""), response.body()

    yield fetch
    context.close()


def on_screen(moment):
    """How My learning writes a moment: Tue 29 Dec, 19:00 (in Amsterdam, in English)."""
    moment = moment.astimezone(AMSTERDAM)
    return f"{moment:%a} {moment.day} {moment:%b}, {moment:%H:%M}"


def test_learner_enrols_sees_sessions_and_subscribes_to_the_calendar_feed(
    page, live_server, calendar_app, axe_violations
):
    run = ModuleRunFactory(module__title="Data ethics", module__slug="data-ethics")
    webinar = SessionFactory(
        run=run,
        title="Kick-off webinar",
        starts_at=local_datetime(*run.start_date.timetuple()[:3], 19, 0),
        ends_at=local_datetime(*run.start_date.timetuple()[:3], 21, 0),
        mode=Session.Mode.ONLINE,
        location="",
        online_url="https://meet.example.org/data-ethics-kick-off",
    )
    campus_day = run.start_date + timedelta(days=7)
    workshop = SessionFactory(
        run=run,
        title="Campus workshop",
        starts_at=local_datetime(*campus_day.timetuple()[:3], 9, 30),
        ends_at=local_datetime(*campus_day.timetuple()[:3], 16, 0),
        location="Academiegebouw, zaal 1.12, Domplein 29, Utrecht",
    )
    # Someone else's module: its session must stay out of this learner's feed.
    SessionFactory(run__module__title="Other module", title="Not yours")
    UserFactory(email="learner@example.com")

    log_in(page, "learner@example.com")
    page.goto("/modules/data-ethics/")
    page.get_by_role("link", name="Enrol").first.click()
    page.get_by_label("I accept the terms").check()
    page.get_by_role("button", name="Enrol").click()

    # My learning: the module with both sessions, when, where and the online link.
    expect(page).to_have_url(f"{live_server.url}/me/")
    expect(page.get_by_text("You are enrolled for Data ethics.")).to_be_visible()
    modules = page.get_by_role("region", name="Your modules")
    expect(modules.get_by_role("link", name="Data ethics", exact=True)).to_be_visible()
    expect(modules.get_by_role("listitem").filter(has_text="Kick-off webinar")).to_have_text(
        f"{on_screen(webinar.starts_at)}–21:00 · Kick-off webinar · online link Kick-off webinar"
    )
    expect(modules.get_by_role("link", name="online link Kick-off webinar")).to_have_attribute(
        "href", "https://meet.example.org/data-ethics-kick-off"
    )
    expect(modules.get_by_role("listitem").filter(has_text="Campus workshop")).to_have_text(
        f"{on_screen(workshop.starts_at)}–16:00 · Campus workshop · "
        "Academiegebouw, zaal 1.12, Domplein 29, Utrecht"
    )
    upcoming = page.get_by_role("region", name="Upcoming sessions").get_by_role("listitem")
    expect(upcoming).to_have_count(2)
    expect(upcoming.first).to_contain_text("Data ethics · Kick-off webinar")
    expect(
        upcoming.first.get_by_role("link", name="Join online Kick-off webinar")
    ).to_have_attribute("href", "https://meet.example.org/data-ethics-kick-off")
    expect(upcoming.last).to_contain_text("Data ethics · Campus workshop")
    expect(upcoming.last).to_contain_text("Academiegebouw, zaal 1.12, Domplein 29, Utrecht")

    # The address offered for subscribing, as the learner would copy it.
    calendar = page.get_by_role("region", name="Your calendar")
    address = calendar.get_by_label("Subscribe to your sessions in your calendar app")
    expect(address).to_be_visible()
    expect(address).not_to_be_editable()
    feed_url = address.input_value()
    assert feed_url.startswith(f"{live_server.url}/me/calendar/")
    assert feed_url.endswith(".ics")
    for link in calendar.locator("a[href^='webcal:']").all():  # none offered yet
        webcal = urlsplit(link.get_attribute("href"))
        assert webcal.path == urlsplit(feed_url).path

    # The calendar app fetches it without the browser's login.
    assert calendar_app(f"{live_server.url}/me/")[0] == 302  # not logged in
    status, content_type, body = calendar_app(feed_url)
    assert status == 200
    assert content_type.startswith("text/calendar")
    feed = Calendar.from_ical(body)
    events = {str(event["SUMMARY"]): event for event in feed.walk("VEVENT")}
    assert set(events) == {"Data ethics: Kick-off webinar", "Data ethics: Campus workshop"}
    assert [str(tz["TZID"]) for tz in feed.walk("VTIMEZONE")] == ["Europe/Amsterdam"]
    online = events["Data ethics: Kick-off webinar"]
    assert online["DTSTART"].params["TZID"] == "Europe/Amsterdam"
    assert online["DTSTART"].dt == webinar.starts_at
    assert online["DTSTART"].dt.astimezone(AMSTERDAM).time() == time(19, 0)
    assert str(online["LOCATION"]) == "https://meet.example.org/data-ethics-kick-off"
    on_campus = events["Data ethics: Campus workshop"]
    assert on_campus["DTSTART"].params["TZID"] == "Europe/Amsterdam"
    assert on_campus["DTSTART"].dt == workshop.starts_at
    assert on_campus["DTSTART"].dt.astimezone(AMSTERDAM).time() == time(9, 30)
    assert on_campus["DTEND"].dt.astimezone(AMSTERDAM).time() == time(16, 0)
    assert str(on_campus["LOCATION"]) == "Academiegebouw, zaal 1.12, Domplein 29, Utrecht"

    # A new address: the old one stops working, the new one serves the same sessions.
    calendar.get_by_role("button", name="Make a new address").click()
    expect(
        page.get_by_text("Your calendar feed has a new address; the old one no longer works.")
    ).to_be_visible()
    expect(address).not_to_have_value(feed_url)
    new_feed_url = address.input_value()
    assert new_feed_url.startswith(f"{live_server.url}/me/calendar/")
    assert calendar_app(feed_url)[0] == 404
    status, content_type, body = calendar_app(new_feed_url)
    assert status == 200
    assert content_type.startswith("text/calendar")
    summaries = {str(event["SUMMARY"]) for event in Calendar.from_ical(body).walk("VEVENT")}
    assert summaries == set(events)

    violations = axe_violations(page)
    assert violations == [], axe_violations.describe(violations)


def test_my_learning_tells_each_place_apart_warns_of_overlaps_and_asks_before_cancelling(
    page, axe_violations
):
    learner = UserFactory(email="learner@example.com", first_name="Noor")
    membership = MembershipFactory(user=learner, organisation__name="Gemeente Utrecht")
    ethics = EnrolmentFactory(learner=learner, run__module__title="Data ethics").run
    day = ethics.start_date.timetuple()[:3]
    SessionFactory(run=ethics, title="Ethics lab", starts_at=local_datetime(*day, 13),
                   ends_at=local_datetime(*day, 16),
                   location="Ruppert building, Leuvenlaan 21, Utrecht")  # fmt: skip
    law = EnrolmentFactory(
        learner=learner, run__module__title="Privacy law for professionals in the public sector",
        run__start_date=ethics.start_date, payer="employer", organisation=membership.organisation,
        status=Enrolment.Status.AWAITING_APPROVAL,
    ).run  # fmt: skip
    SessionFactory(run=law, title="GDPR seminar", starts_at=local_datetime(*day, 15),
                   ends_at=local_datetime(*day, 17),
                   location="Drift 21, Utrecht")  # fmt: skip
    WaitingListEntryFactory(learner=UserFactory(), run=ModuleRunFactory(capacity=0))
    WaitingListEntryFactory(learner=learner, run=ModuleRunFactory(
        capacity=0, module__title="Leading change"))  # fmt: skip
    offered = ModuleRunFactory(capacity=1, module__title="Statistics for policy")
    WaitingListEntryFactory(learner=learner, run=offered)
    services.promote_waitlist(run=offered)

    log_in(page, "learner@example.com")
    page.goto("/me/")

    modules = page.get_by_role("region", name="Your modules")
    for words in ("Confirmed", "Awaiting approval", "On the waiting list", "Seat offered"):
        expect(modules.locator(".enrolment-status", has_text=words)).to_be_visible()
    expect(modules.get_by_text("Waiting for your employer's approval")).to_be_visible()
    expect(modules.get_by_text("GDPR seminar", exact=False).first).to_be_visible()  # the clash
    expect(modules.get_by_text("A seat has come free. It is held for you until")).to_be_visible()
    expect(modules.get_by_text("Overlap:")).to_have_count(2)
    violations = axe_violations(page)
    assert violations == [], axe_violations.describe(violations)
    fits_a_phone(page, "my-learning")

    modules.get_by_role("link", name="Cancel enrolment Data ethics").click()
    expect(
        page.get_by_role("heading", name="Cancel your enrolment for Data ethics?")
    ).to_be_visible()
    violations = axe_violations(page)
    assert violations == [], axe_violations.describe(violations)
    fits_a_phone(page, "cancel-confirmation")
    page.get_by_role("link", name="Keep my seat").click()
    expect(page.get_by_role("region", name="Your modules")).to_be_visible()
    assert Enrolment.objects.get(run=ethics).status == Enrolment.Status.CONFIRMED
