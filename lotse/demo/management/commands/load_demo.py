from django.core.management.base import BaseCommand

from lotse.core.registry import hooks


class Command(BaseCommand):
    help = "Load the demo data of every module (idempotent) and print the demo accounts."

    def handle(self, *args, **options) -> None:
        lines: list[str] = []
        for load in hooks("LOTSE_DEMO_LOADERS"):
            lines.extend(load(stdout=self.stdout) or [])
        self.stdout.write(self.style.SUCCESS("Demo data loaded."))
        if lines:
            self.stdout.write("\nDemo accounts (log in at http://127.0.0.1:8000/admin/):")
            self.stdout.write(f"{'role':<20} {'username':<15} password")
            for line in lines:
                self.stdout.write(line)
