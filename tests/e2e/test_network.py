"""Network pages in the browser: no axe violations, search without JavaScript, screenshots."""

from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import (
    assert_no_axe_violations,
    assert_reflows_at_320px,
    screenshot_wide,
    snapshot_restore_or_build,
)

# The database with the portal *and* the network, as the first test here left it.
_network_snapshots: dict[str, object] = {}


@pytest.fixture
def network_site(e2e_site):
    """`e2e_site` (accounts and pages) plus the real actors of the network (initial content) and
    a public and an internal contact of the IHK Chemnitz (factories). Like `e2e_site`, the first
    test loads for real and the others restore a copy of the database.
    """
    from lotse.network.models import Actor
    from tests.conftest import initial_content_load
    from tests.network.factories import ContactFactory

    def build() -> None:
        initial_content_load("network")
        ihk = Actor.objects.get(slug="ihk-chemnitz")
        ContactFactory(actor=ihk, name="Petra Beispiel", role="Koordination", is_public=True)
        ContactFactory(actor=ihk, name="Jonas Muster", role="Beratung", is_public=False)

    snapshot_restore_or_build(_network_snapshots, build)


@pytest.fixture
def base_url(live_server, network_site) -> str:
    return live_server.url


PAGES = [
    pytest.param("/netzwerk/", id="directory"),
    pytest.param("/netzwerk/?q=Anerkennung&kreis=chemnitz", id="directory-filtered"),
    pytest.param("/netzwerk/?q=gibtesnicht", id="directory-empty"),
    pytest.param("/netzwerk/ihk-chemnitz/", id="actor"),
    pytest.param("/netzwerk/struktur/", id="structure"),
    pytest.param("/en/netzwerk/", id="directory-en"),
]


@pytest.mark.parametrize("path", PAGES)
def test_no_axe_violations(page, path):
    response = page.goto(path)
    assert response is not None
    assert response.status == 200
    assert_no_axe_violations(page, path)


def test_filtered_directory_shows_results(page):
    page.goto("/netzwerk/?q=Anerkennung&kreis=chemnitz")
    expect(page.get_by_role("heading", level=2, name="Akteure gefunden")).to_be_visible()
    assert page.locator(".network-results > li").count() > 0
    expect(page.locator("#network-q")).to_have_value("Anerkennung")
    expect(page.locator('input[name="kreis"][value="chemnitz"]')).to_be_checked()


@pytest.mark.without_javascript
def test_search_and_facet_without_javascript(page):
    """Keyboard only, JavaScript off: type a word, tick a facet, submit, open an actor."""
    page.goto("/netzwerk/")
    total_before = page.locator(".network-results > li").count()
    assert total_before > 0

    search = page.get_by_role("main").get_by_label("Suchbegriff")
    search.press_sequentially("Anerkennung")
    checkbox = page.locator('input[name="kreis"][value="chemnitz"]')
    checkbox.press("Space")
    expect(checkbox).to_be_checked()
    with page.expect_navigation():
        page.get_by_role("button", name="Filter anwenden").press("Enter")

    params = parse_qs(urlparse(page.url).query)
    assert params.get("q") == ["Anerkennung"]
    assert params.get("kreis") == ["chemnitz"]
    expect(page.locator("#network-q")).to_have_value("Anerkennung")
    expect(page.locator('input[name="kreis"][value="chemnitz"]')).to_be_checked()
    results = page.locator(".network-results > li")
    assert results.count() > 0
    expect(page.get_by_role("link", name="Alle Filter zurücksetzen")).to_be_visible()

    link = results.first.get_by_role("link").first
    name = link.inner_text().strip()
    link.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert urlparse(page.url).path.startswith("/netzwerk/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    heading = page.get_by_role("heading", level=1).inner_text().strip()
    assert name in heading or heading in name


SCREENSHOTS = [
    pytest.param("/netzwerk/", "network-directory", id="directory"),
    pytest.param("/netzwerk/ihk-chemnitz/", "network-actor", id="actor"),
    pytest.param("/netzwerk/struktur/", "network-structure", id="structure"),
]


@pytest.mark.parametrize(("path", "name"), SCREENSHOTS)
def test_screenshot_and_reflow(page, artifacts, path, name):
    screenshot_wide(page, artifacts, path, name)

    assert_reflows_at_320px(page, artifacts, path, name)
