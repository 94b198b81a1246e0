"""Response headers the security baseline asks for, beyond what Django sets itself."""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from .versioning import versions_pinned

STAFF_PREFIXES = ("/admin/", "/django-admin/")


class SecurityHeadersMiddleware:
    """Permissions-Policy everywhere; the admin's looser CSP; no caching of staff pages."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        if request.path.startswith(STAFF_PREFIXES):
            response._csp_config = settings.LOTSE_ADMIN_CSP["DIRECTIVES"]
            response["Cache-Control"] = "no-store"
        return response


class StaffVersionsMiddleware:
    """Back-office GETs read the content versions once (`versions_pinned`), from the first
    permission check on: the permissions, roles, sidebar, admin config and the desk's cached
    parts are all looked up under the same versions, with one query (decision 0019). A write
    during such a request moves its versions in the database; what the request keeps under the
    versions it read is then newer than they say, never older."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method not in ("GET", "HEAD") or not request.path.startswith(STAFF_PREFIXES):
            return self.get_response(request)
        with versions_pinned():
            return self.get_response(request)
