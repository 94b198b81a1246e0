"""The roles of DESIGN.md as groups. Permissions are granted after migrate (core/roles.py).

Wagtail's own starter groups (Editors, Moderators) are replaced: the default moderation workflow
is handed to the Redaktion, and the starter groups are removed while nobody belongs to them.
"""

from django.db import migrations

ROLES = ("Administration", "Redaktion", "Tarifregister", "Veranstaltungsteam", "Lotsendienst", "Partner")


def create_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    groups = {name: Group.objects.get_or_create(name=name)[0] for name in ROLES}

    for task in GroupApprovalTask.objects.all():
        if task.groups.filter(name="Moderators").exists():
            task.groups.add(groups["Redaktion"])
            task.groups.remove(*task.groups.filter(name="Moderators"))
            task.name = "Prüfung durch die Redaktion"
            task.save(update_fields=["name"])

    for name in ("Editors", "Moderators"):
        group = Group.objects.filter(name=name).first()
        if group is not None and not group.user_set.exists():
            group.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0002_load_reference_data"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
