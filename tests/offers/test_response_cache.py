"""The anonymous response cache of the public search pages and API lists (core/caching.py)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lotse.offers.models import Offer

pytestmark = pytest.mark.django_db

URLS = ("/angebote/?q=Anerkennung", "/api/v1/offers?q=Anerkennung", "/netzwerk/?q=Beratung")


def _queries(client, url, **headers) -> tuple[int, bytes]:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url, headers=headers)
    assert response.status_code == 200
    return len(context.captured_queries), response.content


@pytest.mark.parametrize("url", URLS)
def test_repeated_anonymous_search_is_served_from_the_cache(settings, client, offer_factory, url):
    settings.LOTSE_CATALOGUE_CACHE_SECONDS = 60
    offer_factory(title="Anerkennungsberatung Chemnitz")
    first, content = _queries(client, url)
    assert first > 0
    again, cached = _queries(client, url)
    assert again == 1  # the content version
    assert cached == content


def test_cache_keys_differ_by_query_language_and_htmx(settings, client, offer_factory):
    settings.LOTSE_CATALOGUE_CACHE_SECONDS = 60
    offer_factory(title="Anerkennungsberatung Chemnitz")
    _queries(client, "/angebote/?q=Anerkennung")
    assert _queries(client, "/angebote/?q=Anerkennungsberatung")[0] > 0
    assert _queries(client, "/en/angebote/?q=Anerkennung")[0] > 0
    partial_queries, partial = _queries(client, "/angebote/?q=Anerkennung", HX_Request="true")
    assert partial_queries > 0
    assert b"<html" not in partial


def test_logged_in_users_and_switched_off_cache_always_compute(
    settings, client, login, staff_users, offer_factory
):
    settings.LOTSE_CATALOGUE_CACHE_SECONDS = 60
    offer = offer_factory(title="Anerkennungsberatung Chemnitz")
    staff = login("redaktion")
    _queries(staff, "/angebote/?q=Anerkennung")
    assert _queries(staff, "/angebote/?q=Anerkennung")[0] > 0

    settings.LOTSE_CATALOGUE_CACHE_SECONDS = 0
    _queries(client, "/angebote/?q=Anerkennung")
    Offer.objects.filter(pk=offer.pk).update(live=False)
    queries, content = _queries(client, "/angebote/?q=Anerkennung")
    assert queries > 0
    assert b"Anerkennungsberatung Chemnitz" not in content
