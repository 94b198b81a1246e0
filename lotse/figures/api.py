"""Open API of the labour-market indicators: every figure with its source."""

from datetime import date
from decimal import Decimal

from ninja import Field, Query, Router, Schema

from lotse.core.pagination import Page, PageParams, page_of

from . import selectors
from .models import IndicatorKey

router = Router(tags=["Arbeitsmarktzahlen"])


class IndicatorOut(Schema):
    key: str
    ags: str
    region: str
    period: str
    value: Decimal
    unit: str
    source: str
    source_url: str
    licence: str
    retrieved_on: date

    @staticmethod
    def resolve_ags(obj) -> str:
        return obj.region.code

    @staticmethod
    def resolve_region(obj) -> str:
        return obj.region.name

    @staticmethod
    def resolve_period(obj) -> str:
        return obj.period.strftime("%Y-%m")


class IndicatorQuery(PageParams):
    key: IndicatorKey | None = Field(None, description="Kennzahl, z. B. arbeitslosenquote")
    ags: str | None = Field(None, max_length=8, pattern=r"^\d{2,8}$", description="AGS der Region")


@router.get("", response=Page[IndicatorOut], summary="Arbeitsmarktzahlen mit Quellen")
def indicators(request, params: Query[IndicatorQuery]):
    items = [
        item
        for item in selectors.indicators_public()
        if (not params.key or item.key == params.key)
        and (not params.ags or item.region.code == params.ags)
    ]
    return page_of(request, items, params)
