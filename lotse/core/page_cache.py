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

Two middleware (decision 0015): `PageCacheMiddleware` right after WhiteNoise answers from the
cache before sessions, CSRF, authentication and messages run (a hit costs a version read, a
hash and a memory lookup), and stores what `PageCaptureMiddleware`, the last one, prepared,
with the headers the whole chain set.
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
from django.conf.urls.i18n import is_language_prefix_patterns_used
from django.core.cache import caches
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.middleware.csrf import (
    CSRF_ALLOWED_CHARS,
    CSRF_SECRET_LENGTH,
    CsrfViewMiddleware,
    get_token,
)
from django.middleware.locale import LocaleMiddleware
from django.urls import Resolver404, resolve
from django.utils.cache import (
    add_never_cache_headers,
    cc_delim_re,
    get_conditional_response,
    patch_cache_control,
    patch_vary_headers,
)
from django.utils.http import urlencode
from django.utils.translation import get_language, get_language_from_path, override

from .versioning import CONTENT, current_versions, versions_key, versions_pinned

CSRF_PLACEHOLDER = b"__lotse-csrf-token__"
MASKED_TOKEN = re.compile(rb"(?<![A-Za-z0-9])[A-Za-z0-9]{64}(?![A-Za-z0-9])")
ALLOWED_VARY = {"cookie", "accept-language", "accept-encoding", "hx-request"}
REFUSING_DIRECTIVES = {"private", "no-store", "no-cache"}
# Response headers not taken into the stored copy (set per response, or by outer middleware).
UNSTORED_HEADERS = {"set-cookie", "date", "expires", "etag", "content-length"}
# The request headers that make a hit a conditional request (`get_conditional_response`).
CONDITIONAL_HEADERS = (
    "HTTP_IF_MATCH",
    "HTTP_IF_NONE_MATCH",
    "HTTP_IF_MODIFIED_SINCE",
    "HTTP_IF_UNMODIFIED_SINCE",
)
# A stored page: body (the CSRF token replaced by the placeholder), whether it has a form (the
# token slot), its ETag (pages without a form) and its headers as `ResponseHeaders` keeps them.
Entry = tuple[bytes, bool, str | None, dict[str, tuple[str, str]]]
# Which cache to ask first: the process's own memory, then the shared cache (entries are keyed
# by version, so per-process copies are never stale, decision 0005). A rendering is stored in
# the shared cache only; a process keeps its own copy from the first time it finds the page
# there, so one-off addresses (a query string nobody repeats) fill no process's memory
# (decision 0015).
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
    _route_scopes.cache_clear()


def page_cache_routes() -> dict[str, tuple[str, ...]]:
    return dict(_routes)


def cacheable_request(request: HttpRequest) -> bool:
    allowed_cookies = {settings.CSRF_COOKIE_NAME, settings.LANGUAGE_COOKIE_NAME}
    return (
        request.method in ("GET", "HEAD")
        and set(request.COOKIES) <= allowed_cookies
        and not request.user.is_authenticated
    )


def stored_by_page_cache(request: HttpRequest) -> bool:
    """Whether the page cache is to keep this request's response (an anonymous GET or HEAD of
    a registered route that it missed; kept if the response allows it): a view need not keep
    what only this response would read again."""
    return getattr(request, "_page_cache_key", None) is not None


def page_cache_key(
    request: HttpRequest, language: str, scopes: Iterable[str], versions: dict[str, str]
) -> str:
    # Without a query string no QueryDict is parsed for nothing.
    query = (
        urlencode(sorted(request.GET.lists()), doseq=True)
        if request.META.get("QUERY_STRING")
        else ""
    )
    raw = "|".join(
        (
            code_fingerprint(),
            request.get_host(),
            language,
            request.path,
            query,
            # request.headers would build a mapping of every header for this one (decision 0022)
            request.META.get("HTTP_HX_REQUEST", ""),
            versions_key(versions, scopes),
        )
    )
    return "pagecache:v3:" + hashlib.sha256(raw.encode()).hexdigest()[:40]


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


def _prepared(request: HttpRequest, response: HttpResponse) -> dict[str, Any] | None:
    """The body of the stored copy (the visitor's CSRF token replaced by the placeholder), or
    None when the token cannot be recognised. The headers are taken later, from the response
    the whole middleware chain produced (`PageCacheMiddleware`)."""
    content = response.content
    csrf = bool(request.META.get("CSRF_COOKIE_NEEDS_UPDATE"))
    if csrf:
        cleaned = _content_without_token(request, content)
        if cleaned is None:
            return None
        content = cleaned
    etag = None if csrf else '"' + hashlib.sha256(content).hexdigest()[:32] + '"'
    return {"content": content, "csrf": csrf, "etag": etag}


def _public_headers(response: HttpResponseBase, *, csrf: bool) -> None:
    """Browsers revalidate every time (a change shows at once); a page with a visitor's token
    is private to that visitor; every page varies by cookie (logged-in users see others)."""
    patch_vary_headers(response, ("Cookie",))
    if csrf:
        patch_cache_control(response, private=True, no_cache=True)
    else:
        patch_cache_control(response, public=True, no_cache=True)


@functools.lru_cache(maxsize=4096)
def _route_scopes(urlconf: str, language: str, path_info: str) -> tuple[str, ...] | None:
    """The scopes of the registered route `path_info` resolves to in `language` (the language
    prefix patterns resolve in the active language), None for other routes. The routes are
    fixed by the code, so the answer is kept per process."""
    try:
        with override(language):
            match = resolve(path_info, urlconf)
    except Resolver404:
        return None
    return _routes.get(match.view_name)


