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
