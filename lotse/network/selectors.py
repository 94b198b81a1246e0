"""Reads of the network: directory search with facets, actor page, network structure.

Filters combine with AND across facets and with OR inside one facet (two actor types: actors of
either type). The count shown next to a facet value is computed on the result set filtered by the
query and by every *other* facet (disjunctive faceting), so that it tells how many results ticking
that value would add or keep. An actor serves a district if the district is among its districts or
if it is active statewide.
"""

import math
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Count, Manager, Prefetch, Q, QuerySet
from django.utils.datastructures import MultiValueDict

from lotse.core.fulltext import Clause
from lotse.core.fulltext_db import fulltext_filter, fulltext_match
from lotse.core.models import ActorType, Language, Region, TargetGroup, TopicField
from lotse.core.synonyms import search_clauses

from .models import Actor, Contact, Cooperation

MAX_QUERY_LENGTH = 200
MAX_VALUES_PER_FACET = 30
DEFAULT_PAGE_SIZE = 20

# facet key (URL parameter) -> (label, reference model, key field)
FACETS: dict[str, tuple[str, type, str]] = {
    "typ": ("Akteurstyp", ActorType, "slug"),
    "kreis": ("Landkreis / Stadt", Region, "slug"),
    "thema": ("Themenfeld", TopicField, "slug"),
    "zielgruppe": ("Zielgruppe", TargetGroup, "slug"),
    "sprache": ("Sprache", Language, "code"),
}


@dataclass(frozen=True)
class ActorFilters:
    """Selected facet values (slugs, language codes); unknown values are dropped by the caller."""

    types: tuple[str, ...] = ()
    districts: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()

    def by_key(self) -> dict[str, tuple[str, ...]]:
        return {
            "typ": self.types,
            "kreis": self.districts,
            "thema": self.topics,
            "zielgruppe": self.groups,
            "sprache": self.languages,
        }

    @property
    def active(self) -> bool:
        return any(self.by_key().values())


def clean_query(query: str | None) -> str:
    """The user's query, without control characters (PostgreSQL refuses NUL), bounded."""
    text = "".join(ch for ch in (query or "") if ch.isprintable())
    return " ".join(text.split())[:MAX_QUERY_LENGTH]


def facet_options() -> dict[str, list]:
    """The selectable values of every facet (reference data, one query each)."""
    return {
        "typ": list(ActorType.objects.active().order_by("order", "name")),
        "kreis": list(Region.objects.districts().order_by("name")),
        "thema": list(TopicField.objects.active().order_by("order", "name")),
        "zielgruppe": list(TargetGroup.objects.active().order_by("order", "name")),
        "sprache": list(Language.objects.active().order_by("order", "name")),
    }


def filters_from_params(
    params: MultiValueDict[str, str] | Mapping[str, str | Sequence[str]],
    options: dict[str, list] | None = None,
) -> ActorFilters:
    """ActorFilters from request parameters (a QueryDict or a dict of lists); unknown values go."""
    options = options if options is not None else facet_options()
    chosen: dict[str, tuple[str, ...]] = {}
    for key, (_label, _model, attr) in FACETS.items():
        values: str | Sequence[str] = (
            params.getlist(key) if isinstance(params, MultiValueDict) else params.get(key, [])
        )
        if isinstance(values, str):
            values = [values]
        known = {getattr(item, attr) for item in options[key]}
        picked: list[str] = []
        for value in values[: MAX_VALUES_PER_FACET * 4]:
            if value in known and value not in picked:
                picked.append(value)
        chosen[key] = tuple(picked[:MAX_VALUES_PER_FACET])
    return ActorFilters(
        types=chosen["typ"],
        districts=chosen["kreis"],
        topics=chosen["thema"],
        groups=chosen["zielgruppe"],
        languages=chosen["sprache"],
    )


def _through(name: str) -> Manager[Any]:
    return getattr(Actor, name).through.objects


def _facet_condition(key: str, values: tuple[str, ...]) -> Q:
    """Condition for one facet; many-to-many facets as subqueries (no duplicate rows)."""
    if key == "typ":
        return Q(actor_type__slug__in=values)
    if key == "kreis":
        through = _through("districts").filter(region__slug__in=values)
        return Q(statewide=True) | Q(pk__in=through.values("actor_id"))
    if key == "thema":
        through = _through("topic_fields").filter(topicfield__slug__in=values)
        return Q(pk__in=through.values("actor_id"))
    if key == "zielgruppe":
        through = _through("target_groups").filter(targetgroup__slug__in=values)
        return Q(pk__in=through.values("actor_id"))
    if key == "sprache":
        through = _through("languages").filter(language__code__in=values)
        return Q(pk__in=through.values("actor_id"))
    raise KeyError(key)


