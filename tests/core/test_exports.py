"""Tabular downloads: formula-safe cells, CSV for spreadsheet programs, XLSX."""

import datetime
import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from lotse.core.exports import dataset_response, safe_dataset, spreadsheet_safe


@pytest.mark.parametrize(
    "text",
    [
        '=HYPERLINK("https://example.com";"x")',
        "+49 351 123",
        "-2+3",
        "@SUM(A1)",
        "\t=1+1",
        "\r=1+1",
        "  =1+1",
        "＝1+1",
    ],
)
def test_text_that_would_start_a_formula_gets_an_apostrophe(text):
    assert spreadsheet_safe(text) == "'" + text


@pytest.mark.parametrize(
    "value",
    ["Tarifvertrag Metall", "", "ver.di – Vereinte Dienstleistungsgewerkschaft", "a=b", "'=1"],
)
def test_other_text_is_unchanged(value):
    assert spreadsheet_safe(value) == value


@pytest.mark.parametrize(
    "value", [-5, Decimal("-1.50"), 0.5, datetime.date(2025, 1, 1), None, True]
)
def test_typed_values_are_unchanged(value):
    assert spreadsheet_safe(value) is value


def test_safe_dataset_guards_every_cell_and_header():
    data = safe_dataset(
        headers=["=Kopf", "Datum"],
        rows=[["=1+1", datetime.date(2025, 1, 1)], ["ok", None]],
        title="Liste",
    )
    assert data.headers == ["'=Kopf", "Datum"]
    assert data[0] == ("'=1+1", datetime.date(2025, 1, 1))
    assert data.title == "Liste"


def test_csv_download_has_bom_semicolons_and_a_dated_name():
    data = safe_dataset(headers=["Name", "Ort"], rows=[["=cmd|' /C calc'!A0", "Görlitz"]])
    response = dataset_response(data, fmt="csv", basename="liste")
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeffName;Ort")
    assert "'=cmd|' /C calc'!A0;Görlitz" in text
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="liste-')
    assert response["Content-Disposition"].endswith('.csv"')


def test_xlsx_download_holds_the_guarded_text_as_a_string_cell():
    data = safe_dataset(headers=["Name"], rows=[["=1+1"]])
    response = dataset_response(data, fmt="xlsx", basename="liste")
    sheet = load_workbook(io.BytesIO(response.content)).active
    cell = sheet.cell(row=2, column=1)
    assert cell.value == "'=1+1"
    assert cell.data_type == "s"


@pytest.mark.parametrize(
    "text",
    [
        "﹦1+1",  # small equals sign
        "＋49",
        "－1",
        "＠SUM(A1)",
        "﹫x",
        "\u22121",  # minus sign
        "\u3000=1+1",  # ideographic space before
        "\xa0=1+1",  # no-break space before
        "\n=1+1",
        " \t ＝1",
    ],
)
def test_unicode_variants_and_any_leading_whitespace_are_guarded(text):
    assert spreadsheet_safe(text) == "'" + text
    assert spreadsheet_safe(spreadsheet_safe(text)) == "'" + text  # guarding twice: no change


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_dataset_response_guards_a_dataset_built_without_the_guard(fmt):
    import tablib

    data = tablib.Dataset(headers=["=Kopf", "Zahl"], title="Liste")
    data.append(["＝1+1", -5])
    response = dataset_response(data, fmt=fmt, basename="liste")
    cells = export_cells(response)
    assert "'=Kopf" in cells and "'＝1+1" in cells
    assert "=Kopf" not in cells and "＝1+1" not in cells


# --- Every export route of the project ----------------------------------------------------------

MARKER = "LOTSE()"


def export_cells(response) -> list:
    """Every cell (and heading) of a CSV or XLSX download."""
    import csv

    content = b"".join(response.streaming_content) if response.streaming else response.content
    if response["Content-Type"].startswith("text/csv"):
        text = content.decode("utf-8")
        delimiter = ";" if text.startswith("\ufeff") else ","
        return [
            cell
            for row in csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=delimiter)
            for cell in row
        ]
    workbook = load_workbook(io.BytesIO(content))
    cells = []
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", cell.value
                cells.append(cell.value)
    return cells


