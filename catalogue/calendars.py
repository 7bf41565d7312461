"""Sessions as iCalendar (RFC 5545), in Europe/Amsterdam with its VTIMEZONE."""

from collections.abc import Iterable

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event

from catalogue.models import Session

PRODID = "-//Academy portal//Sessions//EN"


def session_event(session: Session, *, module_title: str, url: str) -> Event:
    event = Event()
    event.add("uid", f"session-{session.pk}@academy")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", timezone.localtime(session.starts_at))
    event.add("dtend", timezone.localtime(session.ends_at))
    event.add("summary", f"{module_title}: {session.title}")
    if session.mode == Session.Mode.ONLINE:
        # The meeting link is for enrolled learners only, never in a public calendar.
        event.add("location", str(session.get_mode_display()))
        event.add("description", f"{session.get_mode_display()}\n{url}")
    else:
        event.add("location", session.location)
        event.add("description", f"{session.get_mode_display()}: {session.location}\n{url}")
    event.add("url", url)
    return event


def calendar_for(sessions: Iterable[Session], *, name: str, module_title: str, url: str) -> bytes:
    return calendar_of(
        [session_event(session, module_title=module_title, url=url) for session in sessions],
        name=name,
    )


def calendar_of(events: Iterable[Event], *, name: str) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    for event in events:
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()
