"""Import of labour-market indicators from CSV/XLSX (`manage.py import_indicators`, back office
"Datenimport" → "Arbeitsmarktzahlen"). Format: docs/figures.md, example
docs/import/indicators-example.csv.

One row is one figure: key, AGS (a Saxon district or the state "14"), reference month, value, unit,
source, source address, licence, date retrieved. A row is recognised by key + AGS + month: a
figure that exists is updated (a corrected release), otherwise it is created. Unknown AGS, a
month in the future, a value that is not a number, a row twice in one file: per-row German
errors, and with "alles oder nichts" nothing is written until the file is clean.
"""

from __future__ import annotations

import datetime
import re
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lotse.core.audit import model_snapshot
from lotse.core.models import Region
from lotse.core.roles import ADMINISTRATION, EDITORS
from lotse.imports.importing import Column, Importer, RowContext
from lotse.imports.kinds import ImportKind

from .models import INDICATOR_UNITS, Indicator, IndicatorKey, IndicatorUnit, indicator_external_id

FIELDS = ("value", "unit", "source", "source_url", "licence", "retrieved_on")
MAX_VALUE = Decimal("100000000")
PERIOD_PATTERNS = (
    re.compile(r"^(?P<year>\d{4})-(?P<month>\d{1,2})$"),
    re.compile(r"^(?P<month>\d{1,2})[./](?P<year>\d{4})$"),
)
NUMBER = re.compile(r"^\d+([.,]\d+)?$")
THOUSANDS = re.compile(r"^\d{1,3}([.]\d{3})+$")


def parse_period(text: str) -> datetime.date | None:
    """ "2025-08", "08/2025" or "08.2025" → 1 August 2025; None if not a month."""
    for pattern in PERIOD_PATTERNS:
        match = pattern.match(text)
        if match:
            year, month = int(match["year"]), int(match["month"])
            if 1 <= month <= 12 and 1990 <= year <= 2999:
                return datetime.date(year, month, 1)
    return None


def parse_value(text: str) -> Decimal | None:
    """A plain decimal: "9,8", "9.8", "12480". None for anything else (also "12.480", which a
    German reader takes for twelve thousand: thousands separators are not allowed)."""
    if not NUMBER.match(text) or THOUSANDS.match(text):
        return None
    try:
        return Decimal(text.replace(",", "."))
    except InvalidOperation:  # pragma: no cover - the pattern already excludes it
        return None


def region_table() -> dict[str, Region]:
    """The state and its districts by AGS (the state's own code, e.g. "14")."""
    return {region.code: region for region in Region.objects.filter(kind__in=IMPORT_KINDS)}


IMPORT_KINDS = (Region.Kind.STATE, *Region.DISTRICT_KINDS)


