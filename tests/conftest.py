import pytest
from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.core.management import call_command
from django.db import transaction
from django.test import Client

from lotse.demo.accounts import DEMO_PASSWORD


@pytest.fixture(autouse=True)
def _clear_cache():
    """Fresh caches for every test: rate-limit counters, Wagtail's site root paths, fragments."""
    for cache in caches.all():
        cache.clear()
    yield
    for cache in caches.all():
        cache.clear()


@pytest.fixture
def demo_site(db):
    """The portal's page tree (German and English) as `make run` loads it: initial + demo."""
    from lotse.demo.loaders import site_load

    site_load()


@pytest.fixture
def demo_users(db):
    from lotse.demo.accounts import load

    load()


@pytest.fixture(scope="module")
def demo_portal(django_db_setup, django_db_blocker):
    """Demo page tree and demo users, loaded once per test module instead of once per test.

    The data lives in a transaction around the whole module; every test runs in its own nested
    transaction (pytest-django's `db`) and the module's transaction is rolled back at its end.
    Only for tests with `db`, never with `transactional_db` or `live_server` (those flush).
    """
    from lotse.demo.accounts import load as load_users
    from lotse.demo.loaders import site_load as load_site

    with django_db_blocker.unblock(), transaction.atomic():
        load_site()
        load_users()
        yield
        transaction.set_rollback(True)


@pytest.fixture
def login():
    """A client logged in as one of the demo users: `login("redaktion")`."""

    def _login(username: str, **client_kwargs) -> Client:
        client = Client(**client_kwargs)
        user = get_user_model().objects.get(username=username)
        client.force_login(user)
        return client

    return _login


@pytest.fixture
def demo_password() -> str:
    return DEMO_PASSWORD


@pytest.fixture
def migrated(db):
    call_command("migrate", verbosity=0)


@pytest.fixture(scope="session", autouse=True)
def _serialized_contents_in_every_context(django_db_setup):
    """Give every connection wrapper the serialized test data, whatever context creates it.

    `django.db.connections` is context-local; Playwright's sync API runs the browser tests in
    greenlets, where Django hands out new wrappers without `_test_serialized_contents`. Their
    flush after a serialized live-server test then re-ran post_migrate (new group ids), and the
    next serialized test failed to restore the migrated data ("UNIQUE constraint failed").
    """
    from django.db import connections
    from django.db.utils import ConnectionHandler

    contents = {
        alias: getattr(connections[alias], "_test_serialized_contents", None)
        for alias in connections
    }
    original = ConnectionHandler.create_connection

    def create_connection(self, alias):
        connection = original(self, alias)
        if contents.get(alias) is not None:
            connection._test_serialized_contents = contents[alias]
        return connection

    ConnectionHandler.create_connection = create_connection
    yield
    ConnectionHandler.create_connection = original
