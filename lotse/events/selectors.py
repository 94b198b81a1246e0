"""Reads of the public event pages, the registration flow and the open data (no writes)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from itertools import groupby

from django.core.cache import caches
from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from lotse.core.mail import mail_progress

from .models import (
    PUBLIC_STATUSES,
    CustomQuestion,
    Event,
    EventKind,
    EventMessage,
    Registration,
    RegistrationStatus,
    Session,
    Site,
    WorkingGroup,
)


@dataclass(frozen=True)
class EventFilters:
    kind: str = ""
    topic_field: str = ""  # TopicField slug
    district: str = ""  # Region slug

    def apply(self, queryset: QuerySet[Event]) -> QuerySet[Event]:
        if self.kind in EventKind.values:
            queryset = queryset.filter(kind=self.kind)
        if self.topic_field:
            queryset = queryset.filter(topic_fields__slug=self.topic_field)
        if self.district:
            queryset = queryset.filter(sites__district__slug=self.district)
        return queryset.distinct() if self.topic_field or self.district else queryset


def _list_queryset() -> QuerySet[Event]:
    return (
        Event.objects.public()
        .select_related("organiser")
        .prefetch_related(
            "topic_fields",
            Prefetch(
                "sites",
                queryset=Site.objects.select_related("district").order_by("sort_order", "pk"),
            ),
        )
    )


def events_upcoming(
    *, filters: EventFilters | None = None, now: datetime | None = None
) -> list[Event]:
    """Published events that have not ended yet, soonest first."""
    now = now or timezone.now()
    queryset = (filters or EventFilters()).apply(_list_queryset().filter(ends_at__gte=now))
    return list(queryset.order_by("starts_at", "title"))


def events_upcoming_by_topic(
    *, slugs: list[str], per_topic: int, now: datetime | None = None
) -> dict[str, list[Event]]:
    """The next `per_topic` published events of each topic field (by slug), soonest first.

    One windowed query over the topic-field rows plus the list's prefetches, whatever the number
    of topic fields or events (the Wegweiser's plan asks for all its measures at once).
    """
    from django.db.models import F, Window
    from django.db.models.functions import RowNumber

    if not slugs:
        return {}
    now = now or timezone.now()
    through = Event.topic_fields.through
    rows = list(
        through.objects.filter(
            topicfield__slug__in=sorted(set(slugs)),
            event__in=Event.objects.public().filter(ends_at__gte=now),
        )
        .annotate(
            rank=Window(
                RowNumber(),
                partition_by=[F("topicfield_id")],
                order_by=[F("event__starts_at").asc(), F("event__title").asc()],
            )
        )
        .filter(rank__lte=per_topic)
        .values_list("topicfield__slug", "event_id")
    )
    events = {event.pk: event for event in _list_queryset().filter(pk__in={e for _s, e in rows})}
    found: dict[str, list[Event]] = {}
    for slug, event_id in rows:
        if event_id in events:
            found.setdefault(slug, []).append(events[event_id])
    for items in found.values():
        items.sort(key=lambda event: (event.starts_at, event.title))
    return found


def events_past(
    *, filters: EventFilters | None = None, now: datetime | None = None, limit: int = 20
) -> list[Event]:
    """Published events that are over, latest first."""
    now = now or timezone.now()
    queryset = (filters or EventFilters()).apply(_list_queryset().filter(ends_at__lt=now))
    return list(queryset.order_by("-starts_at", "title")[:limit])


def events_public_page(
    *,
    past: bool,
    offset: int,
    limit: int,
    now: datetime | None = None,
    filters: EventFilters | None = None,
) -> tuple[int, list[Event]]:
    """The open data's list (and a topic page's events): how many upcoming (or past) published
    events, and one slice of them, soonest (or latest) first."""
    now = now or timezone.now()
    base = (filters or EventFilters()).apply(_list_queryset())
    if past:
        queryset = base.filter(ends_at__lt=now).order_by("-starts_at", "title")
    else:
        queryset = base.filter(ends_at__gte=now).order_by("starts_at", "title")
    return queryset.count(), list(queryset[offset : offset + limit])


def event_public_detail(*, slug: str) -> Event | None:
    """One public event with everything its page shows, in a constant number of queries."""
    return (
        Event.objects.public()
        .filter(slug=slug)
        .select_related("organiser")
        .prefetch_related(
            "topic_fields",
            "languages",
            "co_organisers",
            Prefetch(
                "sites",
                queryset=Site.objects.select_related("district")
                .annotate(
                    waiting=Count(
                        "registrations",
                        filter=Q(registrations__status=RegistrationStatus.WAITLISTED),
                    )
                )
                .order_by("sort_order", "pk"),
            ),
            Prefetch(
                "working_groups",
                queryset=WorkingGroup.objects.select_related("site").order_by("sort_order", "pk"),
            ),
            Prefetch(
                "sessions",
                queryset=Session.objects.select_related("site", "working_group")
                .prefetch_related("documents")
                .order_by("starts_at", "sort_order", "pk"),
            ),
            "questions",
        )
        .first()
    )


@dataclass(frozen=True)
class RegistrationSetup:
    """What the registration form is built from: the event, its sites, groups and questions."""

    event: Event
    sites: list[Site]
    working_groups: list[WorkingGroup]
    questions: list[CustomQuestion]


# An event, its sites, working groups and questions change only by saving the event (the
# back-office form) or one of its children (which moves the event's `updated_at` too, see
# signals.py): they are cached per event version, in each process's memory. Bump
# SETUP_CACHE_VERSION when the cached shape changes.
SETUP_CACHE_VERSION = 1
SETUP_CACHE_SECONDS = 600


def _setup_cache_key(event_id: int, version: datetime) -> str:
    return f"events:registration-setup:v{SETUP_CACHE_VERSION}:{event_id}:{version.isoformat()}"


def registration_setup(*, slug: str) -> RegistrationSetup | None:
    """The published event behind the registration form, or None.

    One query on every call reads the event's version (`updated_at`) with the seat counters
    of its sites, which must be current (plus one for the counters of its working groups, if
    any). The event itself, its sites, groups and questions come from the cache when it holds
    this version; otherwise they are read (5 queries) and cached.
    """
    counters = list(
        Site.objects.filter(event__slug=slug, event__status__in=PUBLIC_STATUSES).values_list(
            "event_id", "event__updated_at", "pk", "booked"
        )
    )
    cache = caches["local"]  # the key holds the event's version: never stale
    cached = cache.get(_setup_cache_key(counters[0][0], counters[0][1])) if counters else None
    if cached is None:
        return _registration_setup_read(slug=slug)
    event, sites, groups, questions = cached
    booked = {pk: value for _event_id, _version, pk, value in counters}
    sites = [site for site in sites if site.pk in booked]
    for site in sites:
        site.booked = booked[site.pk]
    if groups:
        group_booked = dict(WorkingGroup.objects.filter(event=event).values_list("pk", "booked"))
        groups = [group for group in groups if group.pk in group_booked]
        for group in groups:
            group.booked = group_booked[group.pk]
    return RegistrationSetup(event=event, sites=sites, working_groups=groups, questions=questions)


def _registration_setup_read(*, slug: str) -> RegistrationSetup | None:
    """Read the event and everything the form is built from, and cache it under its version."""
    try:
        event = Event.objects.public().get(slug=slug)
    except Event.DoesNotExist:
        return None
    sites = list(Site.objects.filter(event=event).order_by("sort_order", "pk"))
    groups = list(
        WorkingGroup.objects.filter(event=event).select_related("site").order_by("sort_order", "pk")
    )
    questions = list(CustomQuestion.objects.filter(event=event).order_by("sort_order", "pk"))
    caches["local"].set(
        _setup_cache_key(event.pk, event.updated_at),
        (event, sites, groups, questions),
        SETUP_CACHE_SECONDS,
    )
    return RegistrationSetup(event=event, sites=sites, working_groups=groups, questions=questions)


def agenda_slots(sessions: list[Session]) -> list[tuple[datetime, list[Session]]]:
    """Sessions grouped by their start time (parallel sessions share one slot)."""
    return [(start, list(items)) for start, items in groupby(sessions, key=lambda s: s.starts_at)]


def registration_by_token(*, token: str) -> Registration | None:
    """The live (not anonymised) registration behind a personal link, or None."""
    if not token or len(token) > 64:
        return None
    return (
        Registration.objects.filter(token=token, anonymised_at__isnull=True)
        .select_related("event", "site", "event__organiser")
        .prefetch_related("working_groups")
        .first()
    )


def registrations_by_ids(*, ids: list[int]) -> list[Registration]:
    return list(
        Registration.objects.filter(pk__in=ids, anonymised_at__isnull=True)
        .select_related("site", "event")
        .order_by("pk")
    )


def stream_url_for(*, registration: Registration) -> str:
    """The live-stream link, only for confirmed online participants (else empty)."""
    site = registration.site
    if registration.status == RegistrationStatus.CONFIRMED and site.is_online:
        return site.stream_url
    return ""


def waitlist_position(*, registration: Registration) -> int | None:
    """1-based place on the site's waiting list (arrival order), or None when not waiting."""
    if registration.status != RegistrationStatus.WAITLISTED:
        return None
    return Registration.objects.filter(
        site_id=registration.site_id,
        status=RegistrationStatus.WAITLISTED,
        pk__lte=registration.pk,
    ).count()


