"""Full-text indexes over a `search_document` column, on PostgreSQL and SQLite.

PostgreSQL: a GIN index on to_tsvector('simple', search_document); the stems are already
German-normalised (core.fulltext), so the 'simple' configuration must not stem again.
SQLite: an external-content FTS5 table `<table>_fts` kept in sync by triggers.
Queries: every stem as a prefix, all terms required (AND).
"""

from django.db import connection
from django.db.models import QuerySet
from django.db.models.expressions import RawSQL


def fulltext_install(schema_editor, table: str) -> None:
    """Create the full-text index of a table (used by migrations)."""
    quote = schema_editor.quote_name
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {quote(table + '_fts')} ON {quote(table)} "
            "USING GIN (to_tsvector('simple', search_document))"
        )
    elif schema_editor.connection.vendor == "sqlite":
        fts = f"{table}_fts"
        statements = [
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {fts} USING fts5(search_document, "
            f"content='{table}', content_rowid='id', tokenize='unicode61 remove_diacritics 0')",
            f"CREATE TRIGGER IF NOT EXISTS {fts}_ai AFTER INSERT ON {table} BEGIN "
            f"INSERT INTO {fts}(rowid, search_document) VALUES (new.id, new.search_document); END",
            f"CREATE TRIGGER IF NOT EXISTS {fts}_ad AFTER DELETE ON {table} BEGIN "
            f"INSERT INTO {fts}({fts}, rowid, search_document) "
            f"VALUES ('delete', old.id, old.search_document); END",
            f"CREATE TRIGGER IF NOT EXISTS {fts}_au AFTER UPDATE OF search_document ON {table} "
            f"BEGIN INSERT INTO {fts}({fts}, rowid, search_document) "
            f"VALUES ('delete', old.id, old.search_document); "
            f"INSERT INTO {fts}(rowid, search_document) VALUES (new.id, new.search_document); END",
            f"INSERT INTO {fts}({fts}) VALUES ('rebuild')",
        ]
        for statement in statements:
            schema_editor.execute(statement)


def fulltext_uninstall(schema_editor, table: str) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {schema_editor.quote_name(table + '_fts')}")
    elif schema_editor.connection.vendor == "sqlite":
        fts = f"{table}_fts"
        for suffix in ("ai", "ad", "au"):
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {fts}_{suffix}")
        schema_editor.execute(f"DROP TABLE IF EXISTS {fts}")


def _sqlite_match(stems: list[str]) -> str:
    # Stems contain only [0-9a-zäöüß…] (core.fulltext.TOKEN_RE), so quoting is safe.
    return " AND ".join(f'"{item}"*' for item in stems)


def _pg_query(stems: list[str]) -> str:
    return " & ".join(f"{item}:*" for item in stems)


def fulltext_filter(queryset: QuerySet, stems: list[str]) -> QuerySet:
    """Rows whose search_document holds every stem (as a prefix); adds `fulltext_rank`."""
    if not stems:
        return queryset
    table = queryset.model._meta.db_table
    if connection.vendor == "postgresql":
        vector = "to_tsvector('simple', search_document)"
        query = _pg_query(stems)
        return queryset.extra(
            where=[f"{vector} @@ to_tsquery('simple', %s)"], params=[query]
        ).annotate(fulltext_rank=RawSQL(f"ts_rank({vector}, to_tsquery('simple', %s))", (query,)))
    if connection.vendor == "sqlite":
        fts = f"{table}_fts"
        match = _sqlite_match(stems)
        return queryset.extra(
            where=[f'"{table}"."id" IN (SELECT rowid FROM {fts} WHERE {fts} MATCH %s)'],
            params=[match],
        ).annotate(
            # bm25 is lower for better matches; negate so that higher is better everywhere.
            fulltext_rank=RawSQL(
                f"(SELECT -bm25({fts}) FROM {fts} WHERE {fts} MATCH %s "
                f'AND {fts}.rowid = "{table}"."id")',
                (match,),
            )
        )
    # Other databases: substring match on every stem (correct, not fast).
    for item in stems:
        queryset = queryset.filter(search_document__contains=item)
    return queryset.annotate(fulltext_rank=RawSQL("0", ()))
