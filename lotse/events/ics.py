"""iCalendar (.ics) files: one event (also attached to the confirmation mail) and a feed."""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.utils import timezone
from django.utils.html import strip_tags
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from .models import Event, Site

PRODID = "-//Lotse//Veranstaltungen//DE"


def _location(site: Site | None) -> str:
    if site is None:
        return ""
    if site.is_online:
        return "Online (Livestream)"
    parts = [site.venue, site.street, f"{site.postcode} {site.city}".strip(), site.room]
    return ", ".join(part for part in parts if part)


def _component(event: Event, *, url: str, site: Site | None = None) -> CalendarEvent:
    item = CalendarEvent()
    host = settings.WAGTAILADMIN_BASE_URL.split("//")[-1].split("/")[0]
    item.add("uid", f"event-{event.pk}{f'-site-{site.pk}' if site else ''}@{host}")
    item.add("summary", event.title)
    item.add("dtstart", event.starts_at)
    item.add("dtend", event.ends_at)
    item.add("dtstamp", timezone.now())
    description = event.summary
    if event.description:
        description += "\n\n" + strip_tags(event.description)
    item.add("description", f"{description}\n\n{url}")
    item.add("url", url)
    location = _location(site) if site else "; ".join(_location(s) for s in event.sites.all())
    if location:
        item.add("location", location)
    item.add("organizer", event.organiser.name, parameters={"CN": event.organiser.name})
    return item


def _calendar(name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    return calendar


def event_ics(event: Event, *, url: str, site: Site | None = None) -> bytes:
    """One event as an .ics file (with the participant's site as location when given)."""
    calendar = _calendar(event.title)
    calendar.add_component(_component(event, url=url, site=site))
    return calendar.to_ical()


def events_feed(events: Iterable[Event], *, url_for) -> bytes:
    """All given events in one calendar; `url_for(event)` makes the absolute page address."""
    calendar = _calendar("Lotse – Veranstaltungen")
    for event in events:
        calendar.add_component(_component(event, url=url_for(event)))
    return calendar.to_ical()
