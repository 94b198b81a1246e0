"""Keyboard only: skip link first, focus moves to the content, the navigation is reachable."""

from playwright.sync_api import expect

# Where the focus is, what it is, and whether its focus indicator can be seen.
FOCUSED = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  return {
    tag: el.tagName.toLowerCase(),
    id: el.id,
    text: el.innerText.trim(),
    href: el.getAttribute("href"),
    inMainNav: !!el.closest("nav.lotse-mainnav"),
    inMain: !!el.closest("main"),
    outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2,
  };
}"""

# The focused element lies inside the viewport and is the topmost element at its centre.
FOCUSED_IS_SEEN = """() => {
  const el = document.activeElement;
  const box = el.getBoundingClientRect();
  if (box.width < 1 || box.height < 1) return false;
  if (box.top < 0 || box.left < 0) return false;
  if (box.bottom > innerHeight || box.right > innerWidth) return false;
  return el.contains(document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2));
}"""


def test_skip_link_is_first_and_moves_focus_to_main(page, artifacts):
    page.goto("/")
    skip_link = page.get_by_role("link", name="Zum Inhalt springen")
    expect(skip_link).not_to_be_in_viewport()  # hidden until it gets the focus
    header_top = page.locator("header").bounding_box()["y"]

    page.keyboard.press("Tab")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_have_attribute("href", "#main")
    assert page.evaluate(FOCUSED_IS_SEEN), "the focused skip link is not visible"
    assert page.evaluate(FOCUSED)["outline"], "the focused skip link has no focus outline"
    assert page.locator("header").bounding_box()["y"] == header_top, "the page moved"
    page.screenshot(path=artifacts / "skip-link-focused.png")

    page.keyboard.press("Enter")
    main = page.locator("main#main")
    expect(main).to_be_focused()
    # The next Tab continues inside the content, not at the top of the page.
    page.keyboard.press("Tab")
    assert page.evaluate(FOCUSED)["inMain"]


def test_tab_reaches_main_navigation(page):
    page.goto("/")
    nav_links = page.get_by_role("navigation", name="Hauptnavigation").get_by_role("link")
    expected = nav_links.evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert len(expected) >= 5

    stops = []
    for _ in range(len(expected) + 10):
        page.keyboard.press("Tab")
        stops.append(page.evaluate(FOCUSED))
        if stops[-1]["inMain"]:
            break
    assert stops[0]["text"] == "Zum Inhalt springen"
    in_nav = [stop for stop in stops if stop["inMainNav"]]
    assert [stop["href"] for stop in in_nav] == expected, stops
    assert all(stop["outline"] for stop in in_nav), "a navigation link has no focus outline"
    assert stops[-1]["inMain"], "the content comes after the navigation in the tab order"


def test_focus_indicator_on_navigation_link_is_visible(page):
    page.goto("/")
    link = page.get_by_role("navigation", name="Hauptnavigation").get_by_role("link").first
    link.press("Shift+Tab")
    page.keyboard.press("Tab")  # keyboard focus, so that :focus-visible applies
    expect(link).to_be_focused()
    assert page.evaluate(FOCUSED_IS_SEEN)
    assert page.evaluate(FOCUSED)["outline"]