def export_routes() -> list[tuple[str, str]]:
    """(route, query) of every CSV/XLSX download in the URLconf (German routes; /en/ is alike).

    Wagtail list exports: every view with SpreadsheetExportMixin, `?export=csv|xlsx`. Own
    downloads: every route ending in .csv or .xlsx. Downloads behind a query parameter of an
    HTML page are listed in QUERY_EXPORTS.
    """
    import re

    from django.contrib.admindocs.views import extract_views_from_urlpatterns, simplify_regex
    from django.urls import get_resolver
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    found = set()
    for view, regex, _namespace, _name in extract_views_from_urlpatterns(
        get_resolver().url_patterns
    ):
        route = simplify_regex(regex)
        if route.startswith("/en/"):
            continue
        view_class = getattr(view, "view_class", None) or getattr(
            getattr(view, "__wrapped__", None), "view_class", None
        )
        if view_class and issubclass(view_class, SpreadsheetExportMixin):
            if not route.endswith("/results/"):
                found.update({(route, "export=csv"), (route, "export=xlsx")})
        elif re.search(r"\.(csv|xlsx)$", route):
            found.add((route, ""))
    return sorted(found | set(QUERY_EXPORTS))


QUERY_EXPORTS = [
    ("/admin/veranstaltungen/<event_id>/anmeldungen/", "export=csv"),
    ("/admin/veranstaltungen/<event_id>/anmeldungen/", "export=xlsx"),
    ("/admin/veranstaltungen/<event_id>/teilnehmendenstruktur/", "format=csv"),
]

# Routes whose download shows data the test below fills with formula text: the marker must
# come out guarded there (so the walk cannot pass by exporting nothing).
MUST_SHOW_MARKER = {
    "/angebote/export.csv",
    "/angebote/export.xlsx",
    "/admin/anfragen/statistik.csv",
    "/admin/snippets/offers/offer/",
    "/admin/snippets/events/event/",
    "/admin/snippets/tariffs/collectiveagreement/",
    "/admin/veranstaltungen/<event_id>/anmeldungen/",
    "/admin/veranstaltungen/<event_id>/teilnehmendenstruktur/",
}


@pytest.fixture
def formula_data(db, staff_users):
    """Objects of every exported kind whose texts start formulas (ASCII and Unicode forms)."""
    from lotse.core.models import Region
    from lotse.events.models import Site
    from tests.desk.conftest import make_inquiry
    from tests.events.conftest import create_event
    from tests.events.factories import make_registration
    from tests.offers.conftest import create_actor, create_offer
    from tests.tariffs.factories import register_agreement

    Region.objects.filter(kind="district").update(name=f"+{MARKER} Kreis")
    actor = create_actor(name=f"@{MARKER} Träger")
    create_offer(title=f"={MARKER} Angebot", actor=actor, districts=["chemnitz"], publish=True)
    event = create_event(title=f"＝{MARKER} Treffen", organiser=actor)
    site = event.sites.first()
    Site.objects.filter(pk=site.pk).update(name=f"－{MARKER} Standort")
    site.refresh_from_db()
    make_registration(site, first_name=f"\u3000={MARKER}", organisation=f"﹦{MARKER} GmbH")
    make_inquiry(sector=f"＝{MARKER} Branche")
    register_agreement("SN-FORMEL-1", title=f"\t={MARKER} Tarifvertrag")
    return {"event_id": event.pk}


def test_every_export_route_writes_no_formula_cell(formula_data, login):
    client = login("admin")
    routes = export_routes()
    assert {route for route, _query in routes} >= MUST_SHOW_MARKER
    problems = []
    for route, query in routes:
        url = route.replace("<event_id>", str(formula_data["event_id"]))
        assert "<" not in url, f"{route}: a parameter the walk does not know"
        response = client.get(f"{url}?{query}" if query else url)
        if response.status_code != 200:
            problems.append((route, query, response.status_code))
            continue
        assert response["Content-Type"].split(";")[0] in ("text/csv", XLSX), (route, query)
        cells = [cell for cell in export_cells(response) if isinstance(cell, str)]
        formulas = [cell for cell in cells if spreadsheet_safe(cell) != cell]
        if formulas:
            problems.append((route, query, formulas))
        if route in MUST_SHOW_MARKER and not any(MARKER in cell for cell in cells):
            problems.append((route, query, "marker missing", cells[:20]))
    assert not problems
    assert len(routes) >= 30


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
