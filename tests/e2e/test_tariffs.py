"""The Tarifauskunft in a real browser: axe on every page, keyboard only, without JavaScript."""

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import assert_no_axe_violations


@pytest.fixture
def register(base_url):
    """The initial register plus the sample agreements of the register tests (SN-TEST-*)."""
    from tests.conftest import initial_content_load
    from tests.tariffs.factories import sample_agreements_create

    initial_content_load("tariffs")
    sample_agreements_create()
    return base_url


@pytest.fixture
def many_agreements(register):
    """25 public sector agreements for scaffolding (WZ 43.99.1): the answer has two pages."""
    import datetime

    from lotse.tariffs.models import CollectiveAgreement, SectorCode

    start = datetime.date(2020, 1, 1)
    CollectiveAgreement.objects.bulk_create(
        CollectiveAgreement(
            register_number=f"E2E-{n:02d}",
            title=f"Entgelttarifvertrag Gerüstbau Region {n:02d}",
            kind="pay",
            level="sector",
            territory="saxony",
            concluded_on=start + datetime.timedelta(days=n),
            valid_from=start + datetime.timedelta(days=n),
        )
        for n in range(25)
    )
    SectorCode.objects.bulk_create(
        SectorCode(agreement=row, version="2008", code="43.99.1")
        for row in CollectiveAgreement.objects.filter(register_number__startswith="E2E-")
    )
    return register


PAGED = "/tarifauskunft/auskunft/?wz=43.99.1&stand=2025-01-01"


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
        "/tarifauskunft/auskunft/?q=Pflege&stand=2026-07-15",
        "/tarifauskunft/auskunft/?q=Geb%C3%A4udereinigungsfirma&stand=2026-03-01",
        "/en/tarifauskunft/auskunft/?q=Zyxwvu&stand=2026-03-01",
        "/tarifauskunft/lohncheck/?betrag=15&einheit=hourly&q=Pflege&stand=2026-07-15",
    ],
)
def test_no_axe_violations(page, register, path):
    response = page.goto(path)
    assert response is not None and response.status in (200, 400)
    assert_no_axe_violations(page, path)


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


@pytest.mark.without_javascript
def test_checks_without_javascript(page, register):
    page.goto("/tarifauskunft/lohncheck/")
    page.fill("#id_betrag", "2.000")
    page.check("#id_einheit_1")
    page.fill("#id_stunden", "40")
    page.fill("#id_stand", "2025-03-01")
    page.click("main button[type=submit]")
    expect(page.locator(".tariffs-arithmetic")).to_contain_text("173,33")
    assert "betrag=2.000" in page.url
    page.goto("/tarifauskunft/ausbildungsverguetung/")
    page.fill("#id_beginn", "2025")
    page.select_option("#id_jahr", "3")
    page.fill("#id_verguetung", "950")
    page.click("main button[type=submit]")
    expect(page.locator(".tariffs-arithmetic")).to_contain_text("921,00")
    page.goto("/tarifauskunft/ausbildungsverguetung/?beginn=abc&jahr=1&verguetung=1")
    expect(page.locator("#error-summary")).to_contain_text("Jahr als Zahl")


@pytest.mark.parametrize(
    "path",
    [
        PAGED,
        PAGED + "&seite=2",
        "/tarifauskunft/tarifvertrag/E2E-03/?stand=2025-01-01",
        "/tarifauskunft/tarifvertrag/SN-TEST-0101/?stand=2025-06-01",
    ],
)
def test_paged_answer_and_agreement_page_no_axe_violations(page, many_agreements, path):
    response = page.goto(path)
    assert response is not None and response.status == 200
    assert_no_axe_violations(page, path)


def test_pages_and_agreement_by_keyboard(page, many_agreements):
    page.goto(PAGED)
    expect(page.locator("#agreements-count")).to_contain_text("Gezeigt werden Nr. 1 bis 20")
    for _step in range(120):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('rel')") == "next":
            break
    assert page.evaluate("document.activeElement.textContent") == "Nächste Seite"
    page.keyboard.press("Enter")
    page.wait_for_url("**seite=2")
    expect(page.locator("#agreements-count")).to_contain_text("Gezeigt werden Nr. 21 bis 25")
    expect(page.locator("[aria-current=page]").last).to_have_text("Seite 2")
    # on to an agreement's own page, still by keyboard
    link = page.get_by_role("link", name="Entgelttarifvertrag Gerüstbau Region 00")
    link.press("Enter")
    page.wait_for_url("**/tarifvertrag/E2E-00/?stand=2025-01-01")
    expect(page.locator("h1")).to_have_text("Entgelttarifvertrag Gerüstbau Region 00")
    expect(page.locator("#tariffs-note")).to_contain_text("Stand: 01.01.2025.")


@pytest.mark.without_javascript
def test_pages_without_javascript(page, many_agreements):
    page.goto("/tarifauskunft/")
    page.fill("#id_wz", "43.99.1")
    page.fill("#id_stand", "2025-01-01")
    page.click("main button[type=submit]")
    expect(page.locator("#agreements-count")).to_contain_text(
        "25 Branchentarifverträge gelten an diesem Tag oder wirken nach."
    )
    page.click("a[rel=next]")
    assert "seite=2" in page.url
    assert "stand=2025-01-01" in page.url
    expect(page.locator(".tariffs-agreements li")).to_have_count(5)
    page.click("a[rel=prev]")
    expect(page.locator(".tariffs-agreements li")).to_have_count(20)
    page.click("text=Entgelttarifvertrag Gerüstbau Region 24")
    expect(page.locator(".tariffs-answer")).to_contain_text("In Kraft seit 25.01.2020.")


@pytest.mark.without_javascript
def test_not_found_leads_to_a_suggestion_and_the_inquiry_without_javascript(page, register):
    page.goto("/tarifauskunft/auskunft/?q=Geb%C3%A4udereinigungsfirma&stand=2026-03-01")
    answer = page.locator(".tariffs-answer")
    expect(answer).to_contain_text("„Gebäudereinigungsfirma“ haben wir nicht gefunden.")
    expect(answer).not_to_contain_text("nichts registriert")
    answer.get_by_role("link", name="Gebäudereinigung").click()
    expect(page.locator(".tariffs-answer")).to_contain_text("Lohngruppe 1")
    assert "stand=2026-03-01" in page.url
    page.goto("/tarifauskunft/auskunft/?q=Pflege&stand=2026-07-15")
    page.locator(".tariffs-answer").get_by_role("link", name="Tarifanfrage stellen").first.click()
    expect(page.locator("#id_sector")).to_have_value("Pflege")
