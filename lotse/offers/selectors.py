"""Reads of the public catalogue: search, facets, suggestions, detail, related offers, export rows.

Search semantics (see docs/search.md):
- Full text: German Snowball stems (core.fulltext) matched as prefixes in the database's full-text
  index (core.fulltext_db); every term is required.
- Filters: several values within one facet are OR-ed, facets are AND-ed.
- District: an offer matches a district if it is available there, OR statewide, OR online. The
  special values "landesweit" and "online" select only statewide / only online offers.
- Facet counts are "disjunctive": a facet's counts are computed with its own filter removed,
  so every count says how many results there would be if that value were added.

Queries are constant in the number of results: one per reference list, one page, one prefetch
per relation of the page, and one statement for all facet counts (the matches computed once as a
materialised CTE, one GROUP BY per facet over it); the total comes from the kind facet.
"""

from __future__ import annotations

import datetime
import hashlib
import unicodedata
from collections import Counter
from dataclasses import dataclass, field, fields
from typing import NamedTuple, cast

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Page, Paginator
from django.db import connections
from django.db.models import BooleanField, ExpressionWrapper, Model, Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from lotse.core.fulltext import Clause, tokens
from lotse.core.fulltext_db import fulltext_filter, fulltext_match, pg_tsquery
from lotse.core.models import Language, Region, TargetGroup, TopicField
from lotse.core.synonyms import search_clauses
from lotse.core.versioning import CONTENT, current_versions, versioned, versions_key
from lotse.network.models import actor_display_name

from . import search_table
from .models import Offer, confirmation_cutoff

FACETS = ("topic_field", "target_group", "kind", "district", "language", "cost")
SORTS = ("relevance", "newest", "title")
PER_PAGE = 20
STATEWIDE = "landesweit"
ONLINE = "online"
VOCABULARY_CACHE_KEY = "offers:vocabulary:v1"
VOCABULARY_TIMEOUT = 600
VOCABULARY_MAX_WORDS = 50_000
# A search with text counts its matches up to COUNT_CAP ("mehr als 500" beyond it): the facet
# counts over a sample of the first COUNT_CAP + 1 matches (lower bounds then, "mind."), the
# relevance order over the newest COUNT_CAP matches. A broad word's cost then no longer grows
# with the catalogue (docs/search.md, "Broad words"; decision 0003).
COUNT_CAP = 500  # 1,000 until decision 0027 (its "A lower cap")


@dataclass(frozen=True)
class OfferFilters:
    """Selected facet values (slugs; language codes; kind/cost choice values)."""

    topic_field: tuple[str, ...] = ()
    target_group: tuple[str, ...] = ()
    kind: tuple[str, ...] = ()
    district: tuple[str, ...] = ()
    language: tuple[str, ...] = ()
    cost: tuple[str, ...] = ()

    def active(self) -> list[tuple[str, str]]:
        """(facet, value) of every selected value."""
        return [(item.name, value) for item in fields(self) for value in getattr(self, item.name)]

    def without(self, facet: str, value: str | None = None) -> OfferFilters:
        """These filters without one value of a facet (or without the whole facet)."""
        current = getattr(self, facet)
        kept = () if value is None else tuple(item for item in current if item != value)
        return OfferFilters(**{**self.as_dict(), facet: kept})

    def as_dict(self) -> dict[str, tuple[str, ...]]:
        return {item.name: getattr(self, item.name) for item in fields(self)}

    def __bool__(self) -> bool:
        return any(getattr(self, item.name) for item in fields(self))


@dataclass(frozen=True)
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class SearchResult:
    page: Page
    total: int
    facets: dict[str, list[FacetOption]]
    suggestion: str = ""
    suggestion_total: int = 0
    suggestion_without_filters: bool = False
    query: str = ""
    filters: OfferFilters = field(default_factory=OfferFilters)
    sort: str = "relevance"
    # More matches than counted: `total` is COUNT_CAP and means "more than that".
    total_capped: bool = False
    # The facet counts were taken over a sample of the matches: each is a lower bound.
    facets_capped: bool = False

    @property
    def offers(self) -> list[Offer]:
        return list(self.page.object_list)


@dataclass
class _RefItem:
    id: int
    value: str
    label: str


@dataclass
class CatalogueReference:
    """The facets' possible values with database ids and labels (loaded once per request)."""

    items: dict[str, list[_RefItem]]

    def ids(self, facet: str, values: tuple[str, ...]) -> list[int]:
        wanted = set(values)
        return [item.id for item in self.items[facet] if item.value in wanted]

    def choices(self) -> dict[str, list[tuple[str, str]]]:
        return {
            facet: [(item.value, item.label) for item in items]
            for facet, items in self.items.items()
        }


def catalogue_reference() -> CatalogueReference:
    """The facets' values of the active language: four small queries (topic fields, target
    groups, districts, languages), kept in this process under the content version."""
    language = get_language() or "de"
    return versioned(f"offers:catalogue-reference:v1:{language}", _read_catalogue_reference)


def _read_catalogue_reference() -> CatalogueReference:
    items: dict[str, list[_RefItem]] = {
        "topic_field": [
            _RefItem(row.pk, row.slug, row.label) for row in TopicField.objects.active()
        ],
        "target_group": [
            _RefItem(row.pk, row.slug, row.label) for row in TargetGroup.objects.active()
        ],
        "kind": [_RefItem(0, value, str(label)) for value, label in Offer.Kind.choices],
        "district": [
            _RefItem(0, STATEWIDE, _("landesweit")),
            _RefItem(0, ONLINE, _("online")),
        ]
        + [
            _RefItem(row.pk, row.slug, row.label)
            for row in Region.objects.districts().order_by("name")
        ],
        "language": [_RefItem(row.pk, row.code, row.label) for row in Language.objects.active()],
        "cost": [_RefItem(0, value, str(label)) for value, label in Offer.Cost.choices],
    }
    return CatalogueReference(items)


