from django.core.management.base import BaseCommand

from lotse.demo.accounts import DEMO_ACCOUNTS, DEMO_PASSWORD
from lotse.demo.guidance import DEMO_PLAN_PATH


class Command(BaseCommand):
    help = "Print the demo accounts (one per role) created by load_demo."

    def handle(self, *args, **options) -> None:
        self.stdout.write(f"{'role':<20} {'username':<15} password")
        for account in DEMO_ACCOUNTS:
            self.stdout.write(f"{account.role:<20} {account.username:<15} {DEMO_PASSWORD}")
        self.stdout.write(f"\nWegweiser demo plan: http://127.0.0.1:8000{DEMO_PLAN_PATH}")
