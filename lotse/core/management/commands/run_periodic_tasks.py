from django.core.management.base import BaseCommand

from lotse.core.periodic import periodic_tasks_enqueue


class Command(BaseCommand):
    help = "Enqueue the daily housekeeping jobs (run once a day from cron or a systemd timer)."

    def handle(self, *args, **options) -> None:
        for path in periodic_tasks_enqueue():
            self.stdout.write(f"enqueued {path}")