def waitlist_positions(*, registrations: list[Registration]) -> dict[int, int]:
    """`waitlist_position` of many registrations in one query: {registration id: position}
    for those waiting."""
    waiting = [r for r in registrations if r.status == RegistrationStatus.WAITLISTED]
    if not waiting:
        return {}
    ahead = (
        Registration.objects.filter(
            site_id__in={r.site_id for r in waiting},
            status=RegistrationStatus.WAITLISTED,
            pk__lte=max(r.pk for r in waiting),
        )
        .order_by("site_id", "pk")
        .values_list("site_id", "pk")
    )
    positions: dict[int, int] = {}
    counts: dict[int, int] = {}
    for site_id, pk in ahead:
        counts[site_id] = counts.get(site_id, 0) + 1
        positions[pk] = counts[site_id]
    return {r.pk: positions[r.pk] for r in waiting if r.pk in positions}


def sites_with_room(*, event: Event, exclude_site_id: int | None = None) -> list[Site]:
    """Sites of the event that have a free place now (alternatives to a full site)."""
    sites = [site for site in event.sites.all() if site.pk != exclude_site_id]
    return [site for site in sites if site.capacity is None or site.booked < site.capacity]


# --- messages to participants (outbox progress) ----------------------------------------------


def message_batch(message: EventMessage) -> str:
    """The outbox batch of one message (its progress is counted by it)."""
    return f"events.message:{message.pk}"


def messages_with_progress(*, event: Event, limit: int = 10) -> list[EventMessage]:
    """The latest messages of an event, each with `progress` (counts by outbox status)."""
    messages = list(event.messages.select_related("site").order_by("-sent_at", "-pk")[:limit])
    progress = mail_progress(batches=[message_batch(message) for message in messages])
    for message in messages:
        counts = progress.get(message_batch(message), {})
        message.progress = {
            "sent": counts.get("sent", 0),
            "waiting": counts.get("queued", 0) + counts.get("sending", 0),
            "failed": counts.get("failed", 0) + counts.get("cancelled", 0),
        }
    return messages
