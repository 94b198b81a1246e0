"""Open data of the desk: the monthly statistics from the anonymised fact table.

Never returned: anything about a person. Every cell with fewer than `min_cell` cases is
suppressed (`count` null) — the same rule as the back-office report and its CSV."""

import re

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from . import selectors

router = Router(tags=["Lotsendienst"])

MONTH_RE = re.compile(r"^(20\d\d|2100)-(0[1-9]|1[0-2])$")


class CellOut(Schema):
    key: str = Field(description="Kennung (Themenfeld-Slug, AGS, Code)")
    label: str
    count: int | None = Field(description="Anzahl; null, wenn weniger als min_cell Fälle")
    first_response_met_share: float | None = Field(
        description="Anteil erste Reaktion im Servicelevel (%)"
    )
    partner_acceptance_met_share: float | None = Field(
        description="Anteil Annahme durch Partner im Servicelevel (%)"
    )
    turnaround_median: float | None = Field(description="Arbeitstage bis zur Reaktion (Median)")


class TableOut(Schema):
    dimension: str
    label: str
    cells: list[CellOut]


class StatisticsOut(Schema):
    month: str = Field(description="JJJJ-MM oder leer für alle Monate")
    months: list[str] = Field(description="Monate mit Daten")
    min_cell: int = Field(description="Zellen mit weniger Fällen werden unterdrückt")
    total: CellOut
    tables: list[TableOut]


class StatisticsParams(Schema):
    month: str = Field("", max_length=7, description="Monat JJJJ-MM (leer: alle Monate)")


@router.get("/statistics", response=StatisticsOut, summary="Statistik des Lotsendienstes")
def statistics(request: HttpRequest, params: Query[StatisticsParams]):
    if params.month and not MONTH_RE.match(params.month):
        raise HttpError(422, "Bitte einen Monat im Format JJJJ-MM angeben.")
    report = selectors.desk_report(month=params.month)
    return {
        "month": report.month,
        "months": report.months,
        "min_cell": selectors.MIN_CELL,
        "total": report.total,
        "tables": [
            {"dimension": name, "label": caption, "cells": cells}
            for name, caption, cells in report.tables
        ],
    }
