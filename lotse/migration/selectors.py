"""Reads of the Einwanderungs-Check: parameters in force on a date, evaluation, local contacts."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.core.cache import cache
from django.db.models import Q, QuerySet

from lotse.core.models import Region
from lotse.core.versioning import versioned
from lotse.network.models import Actor
from lotse.network.selectors import ActorFilters, actors_search

from .models import Parameter, RouteNote
from .rules import Answers, Evaluation, evaluate

# The first day the check knows the rules of (the Skilled Immigration Act 2023, first stage).
EARLIEST_DATE = datetime.date(2023, 11, 18)


def parameters_in_force(*, on: datetime.date) -> QuerySet[Parameter]:
    """The published parameter rows in force on `on`, with their sources."""
    return Parameter.objects.published().in_force(on).order_by("key", "valid_from")


def parameters_on(*, on: datetime.date) -> dict[str, Decimal]:
    """Key → value of the published parameters in force on `on` (one query)."""
    return dict(parameters_in_force(on=on).values_list("key", "value"))


@dataclass(frozen=True)
class ContactCategory:
    key: str
    types: tuple[str, ...]
    names: tuple[str, ...]  # an actor of the types belongs here if its name contains one


# Local contacts by actor type (core/data/actor_types.csv) and, where one type holds several
# kinds of contact, by a word of the actor's name.
CONTACT_CATEGORIES = (
    ContactCategory(
        "welcome", ("beratungsstelle", "kommunalverwaltung"), ("Welcome", "Willkommen")
    ),
    ContactCategory("iq", ("beratungsstelle", "verein-verband"), ("IQ ", "Anerkennung")),
    ContactCategory("foreigners_office", ("kommunalverwaltung",), ("Ausländerbehörde",)),
    ContactCategory("employment_agency", ("arbeitsverwaltung",), ("Agentur für Arbeit",)),
    ContactCategory("chamber", ("kammer",), ("",)),
)
CONTACTS_PER_CATEGORY = 3
# Rows read at most for one district (all categories together).
MAX_CONTACT_ROWS = 60


@dataclass(frozen=True)
class Contact:
    """An actor's public contact as the check shows it (plain data: it can be cached)."""

    name: str
    slug: str
    phone: str
    email: str


@dataclass(frozen=True)
class ContactGroup:
    key: str
    actors: tuple[Contact, ...]


@dataclass(frozen=True)
class District:
    slug: str
    name: str


def districts() -> list[District]:
    """Saxony's districts and independent cities, by name (one light query per content version,
    kept in the worker's memory)."""
    return versioned(
        "migration:districts",
        lambda: [
            District(slug, name)
            for slug, name in Region.objects.districts()
            .order_by("name")
            .values_list("slug", "name")
        ],
    )


def _rank(actor: Actor, district: Region) -> tuple[int, str]:
    if actor.district_id == district.pk:
        return (0, actor.name)
    return (2 if actor.statewide else 1, actor.name)


def contacts_cache_key(slug: str) -> str:
    return f"lotse:migration:contacts:{slug}"


def local_contacts(*, district_slug: str) -> list[ContactGroup]:
    """Per category the actors serving the district (seat there first, statewide last).

    One query: the network's directory search narrowed to the categories' types and name words
    in the database (a directory of thousands of actors is never read into memory). The answer
    is kept in the shared cache for `LOTSE_MIGRATION_CONTACTS_CACHE_SECONDS` (directory edits
    show after at most that long).
    """
    if not district_slug:
        return []
    key = contacts_cache_key(district_slug)
    cached = cache.get(key)
    if cached is not None:
        return cached
    groups = _local_contacts(district_slug)
    if settings.LOTSE_MIGRATION_CONTACTS_CACHE_SECONDS:
        cache.set(key, groups, settings.LOTSE_MIGRATION_CONTACTS_CACHE_SECONDS)
    return groups


def _local_contacts(district_slug: str) -> list[ContactGroup]:
    district = Region.objects.districts().filter(slug=district_slug).first()
    if district is None:
        return []
    condition = Q()
    for category in CONTACT_CATEGORIES:
        words = Q()
        for word in category.names:
            words |= Q(name__contains=word)
        condition |= Q(actor_type__slug__in=category.types) & words
    found: Sequence[Actor] = list(
        actors_search(filters=ActorFilters(districts=(district.slug,)))
        .prefetch_related(None)
        .filter(condition)
        .order_by("statewide", "name")[:MAX_CONTACT_ROWS]
    )
    groups = []
    for category in CONTACT_CATEGORIES:
        members = [
            actor
            for actor in found
            if actor.actor_type.slug in category.types
            and any(word in actor.name for word in category.names)
        ]
        local = [actor for actor in members if not actor.statewide]
        chosen = sorted(local or members, key=lambda actor: _rank(actor, district))
        groups.append(
            ContactGroup(
                category.key,
                tuple(
                    Contact(actor.name, actor.slug, actor.phone, actor.email)
                    for actor in chosen[:CONTACTS_PER_CATEGORY]
                ),
            )
        )
    return groups


def route_notes(*, language: str) -> dict[str, str]:
    """The published editorial notes per route in one language (one query per content version,
    kept in the worker's memory)."""
    return versioned(
        f"migration:route-notes:{language}",
        lambda: dict(
            RouteNote.objects.filter(live=True, language=language).values_list("route", "text")
        ),
    )


# (key, value, checked_on, valid_from, valid_to) of a published parameter row.
ParameterRow = tuple[str, Decimal, datetime.date, datetime.date, datetime.date | None]


def _published_parameters() -> list[ParameterRow]:
    """Every published parameter row (a few dozen), ordered as `parameters_in_force` orders."""
    return list(
        Parameter.objects.published()
        .order_by("key", "valid_from")
        .values_list("key", "value", "checked_on", "valid_from", "valid_to")
    )


def _rows_in_force(rows: list[ParameterRow], on: datetime.date) -> list[ParameterRow]:
    """The rows whose period contains `on`, as `ParameterQuerySet.in_force` selects them."""
    return [row for row in rows if row[3] <= on and (row[4] is None or row[4] >= on)]


@dataclass(frozen=True)
class CheckOutcome:
    evaluation: Evaluation
    rules_date: datetime.date | None  # "Stand der Regeln"


def check_evaluate(*, answers: Answers) -> CheckOutcome:
    """The check at the intended date, with the parameters published for that date and the
    date they were last checked (all published rows are read once per content version and kept
    in the worker's memory; the rows in force are chosen here, a date costs no query)."""
    rows = _rows_in_force(versioned("migration:parameters", _published_parameters), answers.on)
    values = {key: value for key, value, *_rest in rows}
    return CheckOutcome(
        evaluation=evaluate(answers, values),
        rules_date=max((checked for _key, _value, checked, *_dates in rows), default=None),
    )
