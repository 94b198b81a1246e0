"""PostgreSQL: rank and match the actors on a stored tsvector column instead of the expression.

The GIN index on to_tsvector('simple', search_document) becomes a GIN index on the stored
generated column `search_vector` (see lotse/core/fulltext_db.py). SQLite keeps its FTS5 table.
"""

from django.db import migrations


def stored_vector(apps, schema_editor):
    from lotse.core.fulltext_db import fulltext_reinstall

    if schema_editor.connection.vendor == "postgresql":
        fulltext_reinstall(schema_editor, "network_actor")


def expression_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        quote = schema_editor.quote_name
        schema_editor.execute(f"DROP INDEX IF EXISTS {quote('network_actor_fts')}")
        schema_editor.execute(f"ALTER TABLE {quote('network_actor')} DROP COLUMN IF EXISTS search_vector")
        schema_editor.execute(
            f"CREATE INDEX {quote('network_actor_fts')} ON {quote('network_actor')} "
            "USING GIN (to_tsvector('simple', search_document))"
        )


class Migration(migrations.Migration):

    dependencies = [
        ("network", "0002_actor_fulltext"),
    ]

    operations = [
        migrations.RunPython(stored_vector, expression_index),
    ]
