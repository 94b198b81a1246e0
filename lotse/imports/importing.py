"""A small importer framework: parse CSV/XLSX, validate every row, then write in one transaction.

An importer (see actors.py, offers.py) declares its columns and knows how to clean one row and how
to write a cleaned row (upsert by `external_id`). `import_run` ties it together:

- mode "dry_run": validate only; nothing is written; the result says what would be created/updated
- mode "all_or_nothing": write only when the whole file is clean, otherwise write nothing
- mode "valid_only": write the valid rows, skip the rows with errors

Row numbers are the line numbers a spreadsheet shows: the header is row 1, data starts at row 2.
All messages are German (the back office is German).
"""

from __future__ import annotations

import contextlib
import csv
import io
import re
import zipfile
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import PurePath
from typing import Any, Literal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.db import IntegrityError, transaction

from lotse.core.audit import audit_log_since

MAX_FILE_SIZE = 5 * 1024 * 1024
ALLOWED_SUFFIXES = (".csv", ".xlsx")
LIST_SEPARATOR = "|"
TRUE_WORDS = {"ja", "j", "yes", "y", "true", "wahr", "1", "x"}
FALSE_WORDS = {"nein", "n", "no", "false", "falsch", "0", ""}

Mode = Literal["dry_run", "all_or_nothing", "valid_only"]
MODES: tuple[str, ...] = ("dry_run", "all_or_nothing", "valid_only")


class ImportFileError(Exception):
    """The file as a whole cannot be read (wrong type, encoding, no header)."""


@dataclass(frozen=True)
class RowError:
    row_number: int  # 0 = the file as a whole; 1 = header; 2 … = data rows
    field: str
    message: str


@dataclass
class ImportResult:
    valid_rows: int = 0
    errors: list[RowError] = field(default_factory=list)
    created: int = 0
    updated: int = 0
    unchanged: int = 0  # rows whose record already holds exactly these values
    total_rows: int = 0
    mode: str = "dry_run"
    written: bool = False
    # per valid row: (row number, external id, "neu" / "aktualisiert" / "unverändert")
    actions: list[tuple[int, str, str]] = field(default_factory=list)

    @property
    def is_clean(self) -> bool:
        return not self.errors

    @property
    def error_rows(self) -> int:
        return len({error.row_number for error in self.errors})

    @property
    def file_error(self) -> bool:
        return any(error.row_number <= 1 for error in self.errors)


@dataclass
class Column:
    name: str
    required: bool = False
    help: str = ""


