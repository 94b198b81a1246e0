"""The daily jobs, enqueued by `manage.py run_periodic_tasks` (cron or a systemd timer).

Core knows no app above it, so every app registers its own daily jobs, by dotted path, in its
`AppConfig.ready`:

    from lotse.core.periodic import periodic_task_register

    periodic_task_register("lotse.<app>.tasks.<task>")

The paths are resolved only when the jobs are enqueued (registering imports nothing). Every job
is idempotent, so a second run on the same day does no harm. An installation can add jobs with
the setting LOTSE_PERIODIC_TASKS (dotted paths too).
"""

from django.conf import settings
from django.utils.module_loading import import_string

# Filled by the apps through periodic_task_register (read it with periodic_tasks()).
DAILY_TASKS: list[str] = []


def periodic_task_register(path: str) -> str:
    """Add the django-tasks task at `path` ("lotse.<app>.tasks.<name>") to the daily jobs.

    Registering the same path again changes nothing (`ready()` may run more than once).
    """
    module, _dot, name = path.rpartition(".")
    if not module or not name:
        raise ValueError(f"A periodic task is registered by its dotted path, not {path!r}")
    if path not in DAILY_TASKS:
        DAILY_TASKS.append(path)
    return path


def periodic_tasks() -> list[str]:
    """The registered daily jobs and those of LOTSE_PERIODIC_TASKS, each once, in order."""
    paths = [*DAILY_TASKS, *getattr(settings, "LOTSE_PERIODIC_TASKS", [])]
    return list(dict.fromkeys(paths))


def periodic_tasks_enqueue() -> list[str]:
    """Enqueue every daily job; returns the task paths that were enqueued."""
    paths = periodic_tasks()
    for path in paths:
        import_string(path).enqueue()
    return paths
