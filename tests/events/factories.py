"""Back-office test helpers: events with sites and registrations, users of every role."""

import itertools
import secrets
from datetime import timedelta

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models import F
from django.test import Client
from django.utils import timezone
from factory.django import DjangoModelFactory

from lotse.core.models import ActorType, Region
from lotse.events import services
from lotse.events.models import (
    SEAT_STATUSES,
    Event,
    EventKind,
    EventStatus,
    Registration,
    RegistrationStatus,
    Site,
)
from lotse.network.models import Actor, Membership
from tests.network.factories import ActorFactory

_counter = itertools.count(1)


def make_actor(name: str | None = None, type_slug: str = "kammer") -> Actor:
    number = next(_counter)
    name = name or f"Akteur {number}"
    return Actor.objects.create(
        name=name, slug=f"akteur-{number}", actor_type=ActorType.objects.get(slug=type_slug)
    )


def make_user(username: str, *role_names: str, actors=()):
    user = get_user_model().objects.create_user(
        username=username,
        email=f"{username}@example.org",
        password="test-pass-123",
        first_name=username.capitalize(),
    )
    for role in role_names:
        user.groups.add(Group.objects.get(name=role))
    for actor in actors:
        Membership.objects.create(user=user, actor=actor)
    return user


def make_event(
    *,
    organiser: Actor | None = None,
    sites=(("Chemnitz", 50),),
    status=EventStatus.REGISTRATION_OPEN,
    days: float = 7,
    title: str | None = None,
) -> Event:
    number = next(_counter)
    start = timezone.now() + timedelta(days=days)
    event = Event.objects.create(
        title=title or f"Netzwerktreffen {number}",
        slug=f"netzwerktreffen-{number}",
        summary="Austausch im Netzwerk",
        kind=EventKind.NETWORK_MEETING,
        status=status,
        organiser=organiser or make_actor(),
        starts_at=start,
        ends_at=start + timedelta(hours=6),
    )
    for index, (name, capacity) in enumerate(sites):
        Site.objects.create(
            event=event,
            name=name,
            capacity=capacity,
            is_online=capacity is None,
            city=name,
            sort_order=index,
        )
    return event


def make_registration(
    site: Site,
    *,
    status=RegistrationStatus.CONFIRMED,
    first_name: str = "Erika",
    last_name: str | None = None,
    actor_type: str | None = "kammer",
    district: str | None = "chemnitz",
    checked_in: bool = False,
    **extra,
) -> Registration:
    number = next(_counter)
    registration = Registration.objects.create(
        event=site.event,
        site=site,
        status=status,
        token=secrets.token_urlsafe(32),
        code=f"T{number:06d}",
        first_name=first_name,
        last_name=last_name or f"Muster{number}",
        email=f"person{number}@example.org",
        organisation=extra.pop("organisation", f"Organisation {number}"),
        actor_type=ActorType.objects.get(slug=actor_type) if actor_type else None,
        district=Region.objects.get(slug=district) if district else None,
        checked_in_at=timezone.now() if checked_in else None,
        **extra,
    )
    if status in SEAT_STATUSES:
        Site.objects.filter(pk=site.pk).update(booked=site.booked + 1)
        site.refresh_from_db()
    return registration


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


# factory_boy factories (the helpers above stay for the existing tests).
class EventFactory(DjangoModelFactory):
    """A network meeting a week ahead with open registration, organised by a new actor;
    `EventFactory(sites=[("Chemnitz", 50), ("Online", None)])` adds sites (None: online)."""

    class Meta:
        model = Event
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Netzwerktreffen F{n}")
    slug = factory.Sequence(lambda n: f"netzwerktreffen-f{n}")
    summary = "Austausch im Netzwerk"
    kind = EventKind.NETWORK_MEETING
    status = EventStatus.REGISTRATION_OPEN
    organiser = factory.SubFactory(ActorFactory, type_slug="kammer")
    starts_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=7))
    ends_at = factory.LazyAttribute(lambda event: event.starts_at + timedelta(hours=6))

    @factory.post_generation
    def sites(event, create, extracted, **kwargs):
        if not create:
            return
        # `sites=()`: no site at all (the subfactory of `SiteFactory` and pages that list events).
        default = (("Chemnitz", 50),)
        for index, (name, capacity) in enumerate(default if extracted is None else extracted):
            SiteFactory(event=event, name=name, city=name, capacity=capacity, sort_order=index)


class SiteFactory(DjangoModelFactory):
    class Meta:
        model = Site

    event = factory.SubFactory(EventFactory, sites=())
    name = factory.Sequence(lambda n: f"Standort {n}")
    city = factory.LazyAttribute(lambda site: site.name)
    capacity = 50
    is_online = factory.LazyAttribute(lambda site: site.capacity is None)
    sort_order = 0


class RegistrationFactory(DjangoModelFactory):
    """A confirmed registration; a registration holding a place raises its site's counter,
    as the registration service does (the counter invariant holds)."""

    class Meta:
        model = Registration

    site = factory.SubFactory(SiteFactory)
    event = factory.LazyAttribute(lambda registration: registration.site.event)
    status = RegistrationStatus.CONFIRMED
    token = factory.LazyFunction(lambda: secrets.token_urlsafe(32))
    code = factory.Sequence(lambda n: f"F{n:06d}")
    first_name = "Erika"
    last_name = factory.Sequence(lambda n: f"Muster{n}")
    email = factory.Sequence(lambda n: f"teilnehmer{n}@example.org")
    organisation = factory.Sequence(lambda n: f"Organisation {n}")
    actor_type = factory.LazyFunction(lambda: ActorType.objects.get(slug="kammer"))
    district = factory.LazyFunction(lambda: Region.objects.get(slug="chemnitz"))

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        registration = super()._create(model_class, *args, **kwargs)
        if registration.status in SEAT_STATUSES:
            Site.objects.filter(pk=registration.site_id).update(booked=F("booked") + 1)
            registration.site.refresh_from_db()
        return registration


def person(n: int, **kwargs) -> services.Person:
    """A registering person numbered n (names and address derived from n)."""
    return services.Person(
        first_name=f"Vor{n}", last_name=f"Nach{n}", email=f"p{n}@example.org", **kwargs
    )


def register_person(event, n: int = 1, *, confirm: bool = False):
    """`services.registrations_create` of person n at the event's only site; confirmed if asked."""
    (registration,) = services.registrations_create(
        event=event, site=event.sites.get(), people=[person(n)]
    )
    if confirm:
        services.registration_confirm(registration=registration)
    return registration


def event_with_confirmed_person(make_event, starts):
    """An event starting at `starts` (six hours long) with one confirmed registration;
    call it under the frozen clock of the test. Returns (event, site, registration)."""
    event = make_event(starts_in=timedelta(0))
    event.starts_at, event.ends_at = starts, starts + timedelta(hours=6)
    event.save()
    confirmed = register_person(event, confirm=True)
    return event, confirmed.site, confirmed
