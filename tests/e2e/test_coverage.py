"""The coverage page (Versorgungslandkarte) in a real browser: axe finds nothing, and the topic
form works without JavaScript (a plain GET that redraws the map for the chosen topic field)."""

import re

import pytest
from django.core.cache import cache
from playwright.sync_api import expect

from tests.e2e.conftest import assert_no_axe_violations
from tests.offers.conftest import create_offer

TRAINING = "ausbildung-weiterbildung"
INTEGRATION = "integration-fachkraefteeinwanderung"


@pytest.fixture
def offers(base_url):
    """Three regional offers (Dresden twice, Leipzig once), one statewide, one online."""
    create_offer(title="Ausbildung im Handwerk", topic_fields=[TRAINING], districts=["dresden"])
    create_offer(
        title="Ausbildung in Leipzig", topic_fields=[TRAINING], districts=["leipzig", "dresden"]
    )
    create_offer(title="Willkommen in Dresden", topic_fields=[INTEGRATION], districts=["dresden"])
    create_offer(title="Landesweite Hotline", topic_fields=[TRAINING], statewide=True)
    create_offer(title="Online-Sprechstunde", topic_fields=[INTEGRATION], online=True)
    # The page reads a cached matrix; it must be computed from these offers.
    cache.clear()


def _map_label(page, district):
    """The map's text label of one district ("Leipzig: …", not "Landkreis Leipzig: …")."""
    return page.locator("svg.lotse-coverage-map text", has_text=re.compile(rf"^{district}:"))


def _row(page, name):
    return page.locator("table tbody tr").filter(
        has=page.get_by_role("rowheader", name=name, exact=True)
    )


def test_coverage_page_has_no_axe_violations(page, offers):
    page.goto("/angebote/abdeckung/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Versorgungslandkarte")
    expect(page.get_by_role("table")).to_be_visible()
    assert_no_axe_violations(page, "coverage")

    page.goto(f"/angebote/abdeckung/?thema={TRAINING}")
    expect(page.locator("#id_thema")).to_have_value(TRAINING)
    expect(page.locator("#coverage-map-title")).to_contain_text("Aus- und Weiterbildung")
    assert_no_axe_violations(page, f"coverage ?thema={TRAINING}")


@pytest.mark.without_javascript
def test_topic_form_works_without_javascript(page, offers):
    page.goto("/angebote/abdeckung/")
    dresden_label = _map_label(page, "Dresden")
    # All topic fields: the three regional offers in Dresden.
    expect(dresden_label).to_have_text("Dresden: 3")
    expect(_row(page, "Dresden").locator("td").last).to_have_text("3")
    expect(page.locator("#coverage-map-desc")).to_contain_text("Dresden: 3.")

    page.locator("#id_thema").select_option(INTEGRATION)
    page.get_by_role("button", name="Karte anzeigen").click()

    expect(page).to_have_url(re.compile(rf"\?thema={INTEGRATION}#karte$"))
    expect(page.locator("#id_thema")).to_have_value(INTEGRATION)
    expect(page.locator("#coverage-map-title")).to_contain_text("Integration")
    # Only one of the Dresden offers is about integration; Leipzig has none (a gap).
    expect(dresden_label).to_have_text("Dresden: 1")
    expect(_map_label(page, "Leipzig")).to_have_text("Leipzig: Lücke")
    expect(page.locator("#coverage-map-desc")).to_contain_text("Dresden: 1.")
