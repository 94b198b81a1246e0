"""The back-office login with a rate limit per client address."""

from django.conf import settings
from django.utils.decorators import method_decorator
from django_ratelimit.decorators import ratelimit
from wagtail.admin.views.account import LoginView


@method_decorator(
    ratelimit(key="ip", rate=lambda group, request: settings.LOTSE_LOGIN_RATE, method="POST"),
    name="post",
)
class RateLimitedLoginView(LoginView):
    """Wagtail's login; django-ratelimit answers 429 (RATELIMIT_VIEW) when the limit is hit."""


def staff_only(view):
    """A back-office view for the centre's staff roles only: anonymous users go to the login
    (Wagtail's admin access check), other roles get 403."""
    from functools import wraps

    from django.core.exceptions import PermissionDenied
    from wagtail.admin.auth import require_admin_access

    from .roles import STAFF_ROLES, user_has_role

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not user_has_role(request.user, *STAFF_ROLES):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return require_admin_access(wrapped)


def guard_object_routes(patterns: list, may_access) -> list:
    """Every route of `patterns` with an object's pk answers 403 unless
    `may_access(user, pk)` (a viewset's edit, delete, history … of other owners' objects)."""
    from functools import wraps

    from django.contrib.admin.utils import unquote
    from django.core.exceptions import PermissionDenied

    def guard(view):
        @wraps(view)
        def guarded(request, *args, **kwargs):
            pk = kwargs.get("pk")
            if pk is not None and not may_access(request.user, unquote(str(pk))):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return guarded

    for pattern in patterns:
        if "<" in str(pattern.pattern):
            pattern.callback = guard(pattern.callback)
    return patterns
