"""Browser tests: Playwright for Python drives Debian's Chromium against the live server.

Playwright's sync API runs an asyncio event loop in this thread for as long as the browser is
open, and Django's async-safety check then refuses every ORM call from the tests and fixtures.
DJANGO_ALLOW_ASYNC_UNSAFE switches that check off, but only while the browser runs: set for the
whole session it would leak into the other tests (`check --deploy` reports it as an error).
So Chromium is started by the first browser test and stopped after the last one in a row.
"""

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
E2E_DIR = Path(__file__).resolve().parent
ASYNC_UNSAFE = "DJANGO_ALLOW_ASYNC_UNSAFE"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}


def _is_e2e(item) -> bool:
    return E2E_DIR in Path(str(item.path)).parents


def _chromium_missing() -> str | None:
    if CHROMIUM.exists():
        return None
    return f"Browser tests need Debian's Chromium at {CHROMIUM} (apt install chromium)."


def _e2e_required() -> bool:
    return os.environ.get("LOTSE_E2E_REQUIRED") == "1"


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "without_javascript: the `page` of the test has JavaScript switched off"
    )


def pytest_collection_modifyitems(config, items):
    """Every test in tests/e2e/ is a browser test (`-m "not e2e"` leaves them out).

    Without Chromium they are skipped right here, before a test database is set up for them;
    with LOTSE_E2E_REQUIRED=1 (CI) the `browser` fixture fails them instead.
    """
    missing = _chromium_missing()
    for item in items:
        if _is_e2e(item):
            item.add_marker(pytest.mark.e2e)
            if missing and not _e2e_required():
                item.add_marker(pytest.mark.skip(reason=missing))


class _Chromium:
    """Playwright and its one Chromium, alive only while browser tests run."""

    playwright = None
    browser = None
    saved_env: str | None = None

    @classmethod
    def start(cls):
        if cls.browser is not None:
            return cls.browser
        missing = _chromium_missing()
        if missing:
            if _e2e_required():
                pytest.fail(f"{missing} LOTSE_E2E_REQUIRED=1 is set, so this is an error.")
            pytest.skip(missing)
        from playwright.sync_api import sync_playwright

        cls.saved_env = os.environ.get(ASYNC_UNSAFE)
        os.environ[ASYNC_UNSAFE] = "true"
        cls.playwright = sync_playwright().start()
        try:
            cls.browser = cls.playwright.chromium.launch(
                executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
            )
        except Exception:
            cls.stop()
            raise
        return cls.browser

    @classmethod
    def stop(cls) -> None:
        if cls.playwright is None:
            return
        try:
            if cls.browser is not None:
                cls.browser.close()
            cls.playwright.stop()
        finally:
            cls.browser = cls.playwright = None
            if cls.saved_env is None:
                os.environ.pop(ASYNC_UNSAFE, None)
            else:
                os.environ[ASYNC_UNSAFE] = cls.saved_env


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """After the fixtures of the last browser test in a row are torn down, close Chromium."""
    try:
        return (yield)
    finally:
        if _is_e2e(item) and (nextitem is None or not _is_e2e(nextitem)):
            _Chromium.stop()


def pytest_sessionfinish(session, exitstatus):
    _Chromium.stop()


@pytest.fixture
def browser():
    """The shared Chromium; skipped (or, with LOTSE_E2E_REQUIRED=1, failed) if not installed."""
    return _Chromium.start()


def _take_snapshot(connection):
    """A copy of the whole test database: SQLite's backup API (milliseconds), else serialized."""
    if connection.vendor == "sqlite":
        copy = sqlite3.connect(":memory:", check_same_thread=False)
        connection.connection.backup(copy)
        return copy
    return connection.creation.serialize_db_to_string()


def _restore_snapshot(connection, snapshot) -> None:
    if isinstance(snapshot, sqlite3.Connection):
        snapshot.backup(connection.connection)
    else:
        connection.creation.deserialize_db_from_string(snapshot)


