"""The register version: a counter that database triggers move with every write to the register.

Answers of the public Tarifauskunft are cached under it (`lotse.tariffs.cache`). Triggers, not
Django signals, because imports, the benchmark generator and data migrations write in bulk
(`bulk_create`, `update()`), which sends no signals. The triggers are (re)installed after every
`migrate` (a migration that rebuilds a table on SQLite drops that table's triggers).
"""

import functools
from collections.abc import Callable
from contextlib import AbstractContextManager
from contextvars import ContextVar
from typing import ParamSpec, TypeVar

from django.apps import apps
from django.db import connections
from django.db.backends.base.base import BaseDatabaseWrapper

from lotse.core.versioning import counter_bump_function_sql, counter_bump_sql, readings_pinned

VERSION_TABLE = "tariffs_registerversion"

PG_FUNCTION = counter_bump_function_sql(
    name="tariffs_bump_register_version", table=VERSION_TABLE, key_column="id", key="1"
)
# SQLite has row triggers only: one per table and operation.
SQLITE_BODY = counter_bump_sql(table=VERSION_TABLE, key_column="id", key="1", vendor="sqlite")
SQLITE_OPERATIONS = ("insert", "update", "delete")
P = ParamSpec("P")
T = TypeVar("T")
# The version a read-only view pinned: read at its first use, then the same for the whole view.
_pinned: ContextVar[dict[str, str] | None] = ContextVar("tariffs_register_version", default=None)


def watched_tables() -> list[str]:
    """Every table the public answers read: the register's own (with the many-to-many link
    tables) and the districts of the territory filter."""
    models = apps.get_app_config("tariffs").get_models(include_auto_created=True)
    tables = [model._meta.db_table for model in models if model._meta.db_table != VERSION_TABLE]
    return sorted({*tables, apps.get_model("core", "Region")._meta.db_table})


def install_triggers(connection: BaseDatabaseWrapper) -> None:
    """Create the missing triggers (idempotent)."""
    tables = watched_tables()
    existing = set(connection.introspection.table_names())
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(PG_FUNCTION)
            cursor.execute(
                "SELECT tgrelid::regclass::text FROM pg_trigger "
                "WHERE tgname = 'tariffs_register_version' AND NOT tgisinternal"
            )
            have = {row[0] for row in cursor.fetchall()}
            for table in tables:
                if table in existing and table not in have:
                    cursor.execute(
                        "CREATE TRIGGER tariffs_register_version "
                        f"AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {table} "
                        "FOR EACH STATEMENT EXECUTE FUNCTION tariffs_bump_register_version()"
                    )
        elif connection.vendor == "sqlite":
            for table in tables:
                if table not in existing:
                    continue
                for operation in SQLITE_OPERATIONS:
                    cursor.execute(
                        f"CREATE TRIGGER IF NOT EXISTS {table}_version_{operation} "
                        f"AFTER {operation.upper()} ON {table} BEGIN {SQLITE_BODY} END"
                    )
        else:
            raise NotImplementedError(f"No register version triggers for {connection.vendor}.")


def installed_triggers(connection: BaseDatabaseWrapper) -> dict[str, int]:
    """Table → number of version triggers on it (for tests and `check`)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT tgrelid::regclass::text, count(*) FROM pg_trigger "
                "WHERE tgname = 'tariffs_register_version' AND NOT tgisinternal GROUP BY 1"
            )
        else:
            cursor.execute(
                "SELECT tbl_name, count(*) FROM sqlite_master "
                "WHERE type = 'trigger' AND name LIKE '%\\_version\\_%' ESCAPE '\\' GROUP BY 1"
            )
        return dict(cursor.fetchall())


def ensure_triggers(sender, using: str = "default", **kwargs) -> None:
    """post_migrate: install the triggers once the version table exists."""
    connection = connections[using]
    if VERSION_TABLE in connection.introspection.table_names():
        install_triggers(connection)


def _read_version(using: str) -> str:
    with connections[using].cursor() as cursor:
        cursor.execute("SELECT version, token FROM tariffs_registerversion WHERE id = 1")
        row = cursor.fetchone()
    return f"{row[0]}-{row[1]}" if row else "0-"


def current_version(using: str = "default") -> str:
    """The register's version as a cache-key part: counter and token (one indexed read).

    Inside a `pin_version` view it is read once and reused for the rest of the view.
    """
    pinned = _pinned.get()
    if pinned is None:
        return _read_version(using)
    if using not in pinned:
        pinned[using] = _read_version(using)
    return pinned[using]


def version_pinned() -> AbstractContextManager[None]:
    """Inside, the version is read at most once per database (unless already pinned): a cached
    selector and the cached selectors it calls key their entries by one reading."""
    return readings_pinned(_pinned)


def pin_version(view: Callable[P, T]) -> Callable[P, T]:
    """For read-only views: every cached answer of the view uses one reading of the version.

    Only for views that do not write to the register (a write would not be seen by the
    cached reads after it).
    """

    @functools.wraps(view)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> T:
        token = _pinned.set({})
        try:
            return view(*args, **kwargs)
        finally:
            _pinned.reset(token)

    return wrapper
