"""The Tarifauskunft in a real browser: axe on every page, keyboard only, without JavaScript."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}


@pytest.fixture
def register(base_url):
    from lotse.tariffs.demo import load

    load()
    return base_url


def _axe(page, label):
    results = Axe().run(page, options=AXE_OPTIONS)
    assert results.violations_count == 0, f"axe on {label}:\n{results.generate_report()}"


@pytest.mark.parametrize(
    "path",
    [
        "/tarifauskunft/",
        "/tarifauskunft/auskunft/?q=Friseur&stand=2010-01-01",
        "/tarifauskunft/auskunft/?wz=43.99.1&stand=2025-11-15",
        "/tarifauskunft/auskunft/?wz=99.99.9",
        "/en/tarifauskunft/auskunft/?q=Pflege&stand=2025-08-01",
        "/tarifauskunft/lohncheck/",
        "/tarifauskunft/lohncheck/?betrag=2000&einheit=monthly&stunden=40&q=Pflege&stand=2025-08-01",
        "/tarifauskunft/lohncheck/?betrag=-1&einheit=monthly",
        "/tarifauskunft/ausbildungsverguetung/",
        "/tarifauskunft/ausbildungsverguetung/?beginn=2025&jahr=3&verguetung=900",
    ],
)
def test_no_axe_violations(page, register, path):
    response = page.goto(path)
    assert response is not None and response.status in (200, 400)
    _axe(page, path)


def test_lookup_by_keyboard(page, register):
    page.goto("/tarifauskunft/")
    page.keyboard.press("Tab")  # skip link first
    for _step in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "id_q":
            break
    page.keyboard.type("Friseur")
    page.keyboard.press("Enter")
    expect(page.locator(".tariffs-answer")).to_contain_text(
        "Lohntarifvertrag Friseurhandwerk Sachsen"
    )
    expect(page.locator("#tariffs-note")).to_contain_text("keine Rechtsberatung")
    # the PDF link is reachable by keyboard as well
    page.locator(".tariffs-actions a").last.focus()
    assert page.evaluate("document.activeElement.textContent") == "Als PDF"


def test_checks_without_javascript(browser, register):
    context = browser.new_context(base_url=register, locale="de-DE", java_script_enabled=False)
    page = context.new_page()
    page.goto("/tarifauskunft/lohncheck/")
    page.fill("#id_betrag", "2.000")
    page.check("#id_einheit_1")
    page.fill("#id_stunden", "40")
    page.fill("#id_stand", "2025-03-01")
    page.click("button[type=submit]")
    expect(page.locator(".tariffs-arithmetic")).to_contain_text("173,33")
    assert "betrag=2.000" in page.url
    page.goto("/tarifauskunft/ausbildungsverguetung/")
    page.fill("#id_beginn", "2025")
    page.select_option("#id_jahr", "3")
    page.fill("#id_verguetung", "950")
    page.click("button[type=submit]")
    expect(page.locator(".tariffs-arithmetic")).to_contain_text("921,00")
    page.goto("/tarifauskunft/ausbildungsverguetung/?beginn=abc&jahr=1&verguetung=1")
    expect(page.locator("#form-errors")).to_contain_text("Jahr als Zahl")
    context.close()
