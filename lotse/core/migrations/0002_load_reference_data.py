"""Saxony's regions, the five topic fields, target groups and actor types (core/data/*.csv)."""

from django.db import migrations


def load(apps, schema_editor):
    from lotse.core.reference import load_reference_data

    load_reference_data(apps)


class Migration(migrations.Migration):
    dependencies = [("core", "0001_reference_models")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