class IndicatorImporter(Importer):
    label = "Arbeitsmarktzahlen"
    columns = [
        Column("key", required=True, help="Kennzahl, z. B. arbeitslose, arbeitslosenquote"),
        Column("ags", required=True, help="AGS des Landkreises/der kreisfreien Stadt oder 14"),
        Column("period", required=True, help="Berichtsmonat JJJJ-MM"),
        Column("value", required=True, help="Zahl ohne Tausenderpunkt, Komma oder Punkt"),
        Column("unit", required=True, help="personen, prozent, anzahl, verhaeltnis"),
        Column("source", required=True, help="Quelle, z. B. Statistik der BA"),
        Column("source_url", required=True, help="Internetadresse der Fundstelle"),
        Column("licence", required=True, help="Lizenz oder Nutzungsbedingungen"),
        Column("retrieved", required=True, help="abgerufen am, TT.MM.JJJJ oder JJJJ-MM-TT"),
    ]

    def prepare(self, rows) -> None:
        self.regions = region_table()
        self.existing = {
            indicator.external_id: indicator
            for indicator in Indicator.objects.select_related("region")
        }
        self.seen: dict[str, int] = {}
        self.this_month = timezone.localdate().replace(day=1)

    def clean_row(self, row: RowContext) -> dict[str, Any] | None:
        key = row.choice("key", IndicatorKey.choices, required=True)
        unit = row.choice("unit", IndicatorUnit.choices, required=True)
        if key and unit and INDICATOR_UNITS[key] != unit:
            row.error(
                "unit",
                f"Die Kennzahl „{key}“ wird in „{INDICATOR_UNITS[key]}“ angegeben, nicht in "
                f"„{unit}“.",
            )
        ags = row.text("ags", required=True, max_length=8)
        region = self.regions.get(ags)
        if ags and region is None:
            row.error(
                "ags",
                f"Unbekannter AGS „{ags}“: erlaubt sind die sächsischen Landkreise und "
                "kreisfreien Städte (z. B. 14511) und das Land (14).",
            )
        period_text = row.text("period", required=True)
        period = parse_period(period_text) if period_text else None
        if period_text and period is None:
            row.error("period", f"Ungültiger Berichtsmonat „{period_text}“ (erwartet JJJJ-MM).")
        elif period and period > self.this_month:
            row.error(
                "period",
                f"Der Berichtsmonat {period_text} liegt in der Zukunft: es gibt noch keine Zahl.",
            )
        value_text = row.text("value", required=True)
        value = parse_value(value_text) if value_text else None
        if value_text and value is None:
            row.error(
                "value",
                f"„{value_text}“ ist keine Zahl (ohne Tausenderpunkt angeben, z. B. 12480 oder "
                "9,8).",
            )
        elif value is not None and value >= MAX_VALUE:
            row.error("value", f"Die Zahl {value_text} ist zu groß.")
        elif value is not None and unit == IndicatorUnit.PERCENT and value > 100:
            row.error("value", f"Ein Anteil in Prozent ist höchstens 100 (hier {value_text}).")
        data: dict[str, Any] = {
            "key": key,
            "region": region,
            "period": period,
            "value": value,
            "unit": unit,
            "source": row.text("source", required=True, max_length=300),
            "source_url": row.url("source_url"),
            "licence": row.text("licence", required=True, max_length=200),
            "retrieved_on": row.date("retrieved"),
        }
        if not data["source_url"]:
            row.text("source_url", required=True)
        if not data["retrieved_on"]:
            row.text("retrieved", required=True)
        if data["retrieved_on"] and data["retrieved_on"] > timezone.localdate():
            row.error("retrieved", "Das Abrufdatum liegt in der Zukunft.")
        if key and region is not None and period is not None:
            data["external_id"] = indicator_external_id(key, region.code, period.strftime("%Y-%m"))
            first = self.seen.get(data["external_id"])
            if first is not None:
                row.error(
                    "key",
                    f"Doppelte Zeile: {key} für {ags} im Monat {period:%Y-%m} steht schon in "
                    f"Zeile {first}.",
                )
            else:
                self.seen[data["external_id"]] = row.row_number
        return data

    def exists(self, data) -> bool:
        return data["external_id"] in self.existing

    def planned(self, data) -> str:
        indicator = self.existing.get(data["external_id"])
        if indicator is None:
            return "created"
        return "unchanged" if self._same(indicator, data) else "updated"

    @staticmethod
    def _same(indicator: Indicator, data: dict[str, Any]) -> bool:
        return all(getattr(indicator, name) == data[name] for name in FIELDS)

    def write_row(self, data: dict[str, Any], *, file_name: str) -> str:
        indicator = self.existing.get(data["external_id"])
        if indicator is not None and self._same(indicator, data):
            return "unchanged"
        created = indicator is None
        before = {} if created else model_snapshot(indicator, FIELDS)
        if indicator is None:
            indicator = Indicator(key=data["key"], region=data["region"], period=data["period"])
        for name in FIELDS:
            setattr(indicator, name, data[name])
        indicator.full_clean()
        indicator.save()
        self.existing[data["external_id"]] = indicator
        return self.audit_written(
            indicator, created=created, before=before, fields=FIELDS, file_name=file_name
        )


INDICATOR_IMPORT = ImportKind(
    key="arbeitsmarktzahlen",
    label=_("Arbeitsmarktzahlen"),
    importer=IndicatorImporter,
    roles=(EDITORS, ADMINISTRATION),
    key_column="key + ags + period",
    example="indicators-example.csv",
)
