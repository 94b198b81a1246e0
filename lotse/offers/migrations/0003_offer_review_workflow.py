"""Offers go through the review workflow "Prüfung durch die Redaktion" (WorkflowContentType).

The workflow is Wagtail's default one, whose GroupApprovalTask core/0003 handed to the Redaktion.
If it is missing (a database set up differently), a workflow with such a task is created.
"""

from django.db import migrations

TASK_NAME = "Prüfung durch die Redaktion"
LEGACY_WORKFLOW_NAME = "Moderators approval"


def assign_workflow(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    link = (
        WorkflowTask.objects.filter(task__name=TASK_NAME, workflow__active=True)
        .select_related("workflow")
        .order_by("workflow_id")
        .first()
    )
    if link is not None:
        workflow = link.workflow
    else:
        task_content_type, _ = ContentType.objects.get_or_create(
            app_label="wagtailcore", model="groupapprovaltask"
        )
        task = GroupApprovalTask.objects.create(
            name=TASK_NAME, content_type=task_content_type, active=True
        )
        redaktion, _ = Group.objects.get_or_create(name="Redaktion")
        task.groups.add(redaktion)
        workflow = Workflow.objects.create(name=TASK_NAME, active=True)
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    if workflow.name == LEGACY_WORKFLOW_NAME:
        workflow.name = TASK_NAME
        workflow.save(update_fields=["name"])

    offer_type, _ = ContentType.objects.get_or_create(app_label="offers", model="offer")
    WorkflowContentType.objects.update_or_create(
        content_type=offer_type, defaults={"workflow": workflow}
    )


def unassign_workflow(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    WorkflowContentType.objects.filter(
        content_type__in=ContentType.objects.filter(app_label="offers", model="offer")
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("offers", "0002_offer_fulltext"),
        ("core", "0003_create_roles"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(assign_workflow, unassign_workflow)]
