"""Read-only queries over the reference data and the platform's health."""

import time
from datetime import datetime

from django.db import connection
from django.db.models import Count, Min, QuerySet
from django.utils import timezone

from .models import ActorType, Region, TargetGroup, TopicField


def regions_list(*, state_code: str | None = None, districts_only: bool = False) -> QuerySet:
    queryset = Region.objects.select_related("parent").order_by("code")
    if state_code:
        queryset = queryset.in_state(state_code)
    if districts_only:
        queryset = queryset.districts()
    return queryset


def topic_fields_list() -> QuerySet:
    return TopicField.objects.active().order_by("order", "name")


def target_groups_list() -> QuerySet:
    return TargetGroup.objects.active().order_by("order", "name")


def actor_types_list() -> QuerySet:
    return ActorType.objects.active().order_by("order", "name")


def health_database() -> dict:
    """Round-trip to the database; returns state and latency."""
    started = time.perf_counter()
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # noqa: BLE001 - any failure means "down"
        return {"ok": False, "vendor": connection.vendor, "error": exc.__class__.__name__}
    latency_ms = round((time.perf_counter() - started) * 1000, 2)
    return {"ok": True, "vendor": connection.vendor, "latency_ms": latency_ms}


def health_tasks() -> dict:
    """State of the task queue: backend, and for the database backend the queue's backlog."""
    from django.conf import settings

    backend_path = settings.TASKS["default"]["BACKEND"]
    state: dict = {"ok": True, "backend": backend_path.rsplit(".", 1)[-1]}
    if backend_path != "django_tasks_db.DatabaseBackend":
        return state
    from django_tasks_db.models import DBTaskResult

    try:
        rows = DBTaskResult.objects.values("status").annotate(
            count=Count("id"), oldest=Min("enqueued_at")
        )
        counts = {row["status"].lower(): row["count"] for row in rows}
        oldest_ready: datetime | None = next(
            (row["oldest"] for row in rows if row["status"] == "READY"), None
        )
    except Exception as exc:  # noqa: BLE001
        return {"ok": False, "backend": state["backend"], "error": exc.__class__.__name__}
    state["counts"] = counts
    state["oldest_ready_age_seconds"] = (
        round((timezone.now() - oldest_ready).total_seconds()) if oldest_ready else None
    )
    return state
