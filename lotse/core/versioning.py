"""Content versions: counters that database triggers move with every write the public pages read.

The generalisation of the Tarif register version (decision 0005) to
the whole portal: one row per *scope* in `core_contentversion`, moved in the writing transaction
by a trigger on every table of every installed app, so bulk writes (`bulk_create`, `update()`),
imports, `load_initial_content`, data migrations and raw SQL move it too. The whole-response
cache of the public pages (`lotse.core.page_cache`) keys its entries by these versions: a page
is never stale, only rebuilt.

Scopes:
- ``content``: every table, except the ones no public page reads (sessions, task results, the
  outbox, audit log, back-office state, and what the apps exclude with `version_exclude`, such
  as the desk's inquiries). Every public page depends on it.
- further scopes the apps declare with `version_scope`, for tables written by public forms that
  only a few pages read: the events app puts its registrations and the seat counters
  (`booked`) under ``seats``, so a registration rebuilds the event pages, not the whole portal.
  A scope may also name a table of an excluded app: the core puts the users, groups and
  permissions under ``auth`` (the back office's permissions per user, `lotse.core.auth`).

The triggers are (re)installed after every `migrate` (a migration that rebuilds a table on SQLite
drops that table's triggers, and a new column must join the column lists), and every scope is
moved once then, for data written while a table had no trigger.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, TypeVar

import psycopg
from django.apps import apps
from django.core.cache import cache, caches
from django.core.cache.backends.base import BaseCache
from django.db import InterfaceError, OperationalError, connections
from django.db.backends.base.base import BaseDatabaseWrapper
from psycopg import pq

VERSION_TABLE = "core_contentversion"
CONTENT = "content"
# The users' rights (users, groups, permissions, memberships): lotse.core.auth.
AUTH_SCOPE = "auth"

# A new random token with every move tells versions apart after the table was emptied (tests,
# restores), when the counter starts again (models.ContentVersion).
_TOKEN_SQL = {
    "postgresql": "md5(random()::text || clock_timestamp()::text)",
    "sqlite": "lower(hex(randomblob(16)))",
}


def counter_bump_sql(*, table: str, key_column: str, key: str, vendor: str) -> str:
    """The statement that moves one version counter (a row of `table` found by `key_column` =
    `key`, an SQL expression): inserted at version 1, or one up, each time with a new token.
    Shared by the content versions and the Tarif register version (`tariffs/versioning.py`);
    table and column names are constants of the code, never input."""
    return (
        f"INSERT INTO {table} ({key_column}, version, token) "  # noqa: S608
        f"VALUES ({key}, 1, {_TOKEN_SQL[vendor]}) "
        f"ON CONFLICT ({key_column}) DO UPDATE "
        f"SET version = {table}.version + 1, token = EXCLUDED.token;"
    )


def counter_bump_function_sql(*, name: str, table: str, key_column: str, key: str) -> str:
    """A PostgreSQL trigger function `name()` that moves one version counter (statement
    triggers call it; `key` may read the trigger's arguments, `TG_ARGV`)."""
    bump = counter_bump_sql(table=table, key_column=key_column, key=key, vendor="postgresql")
    return (
        f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger AS $$ "
        f"BEGIN {bump} RETURN NULL; END; $$ LANGUAGE plpgsql"
    )


PG_FUNCTION = counter_bump_function_sql(
    name="core_bump_content_version", table=VERSION_TABLE, key_column="scope", key="TG_ARGV[0]"
)
# Scope names are identifiers from the apps' code (`version_scope`), never from requests.
SQLITE_BODY = counter_bump_sql(
    table=VERSION_TABLE, key_column="scope", key="'{scope}'", vendor="sqlite"
)
# Apps (by label) whose tables no public page reads; written on logins, by the task worker, by
# editors' open sessions in the admin; Wagtail's search index is written together with the
# pages and snippets it indexes (and is a virtual table on SQLite, which takes no triggers).
EXCLUDED_APPS = {
    "sessions",
    "admin",
    "auth",
    "django_tasks_database",  # the app label of django_tasks_db (task results)
    "wagtailusers",
    "wagtailsearch",
}
EXCLUDED_TABLES = {
    VERSION_TABLE,
    "core_outgoingmail",
    "tariffs_registerversion",
    "wagtailcore_modellogentry",
    "wagtailcore_pagelogentry",
    "wagtailadmin_editingsession",
}
TRIGGER_PREFIX = "core_cv_"

_excluded: set[str] = set()
# table -> (scope, columns): updates of only these columns move `scope` instead of `content`
# (columns None: every write to the table).
_scoped: dict[str, tuple[str, tuple[str, ...] | None]] = {}


def version_exclude(*tables: str) -> None:
    """Tables no public page reads (the apps' `ready()`): writes to them move no version."""
    _excluded.update(tables)


def version_scope(table: str, scope: str, columns: Iterable[str] | None = None) -> None:
    """Writes to `table` (with `columns`: updates of these columns) move `scope`, not content.
    The scope becomes part of trigger names: an identifier (letters, digits, underscores)."""
    if not scope.isidentifier() or not scope.isascii():
        raise ValueError(f"version scope {scope!r} is not an identifier")
    _scoped[table] = (scope, tuple(columns) if columns is not None else None)


@dataclass(frozen=True)
class Watch:
    """One trigger: writes to `table` move `scope`. `update_columns` None: every update;
    empty: no update; otherwise updates of these columns. `rows`: inserts, deletes, truncates."""

    table: str
    scope: str
    update_columns: tuple[str, ...] | None = None
    rows: bool = True

    @property
    def name(self) -> str:
        return f"{TRIGGER_PREFIX}{self.scope}"


def _table_columns(table: str) -> list[str]:
    for model in apps.get_models(include_auto_created=True):
        if model._meta.db_table == table:
            return [field.column for field in model._meta.concrete_fields]
    return []


def watches() -> list[Watch]:
    """Every trigger the versions need, from the installed models (one place for the rules)."""
    # A table of an excluded app gets a trigger only when an app gave it a scope of its own
    # (the `auth` scope of the users' rights: lotse.core.auth).
    tables = sorted(
        {
            model._meta.db_table
            for model in apps.get_models(include_auto_created=True)
            if model._meta.managed
            and (model._meta.app_label not in EXCLUDED_APPS or model._meta.db_table in _scoped)
        }
        - EXCLUDED_TABLES
        - _excluded
    )
    result = []
    for table in tables:
        scope, columns = _scoped.get(table, (CONTENT, None))
        if columns is None:
            result.append(Watch(table, scope))
            continue
        others = tuple(column for column in _table_columns(table) if column not in columns)
        result.append(Watch(table, CONTENT, update_columns=others))
        result.append(Watch(table, scope, update_columns=columns, rows=False))
    return result


def scopes() -> list[str]:
    return sorted({CONTENT, *(scope for scope, _columns in _scoped.values())})


def _pg_events(watch: Watch) -> str:
    events = ["INSERT", "DELETE", "TRUNCATE"] if watch.rows else []
    if watch.update_columns is None:
        events.append("UPDATE")
    elif watch.update_columns:
        events.append("UPDATE OF " + ", ".join(f'"{c}"' for c in watch.update_columns))
    return " OR ".join(events)


def _sqlite_events(watch: Watch) -> list[tuple[str, str]]:
    """(name suffix, event clause) per SQLite trigger (row triggers, one event each)."""
    events = [("insert", "INSERT"), ("delete", "DELETE")] if watch.rows else []
    if watch.update_columns is None:
        events.append(("update", "UPDATE"))
    elif watch.update_columns:
        events.append(("update", "UPDATE OF " + ", ".join(f'"{c}"' for c in watch.update_columns)))
    return events


def install_triggers(connection: BaseDatabaseWrapper) -> None:
    """Create or replace every trigger of `watches()` on the tables that exist (idempotent)."""
    existing = set(connection.introspection.table_names())
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(PG_FUNCTION)
            for watch in watches():
                if watch.table not in existing:
                    continue
                cursor.execute(
                    f"CREATE OR REPLACE TRIGGER {watch.name} "
                    f'AFTER {_pg_events(watch)} ON "{watch.table}" FOR EACH STATEMENT '
                    f"EXECUTE FUNCTION core_bump_content_version('{watch.scope}')"
                )
        elif connection.vendor == "sqlite":
            for watch in watches():
                if watch.table not in existing:
                    continue
                for suffix, event in _sqlite_events(watch):
                    name = f'"{watch.table}__{watch.name}_{suffix}"'
                    body = SQLITE_BODY.format(scope=watch.scope)
                    cursor.execute(f"DROP TRIGGER IF EXISTS {name}")
                    cursor.execute(
                        f'CREATE TRIGGER {name} AFTER {event} ON "{watch.table}" BEGIN {body} END'
                    )
        else:
            raise NotImplementedError(f"No content version triggers for {connection.vendor}.")
        for table, name in stale_triggers(connection):
            if connection.vendor == "postgresql":
                cursor.execute(f'DROP TRIGGER IF EXISTS {name} ON "{table}"')
            else:
                cursor.execute(f'DROP TRIGGER IF EXISTS "{name}"')


def stale_triggers(connection: BaseDatabaseWrapper) -> list[tuple[str, str]]:
    """(table, trigger) of version triggers no watch wants any more (a table excluded later)."""
    if connection.vendor == "postgresql":
        wanted = {(watch.table, watch.name) for watch in watches()}
    else:
        wanted = {
            (watch.table, f"{watch.table}__{watch.name}_{suffix}")
            for watch in watches()
            for suffix, _event in _sqlite_events(watch)
        }
    return sorted(
        (table, name)
        for table, names in installed_triggers(connection).items()
        for name in names
        if (table, name) not in wanted
    )


def installed_triggers(connection: BaseDatabaseWrapper) -> dict[str, set[str]]:
    """Table → names of the content version triggers on it (for tests and checks)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT tgrelid::regclass::text, tgname FROM pg_trigger "
                "WHERE tgname LIKE %s AND NOT tgisinternal",
                [TRIGGER_PREFIX + "%"],
            )
        else:
            cursor.execute("SELECT tbl_name, name FROM sqlite_master WHERE type = 'trigger'")
        result: dict[str, set[str]] = {}
        for table, name in cursor.fetchall():
            if TRIGGER_PREFIX in name:
                result.setdefault(table.strip('"'), set()).add(name)
        return result


def versions_bump(*bump_scopes: str, using: str = "default") -> None:
    """Move the given scopes (all without arguments) explicitly: after `migrate`, and for
    writes the triggers cannot see (files, settings outside the database)."""
    connection = connections[using]
    with connection.cursor() as cursor:
        bump = counter_bump_sql(
            table=VERSION_TABLE, key_column="scope", key="%s", vendor=connection.vendor
        )
        for scope in bump_scopes or scopes():
            cursor.execute(bump, [scope])


def ensure_triggers(sender: object, using: str = "default", **kwargs: object) -> None:
    """post_migrate (once, for the core app): install the triggers and move every scope."""
    app_config = kwargs.get("app_config")
    if app_config is not None and getattr(app_config, "label", None) != "core":
        return
    connection = connections[using]
    if VERSION_TABLE in connection.introspection.table_names():
        install_triggers(connection)
        versions_bump(using=using)


T = TypeVar("T")
# The versions a read-only request pinned (the page cache does for the GETs it serves): read
# once, then the same for every versioned value the rendering asks for.
_pinned: ContextVar[dict[str, str] | None] = ContextVar("core_content_versions", default=None)


@contextmanager
def readings_pinned(pinned: ContextVar[dict[str, str] | None]) -> Iterator[None]:
    """Inside, `pinned` holds a dict in which the block's first readings of a version are kept
    for the rest of the block; inside another such block it keeps the outer one's dict. Shared
    by the content versions and the Tarif register version (`tariffs/versioning.py`)."""
    if pinned.get() is not None:
        yield
        return
    token = pinned.set({})
    try:
        yield
    finally:
        pinned.reset(token)


def versions_pinned() -> AbstractContextManager[None]:
    """For read-only requests (GET): the versions are read at their first use, then the same
    for the rest of the request. Inside another `versions_pinned` it keeps the outer one's."""
    return readings_pinned(_pinned)


def versions_are_pinned() -> bool:
    """Inside `versions_pinned` (a read-only request of the page cache)."""
    return _pinned.get() is not None


def current_versions(using: str = "default") -> dict[str, str]:
    """Scope → "counter-token" of every scope (one indexed read; once inside
    `versions_pinned`); a scope without a row is missing ("0-" in keys)."""
    pinned = _pinned.get()
    if pinned is None or using != "default":
        return _read_versions(using)
    if not pinned:
        pinned.update(_read_versions(using) or {"": ""})
    return pinned


def get_or_build(store: BaseCache, key: str, build: Callable[[], T], timeout: float | None) -> T:
    """The value under `key` in `store`, else `build()` stored there (`None` counts as missing,
    so `build` must not return it). Not `BaseCache.get_or_set`: that stores with `add` and
    reads the value back, a second round trip to Redis and a second unpickling in local
    memory on every miss."""
    value = store.get(key)
    if value is None:
        value = build()
        store.set(key, value, timeout)
    return value


def versioned(
    key: str, build: Callable[[], T], scopes: Iterable[str] = (CONTENT,), timeout: int = 3600
) -> T:
    """`build()`, kept in this process's memory (`CACHES["local"]`) under the versions of
    `scopes`: never stale, at worst rebuilt. For parts of pages that many renderings share
    (lists of pages, a topic field's overview, language links)."""
    full_key = f"versioned:{key}:{versions_key(current_versions(), scopes)}"
    return get_or_build(caches["local"], full_key, build, timeout)


def shared_versioned(
    key: str, build: Callable[[], T], timeout: int, scopes: Iterable[str] = (CONTENT,)
) -> T:
    """`build()`, kept in the shared cache (Redis in production) for at most `timeout` seconds
    under the versions of `scopes`. For results that are expensive to compute and feed pages the
    page cache keeps: a write makes them miss at once, so no stale result is stored again under
    the new version (which would keep it until the next write). `timeout` 0: not kept."""
    if not timeout:
        return build()
    full_key = f"shared-versioned:{key}:{versions_key(current_versions(), scopes)}"
    return get_or_build(cache, full_key, build, timeout)


def _health_check_pending(connection: BaseDatabaseWrapper) -> bool:
    """A reused connection that Django would test with its own statement (`SELECT 1`,
    `CONN_HEALTH_CHECKS`) before the next one of this request."""
    # Attributes of Django's BaseDatabaseWrapper since 4.1 that django-stubs does not declare.
    return (
        connection.connection is not None
        and connection.health_check_enabled  # type: ignore[attr-defined]
        and not connection.health_check_done  # type: ignore[attr-defined]
        and not connection.in_atomic_block
    )


def _read_versions(using: str = "default") -> dict[str, str]:
    """The versions; on a reused connection this read is also the request's health check.

    Django checks a connection kept between requests with a `SELECT 1` before the first
    statement of each request; for a page-cache hit the version read is the only statement, so
    that check was half of its database round trips. Here the read itself is the check: if
    the connection broke since the last request, the read fails, the connection is closed and
    the read repeated on a new one, as Django's check would have done before it (decision
    0022)."""
    connection = connections[using]
    if _health_check_pending(connection):
        connection.health_check_done = True  # type: ignore[attr-defined]
        try:
            return _select_versions(connection)
        except (InterfaceError, OperationalError):
            connection.close()
    return _select_versions(connection)


VERSIONS_SQL = "SELECT scope, version, token FROM core_contentversion"
db_logger = logging.getLogger("django.db.backends")
_VERSIONS_SQL_BYTES = VERSIONS_SQL.encode()


def _select_versions(connection: BaseDatabaseWrapper) -> dict[str, str]:
    raw = connection.connection
    if (
        connection.vendor == "postgresql"
        and raw is not None
        and hasattr(raw, "pgconn")  # psycopg 3
        and not connection.execute_wrappers
        # Django's cursor would test the connection first (`CONN_HEALTH_CHECKS`); where it
        # would, it goes first (`_read_versions` makes the read the check on a reused one).
        and (
            connection.health_check_done  # type: ignore[attr-defined]
            or not connection.health_check_enabled  # type: ignore[attr-defined]
        )
    ):
        return _select_versions_libpq(connection, raw.pgconn)
    with connection.cursor() as cursor:
        cursor.execute(VERSIONS_SQL)
        rows = cursor.fetchall()
    return {scope: f"{version}-{token}" for scope, version, token in rows}


def _select_versions_libpq(connection: BaseDatabaseWrapper, pgconn: Any) -> dict[str, str]:
    """The version read as one blocking libpq call on the connection Django keeps open
    (decision 0040): Django's cursor and psycopg's cursor and wait loop around the same
    statement cost four to five times the CPU of the call itself, on every page-cache hit.
    Django's checks of the connection's state, its error translation (which also marks the
    connection for the end-of-request check) and its query log (`CaptureQueriesContext`, the
    debug toolbar) stay; with `execute_wrappers` installed the read goes through the cursor."""
    connection.validate_thread_sharing()
    connection.validate_no_broken_transaction()
    logged = connection.queries_logged
    start = time.monotonic() if logged else 0.0
    with connection.wrap_database_errors:
        # psycopg's own "connection is closed" error when the connection was closed under it
        result = pgconn.exec_(_VERSIONS_SQL_BYTES)
        if result.status != pq.ExecStatus.TUPLES_OK:
            message = (result.error_message or pgconn.error_message).decode(errors="replace")
            if pgconn.status != pq.ConnStatus.OK:
                raise psycopg.OperationalError(message)
            raise psycopg.DatabaseError(message)
    if logged:  # as Django's debug cursor logs a statement
        duration = time.monotonic() - start
        connection.queries_log.append({"sql": VERSIONS_SQL, "time": f"{duration:.3f}"})
        db_logger.debug(
            "(%.3f) %s; args=%s; alias=%s", duration, VERSIONS_SQL, None, connection.alias
        )
    value = result.get_value
    return {
        value(row, 0).decode(): f"{value(row, 1).decode()}-{value(row, 2).decode()}"
        for row in range(result.ntuples)
    }


def versions_key(versions: dict[str, str], wanted: Iterable[str]) -> str:
    """The cache-key part for the scopes a page reads."""
    return ".".join(f"{scope}={versions.get(scope, '0-')}" for scope in sorted(wanted))
