"""Reads of the Einwanderungs-Check: parameters in force on a date, evaluation, local contacts."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Q, QuerySet

from lotse.core.models import Region
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


def rules_date(*, on: datetime.date) -> datetime.date | None:
    """ "Stand der Regeln": the latest date a parameter in force on `on` was checked."""
    dates = parameters_in_force(on=on).values_list("checked_on", flat=True)
    return max(dates, default=None)


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
class ContactGroup:
    key: str
    actors: tuple[Actor, ...]


def district_by_slug(*, slug: str) -> Region | None:
    if not slug:
        return None
    return Region.objects.districts().filter(slug=slug).first()


def districts() -> list[Region]:
    return list(Region.objects.districts().order_by("name"))


def _rank(actor: Actor, district: Region) -> tuple[int, str]:
    if actor.district_id == district.pk:
        return (0, actor.name)
    return (2 if actor.statewide else 1, actor.name)


def local_contacts(*, district: Region | None) -> list[ContactGroup]:
    """Per category the actors serving the district (seat there first, statewide last).

    One query: the network's directory search narrowed to the categories' types and name words
    in the database (a directory of thousands of actors is never read into memory).
    """
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
        groups.append(ContactGroup(category.key, tuple(chosen[:CONTACTS_PER_CATEGORY])))
    return groups


def route_notes(*, language: str) -> dict[str, str]:
    """The published editorial notes per route in one language."""
    return dict(RouteNote.objects.filter(live=True, language=language).values_list("route", "text"))


def check_evaluate(*, answers: Answers) -> Evaluation:
    """The check at the intended date, with the parameters published for that date."""
    return evaluate(answers, parameters_on(on=answers.on))
