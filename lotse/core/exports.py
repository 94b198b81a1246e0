"""Tabular downloads (CSV for spreadsheets, XLSX) shared by every module.

Every CSV/XLSX the project writes goes through `spreadsheet_safe`: `dataset_response` guards
every cell and header of the dataset it is given, and `guard_wagtail_exports` (called once at
start-up, `CoreConfig.ready`) does the same for every list export of Wagtail's admin
(`SpreadsheetExportMixin`: snippet and model viewsets, reports, the site history).

tablib (with its registry of formats) is imported by `new_dataset` on the first export, not
at start-up: downloads are rare, and every app-server process would otherwise hold the package
(decision 0028). Modules build datasets with `new_dataset` and name `tablib.Dataset` in
annotations only.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from django.http import HttpResponse
from django.utils import timezone

if TYPE_CHECKING:
    import tablib

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# A cell whose text starts with one of these is run as a formula by spreadsheet programs
# ("CSV injection", OWASP): "=", "+", "-", "@", tab and carriage return. Their compatibility
# forms (full-width ＝＋－＠, small ﹦﹢﹣﹫), which some programs fold to the ASCII ones, are
# caught by NFKC normalisation; the minus sign is listed as well.
FORMULA_TRIGGERS = frozenset("=+-@\t\r\u2212")


def _starts_formula(text: str) -> bool:
    first = text[:1]
    if not first:
        return False
    return first in FORMULA_TRIGGERS or unicodedata.normalize("NFKC", first) in FORMULA_TRIGGERS


def spreadsheet_safe(value: Any) -> Any:
    """`value` as a spreadsheet shows it as text and never runs it as a formula.

    Text whose first character, or first character after leading whitespace (any Unicode
    space, line breaks included), would start a formula gets a leading apostrophe (the
    spreadsheet convention for "this is text"). Guarding twice changes nothing. Numbers, dates
    and other non-text values are returned unchanged: they are typed cells, not formulas.
    """
    if isinstance(value, str) and (_starts_formula(value) or _starts_formula(value.lstrip())):
        return "'" + value
    return value


def new_dataset(*, headers: list[Any] | None = None, title: str | None = None) -> tablib.Dataset:
    """An empty `tablib.Dataset` (tablib is imported here, on the first export)."""
    import tablib

    return tablib.Dataset(headers=headers, title=title)


def safe_copy(data: tablib.Dataset) -> tablib.Dataset:
    """A copy of `data` with every header and cell through `spreadsheet_safe`."""
    headers = data.headers or []
    copy = new_dataset(headers=[spreadsheet_safe(header) for header in headers] or None)
    copy.title = data.title
    for row in data:
        copy.append([spreadsheet_safe(cell) for cell in row])
    return copy


def guard_wagtail_exports() -> None:
    """Route every cell and heading of Wagtail's CSV/XLSX list exports through the guard.

    Wagtail's XLSX writer already stores formula-like text as text; its CSV writer does not.
    Hooked in once on the base mixin, so every viewset, report and the site history (any
    later one too) is covered without each having to remember a mixin.
    """
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    if getattr(SpreadsheetExportMixin, "_lotse_guarded", False):
        return
    preprocess = SpreadsheetExportMixin.preprocess_field_value
    heading = SpreadsheetExportMixin.get_heading

    def preprocess_field_value(self, field, value, export_format):
        return spreadsheet_safe(preprocess(self, field, value, export_format))

    def get_heading(self, queryset, field):
        return spreadsheet_safe(heading(self, queryset, field))

    SpreadsheetExportMixin.preprocess_field_value = preprocess_field_value
    SpreadsheetExportMixin.get_heading = get_heading
    SpreadsheetExportMixin._lotse_guarded = True


def safe_dataset(
    *, headers: Sequence[str], rows: Iterable[Sequence[Any]], title: str = ""
) -> tablib.Dataset:
    """A dataset whose every cell (and header) went through `spreadsheet_safe`."""
    data = new_dataset(headers=[spreadsheet_safe(str(header)) for header in headers])
    if title:
        data.title = title
    for row in rows:
        data.append([spreadsheet_safe(cell) for cell in row])
    return data


def dataset_response(data: tablib.Dataset, *, fmt: str, basename: str) -> HttpResponse:
    """A download of `data` as XLSX or, for any other `fmt`, CSV named `<basename>-<date>.<ext>`.

    CSV uses ";" and a byte-order mark, so that spreadsheet programs read the umlauts correctly.
    Every header and cell goes through `spreadsheet_safe`, however `data` was built.
    """
    data = safe_copy(data)
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
