"""The public Tarif inquiry form in a real browser: axe (form, error state, confirmation),
keyboard only, and without JavaScript."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core import mail
from playwright.sync_api import expect

from lotse.desk.models import Inquiry

from .conftest import assert_reflows_at_320px

URL = "/tarifauskunft/anfrage/"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}


@pytest.fixture(scope="module")
def axe() -> Axe:
    return Axe()


def assert_no_violations(page, axe):
    results = axe.run(page, options=AXE_OPTIONS)
    assert results.violations_count == 0, f"axe on {page.url}:\n{results.generate_report()}"


def fill_valid(page):
    page.get_by_label("Branche", exact=False).first.fill("Friseurhandwerk")
    page.get_by_label("Entgelt, Lohn und Gehalt").check()
    page.get_by_label("Ihre Frage").fill("Welcher Mindestlohn gilt im Friseurhandwerk?")
    page.get_by_label("Name").fill("Erika Mustermann")
    page.get_by_label("E-Mail-Adresse").fill("erika@example.org")
    page.get_by_label("Ich willige ein").check()


@pytest.mark.parametrize("path", [URL, "/en" + URL])
def test_form_error_state_and_confirmation_have_no_axe_violations(page, axe, path):
    response = page.goto(path)
    assert response is not None
    assert response.status == 200
    assert_no_violations(page, axe)

    page.locator("main button[type=submit]").click()
    expect(page.locator("#error-summary")).to_be_visible()
    expect(page.locator("[aria-invalid=true]").first).to_be_visible()
    assert_no_violations(page, axe)

    if path == URL:
        fill_valid(page)
    else:
        page.get_by_label("Sector").fill("Hairdressing")
        page.get_by_label("Pay and wages").check()
        page.get_by_label("Your question").fill("Which minimum wage applies?")
        page.get_by_label("Name").fill("Erika Mustermann")
        page.get_by_label("E-mail address").fill("erika@example.org")
        page.get_by_label("I consent").check()
    page.locator("main button[type=submit]").click()
    expect(page.locator("#reference")).to_have_text(Inquiry.objects.get().reference)
    assert_no_violations(page, axe)


def test_keyboard_only(page):
    page.goto(URL)
    page.get_by_label("Branche", exact=False).first.press_sequentially("Gebäudereinigung")
    page.keyboard.press("Tab")  # WZ code
    page.keyboard.type("81.21")
    page.keyboard.press("Tab")  # first radio of the question kind
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.type("Ist der Tarifvertrag allgemeinverbindlich?")
    page.keyboard.press("Tab")
    page.keyboard.type("Jonas Muster")
    page.keyboard.press("Tab")
    page.keyboard.type("jonas@example.org")
    page.keyboard.press("Tab")  # phone
    page.keyboard.press("Tab")  # organisation
    page.keyboard.press("Tab")  # consent
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.type")
    assert focused == "submit"
    page.keyboard.press("Enter")
    expect(page.locator("#reference")).to_be_visible()
    inquiry = Inquiry.objects.get()
    assert inquiry.sector == "Gebäudereinigung"
    assert inquiry.question_kind == "entgelt"


@pytest.mark.without_javascript
def test_without_javascript(page):
    page.goto(URL)
    page.locator("main button[type=submit]").click()
    expect(page.locator("#error-summary")).to_be_visible()
    fill_valid(page)
    page.locator("main button[type=submit]").click()
    reference = Inquiry.objects.get().reference
    expect(page.locator("#reference")).to_have_text(reference)
    assert any(reference in message.subject for message in mail.outbox)


def test_form_with_errors_reflows_at_320px(page, artifacts):
    page.goto(URL)
    page.locator("main button[type=submit]").click()
    expect(page.locator("#error-summary")).to_be_visible()
    assert_reflows_at_320px(page, artifacts, URL, "desk-form-errors")
