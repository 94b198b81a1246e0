"""The whole-response cache of the public pages, keyed by the content versions they read.

An anonymous GET of a registered route (the apps register theirs in `ready()` with
`page_cache_register`) is answered from the cache when an entry exists under
(host, language, path, sorted query, htmx header, versions of the page's scopes). The versions
move with every write the page reads (`lotse.core.versioning`, database triggers), so an entry is
never stale: after a change the key is new and the page is rendered again. The entries expire
after `LOTSE_PAGE_CACHE_SECONDS` (what changes with the clock alone, an event that has begun,
shows within that time; 0 switches the cache off, as in the test settings).

Never cached: requests with any cookie but the CSRF and language cookies (a session, messages,
anything unknown), logged-in users (who always carry a session), other methods than GET/HEAD,
responses other than 200 (redirects are cheap; caching 404s would let anyone fill the cache),
streaming responses, responses that set cookies, carry messages, vary on other headers than
Cookie/Accept-Language/HX-Request, or say `private`/`no-store`/`no-cache` themselves (pages
with personal data, such as a registration under its token, are not registered at all).

Forms on cached pages keep working: the CSRF token of the visitor who caused the rendering is
replaced in the stored copy by a placeholder, and every response from the cache gets the token
of its own visitor (`get_token`, which also sets the visitor's CSRF cookie), so a POST after a
cached GET passes the CSRF check, and no visitor sees another visitor's token.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Callable, Iterable
from functools import wraps
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.cache import caches
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.middleware.csrf import CSRF_ALLOWED_CHARS, CSRF_SECRET_LENGTH, get_token
from django.utils.cache import (
    add_never_cache_headers,
    cc_delim_re,
    get_conditional_response,
    patch_cache_control,
    patch_vary_headers,
)
from django.utils.http import urlencode
from django.utils.translation import get_language

from .versioning import CONTENT, current_versions, versions_key, versions_pinned

CSRF_PLACEHOLDER = b"__lotse-csrf-token__"
MASKED_TOKEN = re.compile(rb"(?<![A-Za-z0-9])[A-Za-z0-9]{64}(?![A-Za-z0-9])")
ALLOWED_VARY = {"cookie", "accept-language", "accept-encoding", "hx-request"}
REFUSING_DIRECTIVES = {"private", "no-store", "no-cache"}
# Response headers not taken into the stored copy (set per response, or by outer middleware).
UNSTORED_HEADERS = {"set-cookie", "date", "expires", "cache-control", "etag", "vary"}
# Which cache to ask first: the process's own memory, then the shared cache (entries are keyed
# by version, so per-process copies are never stale, decision 0005).
CACHE_ALIASES = ("pages", "default")

_routes: dict[str, tuple[str, ...]] = {}


@functools.cache
def code_fingerprint() -> str:
    """The deployed code, templates and catalogues (names, sizes, modification times): part of
    every key, so a release never serves pages rendered by the code it replaced from the
    shared cache. Computed once per process (a few milliseconds)."""
    root = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.suffix in (".py", ".html", ".mo", ".json", ".txt") and path.is_file():
            stat = path.stat()
            digest.update(f"{path.relative_to(root)}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:16]


def page_cache_register(*view_names: str, scopes: Iterable[str] = ()) -> None:
    """Cache the anonymous GETs of these routes (`namespace:name`, or "wagtail_serve" for the
    page tree) under the content version and the further `scopes` their pages read."""
    for view_name in view_names:
        _routes[view_name] = tuple(sorted({CONTENT, *scopes}))


def page_cache_routes() -> dict[str, tuple[str, ...]]:
    return dict(_routes)


def cacheable_request(request: HttpRequest) -> bool:
    allowed_cookies = {settings.CSRF_COOKIE_NAME, settings.LANGUAGE_COOKIE_NAME}
    return (
        request.method in ("GET", "HEAD")
        and set(request.COOKIES) <= allowed_cookies
        and not request.user.is_authenticated
    )


def page_cache_key(request: HttpRequest, scopes: Iterable[str], versions: dict[str, str]) -> str:
    query = urlencode(sorted(request.GET.lists()), doseq=True)
    raw = "|".join(
        (
            code_fingerprint(),
            request.get_host(),
            get_language() or "",
            request.path,
            query,
            request.headers.get("HX-Request", ""),
            versions_key(versions, scopes),
        )
    )
    return "pagecache:v1:" + hashlib.sha256(raw.encode()).hexdigest()[:40]


def _directives(value: str) -> set[str]:
    return {part.split("=")[0].strip().lower() for part in cc_delim_re.split(value) if part}


def storable(request: HttpRequest, response: HttpResponseBase) -> bool:
    """A complete, impersonal 200 response (see the module's docstring)."""
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if _directives(response.get("Cache-Control", "")) & REFUSING_DIRECTIVES:
        return False
    if {v.lower() for v in cc_delim_re.split(response.get("Vary", "")) if v} - ALLOWED_VARY:
        return False
    messages = getattr(request, "_messages", None)
    return not (messages is not None and len(messages))


def _unmask(token: str) -> str:
    """The secret of a masked CSRF token (Django's own `_unmask_cipher_token`, which is not
    public API: mask and cipher text of CSRF_SECRET_LENGTH characters each)."""
    chars = CSRF_ALLOWED_CHARS
    mask, cipher = token[:CSRF_SECRET_LENGTH], token[CSRF_SECRET_LENGTH:]
    return "".join(
        chars[(chars.index(c) - chars.index(m)) % len(chars)]
        for c, m in zip(cipher, mask, strict=True)
    )


def _content_without_token(request: HttpRequest, content: bytes) -> bytes | None:
    """The content with every masked form of the visitor's CSRF secret replaced by the
    placeholder; None if the token appears in a form this cannot recognise."""
    secret = request.META.get("CSRF_COOKIE")
    if not secret:
        return None

    def replace(match: re.Match[bytes]) -> bytes:
        token = match.group(0)
        return CSRF_PLACEHOLDER if _unmask(token.decode()) == secret else token

    cleaned = MASKED_TOKEN.sub(replace, content)
    return None if secret.encode() in cleaned else cleaned


def _entry(request: HttpRequest, response: HttpResponse) -> dict[str, Any] | None:
    content = response.content
    csrf = bool(request.META.get("CSRF_COOKIE_NEEDS_UPDATE"))
    if csrf:
        cleaned = _content_without_token(request, content)
        if cleaned is None:
            return None
        content = cleaned
    headers = [(k, v) for k, v in response.items() if k.lower() not in UNSTORED_HEADERS]
    vary = response.get("Vary", "")
    etag = None if csrf else '"' + hashlib.sha256(content).hexdigest()[:32] + '"'
    return {"content": content, "headers": headers, "vary": vary, "csrf": csrf, "etag": etag}


def _response(request: HttpRequest, entry: dict[str, Any]) -> HttpResponseBase:
    content = entry["content"]
    if entry["csrf"]:
        content = content.replace(CSRF_PLACEHOLDER, get_token(request).encode())
    response = HttpResponse(content)
    for name, value in entry["headers"]:
        response[name] = value
    if entry["vary"]:
        response["Vary"] = entry["vary"]
    _public_headers(response, csrf=entry["csrf"], etag=entry["etag"])
    if entry["etag"]:
        return get_conditional_response(request, etag=entry["etag"], response=response) or response
    return response


def _public_headers(response: HttpResponseBase, *, csrf: bool, etag: str | None) -> None:
    """Browsers revalidate every time (a change shows at once); a page with a visitor's token
    is private to that visitor; every page varies by cookie (logged-in users see others)."""
    patch_vary_headers(response, ("Cookie",))
    if csrf:
        patch_cache_control(response, private=True, no_cache=True)
    else:
        patch_cache_control(response, public=True, no_cache=True)
    if etag:
        response["ETag"] = etag


class PageCacheMiddleware:
    """The last middleware: sees the resolved route, the user and the CSRF cookie."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if request.method not in ("GET", "HEAD") or not settings.LOTSE_PAGE_CACHE_SECONDS:
            return self.get_response(request)
        with versions_pinned():
            return self._get(request)

    def _get(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        key = getattr(request, "_page_cache_key", None)
        if key is None or not isinstance(response, HttpResponse):
            return response
        if hasattr(response, "render") and not getattr(response, "is_rendered", True):
            response.render()
        if request.method == "GET" and storable(request, response):  # a HEAD may lack the body
            entry = _entry(request, response)
            if entry is not None:
                timeout = settings.LOTSE_PAGE_CACHE_SECONDS
                for alias in CACHE_ALIASES:
                    caches[alias].set(key, entry, timeout)
                _public_headers(response, csrf=entry["csrf"], etag=None)
        return response

    def process_view(
        self, request: HttpRequest, view_func: object, view_args: object, view_kwargs: object
    ) -> HttpResponseBase | None:
        if not settings.LOTSE_PAGE_CACHE_SECONDS or request.resolver_match is None:
            return None
        scopes = _routes.get(request.resolver_match.view_name)
        if scopes is None or not cacheable_request(request):
            return None
        key = page_cache_key(request, scopes, current_versions())
        for index, alias in enumerate(CACHE_ALIASES):
            entry = caches[alias].get(key)
            if entry is not None:
                if index:  # found in the shared cache: keep a copy in this process
                    caches[CACHE_ALIASES[0]].set(key, entry, settings.LOTSE_PAGE_CACHE_SECONDS)
                return _response(request, entry)
        request._page_cache_key = key  # type: ignore[attr-defined]
        return None


def never_cache_unless_safe(
    view: Callable[..., HttpResponseBase],
) -> Callable[..., HttpResponseBase]:
    """`never_cache` for the answers to POSTs (they carry what the visitor typed); the empty
    form of a GET stays cacheable, so the page cache can serve it (its CSRF token is filled
    per visitor)."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        response = view(request, *args, **kwargs)
        if request.method not in ("GET", "HEAD"):
            add_never_cache_headers(response)
        return response

    return wrapped
