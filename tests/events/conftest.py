"""Event fixtures: `make_event(...)` creates a public event with open registration and sites."""

import itertools
from datetime import timedelta

import pytest
from django.utils import timezone

from lotse.core import roles
from lotse.core.models import ActorType
from lotse.events.models import (
    SEAT_STATUSES,
    Event,
    EventKind,
    EventStatus,
    Registration,
    Site,
    WorkingGroup,
)
from lotse.network.models import Actor

from .factories import client_for as backoffice_client
from .factories import make_event as backoffice_event
from .factories import make_user as backoffice_user

_counter = itertools.count(1)


def create_event(
    *,
    capacities=(50,),
    online=False,
    status=EventStatus.REGISTRATION_OPEN,
    starts_in=timedelta(days=14),
    **kwargs,
) -> Event:
    number = next(_counter)
    organiser = kwargs.pop("organiser", None) or Actor.objects.create(
        name=f"Veranstalter {number}",
        slug=f"veranstalter-{number}",
        actor_type=ActorType.objects.order_by("pk").first()
        or ActorType.objects.create(slug="testtyp", name="Testtyp"),
        is_published=True,
    )
    starts_at = timezone.now() + starts_in
    defaults = {
        "title": f"Netzwerktreffen {number}",
        "slug": f"netzwerktreffen-{number}",
        "summary": "Austausch zu Fachkräftesicherung",
        "kind": EventKind.NETWORK_MEETING,
        "status": status,
        "organiser": organiser,
        "starts_at": starts_at,
        "ends_at": starts_at + timedelta(hours=6),
    }
    event = Event.objects.create(**{**defaults, **kwargs})
    for index, capacity in enumerate(capacities):
        Site.objects.create(
            event=event,
            name=f"Standort {index + 1}",
            city=f"Stadt {index + 1}",
            street="Hauptstraße 1",
            postcode="09111",
            capacity=capacity,
            sort_order=index,
        )
    if online:
        Site.objects.create(
            event=event,
            name="Online",
            is_online=True,
            capacity=None,
            stream_url="https://stream.example/live",
            sort_order=len(capacities),
        )
    return event


def assert_counters(event: Event) -> None:
    """The invariant: each counter equals the number of registrations holding a place."""
    for site in Site.objects.filter(event=event):
        seated = Registration.objects.filter(site=site, status__in=SEAT_STATUSES).count()
        assert site.booked == seated, f"{site}: booked {site.booked} != {seated} seated"
        if site.capacity is not None:
            assert site.booked <= site.capacity
    for group in WorkingGroup.objects.filter(event=event):
        seated = group.registrations.filter(status__in=SEAT_STATUSES).count()
        assert group.booked == seated, f"{group}: booked {group.booked} != {seated}"


@pytest.fixture
def make_event(db):
    return create_event


@pytest.fixture(autouse=True)
def _german(in_german):
    """Each test starts in German (`in_german`)."""


# Back-office fixtures (helpers in factories.py).
@pytest.fixture
def team_user(db):
    return backoffice_user("vera", roles.EVENTS_TEAM)


@pytest.fixture
def team(team_user):
    return backoffice_client(team_user)


@pytest.fixture
def event(db):
    return backoffice_event(sites=(("Görlitz", 50), ("Riesa", 40), ("Online", None)))
