"""The Wagtail route of a public GET, kept per process under the content version.

Wagtail finds the page of an address on every request: the site for the host (one query), the
localized root page and, per path segment, the child and its specific page (two queries each),
then the view restrictions of the page and its ancestors (two more). For a cold rendering of the
home or a topic page that was about a third of the CPU (decision 0015). The answer depends only
on the page tree, the sites and the restrictions, all in the `content` scope of
`lotse.core.versioning`: `PageRouteMiddleware` keeps (site, page, restricted) per host, port,
language and path in this process's memory under that version and hands them to Wagtail through
the attributes Wagtail itself caches them in on the request (`_wagtail_site`,
`_wagtail_route_for_request`). Any publish, unpublish, move or restriction change moves the
version, so the next request routes afresh; a copy is unpickled per request, so no request sees
another's page object.

Only plain routes are kept (a page without sub-routes: no arguments); routable pages, addresses
that answer 404 and requests outside a pinned GET (`versions_pinned`, the page cache's requests)
go through Wagtail as before.
"""

from __future__ import annotations

from typing import Any

from django.core.cache import caches
from django.http import Http404, HttpRequest, HttpResponseBase
from django.utils.translation import get_language
from wagtail.models import Page, Site
from wagtail.url_routing import RouteResult
from wagtail.views import serve

from lotse.core.versioning import CONTENT, current_versions, versions_are_pinned, versions_key

from .models import UnrestrictedRouteMixin

ROUTE_TIMEOUT = 3600


def _route(request: HttpRequest, path: str) -> dict[str, Any] | None:
    """What Wagtail's `Page.route_for_request` finds (also left on the request), with the
    restriction answer; None for a route that is not kept (404, no site, sub-routes)."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    components = [component for component in path.split("/") if component]
    try:
        result = site.root_page.localized.specific.route(request, components)
    except Http404:
        result = None
    # As Wagtail's own `route_for_request` keeps it: the view does not route a second time.
    request._wagtail_route_for_request = result  # type: ignore[attr-defined]
    if result is None:
        return None
    page, args, kwargs = result
    if args or kwargs or not isinstance(page, UnrestrictedRouteMixin):
        return None
    for name in page.route_cache_related:
        getattr(page, name)
    return {"site": site, "page": page, "restricted": page.get_view_restrictions().exists()}


class PageRouteMiddleware:
    """For GETs of the page tree inside the page cache's pinned versions: Site and route from
    this process's version-keyed memory (see the module's docstring)."""

    def __init__(self, get_response: Any) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view_func: object, view_args: Any, view_kwargs: Any
    ) -> None:
        if view_func is not serve or request.method not in ("GET", "HEAD"):
            return
        if not versions_are_pinned():
            return
        path = view_args[0] if view_args else view_kwargs.get("path", "")
        key = "content.route:" + ":".join(
            (
                request.get_host(),
                str(request.get_port()),
                get_language() or "",
                path,
                versions_key(current_versions(), (CONTENT,)),
            )
        )
        local = caches["local"]
        entry = local.get(key)
        if entry is None:
            entry = _route(request, path)
            if entry is None:
                return
            local.set(key, entry, ROUTE_TIMEOUT)  # a pickled copy: this request keeps its own
        page: Page = entry["page"]
        page._lotse_unrestricted = not entry["restricted"]  # type: ignore[attr-defined]
        request._wagtail_site = entry["site"]  # type: ignore[attr-defined]
        request._wagtail_route_for_request = RouteResult(page)  # type: ignore[attr-defined]
