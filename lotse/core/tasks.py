"""Periodic housekeeping tasks: retention of personal data in the platform's own tables."""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.management import call_command
from django.utils import timezone
from django_tasks import task

logger = logging.getLogger(__name__)


@task()
def audit_retention_prune() -> int:
    """Delete audit-log entries older than LOTSE_RETENTION_AUDIT_DAYS; returns the count."""
    from wagtail.models import ModelLogEntry, PageLogEntry

    cutoff = timezone.now() - timedelta(days=settings.LOTSE_RETENTION_AUDIT_DAYS)
    deleted = 0
    for model in (ModelLogEntry, PageLogEntry):
        count, _details = model.objects.filter(timestamp__lt=cutoff).delete()
        deleted += count
    logger.info("audit_retention_prune: %s entries older than %s deleted", deleted, cutoff.date())
    return deleted


@task()
def sessions_clear() -> None:
    """Remove expired sessions (Django's clearsessions)."""
    call_command("clearsessions")


@task()
def task_results_prune() -> None:
    """Remove finished task results older than 14 days (database backend only)."""
    if settings.TASKS["default"]["BACKEND"] == "django_tasks_db.DatabaseBackend":
        call_command("prune_db_task_results", min_age_days=14, verbosity=0)


def enqueue_with_transaction(task_to_run, **kwargs) -> None:
    """Enqueue a task so that it runs only for data that was committed, and is never lost.

    With the database queue the task row is written inside the caller's transaction (an
    outbox): it commits or rolls back together with the data it is about, and a crash between
    the commit and the hand-off cannot lose it. Any other backend (the immediate one in the
    tests, a broker) gets the task after the commit.
    """
    from django.db import transaction
    from django_tasks_db.backend import DatabaseBackend

    if isinstance(task_to_run.get_backend(), DatabaseBackend):
        task_to_run.enqueue(**kwargs)
    else:
        transaction.on_commit(lambda: task_to_run.enqueue(**kwargs))
