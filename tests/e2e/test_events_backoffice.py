"""Events back office in the browser: the check-in page (phone width, keyboard) and the
structure report, with axe (WCAG 2.1 A/AA, zero violations)."""

import pytest
from playwright.sync_api import expect

from lotse.events.models import Registration
from tests.core.factories import TEST_PASSWORD
from tests.e2e.conftest import assert_no_axe_violations
from tests.events.factories import make_event, make_registration


def _log_in(page, username: str = "veranstaltung") -> None:
    page.goto("/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(TEST_PASSWORD)
    page.locator("form[method=post] button[type=submit]").click()
    page.wait_for_url("**/admin/")


@pytest.fixture
def forum(e2e_site):
    event = make_event(
        sites=(("Görlitz", 50), ("Riesa", 40)), days=0, status="closed", title="Fachforum (E2E)"
    )
    goerlitz = event.sites.get(name="Görlitz")
    person = make_registration(
        goerlitz, first_name="Frieda", last_name="Fröhlich", organisation="IHK Dresden"
    )
    make_registration(goerlitz, first_name="Bruno", last_name="Bereits", checked_in=True)
    make_registration(event.sites.get(name="Riesa"), actor_type="arbeitsverwaltung")
    return {"event": event, "site": goerlitz, "person": person}


def test_check_in_by_keyboard_on_a_phone(page, forum, artifacts):
    site, person = forum["site"], forum["person"]
    # Door staff who asked for less motion get the message at once (lotse/static/css/admin.css);
    # axe then measures its final colours, not a frame of the fade-in.
    page.emulate_media(reduced_motion="reduce")
    _log_in(page)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"/admin/veranstaltungen/standort/{site.pk}/einlass/")
    expect(page.locator("#events-counter")).to_contain_text("1 / 2")
    assert_no_axe_violations(page, "check-in page")

    # Type the code (lower case) and press Enter; then the button with the keyboard.
    search = page.get_by_label("Ticketcode oder Name")
    search.focus()
    search.fill(person.code.lower())
    search.press("Enter")
    ticket = page.locator("article.events-ticket")
    expect(ticket).to_contain_text("Frieda Fröhlich")
    expect(ticket).to_contain_text("Bestätigt – noch nicht eingelassen")
    assert_no_axe_violations(page, "check-in result")
    page.screenshot(path=artifacts / "events-checkin-phone.png", full_page=True)
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= 390, f"check-in page scrolls sideways ({scroll_width} px)"

    button = page.get_by_role("button", name="Einlassen Frieda Fröhlich")
    button.press("Enter")
    expect(page.locator("article.events-ticket")).to_contain_text("Bereits eingelassen um")
    expect(page.locator("#events-counter")).to_contain_text("2 / 2")
    assert Registration.objects.get(pk=person.pk).checked_in_at is not None
    page.screenshot(path=artifacts / "events-checkin-phone-done.png", full_page=True)
    assert_no_axe_violations(page, "check-in done")


@pytest.mark.without_javascript
def test_check_in_page_works_without_javascript(page, forum):
    _log_in(page)
    page.goto(f"/admin/veranstaltungen/standort/{forum['site'].pk}/einlass/?q=Fröhlich")
    page.get_by_role("button", name="Einlassen Frieda Fröhlich").click()
    expect(page.locator("article.events-ticket")).to_contain_text("Bereits eingelassen um")


def test_structure_report_axe_and_keyboard(page, forum, artifacts):
    _log_in(page)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"/admin/veranstaltungen/{forum['event'].pk}/teilnehmendenstruktur/")
    expect(page.get_by_role("heading", name="Nach Standort")).to_be_visible()
    expect(page.get_by_role("img").first).to_be_visible()
    assert_no_axe_violations(page, "structure report")
    page.screenshot(path=artifacts / "events-report.png", full_page=True)
    # The downloads are reachable with the keyboard.
    link = page.get_by_role("link", name="Als CSV herunterladen")
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == "Als CSV herunterladen":
            break
    else:
        pytest.fail("CSV download link not reachable by Tab")
    expect(link).to_be_focused()
