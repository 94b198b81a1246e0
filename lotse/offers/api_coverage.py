"""GET /api/v1/coverage: the Versorgungslandkarte as open data (public offers only)."""

from datetime import datetime

from ninja import Router, Schema

from .coverage import coverage_matrix_cached

router = Router(tags=["coverage"])


class CoverageDistrictOut(Schema):
    ags: str
    slug: str
    name: str
    kind: str
    total: int
    counts: dict[str, int]  # topic field slug -> number of offers
    gaps: list[str]  # topic field slugs without any offer in the district


class CoverageTopicOut(Schema):
    slug: str
    name: str
    statewide: int
    online: int


class CoverageOut(Schema):
    as_of: datetime
    note: str
    topic_fields: list[CoverageTopicOut]
    districts: list[CoverageDistrictOut]
    statewide_total: int
    online_total: int
    gap_count: int


@router.get("", response=CoverageOut, summary="Versorgungslandkarte (Landkreise × Themenfelder)")
def coverage(request):
    """Number of public offers per district and topic field; statewide and online separately."""
    matrix = coverage_matrix_cached()
    districts = []
    for district in matrix.districts:
        counts = {topic.slug: matrix.count(district, topic) for topic in matrix.topic_fields}
        districts.append(
            {
                "ags": district.code,
                "slug": district.slug,
                "name": district.name,
                "kind": district.kind,
                "total": matrix.district_totals.get(district.pk, 0),
                "counts": counts,
                "gaps": [slug for slug, number in counts.items() if not number],
            }
        )
    return {
        "as_of": matrix.as_of,
        "note": (
            "Zählung veröffentlichter Angebote je Landkreis/kreisfreier Stadt (über die Angabe "
            "der Regionen); landesweite und Online-Angebote sind je Themenfeld separat gezählt."
        ),
        "topic_fields": [
            {
                "slug": topic.slug,
                "name": topic.name,
                "statewide": matrix.statewide.get(topic.pk, 0),
                "online": matrix.online.get(topic.pk, 0),
            }
            for topic in matrix.topic_fields
        ],
        "districts": districts,
        "statewide_total": matrix.statewide_total,
        "online_total": matrix.online_total,
        "gap_count": sum(len(item["gaps"]) for item in districts),
    }
