"""Full-text indexes over a `search_document` column, on PostgreSQL and SQLite.

PostgreSQL: a stored generated column `search_vector` = to_tsvector('simple', search_document)
with a GIN index; the stems are already German-normalised (core.fulltext), so the 'simple'
configuration must not stem again. The column is stored so that ranking reads the vector instead
of parsing every candidate's document again (18x faster over 74 000 hits, docs/benchmarks.md).
The models do not declare it (SQLite has no tsvector); the expressions below reach it through
the table alias of `search_document`.
SQLite: an external-content FTS5 table `<table>_fts` kept in sync by triggers.
Queries: every stem as a prefix, all terms required (AND).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import TYPE_CHECKING, Any, Protocol

from django.db import connections, migrations
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import BooleanField, F, FloatField, Func, Q, QuerySet, Value
from django.db.models.expressions import RawSQL
from django.db.models.sql.compiler import SQLCompiler

from .fulltext import Clause

if TYPE_CHECKING:
    from django.db.models.sql.compiler import _AsSqlType  # stub-only alias

VECTOR_COLUMN = "search_vector"


class SchemaEditor(Protocol):
    """What the index functions use of a schema editor (Django's, or CursorEditor below)."""

    @property
    def connection(self) -> BaseDatabaseWrapper: ...

    def quote_name(self, name: str) -> str: ...

    def execute(self, sql: str) -> Any: ...


def fulltext_install(schema_editor: SchemaEditor, table: str) -> None:
    """Create the full-text index of a table (used by migrations)."""
    quote = schema_editor.quote_name
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"ALTER TABLE {quote(table)} ADD COLUMN IF NOT EXISTS {VECTOR_COLUMN} tsvector "
            "GENERATED ALWAYS AS (to_tsvector('simple', search_document)) STORED"
        )
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {quote(table + '_fts')} ON {quote(table)} "
            f"USING GIN ({VECTOR_COLUMN})"
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


def fulltext_uninstall(schema_editor: SchemaEditor, table: str) -> None:
    if schema_editor.connection.vendor == "postgresql":
        quote = schema_editor.quote_name
        schema_editor.execute(f"DROP INDEX IF EXISTS {quote(table + '_fts')}")
        schema_editor.execute(f"ALTER TABLE {quote(table)} DROP COLUMN IF EXISTS {VECTOR_COLUMN}")
    elif schema_editor.connection.vendor == "sqlite":
        fts = f"{table}_fts"
        for suffix in ("ai", "ad", "au"):
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {fts}_{suffix}")
        schema_editor.execute(f"DROP TABLE IF EXISTS {fts}")


def _migrate_install(apps: Any, schema_editor: SchemaEditor, *, table: str) -> None:
    fulltext_install(schema_editor, table)


def _migrate_uninstall(apps: Any, schema_editor: SchemaEditor, *, table: str) -> None:
    fulltext_uninstall(schema_editor, table)


def fulltext_migration(table: str) -> migrations.RunPython:
    """The migration operation that installs a table's full-text index (reversed: removes it)."""
    return migrations.RunPython(
        partial(_migrate_install, table=table), partial(_migrate_uninstall, table=table)
    )


def fulltext_reinstall(schema_editor: SchemaEditor, table: str) -> None:
    """Drop whatever form of the full-text index a table has and install the current one."""
    fulltext_uninstall(schema_editor, table)
    fulltext_install(schema_editor, table)


# A query is a list of clauses (core.fulltext.Clause), all required: a stem (prefix match) or
# alternatives, each a tuple of stems that must all occur (synonyms, compound splits).
# Stems contain only [0-9a-zäöüß…] (core.fulltext.TOKEN_RE), so quoting is safe.


def _expression(stems: Sequence[Clause], term: Callable[[str], str], and_: str, or_: str) -> str:
    def clause(item: Clause) -> str:
        if isinstance(item, str):
            return term(item)
        alternatives = [f"({and_.join(term(part) for part in alt)})" for alt in item]
        return f"({or_.join(alternatives)})"

    return and_.join(clause(item) for item in stems)


def _sqlite_match(stems: Sequence[Clause]) -> str:
    return _expression(stems, lambda item: f'"{item}"*', " AND ", " OR ")


def _pg_query(stems: Sequence[Clause]) -> str:
    return _expression(stems, lambda item: f"{item}:*", " & ", " | ")


def pg_tsquery(stems: Sequence[Clause]) -> str:
    """The text of the `to_tsquery('simple', …)` that `fulltext_match` uses on PostgreSQL (for
    statements written in SQL over a copy of a `search_vector`, e.g. offers/search_table.py)."""
    return _pg_query(stems)


# The expressions below reference the column through F("search_document"), never by a hard-coded
# table name, so a filtered queryset still works when Django nests it as a subquery
# (`pk__in=qs.values("pk")` relabels the table to U0, …); on PostgreSQL the compiled column
# `"alias"."search_document"` becomes `"alias"."search_vector"`.


