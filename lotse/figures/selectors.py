"""Reads of the figures app: indicator series and the district profiles (Regionen).

Each profile costs a fixed number of queries, whatever the number of figures, actors, offers,
events or inquiries: one per dimension (the latest month and the figures, actors by type,
statewide actors, the next events, the desk's inquiry figures); the offers by topic field come
from the coverage map's cached matrix. What a write changes (figures, actors, inquiry figures)
is kept in the worker's memory under the content versions the triggers move with every write
(`lotse.core.versioning.versioned`, decision 0041): a cold rendering reads only the district,
the versions and the next events, and the first one after a write counts afresh.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from django.db.models import Count, Max, Q
from django.utils import timezone
from django.utils.translation import get_language

from lotse.core.models import ActorType, Region, TopicField
from lotse.core.versioning import CONTENT, versioned, versions_pinned
from lotse.desk.selectors import DistrictInquiries, district_inquiries
from lotse.events.models import Event
from lotse.events.selectors import EventFilters
from lotse.network.models import Actor
from lotse.offers.coverage import coverage_matrix_cached

from .models import INDICATOR_UNITS, Indicator, IndicatorKey

STATE_CODE = "14"
# Shown on every district profile; the others only where they have a figure.
CORE_KEYS = (
    IndicatorKey.UNEMPLOYED,
    IndicatorKey.UNEMPLOYMENT_RATE,
    IndicatorKey.VACANCIES,
    IndicatorKey.UNEMPLOYED_PER_VACANCY,
    IndicatorKey.EMPLOYEES,
    IndicatorKey.FOREIGN_SHARE,
    IndicatorKey.TRAINING_PLACES,
    IndicatorKey.UNPLACED_APPLICANTS,
)
STATE_ONLY_KEYS = (IndicatorKey.SHORTAGE_OCCUPATIONS,)
# A profile shows the last twelve months of each series (table and chart alike); every month
# stays in the CSV, XLSX and API.
SERIES_MONTHS = 12
EVENTS_SHOWN = 10
POINT_FIELDS = ("key", "region_id", "period", "value", "source", "source_url", "retrieved_on")


def _months_before(month: date, count: int) -> date:
    """The first day of the month `count` months before `month`."""
    index = month.year * 12 + month.month - 1 - count
    return date(index // 12, index % 12 + 1, 1)


@dataclass(frozen=True)
class Point:
    """One figure of a series, with its citation (read as plain values, no model instance)."""

    period: date
    value: Decimal
    source: str
    source_url: str
    retrieved_on: date


@dataclass
class Series:
    """One indicator of one region over the months it has figures for (oldest first)."""

    key: str
    label: str
    unit: str
    points: list[Point] = field(default_factory=list)

    @property
    def latest(self) -> Point | None:
        return self.points[-1] if self.points else None


Row = tuple[str, int, date, Decimal, str, str, date]  # POINT_FIELDS


def _series(rows: list[Row], keys: tuple[str, ...]) -> list[Series]:
    by_key: dict[str, list[Point]] = defaultdict(list)
    for key, _region, period, value, source, source_url, retrieved_on in rows:
        by_key[key].append(Point(period, value, source, source_url, retrieved_on))
    labels = dict(IndicatorKey.choices)
    return [
        Series(
            key=key,
            label=str(labels[key]),
            unit=INDICATOR_UNITS[key],
            points=sorted(by_key.get(key, []), key=lambda item: item.period)[-SERIES_MONTHS:],
        )
        for key in keys
    ]


def _digest(rows: list[Row]) -> str:
    """A fingerprint of the figures a page shows: parts rendered from them are cached under it
    (never stale: other figures give another fingerprint)."""
    return hashlib.blake2b(repr(sorted(rows)).encode(), digest_size=12).hexdigest()


@dataclass
class ActorTypeCount:
    slug: str
    label: str
    count: int


@dataclass
class TopicCoverage:
    topic: TopicField
    count: int  # offers that name this district
    statewide: int
    online: int

    @property
    def gap(self) -> bool:
        return not self.count


@dataclass
class DistrictProfile:
    district: Region
    series: list[Series]
    state_series: list[Series]
    actors_by_type: list[ActorTypeCount]
    actors_total: int
    statewide_actors: int
    offers: list[TopicCoverage]
    offers_total: int
    events: list[Event]
    as_of: datetime
    inquiries: DistrictInquiries
    figures_digest: str  # changes with every figure the page shows (fragment cache key)

    @property
    def gaps(self) -> list[TopicCoverage]:
        return [row for row in self.offers if row.gap]

    @property
    def series_with_figures(self) -> list[Series]:
        return [series for series in self.series if series.points]

    @property
    def series_without_figures(self) -> list[Series]:
        return [series for series in self.series if not series.points]


def districts() -> list[Region]:
    """The 13 districts in AGS order."""
    return list(Region.objects.districts().order_by("code"))


def district_by_slug(*, slug: str) -> Region | None:
    """The district of a profile's address (the 13 read once per content version)."""
    by_slug = versioned(
        "figures:districts-by-slug",
        lambda: {region.slug: region for region in Region.objects.districts()},
    )
    return by_slug.get(slug)


