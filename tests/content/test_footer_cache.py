"""The footer links are cached per language and follow changes of the page tree."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("portal_module")]


def footer_hrefs(client, path: str = "/") -> str:
    html = client.get(path).content.decode()
    return html[html.index("<footer") :]


def test_footer_is_served_from_the_cache_after_the_first_page(client):
    cache.clear()
    client.get("/wissen/")
    client.get("/")  # the page's other parts, kept under the content version
    with CaptureQueriesContext(connection) as cached:
        client.get("/")
    cache.delete("lotse:footer-urls:de")
    with CaptureQueriesContext(connection) as uncached:
        client.get("/")
    assert len(uncached.captured_queries) == len(cached.captured_queries) + 1


def test_unpublishing_a_footer_page_removes_its_link(client):
    assert 'href="/impressum/"' in footer_hrefs(client)
    Page.objects.get(slug="impressum", locale__language_code="de").specific.unpublish()
    assert 'href="/impressum/"' not in footer_hrefs(client)


def test_publishing_it_again_brings_the_link_back(client):
    page = Page.objects.get(slug="impressum", locale__language_code="de").specific
    page.unpublish()
    assert 'href="/impressum/"' not in footer_hrefs(client)
    page.save_revision().publish()
    assert 'href="/impressum/"' in footer_hrefs(client)