def facet_choices() -> dict[str, list[tuple[str, str]]]:
    return catalogue_reference().choices()


# --- filtering ------------------------------------------------------------------------------


def _through(name: str) -> type[Model]:
    return getattr(Offer, name).through


_M2M = {
    "topic_field": ("topic_fields", "topicfield_id"),
    "target_group": ("target_groups", "targetgroup_id"),
    "language": ("languages", "language_id"),
}


def _district_q(values: tuple[str, ...], ref: CatalogueReference) -> Q:
    condition = Q()
    ids = ref.ids("district", tuple(v for v in values if v not in (STATEWIDE, ONLINE)))
    if ids:
        through = _through("districts")
        in_district = through._default_manager.filter(region_id__in=ids).values("offer_id")
        condition |= Q(pk__in=in_district) | Q(statewide=True) | Q(online=True)
    if STATEWIDE in values:
        condition |= Q(statewide=True)
    if ONLINE in values:
        condition |= Q(online=True)
    return condition


def _apply_filters(
    queryset: QuerySet, filters: OfferFilters, ref: CatalogueReference, *, skip: str = ""
) -> QuerySet:
    for facet, (relation, column) in _M2M.items():
        values = getattr(filters, facet)
        if values and facet != skip:
            ids = ref.ids(facet, values)
            subquery = _through(relation)._default_manager.filter(**{f"{column}__in": ids})
            queryset = queryset.filter(pk__in=subquery.values("offer_id"))
    if filters.kind and skip != "kind":
        queryset = queryset.filter(kind__in=filters.kind)
    if filters.cost and skip != "cost":
        queryset = queryset.filter(cost__in=filters.cost)
    if filters.district and skip != "district":
        queryset = queryset.filter(_district_q(filters.district, ref))
    return queryset


def offers_matching(
    *, query: str, filters: OfferFilters, reference: CatalogueReference | None = None
) -> QuerySet:
    """Public offers matching the text and the filters (no rank, no ordering): nestable."""
    ref = reference or catalogue_reference()
    queryset = fulltext_match(Offer.objects.public(), search_clauses(query))
    return _apply_filters(queryset, filters, ref)


# --- facets ---------------------------------------------------------------------------------


def _facet_flag(facet: str, filters: OfferFilters, ref: CatalogueReference) -> Q | None:
    """The condition of one facet's filter on an offer row (None when the facet is unfiltered)."""
    values = getattr(filters, facet)
    if not values:
        return None
    if facet in _M2M:
        relation, column = _M2M[facet]
        ids = ref.ids(facet, values)
        return Q(
            pk__in=_through(relation)
            ._default_manager.filter(**{f"{column}__in": ids})
            .values("offer_id")
        )
    if facet in ("kind", "cost"):
        return Q(**{f"{facet}__in": values})
    return _district_q(values, ref)


def _facet_counts_all(
    stems: list[Clause],
    filters: OfferFilters,
    ref: CatalogueReference,
    *,
    limit: int | None,
) -> tuple[dict[str, dict[str, int]], int]:
    """Every facet's disjunctive counts in one statement, and the number of rows counted.

    The matching public offers are computed once (a materialised CTE `m`, with one boolean
    column per active facet filter); each facet then counts over `m` with the other facets'
    columns as its condition: one GROUP BY per facet on the small CTE instead of seven queries
    that each repeat the full-text match (2.6 s -> a few hundred ms for 74 000 hits).
    With `limit`, `m` holds at most `limit` + 1 matches (in no particular order, so the
    database stops reading after them): when it holds more than `limit`, the counts are a
    sample's, lower bounds of the true ones.
    """
    flags = {
        facet: flag for facet in FACETS if (flag := _facet_flag(facet, filters, ref)) is not None
    }
    active = list(flags)
    matches = fulltext_match(Offer.objects.public(), stems)
    base = matches.annotate(
        **{
            f"f_{facet}": ExpressionWrapper(flag, output_field=BooleanField())
            for facet, flag in flags.items()
        }
    )
    base = base.values(
        "id", "kind", "cost", "statewide", "online", *[f"f_{f}" for f in active]
    ).order_by()
    if limit is not None:
        base = base[: limit + 1]
    base_sql, base_params = base.query.sql_with_params()
    quote = connections[base.db].ops.quote_name

    def others(facet: str, extra: str = "") -> str:
        terms = [f"m.f_{other}" for other in active if other != facet]
        if extra:
            terms.append(extra)
        return " AND ".join(terms) if terms else "1 = 1"

    parts = [
        "SELECT '', '', COUNT(*) FROM m",
        f"SELECT 'kind', m.kind, COUNT(*) FROM m WHERE {others('kind')} GROUP BY m.kind",
        f"SELECT 'cost', m.cost, COUNT(*) FROM m WHERE {others('cost')} GROUP BY m.cost",
    ]
    for facet, (relation, column) in _M2M.items():
        table = quote(_through(relation)._meta.db_table)
        parts.append(
            f"SELECT '{facet}', CAST(t.{quote(column)} AS TEXT), COUNT(*) FROM m "
            f"JOIN {table} t ON t.{quote('offer_id')} = m.id WHERE {others(facet)} "
            f"GROUP BY t.{quote(column)}"
        )
    everywhere = "(m.statewide OR m.online)"
    district_table = quote(_through("districts")._meta.db_table)
    parts += [
        f"SELECT 'district', '{STATEWIDE}', COUNT(*) FROM m "
        f"WHERE {others('district', 'm.statewide')}",
        f"SELECT 'district', '{ONLINE}', COUNT(*) FROM m WHERE {others('district', 'm.online')}",
        f"SELECT 'district', '*', COUNT(*) FROM m WHERE {others('district', everywhere)}",
        f"SELECT 'district', CAST(t.{quote('region_id')} AS TEXT), COUNT(*) FROM m "
        f"JOIN {district_table} t ON t.{quote('offer_id')} = m.id "
        f"WHERE {others('district', 'NOT ' + everywhere)} GROUP BY t.{quote('region_id')}",
    ]
    sql = f"WITH m AS MATERIALIZED ({base_sql}) " + " UNION ALL ".join(parts)
    raw: dict[str, dict[str, int]] = {facet: {} for facet in ("", *FACETS)}
    with connections[base.db].cursor() as cursor:
        cursor.execute(sql, base_params)
        for facet, key, n in cursor.fetchall():
            raw[facet][str(key)] = n
    return _facet_counts(raw, ref), raw[""].get("", 0)


