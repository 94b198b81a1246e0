"""District profiles and press releases in a real browser: axe finds nothing (WCAG 2.1 AA), the
pages work without JavaScript, keyboard focus reaches the links, and nothing scrolls sideways on
a 390 px phone."""

from decimal import Decimal

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import timezone
from playwright.sync_api import expect

from lotse.core import roles
from lotse.core.models import ActorType, Region
from lotse.figures.services import press_release_draft_from_event
from tests.core.factories import role_user
from tests.events.factories import EventFactory, RegistrationFactory, SiteFactory
from tests.figures.factories import IndicatorFactory, inquiry_facts
from tests.network.factories import ActorFactory
from tests.offers.conftest import create_offer

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}


def _axe(page, label):
    results = Axe().run(page, options=AXE_OPTIONS)
    assert results.violations_count == 0, f"axe on {label}:\n{results.generate_report()}"


def _no_sideways_scroll(page, width=390):
    page.set_viewport_size({"width": width, "height": 800})
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= width, f"{page.url} scrolls sideways at {width} px ({scroll_width})"


@pytest.fixture
def figures(base_url):
    for period, value in (("2025-07", 22900), ("2025-08", 22691), ("2025-09", 22282)):
        IndicatorFactory(key="arbeitslose", ags="14612", period=period, value=value)
    for ags, rate in (("14612", "7.2"), ("14511", "9.8"), ("14713", "8.8")):
        IndicatorFactory(ags=ags, period="2025-08", value=Decimal(rate))
    ActorFactory(districts=["dresden"], type_slug="kammer")
    create_offer(
        title="Ausbildung in Dresden",
        topic_fields=["ausbildung-weiterbildung"],
        districts=["dresden"],
    )
    event = EventFactory(title="Forum Dresden", sites=())
    SiteFactory(event=event, name="Dresden", district=Region.objects.get(slug="dresden"))
    # Inquiries from Dresden: six companies are shown, three from abroad are suppressed.
    month = timezone.localdate().replace(day=1)
    inquiry_facts(6, month=month, topic_field="ausbildung-weiterbildung")
    inquiry_facts(3, month=month, requester_type="ausland")


@pytest.fixture
def release(base_url):
    event = EventFactory(
        title="Netzwerktreffen Fachkräfte", sites=[("Chemnitz", 80), ("Online", None)]
    )
    sites = list(event.sites.order_by("sort_order"))
    kammer = ActorType.objects.get(slug="kammer")
    for index in range(12):
        RegistrationFactory(
            site=sites[index % 2],
            actor_type=kammer,
            checked_in_at=timezone.now() if index < 10 else None,
        )
    editor = role_user(roles.EDITORS)
    page = press_release_draft_from_event(event=event, user=editor)
    page.subtitle = "Zehn Teilnehmende vor Ort und im Livestream"
    page.background = "<p>Das Zentrum vernetzt die Akteure der Fachkräftesicherung.</p>"
    page.links = [
        {"type": "link", "value": {"title": "Veranstaltungen", "url": "https://example.org/"}}
    ]
    page.save_revision(user=editor).publish(user=editor)
    page.refresh_from_db()
    return page


def test_district_pages_have_no_axe_violations(page, figures):
    page.goto("/regionen/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Regionen")
    expect(page.get_by_role("img", name="Arbeitslosenquote", exact=False)).to_be_visible()
    _axe(page, "/regionen/")
    _no_sideways_scroll(page)
    page.goto("/regionen/dresden/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Dresden")
    expect(page.get_by_role("img", name="Arbeitslose, Dresden", exact=False)).to_be_visible()
    inquiries = page.get_by_role("table", name="Anfragen aus diesem Kreis")
    expect(inquiries).to_contain_text("weniger als 5")
    expect(inquiries.get_by_role("row", name="Betrieb oder Unternehmen")).to_contain_text("6")
    _axe(page, "/regionen/dresden/")
    _no_sideways_scroll(page)
    page.goto("/regionen/bautzen/")
    _axe(page, "/regionen/bautzen/")


@pytest.mark.without_javascript
def test_district_pages_work_without_javascript_and_by_keyboard(page, base_url, figures):
    page.goto("/regionen/")
    page.get_by_role("link", name="Dresden", exact=True).first.click()
    expect(page).to_have_url(f"{base_url}/regionen/dresden/")
    expect(page.get_by_role("cell", name="22.282")).to_be_visible()
    expect(page.get_by_text("Forum Dresden")).to_be_visible()
    # the scrollable tables are reachable by keyboard
    region = page.get_by_role("region", name="Aktuelle Arbeitsmarktzahlen mit Quelle")
    region.focus()
    expect(region).to_be_focused()


def test_press_list_and_release_have_no_axe_violations(page, release):
    index = release.get_parent()
    page.goto(index.url)
    expect(page.get_by_role("heading", level=1)).to_have_text("Medieninformationen")
    _axe(page, "press list")
    _no_sideways_scroll(page)
    page.get_by_role("link", name=release.title).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(release.title)
    expect(page.get_by_role("heading", name="Hintergrund")).to_be_visible()
    _axe(page, "press release")
    _no_sideways_scroll(page)


@pytest.mark.without_javascript
def test_press_release_without_javascript(page, release):
    page.goto(release.url)
    expect(page.get_by_role("table", name="Teilnahme insgesamt")).to_be_visible()
    # The PDF is rendered on request: Playwright's own 30 s, not the 10 s of the page steps.
    with page.expect_download(timeout=30_000) as download:
        page.get_by_role("link", name="Medieninformation als PDF").click(timeout=30_000)
    assert download.value.suggested_filename.endswith(".pdf")
