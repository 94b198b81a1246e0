"""Response headers the security baseline asks for, beyond what Django sets itself."""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

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
