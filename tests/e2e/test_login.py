"""The back-office login (Wagtail's, rate limited by Lotse) with a factory account of a role."""

import re

from playwright.sync_api import expect

from tests.core.factories import TEST_PASSWORD


def _log_in(page, username: str, password: str) -> None:
    page.goto("/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(password)
    page.locator("form[method=post] button[type=submit]").click()


def test_login_reaches_dashboard(page, base_url):
    _log_in(page, "redaktion", TEST_PASSWORD)
    expect(page).to_have_url(f"{base_url}/admin/")
    expect(page).to_have_title(re.compile(r"^Dashboard\b"))
    expect(page.locator("#id_password")).to_have_count(0)
    expect(page.get_by_role("heading", level=1)).to_have_text("Lotse")  # WAGTAIL_SITE_NAME


def test_wrong_password_shows_error(page, base_url):
    _log_in(page, "redaktion", "falsches-passwort")
    expect(page).to_have_url(f"{base_url}/admin/login/")
    error = page.locator(".messages li.error")
    expect(error).to_be_visible()
    expect(error).to_contain_text("Passwort")
    expect(page.locator("#id_password")).to_be_visible()
