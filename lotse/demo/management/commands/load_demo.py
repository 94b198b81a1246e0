from django.core.management import call_command
from django.core.management.base import BaseCommand

from lotse.core.initial import DEFAULT_STATE
from lotse.demo import accounts
from lotse.demo.loaders import DEMO_LOADERS


class Command(BaseCommand):
    help = (
        "Load the initial content, then the demo data of every module on top (idempotent), "
        "and print the demo accounts. Never in production: the accounts' password is public."
    )

    def handle(self, *args, **options) -> None:
        call_command("load_initial_content", state=DEFAULT_STATE, stdout=self.stdout)
        account_lines: list[str] = []
        for load in DEMO_LOADERS:
            lines = load(stdout=None) or []
            if load is accounts.load:
                account_lines = lines
            else:
                for line in lines:
                    self.stdout.write(line)
        self.stdout.write(self.style.SUCCESS("Demo data loaded."))
        self.stdout.write("\nDemo accounts (log in at http://127.0.0.1:8000/admin/):")
        self.stdout.write(f"{'role':<20} {'username':<15} password")
        for line in account_lines:
            self.stdout.write(line)
