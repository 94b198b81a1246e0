"""Bedarf und Angebot: what completed checks recommend, per district and topic field, next to
the number of public offers there. Districts where companies need something that nobody offers
are the real gaps. Anonymous: only counts of checks, never a single check.

A selector (reads only), in a constant number of queries: the completed checks' stored measures
(one query), the measure titles (one), the offers' coverage matrix (the catalogue's selector).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from django.utils.translation import gettext as _

from lotse.core.models import Region, TopicField
from lotse.offers.coverage import CoverageMatrix, coverage_matrix

from .models import CompanyCheck, Rule
from .selectors import TARIFF_MEASURE


@dataclass
class DemandRow:
    district: Region
    topic: TopicField | None
    topic_slug: str
    measure_key: str
    title: str
    checks: int  # completed checks in the district recommending this measure
    offers: int  # public offers of the topic field bound to the district
    statewide: int  # statewide public offers of the topic field
    online: int

    @property
    def gap(self) -> bool:
        """Demand in the district and no offer there (statewide or online may still exist)."""
        return self.checks > 0 and self.offers == 0


@dataclass
class Demand:
    rows: list[DemandRow]
    completed: int
    matrix: CoverageMatrix

    @property
    def gaps(self) -> list[DemandRow]:
        return [row for row in self.rows if row.gap]


def _titles(version_ids: set[int]) -> dict[str, str]:
    """Measure key → title (the newest version's wording wins)."""
    titles: dict[str, str] = {}
    rules = (
        Rule.objects.filter(module__version_id__in=sorted(version_ids))
        .select_related("module", "module__version")
        .order_by("module__version__number", "pk")
    )
    for rule in rules:
        titles[f"{rule.module.key}.{rule.key}"] = rule.title
    return titles


def demand(*, matrix: CoverageMatrix | None = None) -> Demand:
    """Recommended measures of completed checks per district, most frequent first."""
    counts: Counter[tuple[int, str, str]] = Counter()
    versions: set[int] = set()
    completed = 0
    rows = CompanyCheck.objects.filter(completed_at__isnull=False).values_list(
        "district_id", "version_id", "measures"
    )
    for district_id, version_id, measures in rows.iterator(chunk_size=2000):
        completed += 1
        versions.add(version_id)
        for measure in measures or []:
            key = measure.get("key", "")
            if key and not key.endswith(f".{TARIFF_MEASURE}"):
                counts[(district_id, measure.get("topic_field", ""), key)] += 1
    titles = _titles(versions)
    matrix = matrix or coverage_matrix()
    districts = {district.pk: district for district in matrix.districts}
    topics = {topic.slug: topic for topic in matrix.topic_fields}
    result = []
    for (district_id, slug, key), number in counts.items():
        district = districts.get(district_id)
        if district is None:
            continue
        topic = topics.get(slug)
        result.append(
            DemandRow(
                district=district,
                topic=topic,
                topic_slug=slug,
                measure_key=key,
                title=titles.get(key, key),
                checks=number,
                offers=matrix.count(district, topic) if topic else 0,
                statewide=matrix.statewide.get(topic.pk, 0) if topic else 0,
                online=matrix.online.get(topic.pk, 0) if topic else 0,
            )
        )
    result.sort(key=lambda row: (row.district.code, -row.checks, row.topic_slug, row.measure_key))
    return Demand(rows=result, completed=completed, matrix=matrix)


def demand_headers() -> list[str]:
    return [
        _("AGS"),
        _("Landkreis / Kreisfreie Stadt"),
        _("Themenfeld"),
        _("Maßnahme"),
        _("Empfohlen in Checks"),
        _("Angebote im Landkreis"),
        _("landesweit"),
        _("online"),
        _("Lücke"),
    ]
