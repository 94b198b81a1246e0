"""Import labour-market indicators from CSV/XLSX: `manage.py import_indicators FILE [--mode ...]`.

Default mode is the dry run: it prints the error report and writes nothing."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from lotse.figures.imports import IndicatorImporter
from lotse.imports.importing import MODES, import_run


class Command(BaseCommand):
    help = "Arbeitsmarktzahlen aus CSV/XLSX importieren (Standard: Probelauf ohne Schreiben)."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--mode", choices=MODES, default="dry_run")

    def handle(self, *args, file, mode, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"Datei nicht gefunden: {file}")
        result = import_run(
            importer=IndicatorImporter(), file=(path.name, path.read_bytes()), mode=mode
        )
        for error in result.errors:
            where = f"Zeile {error.row_number}" if error.row_number else "Datei"
            column = f" [{error.field}]" if error.field else ""
            self.stdout.write(f"{where}{column}: {error.message}")
        self.stdout.write(
            f"{result.total_rows} Zeilen, {result.valid_rows} gültig, "
            f"{result.created} neu, {result.updated} aktualisiert, "
            f"{result.unchanged} unverändert, "
            f"{'geschrieben' if result.written else 'nichts geschrieben'} ({mode})."
        )
        if result.errors and not result.written:
            raise CommandError("Der Import enthält Fehler.")
