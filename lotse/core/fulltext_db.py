"""Full-text indexes over a `search_document` column, on PostgreSQL and SQLite.

PostgreSQL: a GIN index on to_tsvector('simple', search_document); the stems are already
German-normalised (core.fulltext), so the 'simple' configuration must not stem again.
SQLite: an external-content FTS5 table `<table>_fts` kept in sync by triggers.
Queries: every stem as a prefix, all terms required (AND).
"""

from django.db import connections
from django.db.models import BooleanField, F, FloatField, Func, QuerySet, Value
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


# The expressions below reference the column through F(), never by a hard-coded table name, so a
# filtered queryset still works when Django nests it as a subquery (`pk__in=qs.values("pk")`
# relabels the table to U0, …). On PostgreSQL the rendered expression
# `to_tsvector('simple', "offers_offer"."search_document")` is the GIN index's expression.


class _PgMatch(Func):
    output_field = BooleanField()
    arg_joiner = ") @@ to_tsquery('simple', "
    template = "to_tsvector('simple', %(expressions)s)"


class _PgRank(Func):
    output_field = FloatField()
    arg_joiner = "), to_tsquery('simple', "
    template = "ts_rank(to_tsvector('simple', %(expressions)s))"


class _SqliteRank(Func):
    """-bm25 of the row (higher is better); `fts` is a trusted table name."""

    output_field = FloatField()

    def __init__(self, fts: str, match: str, pk):
        super().__init__(Value(match), pk)
        self.arg_joiner = f" AND {fts}.rowid = "
        self.template = f"(SELECT -bm25({fts}) FROM {fts} WHERE {fts} MATCH %(expressions)s)"


def fulltext_match(queryset: QuerySet, stems: list[str]) -> QuerySet:
    """Rows whose search_document holds every stem (as a prefix); no rank (cheap, nestable)."""
    if not stems:
        return queryset
    table = queryset.model._meta.db_table
    vendor = connections[queryset.db].vendor
    if vendor == "postgresql":
        return queryset.filter(_PgMatch(F("search_document"), Value(_pg_query(stems))))
    if vendor == "sqlite":
        fts = f"{table}_fts"
        return queryset.filter(
            pk__in=RawSQL(f"SELECT rowid FROM {fts} WHERE {fts} MATCH %s", (_sqlite_match(stems),))
        )
    # Other databases: substring match on every stem (correct, not fast).
    for item in stems:
        queryset = queryset.filter(search_document__contains=item)
    return queryset


def fulltext_rank(queryset: QuerySet, stems: list[str]):
    """An expression for the relevance of a row (higher is better) for these stems."""
    vendor = connections[queryset.db].vendor
    if vendor == "postgresql":
        return _PgRank(F("search_document"), Value(_pg_query(stems)))
    if vendor == "sqlite":
        fts = f"{queryset.model._meta.db_table}_fts"
        return _SqliteRank(fts, _sqlite_match(stems), F("pk"))
    return Value(0.0, output_field=FloatField())


def fulltext_filter(queryset: QuerySet, stems: list[str]) -> QuerySet:
    """Rows whose search_document holds every stem (as a prefix); adds `fulltext_rank`."""
    if not stems:
        return queryset
    return fulltext_match(queryset, stems).annotate(fulltext_rank=fulltext_rank(queryset, stems))


def fulltext_installed(connection, table: str) -> bool:
    """Whether the full-text index of a table is complete.

    On SQLite, a migration that rebuilds the table (Django does so for many AlterField/AddField
    operations) drops the table's triggers, and the FTS5 index silently stops following the rows.
    `fulltext_ensure` (run after every `migrate`) puts it back; this check lets a test prove it.
    """
    if connection.vendor == "sqlite":
        fts = f"{table}_fts"
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = %s",
                [table],
            )
            names = {row[0] for row in cursor.fetchall()}
        return {f"{fts}_ai", f"{fts}_ad", f"{fts}_au"} <= names
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT 1 FROM pg_indexes WHERE tablename = %s AND indexname = %s",
                [table, f"{table}_fts"],
            )
            return cursor.fetchone() is not None
    return True


class CursorEditor:
    """The part of a schema editor fulltext_install needs, usable inside a transaction."""

    def __init__(self, connection) -> None:
        self.connection = connection
        self.quote_name = connection.ops.quote_name

    def execute(self, sql: str) -> None:
        with self.connection.cursor() as cursor:
            cursor.execute(sql)


# Tables with a `search_document` column and a full-text index (see the app migrations).
FULLTEXT_TABLES = ("network_actor", "offers_offer")


def fulltext_ensure(*, using: str = "default") -> list[str]:
    """Re-create any missing full-text index (and rebuild it); returns the repaired tables.

    Runs after every `migrate` (post_migrate), so a later migration that rebuilds a table on
    SQLite cannot leave search silently broken.
    """
    connection = connections[using]
    existing = set(connection.introspection.table_names())
    repaired = []
    for table in FULLTEXT_TABLES:
        if table in existing and not fulltext_installed(connection, table):
            fulltext_install(CursorEditor(connection), table)
            repaired.append(table)
    return repaired
