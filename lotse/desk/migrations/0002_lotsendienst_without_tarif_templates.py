"""The Lotsendienst held every desk permission ("desk.*" in core/roles.py); it now holds only
the inbox (view_inquiry) and the text blocks (which ones is decided per topic in desk/access.py). Roles are granted
additively after every migrate (core.roles.roles_sync), so the old grant is taken back here,
once: an administrator may still give the group more afterwards."""

from django.db import migrations

KEEP = (
    "view_inquiry",
    "view_answertemplate",
    "add_answertemplate",
    "change_answertemplate",
    "delete_answertemplate",
)


def narrow_lotsendienst(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name="Lotsendienst").first()
    if group is None:
        return
    excess = Permission.objects.filter(content_type__app_label="desk").exclude(codename__in=KEEP)
    group.permissions.remove(*excess)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("core", "0003_create_roles"),
        ("desk", "0001_inquiries_and_answer_templates"),
    ]

    operations = [migrations.RunPython(narrow_lotsendienst, migrations.RunPython.noop)]
