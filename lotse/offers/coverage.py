"""Versorgungslandkarte: how many public offers are available per district and topic field.

`coverage_matrix()` is a selector (reads only). A cell counts the public offers that name the
district in their `districts`; statewide and online offers are counted separately per topic field
(they are not added to every cell, so the matrix shows the regional coverage). A cell without any
district-bound offer is a gap ("Lücke"). Constant number of queries, whatever the data size.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Count, Q
from django.utils import timezone

from lotse.core.models import Region, TopicField
from lotse.core.versioning import shared_versioned

from .models import Offer


@dataclass
class CoverageMatrix:
    districts: list[Region]
    topic_fields: list[TopicField]
    # cells[district_id][topic_field_id] = number of public offers (via the districts M2M)
    cells: dict[int, dict[int, int]]
    district_totals: dict[int, int]
    statewide: dict[int, int]  # per topic field id
    online: dict[int, int]  # per topic field id
    statewide_total: int
    online_total: int
    as_of: datetime = field(default_factory=timezone.now)

    def count(self, district: Region | int, topic_field: TopicField | int) -> int:
        district_id = getattr(district, "pk", district)
        topic_id = getattr(topic_field, "pk", topic_field)
        return self.cells.get(district_id, {}).get(topic_id, 0)

    @property
    def gaps(self) -> list[tuple[Region, TopicField]]:
        """(district, topic field) pairs without any district-bound public offer."""
        return [
            (district, topic)
            for district in self.districts
            for topic in self.topic_fields
            if not self.count(district, topic)
        ]

    def district_count(self, district: Region, topic_field: TopicField | None = None) -> int:
        """Offers of one topic field (or of all, when None) in a district."""
        if topic_field is None:
            return self.district_totals.get(district.pk, 0)
        return self.count(district, topic_field)

    def rows(self) -> list[dict]:
        """Table rows for templates and exports: district, per-topic cells, total."""
        return [
            {
                "district": district,
                "cells": [
                    {"topic": topic, "count": self.count(district, topic)}
                    for topic in self.topic_fields
                ],
                "total": self.district_totals.get(district.pk, 0),
            }
            for district in self.districts
        ]


def coverage_matrix(*, now: datetime | None = None) -> CoverageMatrix:
    """The matrix districts × topic fields over `Offer.objects.public()` (six queries)."""
    now = now or timezone.now()
    districts = list(Region.objects.districts().order_by("code"))
    topic_fields = list(TopicField.objects.active().order_by("order", "name"))
    public = Offer.objects.public(now=now)
    district_ids = [district.pk for district in districts]

    cells: dict[int, dict[int, int]] = {district.pk: {} for district in districts}
    pairs = (
        public.filter(districts__in=district_ids, topic_fields__isnull=False)
        .values_list("districts", "topic_fields")
        .annotate(n=Count("pk", distinct=True))
        .order_by()
    )
    for district_id, topic_id, number in pairs:
        cells.setdefault(district_id, {})[topic_id] = number

    district_totals = dict(
        public.filter(districts__in=district_ids)
        .values_list("districts")
        .annotate(n=Count("pk", distinct=True))
        .order_by()
    )

    statewide: dict[int, int] = {}
    online: dict[int, int] = {}
    per_topic = (
        public.filter(Q(statewide=True) | Q(online=True), topic_fields__isnull=False)
        .values_list("topic_fields")
        .annotate(
            statewide=Count("pk", filter=Q(statewide=True), distinct=True),
            online=Count("pk", filter=Q(online=True), distinct=True),
        )
        .order_by()
    )
    for topic_id, statewide_number, online_number in per_topic:
        statewide[topic_id] = statewide_number
        online[topic_id] = online_number

    totals = public.aggregate(
        statewide=Count("pk", filter=Q(statewide=True)),
        online=Count("pk", filter=Q(online=True)),
    )
    return CoverageMatrix(
        districts=districts,
        topic_fields=topic_fields,
        cells=cells,
        district_totals=district_totals,
        statewide=statewide,
        online=online,
        statewide_total=totals["statewide"] or 0,
        online_total=totals["online"] or 0,
        as_of=now,
    )


CACHE_KEY = "lotse:offers:coverage:v1"
CACHE_SECONDS = 300


def coverage_matrix_cached() -> CoverageMatrix:
    """The matrix as of the current content version, kept at most CACHE_SECONDS (public page,
    API and district profiles; `as_of` says when it was counted).

    With 100,000 offers the six GROUP BY queries take a few seconds on SQLite; the shared cache
    (Redis in production) keeps the public page fast. Keyed by the content version: an offer
    change counts again at once, so the page cache never keeps an old matrix under a new
    version. Staff exports use `coverage_matrix()`.
    """
    return shared_versioned(CACHE_KEY, coverage_matrix, CACHE_SECONDS)