# A candidate row of a search with words: id, rank, and the offer's own facet values (kind,
# cost, statewide, online), read by the same statement so that the facets need not read the
# offers again.
_Row = tuple[int, float, str, str, bool, bool]


def _facet_counts_of_rows(
    rows: list[_Row], ref: CatalogueReference
) -> tuple[dict[str, dict[str, int]], int]:
    """Every facet's counts over these offers (the candidates of a search without filters), and
    their number: kind, cost, statewide and online from the rows themselves; topic fields,
    target groups, languages and districts in one statement over the through tables, by
    offer id (the offers' rows are not read again)."""
    raw: dict[str, dict[str, int]] = {facet: {} for facet in ("", *FACETS)}
    raw["kind"] = dict(Counter(row[2] for row in rows))
    raw["cost"] = dict(Counter(row[3] for row in rows))
    raw["district"] = {
        STATEWIDE: sum(1 for row in rows if row[4]),
        ONLINE: sum(1 for row in rows if row[5]),
        "*": sum(1 for row in rows if row[4] or row[5]),
    }
    # Sorted ids: the lookups in each through table's (offer_id, …) index go in index order.
    ids = sorted(row[0] for row in rows)
    local = {row[0] for row in rows if not (row[4] or row[5])}
    if not ids:
        return _facet_counts(raw, ref), 0
    connection = connections[Offer.objects.db]
    quote = connection.ops.quote_name
    groups = [(facet, relation, column) for facet, (relation, column) in _M2M.items()]
    groups.append(("district", "districts", "region_id"))
    parts: list[str] = []
    params: list[int | str] = []
    if connection.vendor == "postgresql":
        # The ids (and whether each is bound to districts) as two array literals, text
        # parameters: a thousand IN placeholders, or Python lists adapted element by element,
        # cost more CPU than the lookups. Joined, each through table is read by its unique
        # (offer_id, value) index alone.
        prefix = (
            "WITH m AS MATERIALIZED (SELECT * FROM unnest(CAST(%s AS integer[]), "
            "CAST(%s AS boolean[])) AS u(id, local)) "
        )
        params = [
            "{" + ",".join(map(str, ids)) + "}",
            "{" + ",".join("t" if pk in local else "f" for pk in ids) + "}",
        ]
        for facet, relation, column in groups:
            table = quote(_through(relation)._meta.db_table)
            parts.append(
                f"SELECT '{facet}', CAST(t.{quote(column)} AS TEXT), COUNT(*) FROM m "
                f"JOIN {table} t ON t.{quote('offer_id')} = m.id"
                f"{' WHERE m.local' if facet == 'district' else ''} GROUP BY t.{quote(column)}"
            )
    else:
        prefix = ""
        for facet, relation, column in groups:
            values = sorted(local) if facet == "district" else ids
            if not values:
                continue
            table = quote(_through(relation)._meta.db_table)
            parts.append(
                f"SELECT '{facet}', CAST(t.{quote(column)} AS TEXT), COUNT(*) FROM {table} t "
                f"WHERE t.{quote('offer_id')} IN ({', '.join(['%s'] * len(values))}) "
                f"GROUP BY t.{quote(column)}"
            )
            params += values
    with connection.cursor() as cursor:
        cursor.execute(prefix + " UNION ALL ".join(parts), params)
        for facet, key, n in cursor.fetchall():
            raw[facet][str(key)] = n
    return _facet_counts(raw, ref), len(rows)


# --- the search table (PostgreSQL) ------------------------------------------------------------
# A search with words walks the narrow table `offers_offersearch` (offers/search_table.py) by
# publication date instead of the offers themselves: the same rows as `Offer.objects.public()`
# with the same `search_vector`, a third of the bytes per row, written in publication order
# (decision 0027). Its `facet_keys` hold the four many-to-many facets, so neither the filters nor
# the facet counts read the through tables.


# A parameter of the search table's statement (what the cursor adapts).
_Param = str | int | datetime.date | list[str]


def _int_array(values: list[int]) -> str:
    """A PostgreSQL integer array literal, for a text parameter cast to integer[]."""
    return "{" + ",".join(str(value) for value in values) + "}"


