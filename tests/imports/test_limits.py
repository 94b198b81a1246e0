"""Import files are capped (rows, cells, unpacked size) before they are parsed."""

import io
import zipfile

import openpyxl
import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from lotse.core import roles
from lotse.imports.importing import ImportFileError, parse_file

TOO_BIG = "Die Datei ist zu groß für einen Import"
SHEET = "xl/worksheets/sheet1.xml"
SHARED = "xl/sharedStrings.xml"


def crafted_xlsx(sheet_data: bytes, *, dimension: str = "A1:B2", extra=None) -> bytes:
    """A valid workbook whose first sheet holds `sheet_data` (compressed: small on disk)."""
    workbook = openpyxl.Workbook()
    workbook.active["A1"] = "name"
    base = io.BytesIO()
    workbook.save(base)
    sheet = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b'<dimension ref="' + dimension.encode() + b'"/><sheetData>' + sheet_data + b"</sheetData>"
        b"</worksheet>"
    )
    members = {SHEET: sheet, **(extra or {})}
    out = io.BytesIO()
    with (
        zipfile.ZipFile(base) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for item in source.infolist():
            if item.filename not in members:
                target.writestr(item.filename, source.read(item))
        for name, content in members.items():
            target.writestr(name, content)
    return out.getvalue()


def rows(count: int, cells: int) -> bytes:
    return b"".join(
        b'<row r="%d">' % number + b"<c><v>1</v></c>" * cells + b"</row>"
        for number in range(1, count + 1)
    )


@pytest.fixture
def no_parser(monkeypatch):
    """Fails the test if openpyxl gets to parse the workbook."""

    def refuse(*args, **kwargs):
        raise AssertionError("the workbook was handed to the parser")

    monkeypatch.setattr(openpyxl, "load_workbook", refuse)


def refusal(name: str, content: bytes) -> str:
    with pytest.raises(ImportFileError) as error:
        parse_file(name, content)
    return str(error.value)


def test_a_small_xlsx_that_unpacks_to_two_million_cells_is_refused_unparsed(no_parser):
    # The case of the report: a few hundred KB on disk, millions of cells inside.
    content = crafted_xlsx(b"<row>" + b"<c/>" * 2_000_000 + b"</row>")
    assert len(content) < 250_000
    message = refusal("daten.xlsx", content)
    assert message == (
        "Die Datei ist zu groß für einen Import: höchstens 10.000 Datenzeilen und 200.000 "
        "Zellen. Bitte teilen Sie die Daten auf mehrere Dateien auf."
    )


def test_an_xlsx_over_the_unpacked_size_is_refused_unparsed(no_parser, settings):
    settings.LOTSE_IMPORT_MAX_UNPACKED_BYTES = 2_000_000
    content = crafted_xlsx(b'<row r="1"><c t="inlineStr"><is><t>' + b"x" * 3_000_000 + b"</t>")
    assert len(content) < 50_000
    message = refusal("daten.xlsx", content)
    assert message.startswith("Die Excel-Datei ist entpackt zu groß (3 MB; höchstens 2 MB).")


def test_cells_are_counted_even_when_the_dimension_says_little(no_parser, settings):
    settings.LOTSE_IMPORT_MAX_CELLS = 1000
    assert TOO_BIG in refusal("daten.xlsx", crafted_xlsx(rows(100, 20), dimension="A1:B2"))


def test_rows_are_counted_even_when_the_dimension_says_little(no_parser, settings):
    settings.LOTSE_IMPORT_MAX_ROWS = 50
    assert TOO_BIG in refusal("daten.xlsx", crafted_xlsx(rows(60, 1), dimension="A1"))


def test_a_huge_shared_string_table_is_refused_unparsed(no_parser, settings):
    settings.LOTSE_IMPORT_MAX_CELLS = 1000
    table = (
        b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/'
        b'spreadsheetml/2006/main">' + b"<si><t>a</t></si>" * 5000 + b"</sst>"
    )
    content = crafted_xlsx(rows(1, 1), extra={SHARED: table})
    assert TOO_BIG in refusal("daten.xlsx", content)


def test_a_declared_dimension_over_the_caps_is_refused(settings):
    settings.LOTSE_IMPORT_MAX_ROWS = 100
    assert TOO_BIG in refusal("daten.xlsx", crafted_xlsx(rows(3, 1), dimension="A1:A5000"))


def test_gaps_in_row_numbers_count_as_rows():
    # One cell in row 1,000,000: openpyxl would hand out 999,999 empty rows before it.
    content = crafted_xlsx(b'<row r="1000000"><c r="A1000000"><v>1</v></c></row>', dimension="")
    assert TOO_BIG in refusal("daten.xlsx", content)


def test_a_file_within_the_caps_is_read(settings):
    settings.LOTSE_IMPORT_MAX_CELLS = 1000
    settings.LOTSE_IMPORT_MAX_ROWS = 50
    header, body = parse_file("daten.xlsx", crafted_xlsx(rows(51, 19), dimension="A1:S51"))
    assert len(body) == 50
    assert len(header) == 19


@pytest.mark.parametrize(
    "content",
    [
        b"PK\x03\x04 not really a zip",
        crafted_xlsx(b"<row><c><v>1</v></row>"),  # broken XML, only seen while reading
    ],
)
def test_broken_xlsx_files_get_a_german_message(content):
    assert refusal("daten.xlsx", content) == "Die Excel-Datei kann nicht gelesen werden."


def test_csv_rows_and_cells_are_capped(settings):
    settings.LOTSE_IMPORT_MAX_ROWS = 10
    settings.LOTSE_IMPORT_MAX_CELLS = 100
    header = "external_id;name"
    many_rows = "\n".join([header] + ["a;b"] * 11).encode()
    assert TOO_BIG in refusal("daten.csv", many_rows)
    wide = (header + "\n" + ";" * 200).encode()
    assert TOO_BIG in refusal("daten.csv", wide)
    _header, body = parse_file("daten.csv", "\n".join([header] + ["a;b"] * 10).encode())
    assert len(body) == 10


def test_a_csv_cell_beyond_the_csv_field_limit_gets_a_german_message():
    content = ("external_id;name\na;" + "x" * 200_000 + "\n").encode()
    assert refusal("daten.csv", content) == "Die CSV-Datei kann nicht gelesen werden (Zeile 2)."


@pytest.mark.django_db
def test_the_upload_screen_answers_with_the_german_message():
    user = get_user_model().objects.create_user("rita", password="x")
    user.groups.add(Group.objects.get(name=roles.EDITORS))
    client = Client()
    client.force_login(user)
    content = crafted_xlsx(b"<row>" + b"<c/>" * 2_000_000 + b"</row>")
    response = client.post(
        "/admin/datenimport/",
        {"kind": "akteure", "file": SimpleUploadedFile("akteure.xlsx", content)},
    )
    assert response.status_code == 200
    assert TOO_BIG in response.content.decode()
