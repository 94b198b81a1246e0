"""The layout kept as a shell per language, navigation item and content version, the page's own
blocks rendered per request (lotse/core/shell.py, decision 0026): the same HTML as Django's
rendering of the whole template, the right language links for each address, messages shown,
and a change of the footer's pages seen at once."""

import pytest
from django.contrib.messages import add_message, constants
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.db import SessionStore
from django.template import engines
from django.template.loader import get_template
from django.test import RequestFactory
from django.urls import translate_url
from django.utils import translation
from django.utils.html import escape
from wagtail.models import Page

from lotse.core import shell
from lotse.core.navigation import language_links
from lotse.core.versioning import versions_pinned
from lotse.tariffs.forms import LookupForm

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    """The shell is used where the page cache pinned the content versions for the request."""
    settings.LOTSE_PAGE_CACHE_SECONDS = 300


PAGES = [
    "/tarifauskunft/",
    "/tarifauskunft/auskunft/?wz=43.99.1&stand=2025-11-15",
    "/tarifauskunft/auskunft/?wz=25.62&stand=2025-06-01",
    "/tarifauskunft/auskunft/?q=Pflege&stand=2025-08-01",
    "/tarifauskunft/auskunft/?q=Xylofonbau&stand=2025-08-01",  # not found
    "/tarifauskunft/auskunft/?q=Bau+<b>\"%26'&stand=01.01.2025",
    "/tarifauskunft/auskunft/?wz=99.99.9&stand=2025-01-01",  # 400: unknown code
    "/tarifauskunft/lohncheck/",
    "/tarifauskunft/lohncheck/?betrag=2300&einheit=monthly&stunden=40&wz=43.21.0&stand=2025-01-01",
    "/tarifauskunft/lohncheck/?betrag=x",  # 400
    "/tarifauskunft/ausbildungsverguetung/?beginn=2024&jahr=1&verguetung=500",
    "/tarifauskunft/tarifvertrag/SN-TEST-0101/?stand=2025-06-01",
]


@pytest.fixture
def compared(monkeypatch):
    """Every page `render_page` makes, next to Django's rendering of its whole template; and
    how often the shell stood for the layout."""
    pages: list[tuple[str, str, str]] = []
    used = []
    render = shell.render_page_to_string
    blocks = shell._render_blocks

    def spy_blocks(*args, **kwargs):
        used.append(True)
        return blocks(*args, **kwargs)

    def both(request, template_name, context):
        html = render(request, template_name, context)
        full = get_template(template_name).render(context, request)
        pages.append((request.get_full_path(), html, full))
        return html

    monkeypatch.setattr(shell, "render_page_to_string", both)
    monkeypatch.setattr(shell, "_render_blocks", spy_blocks)
    return pages, used


@pytest.mark.parametrize("language", ["de", "en"])
def test_tariff_pages_equal_the_rendering_of_the_whole_template(
    client, site_pages, tariff_register, compared, language
):
    pages, used = compared
    prefix = "" if language == "de" else "/en"
    for url in PAGES:
        response = client.get(prefix + url)
        assert response.status_code in (200, 400), url
    assert len(pages) == len(used) == len(PAGES)
    for path, html, full in pages:
        assert html == full, path
        assert "lotse-shell" not in html
    assert all(html.startswith("<!DOCTYPE html>") for _path, html, _full in pages)


def test_language_links_are_those_of_each_address(client, site_pages, tariff_register):
    """One shell for every answer: each page links its own address in the other language."""
    for stand in ("2025-01-01", "2024-03-02"):
        response = client.get(f"/tarifauskunft/auskunft/?q=Bau+%26+<Holz>&wz=43.99.1&stand={stand}")
        address = response.wsgi_request.get_full_path()  # as the request has it: %3C for <
        assert "&" in address and stand in address
        english = escape(f"/en{address}")
        html = response.content.decode()
        assert f'<a class="kern-link" href="{english}" hreflang="en" lang="en">' in html
        german = client.get(f"/en{address}").content.decode()
        assert f'<a class="kern-link" href="{escape(address)}" hreflang="de" lang="de">' in german


