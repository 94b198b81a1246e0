"""axe-core (bundled by axe-playwright-python) finds no WCAG 2.1 A/AA violations."""

import pytest

from tests.e2e.conftest import assert_no_axe_violations

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


@pytest.mark.parametrize(("path", "status"), PAGES)
def test_no_axe_violations(page, path, status):
    response = page.goto(path)
    assert response is not None
    assert response.status == status
    assert_no_axe_violations(page, path)
