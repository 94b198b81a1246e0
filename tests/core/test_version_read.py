"""The version read of a request is also its connection's health check (decision 0022).

Django tests a connection kept between requests with `SELECT 1` before the first statement of
each request (`CONN_HEALTH_CHECKS`); for a page-cache hit the version read is the only
statement, so `current_versions` makes that read the check: one round trip instead of two,
and a connection that broke between requests is still replaced before it is used.
"""

from unittest import mock

import pytest
from django.db import (
    DatabaseError,
    InterfaceError,
    OperationalError,
    connection,
    connections,
    transaction,
)
from django.test.utils import CaptureQueriesContext

from lotse.core import versioning

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# SQLite's test database lives in memory: closing its connection would drop the database for
# every later test of the worker. A server that went away is a PostgreSQL situation anyway.
needs_server = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="closing an in-memory SQLite database drops it"
)


@pytest.fixture
def reused_connection():
    """The default connection as a request finds it after `close_old_connections`: open,
    health checks on, not checked yet in this request."""
    connection = connections["default"]
    connection.ensure_connection()
    enabled = connection.health_check_enabled
    connection.health_check_enabled = True
    connection.health_check_done = False
    yield connection
    connection.health_check_enabled = enabled


def stored_versions() -> dict[str, str]:
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT scope, version, token FROM core_contentversion")
        return {scope: f"{version}-{token}" for scope, version, token in cursor.fetchall()}


def test_the_version_read_is_the_only_statement_on_a_reused_connection(reused_connection):
    expected = stored_versions()
    reused_connection.health_check_done = False
    with (
        mock.patch.object(
            type(reused_connection), "is_usable", autospec=True, return_value=True
        ) as is_usable,
        versioning.versions_pinned(),
    ):
        versions = versioning.current_versions()
        # The rest of the request does not check again either.
        with reused_connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    assert versions == expected
    assert not is_usable.called
    assert reused_connection.health_check_done


@needs_server
def test_a_connection_broken_between_requests_is_replaced(reused_connection):
    expected = stored_versions()
    reused_connection.health_check_done = False
    broken = reused_connection.connection
    broken.close()  # the server went away since the last request
    with versioning.versions_pinned():
        assert versioning.current_versions() == expected
    assert reused_connection.connection is not broken
    assert not reused_connection.errors_occurred


@needs_server
def test_a_broken_connection_would_fail_the_read_without_the_check(reused_connection):
    """Control: Django's own check is what replaced the connection before (the test above
    can fail): without it, the read on the broken connection raises."""
    reused_connection.health_check_enabled = False
    reused_connection.connection.close()
    with pytest.raises((InterfaceError, OperationalError)):
        stored_versions()
    reused_connection.close()


# --- The read as one libpq call (decision 0040) -------------------------------------------------

needs_psycopg = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the libpq call is PostgreSQL's (psycopg 3)"
)


@needs_psycopg
def test_the_read_bypasses_the_cursor_but_is_logged_as_a_query(reused_connection):
    expected = stored_versions()
    reused_connection.health_check_done = True
    with (
        mock.patch.object(type(reused_connection), "cursor", side_effect=AssertionError),
        CaptureQueriesContext(reused_connection) as context,
    ):
        assert versioning._read_versions() == expected
    assert [query["sql"] for query in context.captured_queries] == [versioning.VERSIONS_SQL]


@needs_psycopg
def test_execute_wrappers_see_the_read(reused_connection):
    """Code that wraps every statement (`connection.execute_wrapper`) still sees this one."""
    seen = []

    def wrapper(execute, sql, params, many, context):
        seen.append(sql)
        return execute(sql, params, many, context)

    reused_connection.health_check_done = True
    with reused_connection.execute_wrapper(wrapper):
        assert versioning._read_versions() == stored_versions()
    assert seen[0] == versioning.VERSIONS_SQL


@needs_psycopg
def test_a_failed_read_raises_djangos_error_and_marks_the_connection(reused_connection):
    """A statement that fails on the server (here: in a transaction the server aborted) raises
    Django's DatabaseError, and the connection is checked at the end of the request."""
    reused_connection.health_check_done = True
    with transaction.atomic():
        with pytest.raises(DatabaseError), reused_connection.cursor() as cursor:
            cursor.execute("SELECT 1 / 0")
        reused_connection.errors_occurred = False
        reused_connection.needs_rollback = False  # Django's own check would refuse first
        with pytest.raises(DatabaseError, match="aborted"):
            versioning._read_versions()
        assert reused_connection.errors_occurred
        reused_connection.needs_rollback = True
