"""Full-text index over actors' search_document (PostgreSQL GIN / SQLite FTS5), core.fulltext_db."""

from django.db import migrations


def install(apps, schema_editor):
    from lotse.core.fulltext_db import fulltext_install

    fulltext_install(schema_editor, "network_actor")


def uninstall(apps, schema_editor):
    from lotse.core.fulltext_db import fulltext_uninstall

    fulltext_uninstall(schema_editor, "network_actor")


class Migration(migrations.Migration):
    dependencies = [("network", "0001_actor_directory")]

    operations = [migrations.RunPython(install, uninstall)]
