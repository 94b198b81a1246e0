"""Wagtail routes kept per process under the content version (lotse/content/routing.py,
decision 0015): fewer queries for a cold rendering, and every change of the page tree, its
sites and view restrictions is seen by the next request."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction, Site

from lotse.content.models import KnowledgeIndexPage, StandardPage, TopicFieldPage

pytestmark = pytest.mark.django_db


def imprint() -> StandardPage:
    """A standard page served by the page tree (some, such as /netzwerk/, stand in the tree
    for an app's own view with the same address)."""
    return StandardPage.objects.get(locale__language_code="de", slug="impressum")


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.LOTSE_PAGE_CACHE_SECONDS = 300


def rendered(client, url: str, n: int) -> tuple[int, int, str]:
    """(status, queries, HTML) of a cold rendering (another query string: a page-cache miss)."""
    with CaptureQueriesContext(connection) as context:
        response = client.get(f"{url}?kalt={n}")
    return response.status_code, len(context.captured_queries), response.content.decode()


def test_a_second_cold_rendering_routes_without_queries(site_pages, client):
    topic = TopicFieldPage.objects.filter(locale__language_code="de").first()
    rendered(client, topic.url, 1)
    first_status, first_queries, _html = rendered(client, "/", 1)
    status, queries, _html = rendered(client, "/", 2)
    assert first_status == status == 200
    assert queries < first_queries
    assert queries <= 2  # the versions, at most one fragment
    with pytest.MonkeyPatch.context() as patch:  # control: without the route cache, more
        patch.setattr("lotse.content.routing.versions_are_pinned", lambda: False)
        assert rendered(client, "/", 3)[1] > queries + 3


def test_unpublish_publish_and_move_are_seen_at_once(site_pages, client):
    page = imprint()
    url = page.url
    assert rendered(client, url, 1)[0] == 200
    page.unpublish()
    assert rendered(client, url, 2)[0] == 404
    page.save_revision().publish()
    assert rendered(client, url, 3)[0] == 200
    target = KnowledgeIndexPage.objects.filter(locale__language_code="de").first()
    if page.get_parent().pk == target.pk:
        target = Page.objects.get(pk=page.get_parent().get_parent().pk)
    Page.objects.get(pk=page.pk).move(target, pos="last-child")
    moved = Page.objects.get(pk=page.pk)
    assert moved.url != url
    assert rendered(client, url, 4)[0] == 301  # Wagtail's automatic redirect after a move
    assert rendered(client, moved.url, 5)[0] == 200


def test_a_new_view_restriction_applies_at_once(site_pages, client):
    page = imprint()
    status, _queries, html = rendered(client, page.url, 1)
    assert status == 200 and page.title in html
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="geheim-und-lang"
    )
    status, _queries, html = rendered(client, page.url, 2)
    assert 'name="password"' in html


def test_another_root_page_of_the_site_is_seen_at_once(site_pages, client):
    assert 'class="lotse-hero"' in rendered(client, "/", 1)[2]
    site = Site.objects.get(is_default_site=True)
    other_root = imprint()
    site.root_page = other_root
    site.save()
    status, _queries, html = rendered(client, "/", 2)
    assert status == 200
    assert 'class="lotse-hero"' not in html
    assert other_root.title in html
