"""Wegweiser für Betriebe in a real browser: profile and two modules by keyboard only, the plan
with offers, the PDF download, deleting the plan; axe on every page of the check (German and
English, error states included); the plan at 390 px; the whole journey without JavaScript."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from lotse.guidance.loader import load_check_version
from lotse.guidance.models import CompanyCheck
from tests.offers.conftest import create_offer

from .conftest import assert_reflows_at_320px

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
SAFETY = "arbeits-gesundheitsschutz"


@pytest.fixture(scope="module")
def axe() -> Axe:
    return Axe()


@pytest.fixture
def wegweiser(e2e_site):
    load_check_version()
    create_offer(
        title="Arbeitsschutz-Beratung Zwickau", topic_fields=[SAFETY], districts=["zwickau"]
    )
    create_offer(title="Gefährdungsbeurteilung online", topic_fields=[SAFETY], online=True)


def assert_no_violations(page, axe):
    results = axe.run(page, options=AXE_OPTIONS)
    assert results.violations_count == 0, f"axe on {page.url}:\n{results.generate_report()}"


def submit_with_errors(page, axe, form: str = "main form"):
    """Submits the form by keyboard with answers missing: the error summary, then axe on it."""
    page.locator(f"{form} button[type=submit]").press("Enter")
    expect(page.locator("#error-summary")).to_be_visible()
    assert_no_violations(page, axe)


def answer_by_keyboard(page, answers: dict[str, int]):
    """Each question: focus its first radio ("ja"), arrow right n times, Space selects."""
    for key, steps in answers.items():
        page.locator(f"#id_q_{key}_0").press("Space")
        for _step in range(steps):
            page.keyboard.press("ArrowRight")
    # Focus, then the key (no press(), which waits for the navigation within its own step):
    # the submit completes the module, the last one renders the plan; the caller's expectation
    # waits for the next page.
    page.locator("form.guidance-questions button[type=submit]").focus()
    page.keyboard.press("Enter")


def test_two_modules_by_keyboard_plan_pdf_and_delete(page, axe, wegweiser, artifacts):
    page.goto("/wegweiser/")
    assert_no_violations(page, axe)
    page.get_by_role("link", name="Check beginnen").press("Enter")
    expect(page.locator("h1")).to_have_text("Ihr Betrieb")
    assert_no_violations(page, axe)

    # submitting the empty form: the error summary, then axe on the error state
    submit_with_errors(page, axe)

    page.locator("#id_size_class_1").press("Space")  # 10–49
    page.locator("#id_district").press_sequentially("Zwickau")
    page.locator("#id_sector_query").press_sequentially("Metallbau")
    page.keyboard.press("Tab")
    page.keyboard.type("25.11")
    for key in ("ausbildung", "arbeitsschutz", "tarif"):
        checkbox = page.locator(f"input[name=modules][value={key}]")
        checkbox.press("Space")
        expect(checkbox).to_be_checked()
    page.locator("main form button[type=submit]").press("Enter")

    expect(page.locator("h1")).to_have_text("Ausbildung")
    assert_no_violations(page, axe)
    assert_reflows_at_320px(page, artifacts, page.url, "guidance-module")
    page.set_viewport_size({"width": 1280, "height": 900})
    answer_by_keyboard(
        page,
        {
            "bildet-aus": 0,
            "ausbildungsberechtigung": 0,
            "ausbildungsplan-vollstaendig": 1,  # teilweise
            "ausbildungsplaetze-besetzt": 0,
            "praktika": 0,
        },
    )
    expect(page.locator("h1")).to_have_text("Arbeits- und Gesundheitsschutz")
    # "Warum fragen wir das?" opens by keyboard and links the knowledge article
    page.locator("#id_q_gefaehrdungsbeurteilung-why summary").press("Enter")
    expect(
        page.get_by_role("link", name="Mehr dazu im Wissensartikel", exact=False)
    ).to_be_visible()
    # one answer missing: the error state of a module page
    submit_with_errors(page, axe, "form.guidance-questions")
    answer_by_keyboard(
        page,
        {
            "gefaehrdungsbeurteilung": 2,  # nein: a legal duty
            "unterweisung": 0,
            "betriebsarzt-sifa": 0,
            "mutterschutz": 0,
            "bem": 0,
            "schichtarbeit": 1,
            "gesundheitsfoerderung": 1,
        },
    )

    expect(page.locator("h1")).to_have_text("Ihr Maßnahmenplan")
    check = CompanyCheck.objects.get()
    assert check.answers["gefaehrdungsbeurteilung"] == "nein"
    assert check.scores["arbeitsschutz"]["band"] == "dringend"
    first = page.locator(".guidance-measure").first
    expect(first).to_contain_text("Gefährdungsbeurteilung erstellen und dokumentieren")
    expect(first).to_contain_text("gesetzliche Pflicht")
    expect(first).to_contain_text("Arbeitsschutz-Beratung Zwickau")
    assert_no_violations(page, axe)
    plan_url = page.url

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Plan als PDF herunterladen").press("Enter")
    download = download_info.value
    assert download.suggested_filename.startswith("wegweiser-plan-")
    with open(download.path(), "rb") as handle:
        assert handle.read(4) == b"%PDF"

    page.get_by_role("link", name="Tarif", exact=True).press("Enter")
    expect(page.locator("h1")).to_have_text("Tarif")
    assert_no_violations(page, axe)

    page.goto(plan_url.replace("/wegweiser/", "/en/wegweiser/"))
    expect(page.locator("h1")).to_have_text("Your action plan")
    assert_no_violations(page, axe)

    page.goto(plan_url)
    page.set_viewport_size({"width": 390, "height": 844})
    page.evaluate("document.fonts.ready")
    page.screenshot(path=artifacts / "guidance-plan-390px.png", full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert_reflows_at_320px(page, artifacts, plan_url, "guidance-plan")
    page.set_viewport_size({"width": 1280, "height": 900})

    page.get_by_role("link", name="Plan löschen").press("Enter")
    expect(page.locator("h1")).to_have_text("Plan löschen?")
    assert_no_violations(page, axe)
    page.get_by_role("button", name="Ja, Plan endgültig löschen").press("Enter")
    expect(page.locator("h1")).to_have_text("Wegweiser für Betriebe")
    assert not CompanyCheck.objects.exists()
    page.goto(plan_url)
    expect(page.locator("h1")).to_have_text("Dieser Link ist ungültig")
    assert_no_violations(page, axe)


def test_english_start_and_profile_have_no_axe_violations(page, axe, wegweiser):
    page.goto("/en/wegweiser/")
    expect(page.locator("h1")).to_have_text("Company compass")
    assert_no_violations(page, axe)
    page.goto("/en/wegweiser/profil/")
    page.locator("main form button[type=submit]").click()
    expect(page.locator("#error-summary")).to_be_visible()
    assert_no_violations(page, axe)


def test_without_javascript(browser, base_url, wegweiser):
    context = browser.new_context(base_url=base_url, locale="de-DE", java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto("/wegweiser/profil/")
        page.locator("#id_size_class_0").check()
        page.locator("#id_district").select_option("zwickau")
        page.locator("input[name=modules][value=weiterbildung]").check()
        page.locator("main form button[type=submit]").click()
        expect(page.locator("h1")).to_have_text("Weiterbildung und Teilqualifizierung")
        for radio in page.locator("input[type=radio][value=nein]").all():
            radio.check()
        page.locator("form.guidance-questions button[type=submit]").click()
        expect(page.locator("h1")).to_have_text("Ihr Maßnahmenplan")
        expect(page.locator(".guidance-measure").first).to_contain_text("Teilqualifizierung")
    finally:
        context.close()


def test_new_pages_by_keyboard_and_axe(page, axe, wegweiser, artifacts):
    """Mail, desk, 'erledigt', re-check with then and now, the comparison with ten peers, and
    the staff's 'Bedarf und Angebot' view from the coverage map: axe on each, keyboard only."""
    import datetime as dt

    from django.utils import timezone

    from lotse.core.models import Region
    from lotse.guidance.selectors import version_current
    from lotse.guidance.services import Profile, check_module_answer, check_start
    from tests.core.factories import TEST_PASSWORD
    from tests.guidance.factories import CompanyCheckFactory, scores_of

    version = version_current()
    zwickau = Region.objects.get(slug="zwickau")
    check, token = check_start(
        version=version,
        profile=Profile(size_class="10-49", district=zwickau, modules=("arbeitsschutz",)),
    )
    check.version = version
    answers = {q.key: "ja" for q in version.modules.get(key="arbeitsschutz").questions.all()}
    answers["gefaehrdungsbeurteilung"] = "nein"
    check_module_answer(check=check, module_key="arbeitsschutz", answers=answers)
    CompanyCheckFactory.create_batch(10, scores=scores_of(arbeitsschutz=55))
    plan_url = f"/wegweiser/plan/{token}/"

    page.goto(plan_url)
    expect(page.get_by_role("heading", name="Betriebe Ihrer Größe in Ihrer Region")).to_be_visible()
    page.get_by_role("button", name="Als erledigt markieren").first.press("Enter")
    expect(page.get_by_role("button", name="Doch nicht erledigt").first).to_be_visible()
    assert_no_violations(page, axe)

    page.get_by_role("link", name="Plan per E-Mail senden").press("Enter")
    expect(page.locator("h1")).to_have_text("Plan per E-Mail senden")
    submit_with_errors(page, axe)
    page.locator("#id_email").press_sequentially("inhaber@beispiel.de")
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Ihr Maßnahmenplan")

    page.get_by_role("link", name="Mit dem Lotsendienst besprechen").first.press("Enter")
    expect(page.locator("h1")).to_have_text("Mit dem Lotsendienst besprechen")
    submit_with_errors(page, axe)
    page.locator("#id_email").press_sequentially("inhaber@beispiel.de")
    page.locator("#id_consent").press("Space")
    page.locator("main form button[type=submit]").press("Enter")
    expect(page.locator(".kern-alert, .messages").first).to_contain_text("Aktenzeichen")

    # six months later (the clock of the stored completion moved back): the re-check
    from lotse.guidance.models import CompanyCheck

    CompanyCheck.objects.filter(pk=check.pk).update(
        completed_at=timezone.now() - dt.timedelta(days=200)
    )
    page.goto(plan_url)
    page.get_by_role("link", name="Erneut prüfen").press("Enter")
    expect(page.locator("h1")).to_have_text("Erneut prüfen")
    assert_no_violations(page, axe)
    page.get_by_role("button", name="Erneuten Check beginnen").press("Enter")
    expect(page.locator("h1")).to_have_text("Arbeits- und Gesundheitsschutz")
    for key in answers:
        page.locator(f"#id_q_{key}_0").check()
    page.locator("form.guidance-questions button[type=submit]").click()
    expect(page.get_by_role("heading", name="Damals und heute")).to_be_visible()
    assert_no_violations(page, axe)
    page.set_viewport_size({"width": 390, "height": 844})
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.set_viewport_size({"width": 1280, "height": 900})

    page.goto("/admin/login/")
    page.locator("#id_username").fill("redaktion")
    page.locator("#id_password").fill(TEST_PASSWORD)
    page.locator("form[method=post] button[type=submit]").click()
    page.wait_for_url("**/admin/")
    page.goto("/angebote/abdeckung/")
    page.get_by_role("link", name="Bedarf", exact=True).press("Enter")
    expect(page.locator("h1")).to_have_text("Bedarf und Angebot")
    assert_no_violations(page, axe)
