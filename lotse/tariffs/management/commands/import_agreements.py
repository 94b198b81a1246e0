"""Import register entries from CSV/XLSX: `manage.py import_agreements FILE [--mode ...]`
(default: the dry run, which prints the error report and writes nothing)."""

from lotse.imports.commands import ImportCommand
from lotse.tariffs.imports import AgreementImporter


class Command(ImportCommand):
    help = "Tarifverträge aus CSV/XLSX importieren (Standard: Probelauf ohne Schreiben)."
    importer_class = AgreementImporter