# The versions a profile's cached parts depend on: every content table, and the desk's fact
# table (its own scope, `lotse.desk.apps`).
INQUIRY_SCOPES = ("inquiry_facts", CONTENT)


def _indicator_rows(district: Region) -> list[Row]:
    """The district's and the state's figures of the last SERIES_MONTHS months up to the
    latest month either has (two queries)."""
    regions = Q(region=district) | Q(region__code=STATE_CODE)
    latest = Indicator.objects.filter(regions).aggregate(latest=Max("period"))["latest"]
    if not latest:
        return []
    return list(
        Indicator.objects.filter(
            regions, period__gte=_months_before(latest, SERIES_MONTHS - 1)
        ).values_list(*POINT_FIELDS)
    )


@dataclass(frozen=True)
class IndicatorFigures:
    """The figures of one profile as its page shows them, and their fingerprint."""

    series: list[Series]
    state_series: list[Series]
    digest: str


def _indicator_figures(district: Region) -> IndicatorFigures:
    rows = _indicator_rows(district)
    return IndicatorFigures(
        series=_series([row for row in rows if row[1] == district.pk], CORE_KEYS),
        state_series=_series(
            [row for row in rows if row[1] != district.pk], CORE_KEYS + STATE_ONLY_KEYS
        ),
        digest=_digest(rows),
    )


# (slug, name, name_en, number of actors) of one actor type in one district.
TypeRow = tuple[str, str, str, int]


@dataclass(frozen=True)
class ActorCounts:
    """The published actors of every district by type (ordered as the types are), and the
    statewide ones: two queries for all 13 profiles."""

    by_district: dict[int, list[TypeRow]]
    statewide: int


def _actor_counts() -> ActorCounts:
    rows = (
        Actor.objects.published()
        .filter(districts__isnull=False)
        .values_list("districts", "actor_type__slug", "actor_type__name", "actor_type__name_en")
        .annotate(n=Count("pk", distinct=True))
        .order_by("districts", "actor_type__order", "actor_type__name")
    )
    by_district: dict[int, list[TypeRow]] = defaultdict(list)
    for district_id, slug, name, name_en, count in rows:
        by_district[district_id].append((slug, name, name_en, count))
    return ActorCounts(
        by_district=dict(by_district),
        statewide=Actor.objects.published().filter(statewide=True).count(),
    )


def district_profile(*, district: Region, now: datetime | None = None) -> DistrictProfile:
    """Everything the page /regionen/<slug>/ shows about one district (a dozen queries, whatever
    the number of figures, actors, offers, events and inquiries; after the first rendering of a
    version only the next events are read)."""
    with versions_pinned():  # one reading of the versions for every cached part
        return _district_profile(district, now or timezone.now())


