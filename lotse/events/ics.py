"""iCalendar (.ics) files: one event (also attached to the confirmation mail) and a feed."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.conf import settings
from django.utils import timezone
from django.utils.html import strip_tags

from lotse.core.validators import CONTROL_CHARACTERS, one_line

from .models import Event, Site

if TYPE_CHECKING:  # imported where a file is made: the package costs every app server ~3 MB
    from icalendar import Calendar
    from icalendar import Event as CalendarEvent

PRODID = "-//Lotse//Veranstaltungen//DE"


def _text(value: str) -> str:
    """Multi-line text: line breaks kept as LF (icalendar escapes them as \\n), every other
    control character dropped."""
    lines = (value or "").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(CONTROL_CHARACTERS.sub(" ", line).strip() for line in lines)


def _location(site: Site | None) -> str:
    if site is None:
        return ""
    if site.is_online:
        return "Online (Livestream)"
    parts = [site.venue, site.street, f"{site.postcode} {site.city}", site.room]
    return ", ".join(one_line(part) for part in parts if one_line(part))


def _component(event: Event, *, url: str, site: Site | None = None) -> CalendarEvent:
    from icalendar import Event as CalendarEvent

    item = CalendarEvent()
    host = settings.WAGTAILADMIN_BASE_URL.split("//")[-1].split("/")[0]
    item.add("uid", f"event-{event.pk}{f'-site-{site.pk}' if site else ''}@{host}")
    # Names and titles are validated on save (no control characters); data written around the
    # validation (bulk updates, old rows) is put on one line here, so it can neither break a
    # property (icalendar refuses CR/LF in a CAL-ADDRESS or parameter) nor inject lines.
    item.add("summary", one_line(event.title))
    item.add("dtstart", event.starts_at)
    item.add("dtend", event.ends_at)
    item.add("dtstamp", timezone.now())
    description = one_line(event.summary)
    if event.description:
        description += "\n\n" + _text(strip_tags(event.description))
    item.add("description", f"{description}\n\n{url}")
    item.add("url", url)
    location = _location(site) if site else "; ".join(_location(s) for s in event.sites.all())
    if location:
        item.add("location", location)
    organiser = one_line(event.organiser.name)
    item.add("organizer", organiser, parameters={"CN": organiser})
    return item


def _calendar(name: str) -> Calendar:
    from icalendar import Calendar

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    return calendar


def event_ics(event: Event, *, url: str, site: Site | None = None) -> bytes:
    """One event as an .ics file (with the participant's site as location when given)."""
    calendar = _calendar(one_line(event.title))
    calendar.add_component(_component(event, url=url, site=site))
    return calendar.to_ical()


def events_feed(events: Iterable[Event], *, url_for) -> bytes:
    """All given events in one calendar; `url_for(event)` makes the absolute page address."""
    calendar = _calendar("Lotse – Veranstaltungen")
    for event in events:
        calendar.add_component(_component(event, url=url_for(event)))
    return calendar.to_ical()
