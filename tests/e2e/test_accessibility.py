"""axe-core (bundled by axe-playwright-python) finds no WCAG 2.1 A/AA violations."""

import pytest
from axe_playwright_python.sync_playwright import Axe

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}

PAGES = [
    pytest.param("/", 200, id="home"),
    pytest.param("/wissen/tarifvertraege/", 200, id="topic-page"),
    pytest.param("/en/", 200, id="home-en"),
    pytest.param("/wissen/", 200, id="knowledge-index"),
    pytest.param("/barrierefreiheit/", 200, id="accessibility-statement"),
    pytest.param("/diese-seite-gibt-es-nicht/", 404, id="not-found"),
    # Wagtail's own login page (the back office); no rule needs to be excluded for it.
    pytest.param("/admin/login/", 200, id="admin-login"),
]


@pytest.fixture(scope="session")
def axe() -> Axe:
    return Axe()


@pytest.mark.parametrize(("path", "status"), PAGES)
def test_no_axe_violations(page, axe, path, status):
    response = page.goto(path)
    assert response is not None
    assert response.status == status
    results = axe.run(page, options=AXE_OPTIONS)
    assert results.violations_count == 0, f"axe on {path}:\n{results.generate_report()}"