def _district_profile(district: Region, now: datetime) -> DistrictProfile:
    language = get_language()
    # The series' labels and the inquiry cells' labels are in the language of the page.
    figures = versioned(
        f"figures:indicators:{language}:{district.pk}", lambda: _indicator_figures(district)
    )
    actors = versioned("figures:actor-counts", _actor_counts)
    actors_by_type = [
        ActorTypeCount(slug=slug, label=ActorType(name=name, name_en=name_en).label, count=n)
        for slug, name, name_en, n in actors.by_district.get(district.pk, [])
    ]

    # The offers as the coverage map counts them (the same cached matrix: the profile and the
    # map never disagree, and the profile needs no query of its own for them).
    coverage = coverage_matrix_cached()
    offers = [
        TopicCoverage(
            topic=topic,
            count=coverage.count(district, topic),
            statewide=coverage.statewide.get(topic.pk, 0),
            online=coverage.online.get(topic.pk, 0),
        )
        for topic in coverage.topic_fields
    ]
    # The next ten events with a site here: only what the list shows, no prefetches.
    events = list(
        EventFilters(district=district.slug)
        .apply(Event.objects.public().filter(ends_at__gte=now))
        .order_by("starts_at", "title")
        .only("slug", "title", "starts_at")[:EVENTS_SHOWN]
    )
    today = timezone.localdate(now)  # the last month the inquiry figures count
    inquiries = versioned(
        f"figures:inquiries:{language}:{district.code}:{today.isoformat()}",
        lambda: district_inquiries(
            district=district.code,
            today=today,
            topic_labels={topic.slug: topic.label for topic in coverage.topic_fields},
        ),
        scopes=INQUIRY_SCOPES,
    )
    return DistrictProfile(
        district=district,
        series=figures.series,
        state_series=figures.state_series,
        figures_digest=figures.digest,
        actors_by_type=actors_by_type,
        actors_total=sum(row.count for row in actors_by_type),
        statewide_actors=actors.statewide,
        offers=offers,
        offers_total=coverage.district_count(district),
        events=events,
        inquiries=inquiries,
        as_of=now,
    )


@dataclass
class Comparison:
    """One indicator across the districts for its latest month (districts without it: None)."""

    key: str
    label: str
    unit: str
    period: date | None
    rows: list[tuple[Region, Decimal | None]]

    @property
    def with_figures(self) -> int:
        return len([value for _district, value in self.rows if value is not None])


def districts_comparison(
    *, keys: tuple[str, ...] = (IndicatorKey.UNEMPLOYMENT_RATE, IndicatorKey.UNEMPLOYED)
) -> tuple[list[Region], list[Comparison], list[Series]]:
    """The overview /regionen/: the districts, each indicator compared across them in its
    latest month, and the state's own series (three queries)."""
    all_districts = districts()
    indicators: list[Row] = list(
        Indicator.objects.filter(
            Q(region__in=all_districts) | Q(region__code=STATE_CODE), key__in=keys
        ).values_list(*POINT_FIELDS)
    )
    labels = dict(IndicatorKey.choices)
    district_ids = {district.pk for district in all_districts}
    comparisons = []
    for key in keys:
        of_key = [row for row in indicators if row[0] == key and row[1] in district_ids]
        period = max((row[2] for row in of_key), default=None)
        values = {row[1]: row[3] for row in of_key if row[2] == period}
        comparisons.append(
            Comparison(
                key=key,
                label=str(labels[key]),
                unit=INDICATOR_UNITS[key],
                period=period,
                rows=[(district, values.get(district.pk)) for district in all_districts],
            )
        )
    state = [row for row in indicators if row[1] not in district_ids]
    return all_districts, comparisons, _series(state, keys)


def indicators_public() -> list[Indicator]:
    """Every figure with its region, for the open data (CSV and API)."""
    return list(
        Indicator.objects.select_related("region").order_by("region__code", "key", "period")
    )
