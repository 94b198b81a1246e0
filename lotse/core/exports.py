"""Tabular downloads (CSV for spreadsheets, XLSX) shared by every module."""

from collections.abc import Iterable, Sequence
from typing import Any

import tablib
from django.http import HttpResponse
from django.utils import timezone

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# A cell whose text starts with one of these is run as a formula by spreadsheet programs
# ("CSV injection", OWASP): "=", "+", "-", "@", tab and carriage return, and their full-width
# forms, which some programs fold to the ASCII ones.
FORMULA_TRIGGERS = frozenset("=+-@\t\r＝＋－＠")


def spreadsheet_safe(value: Any) -> Any:
    """`value` as a spreadsheet shows it as text and never runs it as a formula.

    Text whose first character, or first character after leading spaces, would start a formula
    gets a leading apostrophe (the spreadsheet convention for "this is text"). Numbers, dates
    and other non-text values are returned unchanged: they are typed cells, not formulas.
    """
    if isinstance(value, str) and value.lstrip(" ")[:1] in FORMULA_TRIGGERS:
        return "'" + value
    return value


def safe_dataset(
    *, headers: Sequence[str], rows: Iterable[Sequence[Any]], title: str = ""
) -> tablib.Dataset:
    """A dataset whose every cell (and header) went through `spreadsheet_safe`."""
    data = tablib.Dataset(headers=[spreadsheet_safe(str(header)) for header in headers])
    if title:
        data.title = title
    for row in rows:
        data.append([spreadsheet_safe(cell) for cell in row])
    return data


def dataset_response(data: tablib.Dataset, *, fmt: str, basename: str) -> HttpResponse:
    """A download of `data` as XLSX or, for any other `fmt`, CSV named `<basename>-<date>.<ext>`.

    CSV uses ";" and a byte-order mark, so that spreadsheet programs read the umlauts correctly.
    Cells are written as given: build `data` with `safe_dataset` (or `spreadsheet_safe`) when it
    holds text that others typed in.
    """
    if fmt == "xlsx":
        response = HttpResponse(data.export("xlsx"), content_type=XLSX_CONTENT_TYPE)
    else:
        fmt = "csv"
        response = HttpResponse(
            "\ufeff" + data.export("csv", delimiter=";"), content_type="text/csv; charset=utf-8"
        )
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="{basename}-{stamp}.{fmt}"'
    return response
