"""The Tarifregister's import in the browser: upload with errors → report → fix → import, axe
(WCAG 2.1 A/AA) with zero violations on every step."""

from playwright.sync_api import expect

from lotse.tariffs.models import CollectiveAgreement
from tests.core.factories import TEST_PASSWORD
from tests.e2e.conftest import assert_no_axe_violations

HEADER = (
    "register_number;title;kind;level;territory;regions;unions;employers;wz;concluded_on;"
    "valid_from;valid_to;confidential"
)
GOOD = (
    "E2E-001;Entgelttarifvertrag Tischlerhandwerk Sachsen (E2E);pay;sector;saxony;;IG Metall;"
    "Landesinnungsverband Tischler Sachsen;16.23.0;01.03.2026;01.04.2026;;nein"
)
BROKEN = (
    "E2E-002;Haustarifvertrag Beispiel GmbH (E2E);lohn;company;regions;99999;IG Metall;"
    "Beispiel GmbH;28.29.0;32.13.2025;01.01.2026;;nein"
)
FIXED = (
    "E2E-002;Haustarifvertrag Beispiel GmbH (E2E);other;company;regions;14713;IG Metall;"
    "Beispiel GmbH;28.29.0;31.12.2025;01.01.2026;;ja"
)


def _csv(*lines: str) -> dict:
    content = ("\n".join(lines) + "\n").encode("utf-8")
    return {"name": "tarifregister.csv", "mimeType": "text/csv", "buffer": content}


ANSWER = "/tarifauskunft/auskunft/?wz=16.23.0&stand=2026-06-01"


def test_register_import_with_errors_then_fixed(page, base_url, artifacts):
    page.set_viewport_size({"width": 1280, "height": 900})
    # A visitor's answer before the import: nothing registered (and now cached).
    page.goto(ANSWER)
    expect(page.locator("main")).to_contain_text(
        "Für diese Branche ist an diesem Tag nichts registriert."
    )
    page.goto("/admin/login/")
    page.locator("#id_username").fill("tarifregister")
    page.locator("#id_password").fill(TEST_PASSWORD)
    page.locator("form[method=post] button[type=submit]").click()
    page.wait_for_url("**/admin/")

    # From the Tarifregister menu group to the import screen, agreements preselected.
    page.get_by_role("button", name="Tarifregister").click()
    page.get_by_role("link", name="Import (CSV/XLSX)").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Datenimport")
    expect(page.get_by_label("Tarifverträge")).to_be_checked()
    assert_no_axe_violations(page, "upload page")

    # A file with errors: the report names row, column and problem; nothing is saved.
    page.get_by_label("Datei (CSV oder XLSX, höchstens 5 MB)").set_input_files(
        _csv(HEADER, GOOD, BROKEN)
    )
    page.get_by_role("button", name="Datei prüfen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Prüfbericht")
    errors = page.locator("table.listing").first
    expect(errors).to_contain_text("Unbekannter Wert „lohn“")
    expect(errors).to_contain_text("Unbekannte(r) Landkreis/Stadt: „99999“.")
    expect(errors).to_contain_text("Ungültiges Datum: „32.13.2025“")
    expect(page.get_by_role("button", name="Alle gültigen Zeilen importieren")).to_be_visible()
    assert CollectiveAgreement.objects.count() == 0
    assert_no_axe_violations(page, "report with errors")
    page.screenshot(path=artifacts / "tariffs-import-report-errors.png", full_page=True)

    # The corrected file is clean: "Importieren" imports both rows.
    page.get_by_role("link", name="Andere Datei hochladen").click()
    expect(page.get_by_label("Tarifverträge")).to_be_checked()
    page.get_by_label("Datei (CSV oder XLSX, höchstens 5 MB)").set_input_files(
        _csv(HEADER, GOOD, FIXED)
    )
    page.get_by_role("button", name="Datei prüfen").click()
    expect(page.locator(".lotse-import [role=status]")).to_contain_text("2 würden neu angelegt")
    page.get_by_role("button", name="Importieren", exact=True).click()
    expect(page.locator(".lotse-import [role=status]")).to_contain_text(
        "Import abgeschlossen: 2 neu angelegt, 0 aktualisiert."
    )
    assert_no_axe_violations(page, "import result")
    page.screenshot(path=artifacts / "tariffs-import-done.png", full_page=True)
    company = CollectiveAgreement.objects.get(register_number="E2E-002")
    assert company.confidential
    assert list(company.regions.values_list("code", flat=True)) == ["14713"]
    assert CollectiveAgreement.objects.count() == 2

    # The same answer right after the import: the bulk write moved the register version, so
    # the cached answer is not served; the company agreement is only counted.
    page.goto(ANSWER)
    main = page.locator("main")
    expect(main).to_contain_text("Entgelttarifvertrag Tischlerhandwerk Sachsen (E2E)")
    expect(main).not_to_contain_text("Für diese Branche ist an diesem Tag nichts registriert.")
    expect(main).not_to_contain_text("Beispiel GmbH")