def _filtered(
    *,
    query: str,
    filters: ActorFilters,
    except_facet: str | None = None,
    rank: bool = True,
    clauses: list[Clause] | None = None,
) -> QuerySet:
    queryset = Actor.objects.published()
    for key, values in filters.by_key().items():
        if values and key != except_facet:
            queryset = queryset.filter(_facet_condition(key, values))
    stems = search_clauses(clean_query(query)) if clauses is None else clauses
    if stems:
        if not rank:  # facet counts: the match alone, no relevance to compute
            return fulltext_match(queryset, stems).order_by("name", "pk")
        queryset = fulltext_filter(queryset, stems)
        return queryset.order_by("-fulltext_rank", "name", "pk")
    return queryset.order_by("name", "pk")


def actors_search(
    *,
    query: str = "",
    filters: ActorFilters | None = None,
    clauses: list[Clause] | None = None,
) -> QuerySet:
    """Published actors matching the query and the facets, best match (or by name) first.

    `clauses`: the query already expanded (core.synonyms.search_clauses), if at hand.
    """
    filters = filters or ActorFilters()
    return (
        _filtered(query=query, filters=filters, clauses=clauses)
        .select_related("actor_type")
        .prefetch_related(
            Prefetch("districts", queryset=Region.objects.order_by("name")),
            Prefetch("topic_fields", queryset=TopicField.objects.order_by("order", "name")),
        )
    )


def _counts(queryset: QuerySet, field_path: str) -> dict[int, int]:
    rows = queryset.order_by().values(field_path).annotate(n=Count("pk", distinct=True))
    return {row[field_path]: row["n"] for row in rows if row[field_path] is not None}


def actors_facet_counts(
    *, query: str = "", filters: ActorFilters, clauses: list[Clause] | None = None
) -> dict[str, dict[int, int]]:
    """For every facet: {reference id: number of results}, six queries in all."""
    if clauses is None:
        clauses = search_clauses(clean_query(query))
    counts: dict[str, dict[int, int]] = {}
    for key, path in (
        ("typ", "actor_type"),
        ("thema", "topic_fields"),
        ("zielgruppe", "target_groups"),
        ("sprache", "languages"),
    ):
        base = _filtered(
            query=query, filters=filters, except_facet=key, rank=False, clauses=clauses
        )
        counts[key] = _counts(base, path)
    base = _filtered(
        query=query, filters=filters, except_facet="kreis", rank=False, clauses=clauses
    )
    statewide = base.filter(statewide=True).order_by().count()
    local = _counts(base.filter(statewide=False), "districts")
    district_ids = Region.objects.districts().values_list("pk", flat=True)
    counts["kreis"] = {pk: local.get(pk, 0) + statewide for pk in district_ids}
    return counts


@dataclass
class FacetValue:
    key: str
    label: str
    count: int
    selected: bool


@dataclass
class Facet:
    key: str
    label: str
    values: list[FacetValue] = field(default_factory=list)


@dataclass
class Directory:
    query: str
    filters: ActorFilters
    page: Page
    total: int
    facets: list[Facet]


def actors_directory(
    *,
    query: str,
    filters: ActorFilters,
    page_number: int | str | None = 1,
    per_page: int = DEFAULT_PAGE_SIZE,
    options: dict[str, list] | None = None,
) -> Directory:
    """One page of results plus facets with counts; the number of queries is constant."""
    from django.utils.translation import gettext

    query = clean_query(query)
    options = options if options is not None else facet_options()
    clauses = search_clauses(query)  # synonyms read once per page
    paginator = Paginator(actors_search(query=query, filters=filters, clauses=clauses), per_page)
    page = paginator.get_page(page_number)
    counts = actors_facet_counts(query=query, filters=filters, clauses=clauses)
    selected = filters.by_key()
    facets = []
    for key, (label, _model, attr) in FACETS.items():
        facet = Facet(key=key, label=gettext(label))
        for item in options[key]:
            value = getattr(item, attr)
            count = counts[key].get(item.pk, 0)
            is_selected = value in selected[key]
            if count or is_selected:
                facet.values.append(
                    FacetValue(key=value, label=item.label, count=count, selected=is_selected)
                )
        facets.append(facet)
    return Directory(query=query, filters=filters, page=page, total=paginator.count, facets=facets)


def actor_detail(*, slug: str) -> Actor:
    """A published actor with public contacts, published children, its parent and offers.

    Raises Actor.DoesNotExist for unknown or unpublished actors.
    """
    actor = (
        Actor.objects.published()
        .select_related("actor_type", "district", "parent")
        .prefetch_related(
            Prefetch("districts", queryset=Region.objects.order_by("name")),
            Prefetch("topic_fields", queryset=TopicField.objects.order_by("order", "name")),
            Prefetch("target_groups", queryset=TargetGroup.objects.order_by("order", "name")),
            Prefetch("languages", queryset=Language.objects.order_by("order", "name")),
            Prefetch(
                "contacts",
                queryset=Contact.objects.filter(is_public=True).order_by("sort_order", "name"),
                to_attr="public_contacts",
            ),
            Prefetch(
                "children",
                queryset=Actor.objects.published().order_by("name"),
                to_attr="published_children",
            ),
        )
        .get(slug=slug)
    )
    if actor.parent is not None and not actor.parent.is_published:
        actor.parent = None
    actor.public_offers = actor_public_offers(actor=actor)
    actor.public_cooperations = list(
        Cooperation.objects.filter(Q(source=actor) | Q(target=actor))
        .filter(source__is_published=True, target__is_published=True)
        .select_related("source", "target")
        .order_by("kind", "source__name", "target__name")
    )
    return actor


