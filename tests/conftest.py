import pytest
from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from django.utils import translation

from lotse.tariffs.cache import forget_tables
from tests.core.factories import TEST_PASSWORD, client_for, role_user, staff_users_create


@pytest.fixture
def in_german():
    """German is active during the test (a request to /en/ before may have left English active
    in the thread); modules and apps that render German text use it for every test."""
    with translation.override("de"):
        yield


@pytest.fixture(autouse=True)
def _clear_cache():
    """Fresh caches for every test: rate-limit counters, Wagtail's site root paths, fragments,
    the Tarif register's small tables."""
    for cache in caches.all():
        cache.clear()
    forget_tables()
    yield
    for cache in caches.all():
        cache.clear()
    forget_tables()


def initial_content_load(*apps: str, state: str = "sn") -> None:
    """The initial content (real product data, no people) of some apps, as `load_initial_content`
    loads it: `initial_content_load("content")` for the page tree, "network" for the real actors,
    "tariffs" for the sector minimum wages."""
    from importlib import import_module

    from lotse.core.initial import LoadReport

    for app in apps or ("content", "network", "tariffs"):
        import_module(f"lotse.{app}.initial").load(state=state, report=LoadReport())


@pytest.fixture
def site_pages(db):
    """The portal's page tree (German and English) from the initial content."""
    initial_content_load("content")


@pytest.fixture
def staff_users(db) -> dict:
    """One account per role, by username: admin (superuser), redaktion, tarifregister,
    veranstaltung, lotsendienst, partner (a partner without membership)."""
    return staff_users_create()


@pytest.fixture
def actors(db):
    """The real actors of the Saxon network and their cooperations (initial content)."""
    initial_content_load("network")


@pytest.fixture
def tariff_register(db) -> dict:
    """The register as an installation has it (initial content: sector minimum wages, the gap,
    the Saxon AVE cases) plus the three sample agreements of `sample_agreements_create`
    (tests/tariffs/factories.py), returned by name: metal, hotel, confidential."""
    from tests.tariffs.factories import sample_agreements_create

    initial_content_load("tariffs")
    return sample_agreements_create()


@pytest.fixture
def portal(site_pages, staff_users) -> dict:
    """Initial page tree plus one staff account per role (the accounts are returned)."""
    return staff_users


@pytest.fixture(scope="module")
def portal_module(django_db_setup, django_db_blocker):
    """`portal` loaded once per test module instead of once per test.

    The data lives in a transaction around the whole module; every test runs in its own nested
    transaction (pytest-django's `db`) and the module's transaction is rolled back at its end.
    Only for tests with `db`, never with `transactional_db` or `live_server` (those flush).
    """
    with django_db_blocker.unblock(), transaction.atomic():
        initial_content_load("content")
        staff_users_create()
        yield
        transaction.set_rollback(True)


@pytest.fixture
def login():
    """A client logged in as an existing user by username: `login("redaktion")`."""

    def _login(username: str, **client_kwargs) -> Client:
        user = get_user_model().objects.get(username=username)
        return client_for(user, **client_kwargs)

    return _login


@pytest.fixture
def role_client(db):
    """A client logged in as a new account of a role: `role_client("Redaktion")`."""

    def _client(role: str, **client_kwargs) -> Client:
        return client_for(role_user(role), **client_kwargs)

    return _client


@pytest.fixture
def user_password() -> str:
    """The password of every factory account (for tests that log in through the form)."""
    return TEST_PASSWORD


@pytest.fixture
def demo_password(user_password) -> str:
    """Deprecated alias of `user_password`."""
    return user_password


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


@pytest.fixture
def flaky(settings):
    """Mail through a backend that fails after `flaky.works_for` mails (None: never)."""
    from tests.flaky_mail import FlakyBackend

    settings.EMAIL_BACKEND = "tests.flaky_mail.FlakyBackend"
    FlakyBackend.works_for = None
    FlakyBackend.handed_over = 0
    yield FlakyBackend
    FlakyBackend.works_for = None
