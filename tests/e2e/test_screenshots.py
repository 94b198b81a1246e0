"""Screenshots of representative pages into test-artifacts/ (for people to look at), and the
layout checks a screenshot would show: KERN's styles and the self-hosted font are in effect, and
nothing scrolls sideways at 320 CSS pixels (WCAG 1.4.10 Reflow)."""

import pytest

PAGES = [
    pytest.param("/", "home-de", id="home-de"),
    pytest.param("/wissen/tarifvertraege/", "topic-tarifvertraege", id="topic-page"),
    pytest.param("/en/", "home-en", id="home-en"),
]


@pytest.mark.parametrize(("path", "name"), PAGES)
def test_layout_and_screenshot(page, artifacts, path, name):
    page.set_viewport_size({"width": 1280, "height": 900})
    response = page.goto(path)
    assert response is not None
    assert response.ok
    page.evaluate("document.fonts.ready")
    page.screenshot(path=artifacts / f"{name}.png", full_page=True)

    assert page.evaluate("document.fonts.check('1rem \"Fira Sans\"')"), "Fira Sans not loaded"
    assert "Fira Sans" in page.evaluate("getComputedStyle(document.body).fontFamily")
    container_width = page.locator("main .kern-container").evaluate("el => el.clientWidth")
    assert container_width < 1280, "KERN's container has no maximum width: unstyled?"

    page.set_viewport_size({"width": 320, "height": 640})
    page.screenshot(path=artifacts / f"{name}-320px.png", full_page=True)
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= 320, f"{path} scrolls sideways at 320 px ({scroll_width} px wide)"