def actor_public_offers(*, actor: Actor) -> list:
    """Published offers of the actor (the offers app adds them; empty while it has none).

    Reached through the reverse relation `actor.offers` so that the network does not import the
    offers app (offers sits above network in the layering); `public()` is OfferQuerySet's rule.
    """
    manager = getattr(actor, "offers", None)
    if manager is None or not hasattr(manager, "public"):
        return []
    return list(manager.public().order_by("title")[:50])


GRAPH_LABEL_ROOM = 220
GRAPH_LABEL_LENGTH = 34


def _graph_label(actor: Actor) -> str:
    label = actor.short_name or actor.name
    if len(label) > GRAPH_LABEL_LENGTH:
        label = label[: GRAPH_LABEL_LENGTH - 1].rstrip() + "…"
    return label


@dataclass
class Structure:
    districts: list
    actor_types: list
    rows: list[dict]
    statewide_row: dict
    column_totals: list[int]
    nodes: list[dict]
    edges: list[dict]
    cooperations: list
    graph_size: int = 960


def network_structure(*, graph_size: int = 960) -> Structure:
    """District × actor type counts (two count queries) and the cooperation graph (one query)."""
    districts = list(Region.objects.districts().order_by("name"))
    local = (
        Actor.objects.published()
        .filter(statewide=False, districts__isnull=False)
        .order_by()
        .values("districts", "actor_type")
        .annotate(n=Count("pk", distinct=True))
    )
    statewide = (
        Actor.objects.published()
        .filter(statewide=True)
        .order_by()
        .values("actor_type")
        .annotate(n=Count("pk"))
    )
    cells: dict[int, dict[int, int]] = defaultdict(dict)
    for row in local:
        cells[row["districts"]][row["actor_type"]] = row["n"]
    statewide_counts = {row["actor_type"]: row["n"] for row in statewide}
    used_types = {t for by_type in cells.values() for t in by_type} | set(statewide_counts)
    actor_types = [item for item in ActorType.objects.order_by("order") if item.pk in used_types]
    rows = []
    for district in districts:
        counts = [cells[district.pk].get(t.pk, 0) for t in actor_types]
        rows.append({"district": district, "counts": counts, "total": sum(counts)})
    state_counts = [statewide_counts.get(t.pk, 0) for t in actor_types]
    statewide_row = {"counts": state_counts, "total": sum(state_counts)}
    column_totals = [
        sum(row["counts"][index] for row in rows) + state_counts[index]
        for index in range(len(actor_types))
    ]

    cooperations = list(
        Cooperation.objects.filter(source__is_published=True, target__is_published=True)
        .select_related("source", "target")
        .order_by("source__name", "target__name", "kind")
    )
    actors: dict[int, Actor] = {}
    for item in cooperations:
        actors.setdefault(item.source_id, item.source)
        actors.setdefault(item.target_id, item.target)
    ordered = sorted(actors.values(), key=lambda actor: actor.name)
    center = graph_size / 2
    # Room outside the circle for the labels, which point away from the centre (radially), so
    # that neighbouring labels never overlap however many actors there are.
    radius = graph_size / 2 - GRAPH_LABEL_ROOM
    positions: dict[int, tuple[float, float]] = {}
    nodes = []
    for index, actor in enumerate(ordered):
        angle = 2 * math.pi * index / max(len(ordered), 1) - math.pi / 2
        x = center + radius * math.cos(angle)
        y = center + radius * math.sin(angle)
        positions[actor.pk] = (x, y)
        label_x = center + (radius + 8) * math.cos(angle)
        label_y = center + (radius + 8) * math.sin(angle)
        right_half = math.cos(angle) >= -1e-9
        rotation = math.degrees(angle) if right_half else math.degrees(angle) + 180
        nodes.append(
            {
                "actor": actor,
                "label": _graph_label(actor),
                "x": round(x, 1),
                "y": round(y, 1),
                "label_x": round(label_x, 1),
                "label_y": round(label_y, 1),
                "rotation": round(rotation, 1),
                "anchor": "start" if right_half else "end",
            }
        )
    edges = [
        {
            "x1": round(positions[item.source_id][0], 1),
            "y1": round(positions[item.source_id][1], 1),
            "x2": round(positions[item.target_id][0], 1),
            "y2": round(positions[item.target_id][1], 1),
            "kind": item.kind,
        }
        for item in cooperations
    ]
    return Structure(
        districts=districts,
        actor_types=actor_types,
        rows=rows,
        statewide_row=statewide_row,
        column_totals=column_totals,
        nodes=nodes,
        edges=edges,
        cooperations=cooperations,
        graph_size=graph_size,
    )
