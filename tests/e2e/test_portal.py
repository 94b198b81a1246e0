"""Ways through the portal in a real browser: the home page's entry points, a topic-field page
and the portal search (hits, no hits, bad input) have no axe violations, reflow at 390 px,
work by keyboard only and without JavaScript."""

import pytest
from playwright.sync_api import expect

from lotse.core.models import TopicField
from lotse.guidance.loader import load_check_version
from tests.e2e.conftest import assert_no_violations, screenshot_wide
from tests.events.factories import EventFactory
from tests.network.factories import ActorFactory
from tests.offers.conftest import create_offer
from tests.tariffs.factories import register_agreement

TOPIC = "ausbildung-weiterbildung"
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def portal_data(e2e_site):
    load_check_version()
    create_offer(title="Lehrwerkstatt für Zerspanung", topic_fields=[TOPIC])
    create_offer(title="Lehrwerkstatt im Verbund", topic_fields=[TOPIC])
    ActorFactory(name="Lehrwerkstatt Verbund Sachsen", topic_fields=[TOPIC])
    event = EventFactory(title="Lehrwerkstatt-Forum Chemnitz", slug="lehrwerkstatt-forum")
    event.topic_fields.add(TopicField.objects.get(slug=TOPIC))
    event.save()
    register_agreement("T-LW-1", title="Tarifvertrag Lehrwerkstätten Sachsen")


@pytest.fixture
def base_url(live_server, portal_data) -> str:
    return live_server.url


PAGES = [
    pytest.param("/", id="home"),
    pytest.param("/en/", id="home-en"),
    pytest.param(f"/wissen/{TOPIC}/", id="topic"),
    pytest.param("/suche/?q=Lehrwerkstatt", id="search-hits"),
    pytest.param("/suche/?q=Lehrwerkstatt&bereich=angebote", id="search-group"),
    pytest.param("/suche/?q=gibtesnichtwort", id="search-no-hits"),
    pytest.param("/suche/?q=und+der", id="search-stop-words"),
    pytest.param("/suche/?q=Lehr%00werk%0D%0Astatt" + "x" * 300, id="search-bad-input"),
    pytest.param("/suche/", id="search-empty"),
    pytest.param("/en/suche/?q=Lehrwerkstatt", id="search-en"),
]


@pytest.mark.parametrize("path", PAGES)
def test_no_axe_violations_wide_and_at_390px(page, axe, path):
    response = page.goto(path)
    assert response is not None
    assert response.status == 200
    assert_no_violations(page, axe)
    page.set_viewport_size(PHONE)
    page.reload()
    assert_no_violations(page, axe)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{path} scrolls sideways at 390 px ({width} px)"


def test_search_results_group_counts(page):
    page.goto("/suche/?q=Lehrwerkstatt")
    expect(page.locator("h1")).to_have_text("Suche im Portal")
    groups = page.get_by_role("navigation", name="Treffer nach Bereichen")
    expect(groups).to_contain_text("Angebote (2)")
    expect(groups).to_contain_text("Akteure im Netzwerk (1)")
    expect(groups).to_contain_text("Veranstaltungen (1)")
    expect(groups).to_contain_text("Tarifverträge (1)")


def test_header_search_by_keyboard(page, artifacts):
    page.set_viewport_size(PHONE)
    page.goto("/")
    box = page.locator("#header-search-q")
    for _ in range(8):
        page.keyboard.press("Tab")
        if box.evaluate("el => el === document.activeElement"):
            break
    expect(box).to_be_focused()
    page.keyboard.type("Lehrwerkstatt")
    page.keyboard.press("Enter")
    expect(page).to_have_url("/suche/?q=Lehrwerkstatt")
    expect(page.get_by_role("heading", level=2).first).to_contain_text("Treffer")
    page.screenshot(path=artifacts / "portal-search-390px.png", full_page=True)
    # the group links jump to their section; a hit is reached and followed by keyboard
    link = page.get_by_role("link", name="Lehrwerkstatt für Zerspanung")
    link.press("Enter")
    expect(page.locator("h1")).to_have_text("Lehrwerkstatt für Zerspanung")


def test_home_entry_points_by_keyboard(page):
    page.goto("/")
    link = page.get_by_role("link", name="Wegweiser-Check starten")
    link.press("Enter")
    expect(page).to_have_url("/wegweiser/")


@pytest.mark.without_javascript
def test_search_without_javascript(page):
    page.goto(f"/wissen/{TOPIC}/")
    expect(page.get_by_role("link", name="Lehrwerkstatt-Forum Chemnitz")).to_be_visible()
    page.locator("#header-search-q").fill("Lehrwerkstatt")
    page.locator(".lotse-header-search button").click()
    expect(page).to_have_url("/suche/?q=Lehrwerkstatt")
    page.locator("#id_q").fill("gibtesnichtwort")
    page.locator(".lotse-search__form button").click()
    expect(page.get_by_role("heading", level=2)).to_contain_text("Keine Treffer")


@pytest.mark.parametrize(
    ("path", "name"),
    [
        ("/", "portal-home"),
        (f"/wissen/{TOPIC}/", "portal-topic"),
        ("/suche/?q=Lehrwerkstatt", "portal-search"),
    ],
)
def test_screenshots(page, artifacts, path, name):
    screenshot_wide(page, artifacts, path, name)
