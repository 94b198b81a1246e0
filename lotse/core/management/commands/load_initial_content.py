from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from lotse.core.initial import DEFAULT_STATE, LoadReport, UnknownStateError
from lotse.core.registry import hooks


class Command(BaseCommand):
    help = (
        "Load the initial content every installation needs (pages, legal page templates, real "
        "actors, sector minimum wages) from the apps' data files. Idempotent; objects changed "
        "by editors are skipped and reported. Creates no users."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--state",
            default=DEFAULT_STATE,
            help=f"whose data files to load (data/<state>/ of each app; default {DEFAULT_STATE})",
        )

    @transaction.atomic  # all or nothing: an unknown state or a bad data file writes nothing
    def handle(self, *args, state: str, **options) -> None:
        for load in hooks("LOTSE_INITIAL_CONTENT_LOADERS"):
            report = LoadReport()
            try:
                load(state=state, report=report)
            except UnknownStateError as exc:
                raise CommandError(str(exc)) from exc
            for line in report.lines():
                self.stdout.write(f"{load.__module__}: {line}")
        self.stdout.write(self.style.SUCCESS(f"Initial content for state {state!r} loaded."))
