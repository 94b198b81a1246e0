from django.core.management.base import BaseCommand

from lotse.guidance.loader import DEFAULT_FILE, load_check_version


class Command(BaseCommand):
    help = "Load and publish a Wegweiser check version from its data file (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", default=str(DEFAULT_FILE))

    def handle(self, *args, **options):
        load_check_version(path=options["path"], stdout=self.stdout)
