"""Initial content of the Einwanderungs-Check: the dated parameters (`data/<state>/parameters.csv`).

Hook `"lotse.migration.initial.load"` in `LOTSE_INITIAL_CONTENT_LOADERS`. Rows are keyed by
parameter key and start date; each is saved and published as a revision (the history starts with
the loaded value). What the Redaktion changed since is kept (core/initial.py).
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from pathlib import Path

from django.db import transaction

from lotse.core.initial import LoadReport, data_dir, load_entry, read_csv

from .models import PARAMETER_FIELDS, Parameter

APP_DIR = Path(__file__).resolve().parent


def parameter_rows(state: str = "sn") -> list[dict[str, str]]:
    return list(read_csv(data_dir(APP_DIR, state) / "parameters.csv"))


def _date(value: str) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


def parameter_snapshot(parameter: Parameter) -> dict:
    return {name: str(getattr(parameter, name) or "") for name in PARAMETER_FIELDS} | {
        "live": parameter.live
    }


def _writer(row: dict[str, str]):
    def write(parameter: Parameter | None) -> Parameter:
        parameter = parameter or Parameter()
        parameter.key = row["key"]
        parameter.value = Decimal(row["value"])
        parameter.unit = row["unit"]
        parameter.valid_from = _date(row["valid_from"])
        parameter.valid_to = _date(row["valid_to"])
        parameter.legal_reference = row["legal_reference"]
        parameter.source_url = row["source_url"]
        parameter.checked_on = _date(row["checked_on"])
        parameter.note = row["note"]
        parameter.full_clean()
        parameter.live = True
        parameter.save()
        parameter.save_revision(log_action=False).publish(log_action=False)
        parameter.refresh_from_db()
        return parameter

    return write


@transaction.atomic
def load(*, state: str = "sn", report: LoadReport | None = None) -> list[str]:
    report = report if report is not None else LoadReport()
    loaded = []
    for row in parameter_rows(state):
        key = f"migration.Parameter:{row['key']}:{row['valid_from']}"
        existing = Parameter.objects.filter(
            key=row["key"], valid_from=_date(row["valid_from"])
        ).first()
        obj = load_entry(
            report=report,
            key=key,
            data=row,
            existing=existing,
            snapshot=parameter_snapshot,
            write=_writer(row),
        )
        if obj is not None:
            loaded.append(key)
    return loaded