def _cookies_allowed(request: HttpRequest) -> bool:
    """No cookie but the CSRF and language cookies: no session (so an anonymous visitor,
    authentication is by session only), no messages, nothing unknown."""
    cookies = request.COOKIES
    if not cookies:
        return True
    return set(cookies) <= {settings.CSRF_COOKIE_NAME, settings.LANGUAGE_COOKIE_NAME}


class PageCacheMiddleware:
    """Early in the chain (right after WhiteNoise): answers an anonymous GET/HEAD of a
    registered route from the cache before sessions, CSRF, authentication, messages and the
    other middleware run, with the headers they set when the page was rendered (stored with
    it). On a miss the request goes through the whole chain; `PageCaptureMiddleware` (the last
    one) prepares the copy, and this one stores it with the final headers, unless something
    on the way out set a cookie or a header that forbids it.

    What it does of the skipped middleware: the language as `LocaleMiddleware` chooses it (part
    of the key; the route resolves in it), and for a page with a form the visitor's CSRF
    cookie and token as `CsrfViewMiddleware` would set them."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response
        self.locale = LocaleMiddleware(get_response)
        self.csrf = CsrfViewMiddleware(get_response)

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if request.method not in ("GET", "HEAD") or not settings.LOTSE_PAGE_CACHE_SECONDS:
            return self.get_response(request)
        with versions_pinned():
            key = self._key(request) if _cookies_allowed(request) else None
            if key is not None:
                for index, alias in enumerate(CACHE_ALIASES):
                    entry = caches[alias].get(key)
                    if entry is not None:
                        if index:  # found in the shared cache: keep a copy in this process
                            caches[CACHE_ALIASES[0]].set(
                                key, entry, settings.LOTSE_PAGE_CACHE_SECONDS
                            )
                        return self._response(request, entry)
                request._page_cache_key = key  # type: ignore[attr-defined]
            response = self.get_response(request)
            prepared = getattr(request, "_page_cache_prepared", None)
            if key is not None and prepared is not None:
                self._store(key, response, prepared)
            return response

    def _key(self, request: HttpRequest) -> str | None:
        urlconf = getattr(request, "urlconf", None) or settings.ROOT_URLCONF
        language = self._language(request, urlconf)
        scopes = _route_scopes(urlconf, language, request.path_info)
        if scopes is None:
            return None
        return page_cache_key(request, language, scopes, current_versions())

    def _language(self, request: HttpRequest, urlconf: str) -> str:
        """The language `LocaleMiddleware` will choose. With `i18n_patterns` and no prefix for
        the default language (Lotse's URLconf) that is the path's prefix, else the default
        (neither the language cookie nor Accept-Language count), and a hit needs no active
        language (the route resolves in it, `_route_scopes`); otherwise `LocaleMiddleware`'s
        own code chooses and activates it."""
        i18n_patterns_used, prefixed_default_language = is_language_prefix_patterns_used(urlconf)
        if i18n_patterns_used and not prefixed_default_language:
            return get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
        self.locale.process_request(request)
        return get_language()

    def _store(self, key: str, response: HttpResponseBase, prepared: dict[str, Any]) -> None:
        """Keep the prepared copy with the headers of the whole chain, if the outer middleware
        added no cookie (but the CSRF cookie of a page with a form) and no refusal."""
        if response.status_code != 200 or not isinstance(response, HttpResponse):
            return
        allowed = {settings.CSRF_COOKIE_NAME} if prepared["csrf"] else set()
        if set(response.cookies) - allowed:
            return
        if "no-store" in _directives(response.get("Cache-Control", "")):
            return
        if {v.lower() for v in cc_delim_re.split(response.get("Vary", "")) if v} - ALLOWED_VARY:
            return
        # The headers as the response keeps them (lower-case name -> (name, value)), checked
        # and converted by `ResponseHeaders` when they were set: a hit copies them as they are.
        headers = {
            lower: name_value
            for lower, name_value in response.headers._store.items()
            if lower not in UNSTORED_HEADERS
        }
        entry = (prepared["content"], prepared["csrf"], prepared["etag"], headers)
        caches[CACHE_ALIASES[-1]].set(key, entry, settings.LOTSE_PAGE_CACHE_SECONDS)

    def _response(self, request: HttpRequest, entry: Entry) -> HttpResponseBase:
        content, csrf, etag, stored_headers = entry
        if csrf:
            self.csrf.process_request(request)
            content = content.replace(CSRF_PLACEHOLDER, get_token(request).encode())
        response = HttpResponse(content)
        # Django's own store of the headers (`CaseInsensitiveMapping._store`): the stored ones
        # were checked when the rendering set them; setting them one by one again checks and
        # encodes each a second time, a third of a hit's own CPU (decision 0040).
        store = response.headers._store
        store.update(stored_headers)
        store["content-length"] = ("Content-Length", str(len(content)))
        if etag is None:  # a page with a form (`_prepared`): its visitor's cookie, no ETag
            return self.csrf.process_response(request, response)
        store["etag"] = ("ETag", etag)
        meta = request.META
        if any(header in meta for header in CONDITIONAL_HEADERS):
            return get_conditional_response(request, etag=etag, response=response) or response
        return response


class PageCaptureMiddleware:
    """The last middleware: sees the resolved route, the user and the CSRF cookie; prepares
    the copy of a storable response for `PageCacheMiddleware` to keep."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        if getattr(request, "_page_cache_key", None) is None:
            return response
        if not isinstance(response, HttpResponse) or not cacheable_request(request):
            return response
        if hasattr(response, "render") and not getattr(response, "is_rendered", True):
            response.render()
        if request.method == "GET" and storable(request, response):  # a HEAD may lack the body
            prepared = _prepared(request, response)
            if prepared is not None:
                request._page_cache_prepared = prepared  # type: ignore[attr-defined]
                _public_headers(response, csrf=prepared["csrf"])
        return response


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
