"""Full-text index over offers' search_document (PostgreSQL GIN / SQLite FTS5), core.fulltext_db."""

from django.db import migrations


def install(apps, schema_editor):
    from lotse.core.fulltext_db import fulltext_install

    fulltext_install(schema_editor, "offers_offer")


def uninstall(apps, schema_editor):
    from lotse.core.fulltext_db import fulltext_uninstall

    fulltext_uninstall(schema_editor, "offers_offer")


class Migration(migrations.Migration):
    dependencies = [("offers", "0001_offer_catalogue")]

    operations = [migrations.RunPython(install, uninstall)]
