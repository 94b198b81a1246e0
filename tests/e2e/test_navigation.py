"""Language switch, the portal without JavaScript, and no requests to other origins."""

import re

import pytest
from playwright.sync_api import expect


def language_link(page, code: str):
    """The link "EN" (or "DE") of the language switch; its label is not translated."""
    return page.locator("header").get_by_role("link", name=re.compile(rf"^{code}\b"))


@pytest.fixture
def knowledge_titles() -> dict[str, str]:
    from lotse.content.models import KnowledgeIndexPage

    return {
        page.locale.language_code: page.title
        for page in KnowledgeIndexPage.objects.select_related("locale")
    }


def test_language_switch_to_english(page, base_url, knowledge_titles):
    page.goto("/wissen/")
    expect(page.locator("h1")).to_have_text(knowledge_titles["de"])
    language_link(page, "EN").click()
    expect(page).to_have_url(f"{base_url}/en/wissen/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    assert knowledge_titles["en"] != knowledge_titles["de"]
    expect(page.locator("h1")).to_have_text(knowledge_titles["en"])

    language_link(page, "DE").click()
    expect(page).to_have_url(f"{base_url}/wissen/")
    expect(page.locator("html")).to_have_attribute("lang", "de")


@pytest.mark.without_javascript
def test_portal_works_without_javascript(page, base_url, knowledge_titles):
    response = page.goto("/")
    assert response is not None
    assert response.ok
    expect(page.locator("h1")).to_be_visible()

    page.get_by_role("navigation", name="Hauptnavigation").get_by_role(
        "link", name="Wissen"
    ).click()
    expect(page).to_have_url(f"{base_url}/wissen/")
    expect(page.locator("h1")).to_have_text(knowledge_titles["de"])

    language_link(page, "EN").click()
    expect(page).to_have_url(f"{base_url}/en/wissen/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("h1")).to_have_text(knowledge_titles["en"])

    # A topic card leads on to its page.
    page.locator(".lotse-card-list--topics a").first.click()
    expect(page).to_have_url(re.compile(rf"^{re.escape(base_url)}/en/wissen/[^/]+/$"))
    expect(page.locator("h1")).to_be_visible()


def test_no_requests_to_other_origins(browser, base_url):
    """Fonts, styles and scripts are self-hosted: the pages themselves ask for nothing else.

    The context ignores the Content-Security-Policy, which would block a third-party request
    before it shows up here; this test checks the pages, the CSP is a second line of defence.
    """
    context = browser.new_context(base_url=base_url, bypass_csp=True, locale="de-DE")
    try:
        page = context.new_page()
        urls: list[str] = []
        page.on("request", lambda request: urls.append(request.url))
        for path in ("/", "/wissen/tarifvertraege/", "/en/", "/barrierefreiheit/", "/admin/login/"):
            page.goto(path)  # waits for the load event: stylesheets, scripts, images
            page.evaluate("document.fonts.ready")  # and for the web fonts the page uses
    finally:
        context.close()

    foreign = [url for url in urls if not url.startswith(f"{base_url}/")]
    assert not foreign, f"requests to other origins: {foreign}"
    # The self-hosted fonts and scripts were actually loaded from here.
    assert any("/static/vendor/kern/fonts/" in url for url in urls), urls
    assert any(url.endswith(".js") for url in urls), urls
