"""Screenshots of representative pages into test-artifacts/ (for people to look at), and the
layout checks a screenshot would show: KERN's styles and the self-hosted font are in effect, and
nothing scrolls sideways at 320 CSS pixels (WCAG 1.4.10 Reflow)."""

import pytest

from tests.e2e.conftest import assert_reflows_at_320px, screenshot_wide

PAGES = [
    pytest.param("/", "home-de", id="home-de"),
    pytest.param("/wissen/tarifvertraege/", "topic-tarifvertraege", id="topic-page"),
    pytest.param("/en/", "home-en", id="home-en"),
]


@pytest.mark.parametrize(("path", "name"), PAGES)
def test_layout_and_screenshot(page, artifacts, path, name):
    screenshot_wide(page, artifacts, path, name)

    assert page.evaluate("document.fonts.check('1rem \"Fira Sans\"')"), "Fira Sans not loaded"
    assert "Fira Sans" in page.evaluate("getComputedStyle(document.body).fontFamily")
    container_width = page.locator("main .kern-container").evaluate("el => el.clientWidth")
    assert container_width < 1280, "KERN's container has no maximum width: unstyled?"

    assert_reflows_at_320px(page, artifacts, path, name)
