"""Languages of advice and offers (core/data/languages.csv)."""

from django.db import migrations


def load(apps, schema_editor):
    from lotse.core.reference import load_languages

    load_languages(apps)


class Migration(migrations.Migration):
    dependencies = [("core", "0004_language")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
