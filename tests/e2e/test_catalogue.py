"""The public catalogue in a real browser: search, two facets, open an offer; axe finds nothing."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import assert_no_axe_violations
from tests.offers.conftest import create_offer

TRAINING = "ausbildung-weiterbildung"
INTEGRATION = "integration-fachkraefteeinwanderung"


@pytest.fixture
def offers(base_url):
    """Published the way the back office does (revision, publish), after the site is set up."""
    handwerk = create_offer(
        title="Ausbildung im Handwerk",
        summary="Betriebliche Ausbildung in Dresdner Handwerksbetrieben.",
        description='Mit <script>document.title="pwned"</script> Begleitung.',
        topic_fields=[TRAINING],
        districts=["dresden"],
        publish=True,
    )
    create_offer(
        title="Ausbildung in Leipzig", topic_fields=[TRAINING], districts=["leipzig"], publish=True
    )
    create_offer(
        title="Ausbildung für Zugewanderte",
        topic_fields=[INTEGRATION],
        districts=["dresden"],
        publish=True,
    )
    create_offer(
        title="Pflegekurs",
        topic_fields=[TRAINING],
        statewide=True,
        languages=["de"],
        publish=True,
    )
    return handwerk


def test_search_filter_and_open_offer(page, offers):
    page.goto("/angebote/")
    assert_no_axe_violations(page, "catalogue")
    page.get_by_role("main").get_by_label("Suchbegriff").fill("Ausbildungen")
    page.get_by_role("main").get_by_role("button", name="Suchen").click()
    status = page.locator("#result-count")
    expect(status).to_contain_text("3 Angebote gefunden")
    expect(page).to_have_url(re.compile(r"q=Ausbildungen"))

    # Filter groups are closed disclosures until a value in them is chosen.
    expect(page.locator(f"#f-topic_field-{TRAINING}")).to_be_hidden()
    page.locator("summary", has_text="Themenfeld").click()
    page.locator(f"#f-topic_field-{TRAINING}").check()
    expect(status).to_contain_text("2 Angebote gefunden")
    page.locator("summary", has_text="Region").click()
    expect(page.locator("#fc-district-leipzig")).to_have_text("1")
    page.locator("#f-district-dresden").check()
    expect(status).to_contain_text("1 Angebot gefunden")
    # The focus stays on the ticked box although the options were replaced.
    expect(page.locator("#f-district-dresden")).to_be_focused()
    expect(page.locator("#f-district-dresden")).to_be_checked()
    expect(page).to_have_url(re.compile(r"district=dresden"))
    expect(page).to_have_url(re.compile(rf"topic_field={TRAINING}"))
    assert_no_axe_violations(page, "catalogue with filters")

    page.get_by_role("link", name="Ausbildung im Handwerk").click()
    expect(page).to_have_url(re.compile(rf"/angebote/{offers.slug}/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Ausbildung im Handwerk")
    # The script in the description is shown as text and never runs.
    expect(page.locator("article")).to_contain_text('<script>document.title="pwned"</script>')
    assert page.title() != "pwned"
    expect(page.get_by_role("heading", name="Ähnliche Angebote")).to_be_visible()
    assert_no_axe_violations(page, "offer detail")


@pytest.mark.without_javascript
def test_works_without_javascript(page, offers):
    page.goto("/angebote/")
    page.get_by_role("main").get_by_label("Suchbegriff").fill("Ausbildung")
    page.locator("summary", has_text="Region").click()
    page.locator("#f-district-dresden").check()
    page.get_by_role("button", name="Filter anwenden").click()
    expect(page).to_have_url(re.compile(r"q=Ausbildung.*district=dresden"))
    expect(page.locator("#result-count")).to_contain_text("2 Angebote gefunden")
    # The group with a chosen value is open after the page load.
    expect(page.locator("#f-district-dresden")).to_be_visible()
    expect(page.locator(f"#f-topic_field-{TRAINING}")).to_be_hidden()
    page.goto("/angebote/?q=Ausbildnug")
    expect(page.get_by_text("Meinten Sie")).to_be_visible()
    page.get_by_role("link", name="„Ausbildung“").click()
    expect(page.locator("#result-count")).to_contain_text("3 Angebote gefunden")


def test_counts_stay_current_after_a_filter_change(page, offers):
    """Issue 11/9: a value that drops to 0 disappears, one that comes back shows its count."""
    page.goto("/angebote/")
    page.locator("summary", has_text="Themenfeld").click()
    page.locator("summary", has_text="Region").click()
    expect(page.locator("#fc-district-leipzig")).to_have_text("2")
    page.locator(f"#f-topic_field-{INTEGRATION}").check()
    expect(page.locator("#result-count")).to_contain_text("1 Angebot gefunden")
    # Leipzig has no integration offer: its option is gone rather than showing "(2)".
    expect(page.locator("#f-district-leipzig")).to_have_count(0)
    expect(page.locator("#fc-district-dresden")).to_have_text("1")
    page.locator(f"#f-topic_field-{INTEGRATION}").uncheck()
    expect(page.locator("#fc-district-leipzig")).to_have_text("2")
    assert_no_axe_violations(page, "catalogue after filter changes")


def test_phone_shows_results_before_the_filter_values(browser, base_url, offers):
    """Issue 11/22: on a 390 px phone no checkbox stands between the search and the results."""
    context = browser.new_context(
        base_url=base_url, locale="de-DE", viewport={"width": 390, "height": 844}
    )
    try:
        page = context.new_page()
        page.goto("/angebote/")
        results = page.locator("#results-heading").bounding_box()
        checkboxes = page.locator("input[type=checkbox]")
        assert checkboxes.count() > 10
        visible = [item for item in checkboxes.all() if item.is_visible()]
        assert visible == []
        assert results["y"] < 2 * 844, results
        # The groups open by keyboard (no JavaScript needed for <details>).
        page.locator("summary", has_text="Sprache").press("Enter")
        expect(page.locator("#f-language-de")).to_be_visible()
        assert_no_axe_violations(page, "catalogue on a phone")
    finally:
        context.close()