def snapshot_restore_or_build(snapshots: dict[str, object], build: Callable[[], None]) -> None:
    """The first test `build`s its data for real and keeps a copy of the database in
    `snapshots`; the following tests restore the copy. The cache is cleared after either."""
    from django.core.cache import cache
    from django.db import connection

    if connection.alias not in snapshots:
        build()
        snapshots[connection.alias] = _take_snapshot(connection)
    else:
        _restore_snapshot(connection, snapshots[connection.alias])
    cache.clear()


# The database with the portal data, as the first test that needed it left it (see `e2e_site`).
_portal_snapshots: dict[str, object] = {}


@pytest.fixture
def e2e_site(transactional_db, django_db_serialized_rollback):
    """The page tree (initial content) and one factory account per role (`staff_users_create`,
    password `TEST_PASSWORD`), committed so the live server's thread sees them.

    `transactional_db` commits (the live server reads through its own thread) and flushes every
    table after the test; `django_db_serialized_rollback` brings back what the migrations created
    (root page, default site, locales, topic fields, roles) before each test, and keeps the flush
    from re-running post_migrate handlers.

    The first test runs the initial-content loader and the user factories for real. That takes
    seconds (every page is saved, revised, published and indexed), so the
    database is then copied, and the following tests restore the copy instead.
    """
    from django.core.cache import cache
    from django.db import connection

    from tests.conftest import initial_content_load
    from tests.core.factories import staff_users_create

    def build() -> None:
        staff_users_create()
        initial_content_load("content")

    # Cached site root paths and rate-limit counters must not outlive the flushed database.
    cache.clear()
    connection.ensure_connection()
    snapshot_restore_or_build(_portal_snapshots, build)


@pytest.fixture
def base_url(live_server, e2e_site) -> str:
    return live_server.url


@pytest.fixture
def context(browser, base_url, request):
    """A fresh browser context (cookies, storage) per test; without JavaScript for a test marked
    `without_javascript` (the no-JS paths)."""
    javascript = request.node.get_closest_marker("without_javascript") is None
    context = browser.new_context(base_url=base_url, locale="de-DE", java_script_enabled=javascript)
    context.set_default_timeout(10_000)
    yield context
    context.close()


@pytest.fixture
def page(context):
    return context.new_page()


@pytest.fixture
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


def screenshot_wide(page, artifacts: Path, path: str, name: str) -> None:
    """Open `path` at 1280 px once the fonts are ready and save a full-page screenshot."""
    page.set_viewport_size({"width": 1280, "height": 900})
    response = page.goto(path)
    assert response is not None
    assert response.ok
    page.evaluate("document.fonts.ready")
    page.screenshot(path=artifacts / f"{name}.png", full_page=True)


def assert_reflows_at_320px(page, artifacts: Path, path: str, name: str) -> None:
    """At 320 CSS pixels nothing may scroll sideways (WCAG 1.4.10 Reflow); saves a screenshot."""
    page.set_viewport_size({"width": 320, "height": 640})
    page.screenshot(path=artifacts / f"{name}-320px.png", full_page=True)
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= 320, f"{path} scrolls sideways at 320 px ({scroll_width} px wide)"


def assert_no_axe_violations(page, label: str, axe=None) -> None:
    """axe-core (bundled by axe-playwright-python) finds no WCAG 2.1 A/AA violation."""
    if axe is None:
        from axe_playwright_python.sync_playwright import Axe

        axe = Axe()
    results = axe.run(page, options=AXE_OPTIONS)
    assert results.violations_count == 0, f"axe on {label}:\n{results.generate_report()}"


@pytest.fixture(scope="session")
def axe():
    """One axe-core runner for the session (it holds the script, no state of a page)."""
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


def assert_no_violations(page, axe) -> None:
    """`assert_no_axe_violations` on the page as it is now, named by its address."""
    assert_no_axe_violations(page, page.url, axe)
