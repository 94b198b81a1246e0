"""The catalogue's narrow search table on PostgreSQL, kept by triggers (decision 0027).

Filled from the offers at once; on SQLite nothing is created (the catalogue searches the offers).
"""

from django.db import migrations

from lotse.offers import search_table


def install(apps, schema_editor):
    search_table.install(schema_editor)


def uninstall(apps, schema_editor):
    search_table.uninstall(schema_editor)


class Migration(migrations.Migration):
    dependencies = [
        ("offers", "0001_squashed_0006_offer_catalogue"),
    ]

    operations = [migrations.RunPython(install, uninstall)]