class RowContext:
    """Collects the errors of one row while the importer cleans it."""

    def __init__(self, row_number: int, raw: dict[str, str]):
        self.row_number = row_number
        self.raw = raw
        self.errors: list[RowError] = []

    def error(self, field_name: str, message: str) -> None:
        self.errors.append(RowError(self.row_number, field_name, message))

    # Value helpers: each returns a cleaned value and records a German message when invalid.
    def text(self, name: str, *, required: bool = False, max_length: int | None = None) -> str:
        value = (self.raw.get(name) or "").strip()
        if required and not value:
            self.error(name, f"Pflichtfeld „{name}“ fehlt.")
        if max_length and len(value) > max_length:
            self.error(
                name, f"Zu lang: höchstens {max_length} Zeichen erlaubt (hier {len(value)})."
            )
        return value

    def boolean(self, name: str) -> bool:
        value = (self.raw.get(name) or "").strip().lower()
        if value in TRUE_WORDS:
            return True
        if value not in FALSE_WORDS:
            self.error(name, f"„{value}“ ist kein gültiger Wert; bitte „ja“ oder „nein“ angeben.")
        return False

    def items(self, name: str) -> list[str]:
        value = self.raw.get(name) or ""
        return [item.strip() for item in value.split(LIST_SEPARATOR) if item.strip()]

    def lookup(
        self, name: str, table: dict[str, Any], *, what: str, required: bool = False
    ) -> list[Any]:
        found = []
        values = self.items(name)
        if required and not values:
            self.error(name, f"Pflichtfeld „{name}“ fehlt.")
        for value in values:
            item = table.get(value.lower())
            if item is None:
                self.error(name, f"Unbekannte(r) {what}: „{value}“.")
            elif item not in found:
                found.append(item)
        return found

    def email(self, name: str) -> str:
        value = self.text(name, max_length=254)
        if value:
            try:
                validate_email(value)
            except ValidationError:
                self.error(name, f"Ungültige E-Mail-Adresse: „{value}“.")
        return value

    def url(self, name: str) -> str:
        value = self.text(name, max_length=200)
        if value:
            try:
                URLValidator(schemes=["http", "https"])(value)
            except ValidationError:
                self.error(name, f"Ungültige Internetadresse: „{value}“ (mit https:// angeben).")
        return value

    def date(self, name: str) -> date | None:
        value = (self.raw.get(name) or "").strip()
        if not value:
            return None
        for pattern in ("%Y-%m-%d", "%d.%m.%Y", "%Y-%m-%d %H:%M:%S"):
            try:
                return datetime.strptime(value, pattern).date()  # noqa: DTZ007 - a plain date
            except ValueError:
                continue
        self.error(name, f"Ungültiges Datum: „{value}“ (erwartet TT.MM.JJJJ oder JJJJ-MM-TT).")
        return None

    def choice(self, name: str, choices, *, required: bool = False) -> str:
        value = self.text(name, required=required)
        if not value:
            return ""
        by_key = {key.lower(): key for key, _label in choices}
        by_label = {str(label).lower(): key for key, label in choices}
        key = by_key.get(value.lower()) or by_label.get(value.lower())
        if key is None:
            allowed = ", ".join(key for key, _label in choices)
            self.error(name, f"Unbekannter Wert „{value}“; erlaubt: {allowed}.")
            return ""
        return key


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else str(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _number(value: int) -> str:
    """An integer with German thousands separators: 200.000."""
    return f"{value:,}".replace(",", ".")


def _too_many_cells_error() -> ImportFileError:
    return ImportFileError(
        "Die Datei ist zu groß für einen Import: höchstens "
        f"{_number(settings.LOTSE_IMPORT_MAX_ROWS)} Datenzeilen und "
        f"{_number(settings.LOTSE_IMPORT_MAX_CELLS)} Zellen. "
        "Bitte teilen Sie die Daten auf mehrere Dateien auf."
    )


class _CellBudget:
    """Counts rows (the header included) and cells as they are read; refuses beyond the caps.

    Reading stops at the first row over a cap, so a file costs at most the caps' worth of work.
    """

    def __init__(self) -> None:
        self.max_rows = settings.LOTSE_IMPORT_MAX_ROWS + 1  # + the header
        self.max_cells = settings.LOTSE_IMPORT_MAX_CELLS
        self.rows = self.cells = 0

    def check_dimensions(self, rows: int | None, columns: int | None) -> None:
        """Refuse at once when the declared size of the sheet is already over a cap."""
        if rows is not None and rows > self.max_rows:
            raise _too_many_cells_error()
        if rows is not None and columns is not None and rows * columns > self.max_cells:
            raise _too_many_cells_error()

    def take(self, row: Iterable) -> list:
        row = list(row)
        self.rows += 1
        self.cells += len(row)
        if self.rows > self.max_rows or self.cells > self.max_cells:
            raise _too_many_cells_error()
        return row


def _rows_from_csv(content: bytes) -> tuple[list[str], list[list[str]]]:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFileError(
            "Die Datei ist nicht UTF-8-kodiert. Bitte als „CSV UTF-8“ speichern."
        ) from error
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") >= first_line.count(",") else ","
    with contextlib.suppress(csv.Error):
        delimiter = csv.Sniffer().sniff(first_line, delimiters=";,").delimiter
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    budget = _CellBudget()
    try:
        rows = [budget.take(row) for row in reader]
    except csv.Error as error:
        # e.g. a cell longer than the csv module's field limit, or a NUL byte
        raise ImportFileError(
            f"Die CSV-Datei kann nicht gelesen werden (Zeile {reader.line_num})."
        ) from error
    if not rows:
        raise ImportFileError("Die Datei ist leer.")
    return rows[0], rows[1:]


# What a damaged member, an unknown compression method or an encrypted file raises on reading.
ARCHIVE_ERRORS = (zipfile.BadZipFile, zlib.error, NotImplementedError, RuntimeError, OSError)
# Start tags of a cell, a row and a shared string, with or without a namespace prefix.
XLSX_CELL = re.compile(rb"<(?:[A-Za-z_][-.\w]*:)?c[\s/>]")
XLSX_ROW = re.compile(rb"<(?:[A-Za-z_][-.\w]*:)?row[\s/>]")
XLSX_SHARED_STRING = re.compile(rb"<(?:[A-Za-z_][-.\w]*:)?si[\s/>]")


def _count_tags(pattern: re.Pattern, data: bytes, cap: int) -> int:
    """Matches of `pattern` in `data`, counted up to one more than `cap`."""
    count = 0
    for _match in pattern.finditer(data):
        count += 1
        if count > cap:
            break
    return count


def _check_xlsx_archive(content: bytes) -> None:
    """Refuse an XLSX whose unpacked size is over the cap, before any XML is parsed.

    The sizes are those the ZIP directory declares; Python's zipfile never unpacks more than
    the declared size of a member, so a lying directory cannot make the parser read more.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as error:
        raise ImportFileError("Die Excel-Datei kann nicht gelesen werden.") from error
    with archive:
        members = archive.infolist()
        limit = settings.LOTSE_IMPORT_MAX_UNPACKED_BYTES
        unpacked = sum(member.file_size for member in members)
        if unpacked > limit:
            raise ImportFileError(
                "Die Excel-Datei ist entpackt zu groß "
                f"({_number(unpacked // 1_000_000)} MB; höchstens "
                f"{_number(limit // 1_000_000)} MB). "
                "Bitte teilen Sie die Daten auf mehrere Dateien auf oder speichern Sie sie als CSV."
            )
        # Count cells, rows and shared strings in the XML text itself (a byte scan, no parser):
        # the sheet's declared dimension may be missing or wrong, and openpyxl reads a whole
        # row, and the whole shared-string table, before anything can stop it.
        budget = _CellBudget()
        cells = rows = strings = 0
        try:
            for member in members:
                name = member.filename
                if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                    data = archive.read(member)
                    cells += _count_tags(XLSX_CELL, data, budget.max_cells)
                    rows += _count_tags(XLSX_ROW, data, budget.max_rows)
                elif name == "xl/sharedStrings.xml":
                    strings += _count_tags(
                        XLSX_SHARED_STRING, archive.read(member), budget.max_cells
                    )
        except ARCHIVE_ERRORS as error:
            # a damaged member, an unknown compression method, an encrypted file
            raise ImportFileError("Die Excel-Datei kann nicht gelesen werden.") from error
    if cells > budget.max_cells or rows > budget.max_rows or strings > budget.max_cells:
        raise _too_many_cells_error()


def _rows_from_xlsx(content: bytes) -> tuple[list[str], list[list[str]]]:
    from openpyxl import load_workbook

    _check_xlsx_archive(content)
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as error:  # any parser error means "not a valid file"
        raise ImportFileError("Die Excel-Datei kann nicht gelesen werden.") from error
    budget = _CellBudget()
    try:
        if not workbook.worksheets:
            raise ImportFileError("Die Datei ist leer.")
        sheet = workbook.worksheets[0]
        # The sheet's declared dimension (may be missing or wrong; counting below decides).
        budget.check_dimensions(sheet.max_row, sheet.max_column)
        rows = [
            [_cell(value) for value in budget.take(row)]
            for row in sheet.iter_rows(values_only=True)
        ]
    except ImportFileError:
        raise
    except Exception as error:  # read_only parses lazily: broken XML shows up only here
        raise ImportFileError("Die Excel-Datei kann nicht gelesen werden.") from error
    finally:
        workbook.close()
    if not rows:
        raise ImportFileError("Die Datei ist leer.")
    return rows[0], rows[1:]


class RawRow(dict):
    """{column: text} of one data row, and how many cells the row had (`width`)."""

    width: int = 0
    extra: bool = False  # non-empty cells to the right of the last column


def parse_file(name: str, content: bytes) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    """Header (normalised) and data rows as (row number, {column: text}); empty rows skipped."""
    suffix = PurePath(name or "").suffix.lower()
    if suffix not in ALLOWED_SUFFIXES:
        raise ImportFileError("Nur Dateien im Format .csv oder .xlsx können importiert werden.")
    if len(content) > MAX_FILE_SIZE:
        raise ImportFileError("Die Datei ist größer als 5 MB.")
    header, body = _rows_from_csv(content) if suffix == ".csv" else _rows_from_xlsx(content)
    columns = [(item or "").strip().lower() for item in header]
    rows: list[tuple[int, dict[str, str]]] = []
    for offset, values in enumerate(body, start=2):
        cells = [(value or "").strip() for value in values]
        if not any(cells):
            continue
        row = RawRow(zip(columns, cells, strict=False))
        row.width = len(cells)
        row.extra = any(cells[len(columns) :])
        rows.append((offset, row))
    return columns, rows


def _width_errors(header: list[str], row_number: int, raw: dict[str, str]) -> list[RowError]:
    """A row with fewer cells than the header, or text beyond its last column: values shifted."""
    named = len(header)
    while named and not header[named - 1]:
        named -= 1
    width = getattr(raw, "width", named)
    if width < named:
        return [
            RowError(
                row_number,
                "",
                f"Die Zeile hat nur {width} Zellen, die Kopfzeile {named} Spalten. Fehlt ein "
                "Trennzeichen? Dann stehen die Werte in den falschen Spalten.",
            )
        ]
    if getattr(raw, "extra", False):
        return [
            RowError(
                row_number,
                "",
                f"Die Zeile hat mehr Zellen ({width}) als die Kopfzeile Spalten ({named}). Enthält "
                "ein Text das Trennzeichen? Dann den Text in Anführungszeichen setzen.",
            )
        ]
    return []


class Importer:
    """Base class: subclasses define `columns`, `label`, `prepare`, `clean_row`, `write_row`."""

    label = ""
    columns: list[Column] = []

    def __init__(self, *, user=None, publish: bool = False):
        self.user = user
        self.publish = publish

    # -- to be defined by subclasses -------------------------------------------------------
    def prepare(self, rows: list[tuple[int, dict[str, str]]]) -> None:
        """Load reference tables and existing objects for the whole file (few queries)."""

    def clean_row(self, row: RowContext) -> dict[str, Any] | None:
        raise NotImplementedError

    def exists(self, cleaned: dict[str, Any]) -> bool:
        raise NotImplementedError

    def planned(self, cleaned: dict[str, Any]) -> str:
        """What writing the row would do: "created", "updated" or (if known) "unchanged"."""
        return "updated" if self.exists(cleaned) else "created"

    def write_row(self, cleaned: dict[str, Any], *, file_name: str) -> str:
        """Create or update; returns "created", "updated" or "unchanged" (nothing written)."""
        raise NotImplementedError

    # -- shared ----------------------------------------------------------------------------
    def audit_written(
        self, instance, *, created: bool, before: dict, fields, file_name: str, detail: str = ""
    ) -> str:
        """Log one written row (what changed in `fields` since `before`); "created"/"updated"."""
        what = "neu angelegt" if created else "aktualisiert"
        if detail:
            what = f"{what} ({detail})"
        audit_log_since(
            user=self.user,
            action="lotse.import",
            instance=instance,
            before=before,
            fields=fields,
            note=f"{what} aus {file_name}",
        )
        return "created" if created else "updated"

    def check_header(self, header: list[str]) -> list[RowError]:
        errors = []
        known = {column.name for column in self.columns}
        for column in self.columns:
            if column.required and column.name not in header:
                errors.append(RowError(1, column.name, f"Pflichtspalte „{column.name}“ fehlt."))
        for name in header:
            if name and name not in known:
                errors.append(RowError(1, name, f"Unbekannte Spalte „{name}“ wird ignoriert."))
        return errors


def _read_upload(file) -> tuple[str, bytes]:
    if isinstance(file, tuple):
        return file[0], file[1]
    name = getattr(file, "name", "") or ""
    if hasattr(file, "seek"):
        file.seek(0)
    return name, file.read()


def import_run(*, importer: Importer, file, user=None, mode: Mode = "dry_run") -> ImportResult:
    """Validate `file` (an uploaded file or a (name, bytes) tuple) and write according to `mode`."""
    if mode not in MODES:
        raise ValueError(f"Unknown import mode {mode!r}")
    if user is not None:
        importer.user = user
    result = ImportResult(mode=mode)
    name, content = _read_upload(file)
    try:
        header, rows = parse_file(name, content)
    except ImportFileError as error:
        result.errors.append(RowError(0, "", str(error)))
        return result
    header_errors = importer.check_header(header)
    # Unknown columns are only a warning (row 1 with a column name, not blocking the import);
    # missing required columns make every row invalid, so the file is refused.
    blocking = [error for error in header_errors if "Pflichtspalte" in error.message]
    result.errors.extend(blocking)
    result.total_rows = len(rows)
    if blocking:
        return result
    if not rows:
        result.errors.append(RowError(0, "", "Die Datei enthält keine Datenzeilen."))
        return result

    with transaction.atomic():
        importer.prepare(rows)
        cleaned_rows: list[tuple[int, dict[str, Any]]] = []
        seen: dict[str, int] = {}
        for row_number, raw in rows:
            width_errors = _width_errors(header, row_number, raw)
            if width_errors:
                # The values are in the wrong columns: their messages would only mislead.
                result.errors.extend(width_errors)
                continue
            context = RowContext(row_number, raw)
            cleaned = importer.clean_row(context)
            key = (raw.get("external_id") or "").strip()
            if key:
                if key in seen:
                    context.error(
                        "external_id",
                        f"Doppelte externe Kennung „{key}“: kommt schon in Zeile {seen[key]} vor.",
                    )
                else:
                    seen[key] = row_number
            if context.errors or cleaned is None:
                result.errors.extend(context.errors)
                continue
            cleaned_rows.append((row_number, cleaned))
        result.valid_rows = len(cleaned_rows)

        if mode == "dry_run" or (mode == "all_or_nothing" and result.errors):
            for row_number, cleaned in cleaned_rows:
                _count(result, row_number, cleaned, importer.planned(cleaned))
            if mode == "all_or_nothing":
                result.created = result.updated = result.unchanged = 0
                result.actions = []
            return result

        write_errors = _write(importer, cleaned_rows, result, file_name=name)
        if write_errors and mode == "all_or_nothing":
            result.errors.extend(write_errors)
            result.created = result.updated = result.unchanged = 0
            result.actions = []
            transaction.set_rollback(True)
            return result
        result.errors.extend(write_errors)
        result.valid_rows -= len({error.row_number for error in write_errors})
        result.written = True
    result.errors.sort(key=lambda error: error.row_number)
    return result


def _write(
    importer: Importer, cleaned_rows: Iterable[tuple[int, dict[str, Any]]], result, *, file_name
) -> list[RowError]:
    errors: list[RowError] = []
    for row_number, cleaned in cleaned_rows:
        try:
            with transaction.atomic():
                outcome = importer.write_row(cleaned, file_name=file_name)
        except (ValidationError, IntegrityError) as error:
            messages = getattr(error, "messages", None) or [str(error)]
            errors.append(
                RowError(row_number, "", "Nicht gespeichert: " + " ".join(map(str, messages)))
            )
            continue
        _count(result, row_number, cleaned, outcome)
    return errors


ACTION_WORDS = {"created": "neu", "updated": "aktualisiert", "unchanged": "unverändert"}


def _count(result: ImportResult, row_number: int, cleaned: dict[str, Any], outcome: str) -> None:
    """Add one row's outcome ("created", "updated", "unchanged") to the counts and the list."""
    if outcome == "created":
        result.created += 1
    elif outcome == "unchanged":
        result.unchanged += 1
    else:
        outcome = "updated"
        result.updated += 1
    result.actions.append((row_number, cleaned["external_id"], ACTION_WORDS[outcome]))
