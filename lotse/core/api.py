"""Open API of the reference data: regions, topic fields, target groups, actor types."""

from decimal import Decimal

from ninja import Field, Query, Router, Schema

from . import selectors
from .pagination import Page, PageParams, page_of

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


class RegionQuery(PageParams):
    districts_only: bool = Field(False, description="true: nur Landkreise und kreisfreie Städte")


@router.get("/regions", response=Page[RegionOut], summary="Regionen (Land, Bezirke, Kreise)")
def regions(request, params: Query[RegionQuery]):
    items = list(selectors.regions_list(districts_only=params.districts_only))
    return page_of(request, items, params)


@router.get("/topic-fields", response=Page[TopicFieldOut], summary="Themenfelder")
def topic_fields(request, params: Query[PageParams]):
    return page_of(request, list(selectors.topic_fields_list()), params)


@router.get("/target-groups", response=Page[ReferenceItemOut], summary="Zielgruppen")
def target_groups(request, params: Query[PageParams]):
    return page_of(request, list(selectors.target_groups_list()), params)


@router.get("/actor-types", response=Page[ReferenceItemOut], summary="Akteurstypen")
def actor_types(request, params: Query[PageParams]):
    return page_of(request, list(selectors.actor_types_list()), params)
