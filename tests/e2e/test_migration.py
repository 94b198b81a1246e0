"""Einwanderungs-Check in a real browser: axe on every page in German, English and Arabic (error
states included), the form by keyboard only, Arabic right to left, 390 px phones, no JavaScript."""

import pytest
from playwright.sync_api import expect

from tests.conftest import initial_content_load
from tests.e2e.conftest import assert_no_violations

ANSWERS = (
    "audience=person&on=2026-03-01&citizenship=RS&qualification=vocational&recognition=partial"
    "&job_offer=on&salary=40000&german=A2&age=30&experience_last_5=3&experience_last_7=3"
    "&district=chemnitz"
)


@pytest.fixture
def check(e2e_site):
    initial_content_load("migration", "network")


@pytest.mark.parametrize("lang", ["de", "en", "ar"])
def test_every_page_passes_axe(page, axe, check, lang):
    for path in (
        f"/einwanderung/?lang={lang}",
        f"/einwanderung/person/?lang={lang}",
        f"/einwanderung/arbeitgeber/?lang={lang}",
        f"/einwanderung/ergebnis/?{ANSWERS}&lang={lang}",
        f"/einwanderung/ergebnis/?{ANSWERS.replace('salary=40000', 'salary=-1')}&lang={lang}",
        "/einwanderung/leichte-sprache/",
    ):
        page.goto(path)
        assert_no_violations(page, axe)


def test_the_form_by_keyboard_only(page, axe, check):
    page.goto("/einwanderung/")
    page.get_by_role("link", name="Ich möchte in Sachsen arbeiten").press("Enter")
    expect(page.locator("h1")).to_have_text("Fragen zu Ihnen")
    page.locator("#id_citizenship").press("End")  # "ein anderer Staat"
    page.locator("#id_qualification_3").press("Space")  # Hochschulabschluss
    page.locator("#id_recognition_3").press("Space")  # voll anerkannt
    page.locator("#id_job_offer").press("Space")
    page.locator("#id_salary").press_sequentially("52000")
    page.locator("main form button[type=submit]").press("Enter")
    expect(page.locator("h1")).to_have_text("Ergebnis: Ihre Wege nach Sachsen")
    expect(page.locator("#open + ul")).to_contain_text("Blaue Karte EU")
    assert_no_violations(page, axe)


def test_errors_are_announced_and_linked(page, check):
    page.goto(f"/einwanderung/ergebnis/?{ANSWERS.replace('age=30', 'age=300')}&lang=en")
    summary = page.locator("#error-summary")
    expect(summary).to_contain_text("Please give an age from 15 to 99 years.")
    summary.get_by_role("link").first.press("Enter")
    expect(page.locator("#id_age")).to_be_focused()


def test_arabic_is_mirrored(page, check):
    page.goto(f"/einwanderung/ergebnis/?{ANSWERS}&lang=ar")
    region = page.locator("div.lotse-check")
    expect(region).to_have_attribute("dir", "rtl")
    direction = region.evaluate("element => getComputedStyle(element).direction")
    assert direction == "rtl"
    heading = page.locator("div.lotse-check h1")
    box, region_box = heading.bounding_box(), region.bounding_box()
    # right-aligned: the heading ends at the region's right edge
    assert abs((box["x"] + box["width"]) - (region_box["x"] + region_box["width"])) < 2


def test_phone_layout_at_390px(page, check, artifacts):
    page.set_viewport_size({"width": 390, "height": 844})
    for path in ("/einwanderung/person/?lang=ar", f"/einwanderung/ergebnis/?{ANSWERS}"):
        page.goto(path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, path
    page.screenshot(path=artifacts / "migration-result-390px.png", full_page=True)


@pytest.mark.without_javascript
def test_whole_check_without_javascript(page, check):
    page.goto("/einwanderung/arbeitgeber/")
    page.select_option("#id_citizenship", "BA")
    page.check("#id_qualification_0")
    page.check("#id_job_offer")
    page.fill("#id_salary", "30000")
    page.click("main form button[type=submit]")
    expect(page.locator("h1")).to_have_text("Ergebnis: Wege für Ihre künftige Fachkraft")
    expect(page.locator("main")).to_contain_text("Westbalkanregelung")
    with page.expect_download() as download:
        page.get_by_role("link", name="Ergebnis als PDF").click()
    assert download.value.suggested_filename.endswith(".pdf")
