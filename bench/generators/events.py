"""Benchmark data of the events app: one event with 5,000 registrations over 4 sites.

Called by `manage.py generate_bench_data --scale N --seed S` (bench/generators/__init__.py):
`max(5000, scale * 50)` registrations of the event "bench-veranstaltung" (slug), spread over
Görlitz, Riesa, Chemnitz and Zwickau, 85 % of the confirmed ones checked in. Inserted with
bulk_create, counters set afterwards. Idempotent: a second run adds only what is missing.

`bench_context()` gives bench/run.py what its staff targets need: the ids in their paths and a
logged-in session of the bench staff user (role Veranstaltungsteam).
"""

import random

from django.db import transaction
from django.utils import timezone

from lotse.demo.events import bulk_registrations, counters_sync
from lotse.events.models import (
    Event,
    EventKind,
    EventStatus,
    Registration,
    RegistrationStatus,
    Site,
)
from lotse.network.models import Actor

SLUG = "bench-veranstaltung"
# An upcoming event with open registration and an agenda, for the public page and form targets.
OPEN_SLUG = "bench-veranstaltung-offen"
SITES = [
    ("Görlitz", "goerlitz"),
    ("Riesa", "meissen"),
    ("Chemnitz", "chemnitz"),
    ("Zwickau", "zwickau"),
]
BENCH_USER = "bench-veranstaltung"


def _event() -> Event:
    event = Event.objects.filter(slug=SLUG).first()
    if event is not None:
        return event
    organiser = Actor.objects.order_by("pk").first()
    if organiser is None:
        from lotse.core.models import ActorType

        organiser = Actor.objects.create(
            name="Bench-Veranstalter",
            slug="bench-veranstalter",
            actor_type=ActorType.objects.first(),
        )
    # Held yesterday, whatever the time of day: check-ins exist only for events that began.
    return _bench_event(
        SLUG,
        "Bench-Fachforum an vier Standorten",
        EventKind.FORUM,
        EventStatus.HELD,
        organiser=organiser,
        days=-1,
        hours=8,
        retention_days=3650,
    )


def _bench_event(slug, title, kind, status, *, organiser, days: int, hours: int, **extra) -> Event:
    """An event starting at 9:00 `days` from today and lasting `hours`."""
    start = (timezone.now() + timezone.timedelta(days=days)).replace(
        hour=9, minute=0, second=0, microsecond=0
    )
    return Event.objects.create(
        slug=slug,
        title=title,
        summary="Benchmark-Daten",
        kind=kind,
        status=status,
        organiser=organiser,
        starts_at=start,
        ends_at=start + timezone.timedelta(hours=hours),
        **extra,
    )


def _open_event() -> Event:
    """The upcoming bench event: four sites with room, online, a day of agenda."""
    from lotse.events.models import Session

    event = Event.objects.filter(slug=OPEN_SLUG).first()
    if event is not None:
        return event
    organiser = _event().organiser
    event = _bench_event(
        OPEN_SLUG,
        "Bench-Netzwerktreffen mit offener Anmeldung",
        EventKind.NETWORK_MEETING,
        EventStatus.REGISTRATION_OPEN,
        organiser=organiser,
        days=60,
        hours=7,
    )
    start = event.starts_at
    sites = [
        Site.objects.create(event=event, name=name, city=name, capacity=500, sort_order=order)
        for order, (name, _district) in enumerate(SITES)
    ]
    Site.objects.create(event=event, name="Online", is_online=True, sort_order=len(SITES))
    for hour in range(7):
        Session.objects.create(
            event=event,
            starts_at=start + timezone.timedelta(hours=hour),
            ends_at=start + timezone.timedelta(hours=hour, minutes=50),
            title=f"Programmpunkt {hour + 1}",
            site=None if hour % 2 == 0 else sites[hour % len(sites)],
            sort_order=hour,
        )
    return event


@transaction.atomic
def generate(*, scale: int, seed: int) -> str:
    """Create the bench event and its missing registrations; returns a one-line summary."""
    from lotse.core.models import Region

    target = max(5000, scale * 50)
    event = _event()
    _open_event()
    per_site = -(-target // len(SITES))
    sites = []
    for order, (name, district) in enumerate(SITES):
        site, _ = Site.objects.get_or_create(
            event=event,
            name=name,
            defaults={
                "sort_order": order,
                "capacity": per_site + 100,
                "city": name,
                "district": Region.objects.filter(slug=district).first(),
            },
        )
        if site.capacity < per_site + 100:
            Site.objects.filter(pk=site.pk).update(capacity=per_site + 100)
        sites.append((site, district))
    existing = Registration.objects.filter(event=event).count()
    if existing >= target:
        return f"events: {existing} bench registrations present (wanted {target}), nothing to do"
    rng = random.Random(seed + 4)
    missing = target - existing
    plan = []
    near = {}
    for index, (site, district) in enumerate(sites):
        share = missing // len(sites) + (1 if index < missing % len(sites) else 0)
        plan.append(
            (
                site,
                share,
                {
                    RegistrationStatus.CONFIRMED: 0.9,
                    RegistrationStatus.CANCELLED: 0.05,
                    RegistrationStatus.WAITLISTED: 0.05,
                    "present": 0.85,
                },
            )
        )
        near[site.pk] = [district]
    created = bulk_registrations(
        event=event,
        plan=plan,
        rng=rng,
        code_prefix="BN",
        email_prefix=f"bench.{existing}.",
        districts_near=near,
        batch_size=2000,
    )
    counters_sync(event=event)
    return f"events: {created} bench registrations created ({existing + created} in total)"


def bench_context() -> dict[str, str]:
    """Ids for the staff targets' paths and a session cookie of the bench staff user."""
    from lotse.core.roles import EVENTS_TEAM

    from .sessions import staff_session_cookie

    event = Event.objects.get(slug=SLUG)
    site = event.sites.order_by("sort_order", "pk").first()
    registration = (
        Registration.objects.filter(site=site, status=RegistrationStatus.CONFIRMED)
        .order_by("pk")
        .first()
    )
    return {
        "bench_event": str(event.pk),
        "bench_site": str(site.pk),
        "bench_code": registration.code,
        "cookie": staff_session_cookie(username=BENCH_USER, role=EVENTS_TEAM, last_name="Einlass"),
    }
