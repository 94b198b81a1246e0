from django.core.management.base import BaseCommand

from lotse.demo.accounts import DEMO_ACCOUNTS, DEMO_PASSWORD
from lotse.demo.guidance import DEMO_PLAN_PATH


class Command(BaseCommand):
    help = "Print the demo accounts (one per role) created by load_demo."

    def add_arguments(self, parser) -> None:
        # `make run HOST=… PORT=…` passes its address, so the printed link opens the running site.
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument(
            "--port", type=int, default=8000, choices=range(1, 65536), metavar="PORT"
        )

    def handle(self, *args, **options) -> None:
        self.stdout.write(f"{'role':<20} {'username':<15} password")
        for account in DEMO_ACCOUNTS:
            self.stdout.write(f"{account.role:<20} {account.username:<15} {DEMO_PASSWORD}")
        address = f"http://{options['host']}:{options['port']}"
        self.stdout.write(f"\nWegweiser demo plan: {address}{DEMO_PLAN_PATH}")