def _table_flag(
    facet: str, filters: OfferFilters, ref: CatalogueReference
) -> tuple[str, list[_Param]] | None:
    """One facet's filter as a condition on a row `s` of the search table (None: unfiltered)."""
    values = getattr(filters, facet)
    if not values:
        return None
    if facet in _M2M:
        keys = [search_table.facet_key(facet, pk) for pk in ref.ids(facet, values)]
        return "s.facet_keys && CAST(%s AS integer[])", [_int_array(keys)]
    if facet in ("kind", "cost"):
        return f"s.{facet} = ANY(%s)", [list(values)]
    # A district: offers available there, statewide or online; "landesweit" and "online"
    # alone: only those (`_district_q`), as one condition on the keys.
    ids = ref.ids("district", tuple(v for v in values if v not in (STATEWIDE, ONLINE)))
    keys = [search_table.facet_key("district", pk) for pk in ids]
    if ids or STATEWIDE in values:
        keys.append(search_table.STATEWIDE_KEY)
    if ids or ONLINE in values:
        keys.append(search_table.ONLINE_KEY)
    if not keys:
        return None  # no known value: no condition (as `_district_q`)
    return "s.facet_keys && CAST(%s AS integer[])", [_int_array(keys)]


def _table_walk(stems: list[Clause], now: datetime.datetime) -> tuple[str, list[_Param]]:
    """FROM and WHERE of the public rows matching the words (a row is `s`, the query `q`)."""
    sql = (
        f"FROM {search_table.TABLE} s, to_tsquery('simple', %s) q "
        "WHERE s.visible AND s.confirmed_at >= %s "
        "AND (s.valid_until IS NULL OR s.valid_until >= %s)"
    )
    params: list[_Param] = [
        pg_tsquery(stems),
        confirmation_cutoff(now),
        timezone.localdate(now),
    ]
    return sql, params


_NEWEST = "ORDER BY s.first_published_at DESC, s.offer_id"


def _table_facet_parts(m: str, flags: list[str], tail: str) -> list[str]:
    """One SELECT per facet's disjunctive counts over the rows `m` (with a boolean column
    `f_<facet>` per active filter): one GROUP BY per facet; the many-to-many facets unnest
    `facet_keys` once, counted by key ('keys'; the counterpart of the parts in
    `_facet_counts_all`). `tail`: columns after the count."""

    def others(facet: str, extra: str = "") -> str:
        terms = [f"{m}.f_{other}" for other in flags if other != facet]
        if extra:
            terms.append(extra)
        return " AND ".join(terms) if terms else "TRUE"

    factor = search_table.KEY_FACTOR
    parts = [
        f"SELECT '', '', COUNT(*){tail} FROM {m}",
        f"SELECT 'kind', {m}.kind, COUNT(*){tail} FROM {m} "
        f"WHERE {others('kind')} GROUP BY {m}.kind",
        f"SELECT 'cost', {m}.cost, COUNT(*){tail} FROM {m} "
        f"WHERE {others('cost')} GROUP BY {m}.cost",
    ]
    everywhere = f"({m}.statewide OR {m}.online)"
    # The four many-to-many facets in one pass over the keys (one unnest, one GROUP BY; a
    # key's code says its facet, and so which other filters it is counted under), not one
    # pass per facet (decision 0034).
    whens = " ".join(
        f"WHEN {code} THEN "
        + (others(facet) if facet != "district" else others(facet, "NOT " + everywhere))
        for facet, code in search_table.FACET_CODES.items()
    )
    parts += [
        f"SELECT 'keys', CAST(k.key AS TEXT), COUNT(*){tail} FROM {m}, "
        f"unnest({m}.facet_keys) k(key) WHERE CASE k.key %% {factor} {whens} ELSE FALSE END "
        "GROUP BY k.key",
        f"SELECT 'district', '{STATEWIDE}', COUNT(*){tail} FROM {m} "
        f"WHERE {others('district', m + '.statewide')}",
        f"SELECT 'district', '{ONLINE}', COUNT(*){tail} FROM {m} "
        f"WHERE {others('district', m + '.online')}",
        f"SELECT 'district', '*', COUNT(*){tail} FROM {m} WHERE {others('district', everywhere)}",
    ]
    return parts