def test_the_shell_is_rendered_once_per_language_and_navigation_item(
    client, site_pages, tariff_register, monkeypatch
):
    splits = []
    split = shell._split
    monkeypatch.setattr(shell, "_split", lambda *args: splits.append(args) or split(*args))
    for stand in ("2025-01-01", "2025-01-02", "2025-01-03"):
        assert client.get(f"/tarifauskunft/auskunft/?wz=43.99.1&stand={stand}").status_code == 200
    assert len(splits) == 1
    client.get("/en/tarifauskunft/auskunft/?wz=43.99.1&stand=2025-01-01")
    assert len(splits) == 2


def imprint_urls(html: str) -> list[str]:
    footer = html.split("<footer", 1)[1]
    return [part.split('"', 1)[0] for part in footer.split('href="')[1:] if "impressum" in part]


def test_a_change_of_the_footer_pages_shows_at_once(client, site_pages, tariff_register):
    """The footer's pages are read for the shell under the content version: unpublishing the
    imprint (a bulk update, no signal) drops its link from the next page."""
    url = "/tarifauskunft/auskunft/?wz=43.99.1&stand=2025-01-01"
    assert imprint_urls(client.get(url).content.decode()) == ["/impressum/"]
    Page.objects.filter(slug="impressum", locale__language_code="de").update(live=False)
    assert imprint_urls(client.get(f"{url}&seite=1").content.decode()) == []


def test_control_a_shell_without_the_content_version_stays_stale(
    client, site_pages, tariff_register, monkeypatch
):
    """The control of the test above: kept without the content version in its key, the shell
    still shows the unpublished imprint."""
    kept: dict[str, object] = {}
    monkeypatch.setattr(shell, "versioned", lambda key, build: kept.setdefault(key, build()))
    url = "/tarifauskunft/auskunft/?wz=43.99.1&stand=2025-01-01"
    assert imprint_urls(client.get(url).content.decode()) == ["/impressum/"]
    Page.objects.filter(slug="impressum", locale__language_code="de").update(live=False)
    assert imprint_urls(client.get(f"{url}&seite=1").content.decode()) == ["/impressum/"]


def test_messages_are_shown_by_the_rendering_of_the_whole_template(site_pages, tariff_register):
    request = RequestFactory().get("/tarifauskunft/")
    request.session = SessionStore()
    request._messages = FallbackStorage(request)
    add_message(request, constants.SUCCESS, "Gespeichert <sofort>.")
    with translation.override("de"), versions_pinned():
        html = shell.render_page_to_string(request, "tariffs/search.html", {"form": LookupForm()})
    assert "Gespeichert &lt;sofort&gt;." in html
    assert "lotse-shell" not in html


def test_without_pinned_versions_the_whole_template_is_rendered(
    client, site_pages, tariff_register, compared, settings, django_assert_num_queries
):
    """With the page cache off nothing has read the content versions: the shell would cost a
    statement of its own, so Django renders the whole template (the register version; the
    answer's form and floors and the shown agreements are kept)."""
    settings.LOTSE_PAGE_CACHE_SECONDS = 0
    pages, used = compared
    client.get("/tarifauskunft/auskunft/?wz=25.62&stand=2025-06-01")
    with django_assert_num_queries(1):
        client.get("/tarifauskunft/auskunft/?wz=25.62&stand=2025-06-02")
    assert len(pages) == 2 and not used


@pytest.mark.parametrize(
    "source",
    [
        '{% extends "base.html" %}{% block title %}{{ block.super }} x{% endblock %}',
        "{% extends layout %}{% block title %}x{% endblock %}",
        "<p>no layout</p>",
    ],
)
def test_templates_the_shell_cannot_stand_for(source):
    """A block with `{{ block.super }}`, a layout named by a variable, no layout at all."""
    template = engines["django"].from_string(source).template
    assert shell._leaf(template) is None


@pytest.mark.parametrize(
    "address",
    [
        "/tarifauskunft/auskunft/?wz=43.99.1&stand=2025-01-01",
        "/en/tarifauskunft/lohncheck/?betrag=1%262&q=%3Cb%3E",
        "/tarifauskunft/tarifvertrag/" + "X" * 400 + "/?stand=2025-01-01",  # not kept: too long
        "/gibt/es/nicht/?a=1",
    ],
)
def test_language_links_equal_translate_url_of_the_whole_address(address):
    """The translated path is kept per process; the query is appended as translate_url does."""
    request = RequestFactory().get(address)
    with translation.override("en" if address.startswith("/en/") else "de"):
        for _round in range(2):  # the second time from the kept translations
            for link in language_links(request):
                assert link["url"] == translate_url(request.get_full_path(), link["code"])
