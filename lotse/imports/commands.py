"""The management command of an import kind: `manage.py import_<kind> FILE [--mode ...]`.

Default mode is the dry run: it prints the error report and writes nothing. An app's command is

    class Command(ImportCommand):
        help = "…"
        importer_class = MyImporter
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from .importing import MODES, Importer, import_run


class ImportCommand(BaseCommand):
    importer_class: type[Importer]

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--mode", choices=MODES, default="dry_run")

    def handle(self, *args, file, mode, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"Datei nicht gefunden: {file}")
        result = import_run(
            importer=self.importer_class(), file=(path.name, path.read_bytes()), mode=mode
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