def _table_search(
    stems: list[Clause], filters: OfferFilters, ref: CatalogueReference, now: datetime.datetime
) -> tuple[list[tuple[int, float]], dict[str, dict[str, int]], int]:
    """A search with words over the search table, in one statement: the candidates (the newest
    COUNT_CAP + 1 public matches of the words and the filters, as (id, rank) newest first: the
    order and rank of `fulltext_filter(...).order_by("-first_published_at", "pk")`, the same
    tsvector, the same `ts_rank`), every facet's counts and the number of rows they counted.

    The candidates `c` come back as two arrays (not a thousand rows). Without filters the
    facets count the candidates; with filters a second sample `m`, the newest COUNT_CAP + 1
    matches of the words alone with one flag per filter, as `_facet_counts_all` does with a
    limit. PostgreSQL walks the rows by date, or, when a filter leaves few rows, finds them by
    `facet_keys` (GIN) and sorts them."""
    walk, walk_params = _table_walk(stems, now)
    flags: dict[str, tuple[str, list[_Param]]] = {}
    for facet in FACETS:
        flag = _table_flag(facet, filters, ref)
        if flag is not None:
            flags[facet] = flag
    # The facets' conditions come before the full-text test, which is the costly one.
    where = "".join(f" AND {condition}" for condition, _params in flags.values())
    columns = (
        "s.offer_id, s.first_published_at, s.kind, s.cost, s.statewide, s.online, s.facet_keys"
    )
    sql = (
        f"WITH c AS MATERIALIZED (SELECT {columns}, ts_rank(s.search_vector, q) AS rank "
        f"{walk}{where} AND s.search_vector @@ q {_NEWEST} LIMIT %s)"
    )
    params: list[_Param] = [*walk_params]
    for _condition, flag_params in flags.values():
        params += flag_params
    params.append(COUNT_CAP + 1)
    counted = "c"
    if flags:
        flag_columns = "".join(
            f", ({condition}) AS f_{facet}" for facet, (condition, _params) in flags.items()
        )
        sql += (
            f", m AS MATERIALIZED (SELECT {columns}{flag_columns} {walk} "
            f"AND s.search_vector @@ q {_NEWEST} LIMIT %s)"
        )
        for _condition, flag_params in flags.values():
            params += flag_params
        params += [*walk_params, COUNT_CAP + 1]
        counted = "m"
    order = "ORDER BY c.first_published_at DESC, c.offer_id"
    parts = [
        f"SELECT 'c', '', COUNT(*), array_agg(c.offer_id {order}), array_agg(c.rank {order}) "
        "FROM c",
        *_table_facet_parts(counted, list(flags), ", NULL, NULL"),
    ]
    sql += " " + " UNION ALL ".join(parts)
    raw: dict[str, dict[str, int]] = {facet: {} for facet in ("", *FACETS)}
    facet_of_code = {code: facet for facet, code in search_table.FACET_CODES.items()}
    candidates: list[tuple[int, float]] = []
    with connections[Offer.objects.db].cursor() as cursor:
        cursor.execute(sql, params)
        for facet, key, n, ids, ranks in cursor.fetchall():
            if facet == "c":
                candidates = list(zip(ids or [], ranks or [], strict=True))
            elif facet == "keys":
                key = int(key)
                raw[facet_of_code[key % search_table.KEY_FACTOR]][
                    str(key // search_table.KEY_FACTOR)
                ] = n
            else:
                raw[facet][str(key)] = n
    return candidates, _facet_counts(raw, ref), raw[""].get("", 0)


def _facet_counts(
    raw: dict[str, dict[str, int]], ref: CatalogueReference
) -> dict[str, dict[str, int]]:
    """Facet → value → count, from the statement's rows (facet → database key → count)."""
    counts: dict[str, dict[str, int]] = {"kind": raw["kind"], "cost": raw["cost"]}
    for facet in _M2M:
        by_id = raw[facet]
        counts[facet] = {item.value: by_id.get(str(item.id), 0) for item in ref.items[facet]}
    district = raw["district"]
    everywhere_n = district.get("*", 0)
    counts["district"] = {STATEWIDE: district.get(STATEWIDE, 0), ONLINE: district.get(ONLINE, 0)}
    for item in ref.items["district"]:
        if item.id:
            counts["district"][item.value] = district.get(str(item.id), 0) + everywhere_n
    return counts


def offer_facets(
    *,
    query: str,
    filters: OfferFilters,
    reference: CatalogueReference,
    clauses: list[Clause] | None = None,
    limit: int | None = None,
    rows: list[_Row] | None = None,
) -> tuple[dict[str, list[FacetOption]], int]:
    """Disjunctive facet counts (each facet counted with its own filter removed), and the
    number of matches they counted: with `limit`, more than `limit` means a sample's counts.

    `clauses`: the query already expanded (search_clauses), to read the synonyms only once.
    `rows`: count over these offers (candidate rows already read; only without filters).
    """
    if clauses is None:
        clauses = search_clauses(query)
    if rows is not None:
        counts, counted = _facet_counts_of_rows(rows, reference)
    else:
        counts, counted = _facet_counts_all(clauses, filters, reference, limit=limit)
    return _facet_options(counts, filters, reference), counted


def _facet_options(
    counts: dict[str, dict[str, int]], filters: OfferFilters, reference: CatalogueReference
) -> dict[str, list[FacetOption]]:
    """Each facet's options: the values with a count, and the selected ones."""
    facets: dict[str, list[FacetOption]] = {}
    for facet in FACETS:
        selected = set(getattr(filters, facet))
        facets[facet] = [
            FacetOption(
                item.value, item.label, counts[facet].get(item.value, 0), item.value in selected
            )
            for item in reference.items[facet]
            if counts[facet].get(item.value, 0) or item.value in selected
        ]
    return facets


# --- search ---------------------------------------------------------------------------------


def _ordered(queryset: QuerySet, *, sort: str, ranked: bool) -> QuerySet:
    if sort == "title":
        return queryset.order_by("title", "pk")
    if sort == "relevance" and ranked:
        return queryset.order_by("-fulltext_rank", "-first_published_at", "pk")
    return queryset.order_by("-first_published_at", "pk")


def offer_list_queryset(queryset: QuerySet) -> QuerySet:
    """What a result list shows of each offer: provider and topic fields (prefetched per page)."""
    return queryset.select_related("actor").prefetch_related(
        Prefetch("topic_fields", queryset=TopicField.objects.order_by("order", "name"))
    )


class OfferCard(NamedTuple):
    """What the catalogue's result list shows of an offer, as plain values: twenty model
    instances with their provider and prefetched topic fields cost more CPU than the rest of a
    page's reads (decision 0034). `topics`: (name, name_en) of its topic fields in their order."""

    pk: int
    slug: str
    title: str
    summary: str
    kind: str
    cost: str
    statewide: bool
    online: bool
    actor_name: str
    actor_short_name: str
    topics: tuple[tuple[str, str], ...]

    @property
    def actor_display_name(self) -> str:
        return actor_display_name(self.actor_name, self.actor_short_name)


_CARD_COLUMNS = (
    "pk",
    "slug",
    "title",
    "summary",
    "kind",
    "cost",
    "statewide",
    "online",
    "actor__name",
    "actor__short_name",
)


def offer_cards(queryset: QuerySet) -> list[OfferCard]:
    """The cards of these offers, in the queryset's order (it may be sliced): two queries, the
    offers' shown columns with their provider's names, and their topic fields in the order of
    `offer_list_queryset`'s prefetch."""
    rows = list(queryset.values_list(*_CARD_COLUMNS))
    if not rows:
        return []
    topics: dict[int, list[tuple[str, str]]] = {}
    pairs = (
        _through("topic_fields")
        ._default_manager.filter(offer_id__in=[row[0] for row in rows])
        .order_by("topicfield__order", "topicfield__name")
        .values_list("offer_id", "topicfield__name", "topicfield__name_en")
    )
    for offer_id, name, name_en in pairs:
        topics.setdefault(offer_id, []).append((name, name_en))
    return [OfferCard._make((*row, tuple(topics.get(row[0], ())))) for row in rows]


@dataclass(frozen=True)
class _SearchSnapshot:
    """What a search state computes, without the offers themselves (cacheable)."""

    ids: list[int]
    number: int
    total: int
    facets: dict[str, list[FacetOption]]
    suggestion: str
    suggestion_total: int
    suggestion_without_filters: bool
    total_capped: bool = False
    facets_capped: bool = False


def _candidate_page(
    candidates: list[tuple[int, float]], *, page: int | str, per_page: int, cards: bool
) -> Page:
    """A page of the candidates ((id, rank) in their final order), with the page's offers read;
    each offer carries its `fulltext_rank` as the ranked queryset would (`cards`: their
    `OfferCard`s instead)."""
    result_page = Paginator(candidates, per_page).get_page(page)
    shown = list(result_page.object_list)
    if cards:
        by_pk = {
            card.pk: card
            # No ORDER BY (the model's title order): the page's order is the candidates'.
            for card in offer_cards(
                Offer.objects.filter(pk__in=[pk for pk, _rank in shown]).order_by()
            )
        }
        page_cards: list[OfferCard] = [by_pk[pk] for pk, _rank in shown]
        result_page.object_list = page_cards  # type: ignore[assignment]
        return result_page
    found = offer_list_queryset(Offer.objects.filter(pk__in=[pk for pk, _rank in shown]))
    by_id = {offer.pk: offer for offer in found}
    offers = []
    for pk, rank in shown:
        offer = by_id[pk]
        offer.fulltext_rank = rank
        offers.append(offer)
    result_page.object_list = offers
    return result_page


def _search_snapshot(
    *,
    stems: list[Clause],
    query: str,
    filters: OfferFilters,
    sort: str,
    page: int | str,
    per_page: int,
    ref: CatalogueReference,
    with_facets: bool,
    cards: bool,
) -> tuple[_SearchSnapshot, Page]:
    # The matches with their rank (lazy: only the queries below run it).
    ranked = _apply_filters(fulltext_filter(Offer.objects.public(), stems), filters, ref)
    facets: dict[str, list[FacetOption]] = {}
    total: int | None = None
    total_capped = facets_capped = False
    candidates: list[tuple[int, float]] | None = None
    if with_facets and stems and search_table.available(connections[Offer.objects.db]):
        # The same as below over the search table, candidates and facets in one statement.
        candidates, counts, counted = _table_search(stems, filters, ref, timezone.now())
        total, total_capped = min(len(candidates), COUNT_CAP), len(candidates) > COUNT_CAP
        facets = _facet_options(counts, filters, ref)
        facets_capped = counted > COUNT_CAP
    elif with_facets and stems:
        # With words: the newest COUNT_CAP + 1 matches with their rank. Their number is the
        # total up to the cap, and they are the pages that can be shown; sorted by relevance,
        # only they are ranked (ranking every match of a broad word was what made it slow).
        # Their own facet values come along for the facets of a search without filters.
        newest = ranked.order_by("-first_published_at", "pk")
        rows: list[_Row] = list(
            newest.values_list("pk", "fulltext_rank", "kind", "cost", "statewide", "online")[
                : COUNT_CAP + 1
            ]
        )
        candidates = [(row[0], row[1]) for row in rows]
        total, total_capped = min(len(candidates), COUNT_CAP), len(candidates) > COUNT_CAP
        if filters:
            # The facets count a sample of at most COUNT_CAP + 1 matches of the words without
            # the filters (a broad word matches most of the catalogue; counting all of them
            # cost seconds).
            facets, counted = offer_facets(
                query=query, filters=filters, reference=ref, clauses=stems, limit=COUNT_CAP
            )
        else:
            # Without filters the candidates are that sample (the newest matches, or every
            # match below the cap): the facets count their rows (and their through-table
            # rows by offer id), and the full-text index is searched only once.
            facets, counted = offer_facets(
                query=query, filters=filters, reference=ref, clauses=stems, rows=rows
            )
        facets_capped = counted > COUNT_CAP
    elif with_facets:
        facets, _counted = offer_facets(query=query, filters=filters, reference=ref, clauses=stems)
        # Every offer has exactly one kind, and the kind facet is counted without the kind
        # filter: the selected kinds' counts (all kinds when none is selected) are the total,
        # which saves the paginator's COUNT over all matches.
        total = sum(
            option.count for option in facets["kind"] if option.selected or not filters.kind
        )
    if candidates is not None and sort != "title":
        # A stable sort by rank keeps newest first and then the primary key for equal ranks,
        # the order of `_ordered`.
        shown = candidates[:COUNT_CAP]
        if sort == "relevance":
            shown = sorted(shown, key=lambda row: -row[1])
        result_page = _candidate_page(shown, page=page, per_page=per_page, cards=cards)
    else:
        queryset = _ordered(ranked, sort=sort, ranked=bool(stems))
        paginator = Paginator(queryset if cards else offer_list_queryset(queryset), per_page)
        if total is not None:
            paginator.count = total
        result_page = paginator.get_page(page)
        if cards:
            result_page.object_list = offer_cards(cast(QuerySet, result_page.object_list))
        else:
            result_page.object_list = list(result_page.object_list)
    total = result_page.paginator.count
    suggestion, suggestion_total, without_filters = "", 0, False
    if total == 0 and stems:
        suggestion = offer_query_suggestion(query=query)
        if suggestion:
            suggestion_total = offers_matching(
                query=suggestion, filters=filters, reference=ref
            ).count()
            if not suggestion_total:
                # Perhaps the filters are what is too narrow: suggest the words without them.
                suggestion_total = offers_matching(
                    query=suggestion, filters=OfferFilters(), reference=ref
                ).count()
                without_filters = bool(suggestion_total)
                if not suggestion_total:
                    suggestion = ""
    snapshot = _SearchSnapshot(
        ids=[offer.pk for offer in result_page.object_list],
        number=result_page.number,
        total=total,
        facets=facets,
        suggestion=suggestion,
        suggestion_total=suggestion_total,
        suggestion_without_filters=without_filters,
        total_capped=total_capped,
        facets_capped=facets_capped,
    )
    return snapshot, result_page


def _search_cache_key(**state: object) -> str:
    digest = hashlib.sha256(repr(sorted(state.items())).encode()).hexdigest()[:32]
    # v4: capped totals and facet counts (COUNT_CAP); older snapshots are not read.
    return f"offers:search:v4:{digest}"


def offers_search(
    *,
    query: str,
    filters: OfferFilters,
    sort: str,
    page: int | str = 1,
    per_page: int = PER_PAGE,
    reference: CatalogueReference | None = None,
    with_facets: bool = True,
    cards: bool = False,
) -> SearchResult:
    """One page of public offers for a query and filters, with facets and a suggestion
    (`cards`: the page's offers as `OfferCard`s, what the catalogue's list shows, instead of
    `Offer`s).

    A search state (words, filters, sort, page) is cached for LOTSE_CATALOGUE_CACHE_SECONDS as
    ids + counts under the content version (`lotse.core.versioning`): a write counts again at
    once, so the page cache never keeps old counts under a new version. A repeated search only
    loads its page's offers, again through `public()`.
    """
    ref = reference or catalogue_reference()
    sort = sort if sort in SORTS else "relevance"
    # The expanded query (synonyms of this moment) is part of the cache key: an edited synonym
    # group gives new keys, so no cached result of the old groups is served.
    stems = search_clauses(query)
    timeout = settings.LOTSE_CATALOGUE_CACHE_SECONDS
    key = _search_cache_key(
        language=get_language() or "de",
        stems=tuple(stems),
        filters=filters,
        sort=sort,
        page=str(page),
        per_page=per_page,
        with_facets=with_facets,
        suggest=bool(stems),
        content=versions_key(current_versions(), (CONTENT,)) if timeout else "",
    )
    snapshot = cache.get(key) if timeout else None
    if snapshot is None:
        snapshot, result_page = _search_snapshot(
            stems=stems,
            query=query,
            filters=filters,
            sort=sort,
            page=page,
            per_page=per_page,
            ref=ref,
            with_facets=with_facets,
            cards=cards,
        )
        if timeout:
            cache.set(key, snapshot, timeout)
    else:
        public = Offer.objects.public().filter(pk__in=snapshot.ids)
        found: list[Offer] | list[OfferCard] = (
            offer_cards(public.order_by()) if cards else list(offer_list_queryset(public))
        )
        by_id = {offer.pk: offer for offer in found}
        paginator = Paginator(Offer.objects.none(), per_page)
        paginator.count = snapshot.total
        result_page = Page(
            [by_id[pk] for pk in snapshot.ids if pk in by_id], snapshot.number, paginator
        )
    return SearchResult(
        page=result_page,
        total=snapshot.total,
        facets=snapshot.facets,
        suggestion=snapshot.suggestion,
        suggestion_total=snapshot.suggestion_total,
        suggestion_without_filters=snapshot.suggestion_without_filters,
        query=query,
        filters=filters,
        sort=sort,
        total_capped=snapshot.total_capped,
        facets_capped=snapshot.facets_capped,
    )


# --- suggestions ("Meinten Sie …?") ---------------------------------------------------------

_FOLD = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def fold(word: str) -> str:
    """Lower case, umlauts and ß as their ASCII spellings, other accents removed."""
    word = word.lower().translate(_FOLD)
    return "".join(
        char for char in unicodedata.normalize("NFKD", word) if not unicodedata.combining(char)
    )


def offer_vocabulary() -> dict[str, str]:
    """Folded word → its most frequent spelling, from public offers' titles and summaries.

    Cached (VOCABULARY_TIMEOUT seconds): built only when a search finds nothing.
    """
    vocabulary = cache.get(VOCABULARY_CACHE_KEY)
    if vocabulary is not None:
        return vocabulary
    spellings: Counter[str] = Counter()
    rows = Offer.objects.public().order_by().values_list("title", "summary")
    for title, summary in rows.iterator(chunk_size=2000):
        for token in tokens(f"{title} {summary}"):
            if len(token) >= 3:
                spellings[token] += 1
    best: dict[str, tuple[int, str]] = {}
    for word, count in spellings.most_common(VOCABULARY_MAX_WORDS):
        key = fold(word)
        if key not in best or count > best[key][0]:
            best[key] = (count, word)
    vocabulary = {key: word for key, (_count, word) in best.items()}
    cache.set(VOCABULARY_CACHE_KEY, vocabulary, VOCABULARY_TIMEOUT)
    return vocabulary


def offer_query_suggestion(*, query: str) -> str:
    """The query with every unknown word replaced by the closest known word ("" if none)."""
    from rapidfuzz import fuzz, process

    vocabulary = offer_vocabulary()
    if not vocabulary:
        return ""
    keys = list(vocabulary)
    words = tokens(query)[:8]
    corrected: list[str] = []
    changed = False
    for word in words:
        key = fold(word)
        if key in vocabulary or len(key) < 3:
            corrected.append(word)
            continue
        match = process.extractOne(key, keys, scorer=fuzz.ratio, score_cutoff=75)
        if match is None:
            corrected.append(word)
            continue
        corrected.append(vocabulary[match[0]])
        changed = True
    return " ".join(corrected) if changed else ""


# --- detail, related, export ----------------------------------------------------------------


def offer_public_detail(*, slug: str) -> Offer | None:
    """A public offer with everything its page shows (constant number of queries)."""
    return (
        Offer.objects.public()
        .select_related("actor", "contact")
        .prefetch_related(
            Prefetch("topic_fields", queryset=TopicField.objects.order_by("order", "name")),
            Prefetch("target_groups", queryset=TargetGroup.objects.order_by("order", "name")),
            Prefetch("districts", queryset=Region.objects.order_by("name")),
            Prefetch("languages", queryset=Language.objects.order_by("order", "name")),
        )
        .filter(slug=slug)
        .first()
    )


def offers_related(*, offer: Offer, limit: int = 4) -> list[Offer]:
    """Other public offers sharing a topic field with this one, newest first."""
    through = _through("topic_fields")
    topic_ids = through._default_manager.filter(offer_id=offer.pk).values("topicfield_id")
    same_topic = through._default_manager.filter(topicfield_id__in=topic_ids).values("offer_id")
    queryset = (
        Offer.objects.public()
        .filter(pk__in=same_topic)
        .exclude(pk=offer.pk)
        .select_related("actor")
        .order_by("-first_published_at", "pk")
    )
    return list(queryset[:limit])


def offers_for_topic_field(*, topic_field: TopicField, limit: int) -> list[Offer]:
    """The newest `limit` public offers of a topic field, for its page (two queries: the page
    and its topic fields; no count, which would visit every offer of a large topic field)."""
    through = _through("topic_fields")._default_manager.filter(topicfield_id=topic_field.pk)
    queryset = offer_list_queryset(
        Offer.objects.public()
        .filter(pk__in=through.values("offer_id"))
        .order_by("-first_published_at", "pk")
    )
    return list(queryset[:limit])


EXPORT_MAX_ROWS = 20_000


def offers_export_rows(*, query: str, filters: OfferFilters, sort: str) -> list[dict]:
    """Public fields of every matching offer (at most EXPORT_MAX_ROWS), constant queries."""
    ref = catalogue_reference()
    stems = search_clauses(query)
    queryset = _apply_filters(fulltext_filter(Offer.objects.public(), stems), filters, ref)
    queryset = _ordered(queryset, sort=sort if sort in SORTS else "relevance", ranked=bool(stems))
    rows = list(
        queryset.values(
            "pk",
            "slug",
            "title",
            "summary",
            "kind",
            "cost",
            "cost_note",
            "statewide",
            "online",
            "valid_from",
            "valid_until",
            "link",
            "actor__name",
            "actor__slug",
        )[:EXPORT_MAX_ROWS]
    )
    ids = _apply_filters(fulltext_match(Offer.objects.public(), stems), filters, ref).values("pk")
    names: dict[str, dict[int, list[str]]] = {}
    for key, relation, label in (
        ("topic_fields", "topic_fields", "topicfield__name"),
        ("target_groups", "target_groups", "targetgroup__name"),
        ("districts", "districts", "region__name"),
        ("languages", "languages", "language__name"),
    ):
        by_offer: dict[int, list[str]] = {}
        pairs = (
            _through(relation)
            ._default_manager.filter(offer_id__in=ids)
            .values_list("offer_id", label)
            .order_by(label)
        )
        for offer_id, name in pairs:
            by_offer.setdefault(offer_id, []).append(name)
        names[key] = by_offer
    kinds = dict(Offer.Kind.choices)
    costs = dict(Offer.Cost.choices)
    for row in rows:
        pk = row["pk"]
        row["kind"] = str(kinds.get(row["kind"], row["kind"]))
        row["cost"] = str(costs.get(row["cost"], row["cost"]))
        for key, by_offer in names.items():
            row[key] = by_offer.get(pk, [])
    return rows