class _PgVector(Func):
    """The stored tsvector column of the row whose `search_document` is the argument."""

    template = "%(expressions)s"

    def as_sql(
        self,
        compiler: SQLCompiler,
        connection: BaseDatabaseWrapper,
        function: str | None = None,  # Func's signature; the template is not used here
        template: str | None = None,
        arg_joiner: str | None = None,
        **extra_context: Any,
    ) -> _AsSqlType:
        sql, params = compiler.compile(self.source_expressions[0])
        document = connection.ops.quote_name("search_document")
        if not sql.endswith(document):  # pragma: no cover - guards against misuse
            raise ValueError(f"not a search_document column: {sql}")
        return sql[: -len(document)] + connection.ops.quote_name(VECTOR_COLUMN), params


class _PgMatch(Func):
    output_field = BooleanField()
    arg_joiner = " @@ to_tsquery('simple', "
    template = "(%(expressions)s))"


class _PgRank(Func):
    output_field = FloatField()
    arg_joiner = ", to_tsquery('simple', "
    template = "ts_rank(%(expressions)s))"


def fulltext_match(queryset: QuerySet, stems: Sequence[Clause]) -> QuerySet:
    """Rows whose search_document holds every stem (as a prefix); no rank (cheap, nestable)."""
    if not stems:
        return queryset
    table = queryset.model._meta.db_table
    vendor = connections[queryset.db].vendor
    if vendor == "postgresql":
        vector = _PgVector(F("search_document"))
        return queryset.filter(_PgMatch(vector, Value(_pg_query(stems))))
    if vendor == "sqlite":
        fts = f"{table}_fts"
        return queryset.filter(
            pk__in=RawSQL(f"SELECT rowid FROM {fts} WHERE {fts} MATCH %s", (_sqlite_match(stems),))
        )
    # Other databases: substring match on every stem (correct, not fast).
    for item in stems:
        alternatives = [(item,)] if isinstance(item, str) else item
        condition = Q()
        for alternative in alternatives:
            condition |= Q(*[Q(search_document__contains=part) for part in alternative])
        queryset = queryset.filter(condition)
    return queryset


def fulltext_filter(queryset: QuerySet, stems: Sequence[Clause]) -> QuerySet:
    """Rows whose search_document holds every stem (as a prefix); adds `fulltext_rank`.

    Higher rank is better. On SQLite the FTS5 table is joined (one MATCH for the whole query,
    bm25 read from its cursor) instead of a correlated rank subquery per row, which evaluated
    the MATCH once per candidate row (> 30 s for 60 000 hits).
    """
    if not stems:
        return queryset
    vendor = connections[queryset.db].vendor
    if vendor == "postgresql":
        rank = _PgRank(_PgVector(F("search_document")), Value(_pg_query(stems)))
        return fulltext_match(queryset, stems).annotate(fulltext_rank=rank)
    if vendor == "sqlite":
        table = queryset.model._meta.db_table
        fts = f"{table}_fts"
        return queryset.extra(
            select={"fulltext_rank": f"-bm25({fts})"},
            tables=[fts],
            where=[f'{fts}.rowid = "{table}"."id"', f"{fts} MATCH %s"],
            params=[_sqlite_match(stems)],
        )
    return fulltext_match(queryset, stems).annotate(
        fulltext_rank=Value(0.0, output_field=FloatField())
    )


def fulltext_installed(connection: BaseDatabaseWrapper, table: str) -> bool:
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
                "SELECT 1 FROM pg_indexes WHERE tablename = %s AND indexname = %s "
                "AND indexdef LIKE %s",
                [table, f"{table}_fts", f"%({VECTOR_COLUMN})%"],
            )
            return cursor.fetchone() is not None
    return True


class CursorEditor:
    """The part of a schema editor fulltext_install needs, usable inside a transaction."""

    def __init__(self, connection: BaseDatabaseWrapper) -> None:
        self.connection = connection
        self.quote_name = connection.ops.quote_name

    def execute(self, sql: str) -> None:
        with self.connection.cursor() as cursor:
            cursor.execute(sql)


# Tables with a `search_document` column and a full-text index (see the app migrations).
FULLTEXT_TABLES = ("network_actor", "offers_offer", "site_search_pagesearchdocument")


def fulltext_ensure(
    *, using: str = "default", tables: Sequence[str] = FULLTEXT_TABLES
) -> list[str]:
    """Re-create any missing full-text index of `tables` (and rebuild it); returns the repaired
    tables.

    Runs after every `migrate` (post_migrate), so a later migration that rebuilds a table on
    SQLite cannot leave search silently broken.
    """
    connection = connections[using]
    existing = set(connection.introspection.table_names())
    repaired = []
    for table in tables:
        if table in existing and not fulltext_installed(connection, table):
            # Drops what is left of an older form (e.g. the expression index) first.
            fulltext_reinstall(CursorEditor(connection), table)
            repaired.append(table)
    return repaired
