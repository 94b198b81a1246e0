"""Open data: /api/v1/events (published events with sites, free places and agenda) and detail.

No personal data: registrations appear only as counts (free places per site). Speakers are
named as they are on the public event page.
"""

from __future__ import annotations

import re
from datetime import datetime

from django.http import Http404, HttpRequest
from django.urls import reverse
from ninja import Field, Query, Router, Schema

from lotse.core.links import absolute_url
from lotse.core.pagination import Page, PageParams, page_response

from .models import Event
from .selectors import event_public_detail, events_public_page

router = Router(tags=["Veranstaltungen"])

SLUG_RE = re.compile(r"[-a-zA-Z0-9_]{1,120}")


class ActorOut(Schema):
    slug: str
    name: str


class SiteOut(Schema):
    id: int
    name: str
    is_online: bool
    venue: str
    street: str
    postcode: str
    city: str
    district: str | None = Field(None, description="Kennung des Landkreises/der Stadt")
    capacity: int | None = Field(None, description="Plätze; null = unbegrenzt (online)")
    free_places: int | None = Field(None, description="freie Plätze jetzt; null = unbegrenzt")
    step_free: bool
    hearing_loop: bool
    accessible_toilet: bool
    accessibility_notes: str


class SpeakerOut(Schema):
    name: str
    organisation: str = ""
    role: str = ""


class SessionOut(Schema):
    starts_at: datetime
    ends_at: datetime | None
    title: str
    site: str | None = Field(None, description="Standort; null = alle Standorte (Livestream)")
    working_group: str | None
    speakers: list[SpeakerOut]


class WorkingGroupOut(Schema):
    id: int
    title: str
    site: str | None
    capacity: int | None
    free_places: int | None


class EventOut(Schema):
    slug: str
    title: str
    summary: str
    kind: str
    status: str
    starts_at: datetime
    ends_at: datetime
    registration_opens_at: datetime | None
    registration_closes_at: datetime | None
    url: str = Field(description="Seite der Veranstaltung im Portal")
    api_url: str
    organiser: ActorOut
    topic_fields: list[str]
    sites: list[SiteOut]


class EventDetailOut(EventOut):
    co_organisers: list[ActorOut]
    working_groups: list[WorkingGroupOut]
    agenda: list[SessionOut]


def _sites(event: Event) -> list[dict]:
    return [
        {
            "id": site.pk,
            "name": site.name,
            "is_online": site.is_online,
            "venue": site.venue,
            "street": site.street,
            "postcode": site.postcode,
            "city": site.city,
            "district": site.district.slug if site.district else None,
            "capacity": site.capacity,
            "free_places": site.free_places,
            "step_free": site.step_free,
            "hearing_loop": site.hearing_loop,
            "accessible_toilet": site.accessible_toilet,
            "accessibility_notes": site.accessibility_notes,
        }
        for site in event.sites.all()
    ]


def _event(request: HttpRequest, event: Event) -> dict:
    return {
        "slug": event.slug,
        "title": event.title,
        "summary": event.summary,
        "kind": event.kind,
        "status": event.status,
        "starts_at": event.starts_at,
        "ends_at": event.ends_at,
        "registration_opens_at": event.registration_opens_at,
        "registration_closes_at": event.registration_closes_at,
        "url": absolute_url(reverse("events:detail", args=[event.slug])),
        "api_url": absolute_url(reverse("api-v1:event_detail", args=[event.slug])),
        "organiser": {"slug": event.organiser.slug, "name": event.organiser.name},
        "topic_fields": [topic.slug for topic in event.topic_fields.all()],
        "sites": _sites(event),
    }


class EventQuery(PageParams):
    past: bool = Field(False, description="true: vergangene Veranstaltungen, neueste zuerst")


@router.get(
    "", response=Page[EventOut], url_name="event_list", summary="Veröffentlichte Veranstaltungen"
)
def events_list(request: HttpRequest, params: Query[EventQuery]):
    """Kommende (oder mit `past=true` vergangene) veröffentlichte Veranstaltungen, seitenweise."""
    count, events = events_public_page(past=params.past, offset=params.offset, limit=params.limit)
    return page_response(
        request,
        items=[_event(request, event) for event in events],
        count=count,
        limit=params.limit,
        offset=params.offset,
    )


@router.get(
    "/{slug}",
    response=EventDetailOut,
    url_name="event_detail",
    summary="Eine Veranstaltung mit Programm",
)
def events_detail(request: HttpRequest, slug: str):
    # Not a slug (e.g. a NUL byte, which PostgreSQL refuses outright): no such event.
    event = event_public_detail(slug=slug) if SLUG_RE.fullmatch(slug) else None
    if event is None:
        raise Http404
    data = _event(request, event)
    data["co_organisers"] = [{"slug": a.slug, "name": a.name} for a in event.co_organisers.all()]
    data["working_groups"] = [
        {
            "id": group.pk,
            "title": group.title,
            "site": group.site.name if group.site else None,
            "capacity": group.capacity,
            "free_places": None
            if group.capacity is None
            else max(group.capacity - group.booked, 0),
        }
        for group in event.working_groups.all()
    ]
    data["agenda"] = [
        {
            "starts_at": session.starts_at,
            "ends_at": session.ends_at,
            "title": session.title,
            "site": session.site.name if session.site else None,
            "working_group": session.working_group.title if session.working_group else None,
            "speakers": [dict(block.value) for block in session.speakers],
        }
        for session in event.sessions.all()
    ]
    return data
