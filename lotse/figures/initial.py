"""Initial content of the figures app: the cited labour-market figures
(`data/<state>/indicators.csv`).

Rows are keyed "indicator:<key>:<AGS>:<YYYY-MM>"; a figure changed in the back office (or by a
later import) is kept and reported, as core/initial.py describes.
"""

from __future__ import annotations

import datetime
from pathlib import Path

from django.db import transaction

from lotse.core.initial import LoadReport, data_dir, load_entry, read_csv

from .imports import parse_period, parse_value, region_table
from .models import Indicator, indicator_external_id

APP_DIR = Path(__file__).resolve().parent


def indicator_snapshot(indicator: Indicator) -> dict:
    return {
        "value": str(indicator.value.normalize()),
        "unit": indicator.unit,
        "source": indicator.source,
        "source_url": indicator.source_url,
        "licence": indicator.licence,
        "retrieved": str(indicator.retrieved_on),
    }


@transaction.atomic
def load(*, state: str, report: LoadReport) -> None:
    regions = region_table()
    existing = {
        indicator.external_id: indicator for indicator in Indicator.objects.select_related("region")
    }
    for row in read_csv(data_dir(APP_DIR, state) / "indicators.csv"):
        period = parse_period(row["period"])
        value = parse_value(row["value"])
        region = regions[row["ags"]]
        assert period is not None and value is not None, row  # noqa: S101 - our own data file
        external_id = indicator_external_id(row["key"], row["ags"], row["period"])

        def write(indicator: Indicator | None, row=row, region=region, period=period, value=value):
            indicator = indicator or Indicator(key=row["key"], region=region, period=period)
            indicator.value = value
            indicator.unit = row["unit"]
            indicator.source = row["source"]
            indicator.source_url = row["source_url"]
            indicator.licence = row["licence"]
            indicator.retrieved_on = datetime.date.fromisoformat(row["retrieved"])
            indicator.full_clean()
            indicator.save()
            return indicator

        load_entry(
            report=report,
            key=f"indicator:{external_id}",
            data=row,
            existing=existing.get(external_id),
            snapshot=indicator_snapshot,
            write=write,
        )
