"""Assigning a Wagtail workflow to a model in a data migration (offers, migration, guidance).

The migrations create their workflow each in their own way; handing it to the model and taking
it back on reversal is the same everywhere and lives here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.apps.registry import Apps
from django.db.backends.base.schema import BaseDatabaseSchemaEditor


def workflow_content_type_set(apps: Apps, *, app_label: str, model: str, workflow: Any) -> None:
    """Objects of `app_label.model` go through `workflow` (a historical Workflow row)."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    WorkflowContentType.objects.update_or_create(
        content_type=content_type, defaults={"workflow": workflow}
    )


def workflow_unassign(
    app_label: str, model: str
) -> Callable[[Apps, BaseDatabaseSchemaEditor], None]:
    """The reverse of a RunPython that assigned a workflow to `app_label.model`."""

    def unassign(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
        ContentType = apps.get_model("contenttypes", "ContentType")
        WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
        WorkflowContentType.objects.filter(
            content_type__in=ContentType.objects.filter(app_label=app_label, model=model)
        ).delete()

    return unassign
