"""Absolute addresses for e-mails, PDFs and calendar files.

Production: every link starts with LOTSE_BASE_URL (`WAGTAILADMIN_BASE_URL`); a request's Host
header is never trusted for it. Development (DEBUG): the address the developer actually opened,
so `make run PORT=8001` sends links to port 8001. The worker has no request: the outbox stores
the base of the deciding request with each mail (`OutgoingMail.base_url`) and builds
attachments inside `url_base_used(...)`.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.http import HttpRequest, HttpResponseBase

_current_base: ContextVar[str | None] = ContextVar("lotse_url_base", default=None)


def configured_base() -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def url_base(request: HttpRequest | None = None) -> str:
    """Scheme and host that links start with (no trailing slash)."""
    if request is not None:
        return request_base(request) or configured_base()
    return _current_base.get() or configured_base()


def request_base(request: HttpRequest) -> str | None:
    """The request's own origin in development (DEBUG), otherwise None."""
    if not settings.DEBUG:
        return None
    return f"{request.scheme}://{request.get_host()}"


def absolute_url(path: str, request: HttpRequest | None = None) -> str:
    """`path` (from reverse() or a file's url) on the base URL (see the module docstring)."""
    return url_base(request) + path


@contextmanager
def url_base_used(base: str | None) -> Iterator[None]:
    """Links built inside the block start with `base` (None: the configured base)."""
    token = _current_base.set(base.rstrip("/") if base else None)
    try:
        yield
    finally:
        _current_base.reset(token)


class RequestBaseUrlMiddleware:
    """In development, links built while a request is handled use that request's host."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        base = request_base(request)
        if base is None:
            return self.get_response(request)
        with url_base_used(base):
            return self.get_response(request)
