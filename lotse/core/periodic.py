"""The daily jobs, enqueued by `manage.py run_periodic_tasks` (cron or a systemd timer).

Every job is idempotent, so a second run on the same day does no harm. Later modules add
their jobs (reminders, retention) with the setting LOTSE_PERIODIC_TASKS or to this list.
"""

from django.conf import settings
from django.utils.module_loading import import_string

DAILY_TASKS = [
    "lotse.core.tasks.audit_retention_prune",
    "lotse.core.tasks.sessions_clear",
    "lotse.core.tasks.task_results_prune",
    "lotse.offers.tasks.offers_confirmation_reminders",
    "lotse.desk.tasks.inquiries_retention_delete",
    "lotse.events.tasks.holds_expire_task",
    "lotse.events.tasks.offers_expire_task",
    "lotse.events.tasks.reminders_send",
    "lotse.events.retention.events_personal_data_retention",
    "lotse.events.after.events_thanks_send",
    "lotse.guidance.tasks.checks_retention_task",
]


def periodic_tasks_enqueue() -> list[str]:
    """Enqueue every daily job; returns the task paths that were enqueued."""
    paths = [*DAILY_TASKS, *getattr(settings, "LOTSE_PERIODIC_TASKS", [])]
    for path in paths:
        import_string(path).enqueue()
    return paths
