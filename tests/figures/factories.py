"""Indicator factory: `IndicatorFactory(key="arbeitslose", ags="14612", period="2025-08")`;
desk fact rows: `inquiry_facts(6, month=date(2026, 10, 1))`."""

import datetime
from decimal import Decimal

from factory.django import DjangoModelFactory

from lotse.core.models import Region
from lotse.desk.models import InquiryFact
from lotse.figures.models import INDICATOR_UNITS, Indicator


class IndicatorFactory(DjangoModelFactory):
    class Meta:
        model = Indicator

    key = "arbeitslosenquote"
    value = Decimal("6.5")
    source = "Statistik der Bundesagentur für Arbeit (Test)"
    source_url = "https://statistik.arbeitsagentur.de/"
    licence = "Nutzung mit Quellenangabe"
    retrieved_on = datetime.date(2026, 12, 1)

    @classmethod
    def _create(cls, model_class, *args, ags="14612", period="2025-08", **kwargs):
        kwargs.setdefault("region", Region.objects.get(code=ags))
        year, month = (int(part) for part in period.split("-"))
        kwargs.setdefault("period", datetime.date(year, month, 1))
        kwargs.setdefault("unit", INDICATOR_UNITS[kwargs["key"]])
        return super()._create(model_class, *args, **kwargs)


def inquiry_facts(
    count: int, *, month: datetime.date, district: str = "14612", **values: object
) -> list[InquiryFact]:
    """`count` anonymised desk fact rows (the statistics' only source) from one district."""
    defaults = {
        "topic": "allgemein",
        "topic_field": "integration-fachkraefteeinwanderung",
        "requester_type": "betrieb",
        "language": "de",
        "channel": "formular",
        "outcome": "beantwortet",
        "first_response_met": True,
        **values,
    }
    return InquiryFact.objects.bulk_create(
        [InquiryFact(month=month, district=district, **defaults) for _ in range(count)]
    )
