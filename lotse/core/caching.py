"""A short-lived cache of whole public responses for anonymous visitors (search pages, API lists).

The catalogue and directory searches over 100,000 offers cost hundreds of milliseconds of
database and template work; the same search states are requested again and again. An anonymous
GET without a session cookie gets the stored response for `LOTSE_CATALOGUE_CACHE_SECONDS`
(0 switches it off); logged-in users, POSTs and responses that set cookies are never stored.
The key is the language, the full path with its query string, the htmx header (partial
responses differ from full pages) and the content version (`lotse.core.versioning`), so a write
shows at once. With several app servers use the shared Redis cache.
"""

import hashlib
from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils.translation import get_language

from .versioning import CONTENT, current_versions, versions_key


def _cacheable_request(request: HttpRequest) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not request.user.is_authenticated
    )


def public_response_cache_key(request: HttpRequest) -> str:
    raw = "|".join(
        (
            get_language() or "",
            request.get_full_path(),
            request.headers.get("HX-Request", ""),
            versions_key(current_versions(), (CONTENT,)),
        )
    )
    return "page:v1:" + hashlib.sha256(raw.encode()).hexdigest()[:40]


def anonymous_response_cache(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Serve and store complete 200 responses of a public view for anonymous visitors."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        timeout = settings.LOTSE_CATALOGUE_CACHE_SECONDS
        if not timeout or not _cacheable_request(request):
            return view(request, *args, **kwargs)
        key = public_response_cache_key(request)
        cached = cache.get(key)
        if cached is not None:
            return cached
        response = view(request, *args, **kwargs)
        if response.status_code == 200 and not response.streaming and not response.cookies:
            if hasattr(response, "render") and not getattr(response, "is_rendered", True):
                response.render()
            cache.set(key, response, timeout)
        return response

    return wrapped
