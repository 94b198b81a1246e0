"""Tabular downloads (CSV for spreadsheets, XLSX) shared by every module."""

import tablib
from django.http import HttpResponse
from django.utils import timezone

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def dataset_response(data: tablib.Dataset, *, fmt: str, basename: str) -> HttpResponse:
    """A download of `data` as XLSX or, for any other `fmt`, CSV named `<basename>-<date>.<ext>`.

    CSV uses ";" and a byte-order mark, so that spreadsheet programs read the umlauts correctly.
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
