"""Parameters of the Einwanderungs-Check are published only after a second person approved them.

Creates the workflow "Freigabe durch eine zweite Person" with one TwoPersonApprovalTask for the
Redaktion and the Administration, and assigns it to migration.Parameter (WorkflowContentType).
"""

from django.db import migrations

NAME = "Freigabe durch eine zweite Person"


def assign_workflow(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    TwoPersonApprovalTask = apps.get_model("migration", "TwoPersonApprovalTask")

    task_type, _ = ContentType.objects.get_or_create(
        app_label="migration", model="twopersonapprovaltask"
    )
    task = TwoPersonApprovalTask.objects.filter(name=NAME).first()
    if task is None:
        task = TwoPersonApprovalTask.objects.create(
            name=NAME, content_type=task_type, active=True
        )
    for name in ("Redaktion", "Administration"):
        group, _ = Group.objects.get_or_create(name=name)
        task.groups.add(group)
    workflow, _ = Workflow.objects.get_or_create(name=NAME, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    parameter_type, _ = ContentType.objects.get_or_create(app_label="migration", model="parameter")
    WorkflowContentType.objects.update_or_create(
        content_type=parameter_type, defaults={"workflow": workflow}
    )


def unassign_workflow(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    WorkflowContentType.objects.filter(
        content_type__in=ContentType.objects.filter(app_label="migration", model="parameter")
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("migration", "0001_parameters_and_route_notes"),
        ("core", "0003_create_roles"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(assign_workflow, unassign_workflow)]
