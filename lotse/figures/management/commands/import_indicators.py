"""Import labour-market indicators from CSV/XLSX: `manage.py import_indicators FILE [--mode ...]`
(default: the dry run, which prints the error report and writes nothing)."""

from lotse.figures.imports import IndicatorImporter
from lotse.imports.commands import ImportCommand


class Command(ImportCommand):
    help = "Arbeitsmarktzahlen aus CSV/XLSX importieren (Standard: Probelauf ohne Schreiben)."
    importer_class = IndicatorImporter
