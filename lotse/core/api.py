"""Open API of the reference data: regions, topic fields, target groups, actor types."""

from decimal import Decimal

from ninja import Router, Schema

from . import selectors

router = Router(tags=["Referenzdaten"])


class ReferenceItemOut(Schema):
    slug: str
    name: str
    name_en: str


class TopicFieldOut(ReferenceItemOut):
    summary: str
    summary_en: str


class RegionOut(Schema):
    code: str
    slug: str
    kind: str
    name: str
    name_en: str
    parent_code: str | None
    nuts_code: str
    area_km2: Decimal | None
    population: int | None
    seat: str

    @staticmethod
    def resolve_parent_code(obj) -> str | None:
        return obj.parent.code if obj.parent_id else None


@router.get("/regions", response=list[RegionOut], summary="Regionen (Land, Bezirke, Kreise)")
def regions(request, districts_only: bool = False):
    return selectors.regions_list(districts_only=districts_only)


@router.get("/topic-fields", response=list[TopicFieldOut], summary="Themenfelder")
def topic_fields(request):
    return selectors.topic_fields_list()


@router.get("/target-groups", response=list[ReferenceItemOut], summary="Zielgruppen")
def target_groups(request):
    return selectors.target_groups_list()


@router.get("/actor-types", response=list[ReferenceItemOut], summary="Akteurstypen")
def actor_types(request):
    return selectors.actor_types_list()
