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
