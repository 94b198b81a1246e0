"""The whole-response cache of the public pages (lotse/core/page_cache.py): served from the cache
until a write the page reads moves its content version, never for a logged-in or
cookie-carrying visitor, per language, with working forms."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from lotse.core import versioning

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.LOTSE_PAGE_CACHE_SECONDS = 300


def fetch(client, url, **kwargs) -> tuple[int, str]:
    """(queries, HTML) of one GET that must answer 200."""
    with CaptureQueriesContext(connection) as context:
        response = client.get(url, **kwargs)
    assert response.status_code == 200, (url, response.status_code)
    return len(context.captured_queries), response.content.decode()


def test_smoke(site_pages, client):
    first, html = fetch(client, "/")
    again, cached = fetch(client, "/")
    print(first, again)
    assert again == 1
    assert cached == html
