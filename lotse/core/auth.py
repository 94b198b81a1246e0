"""The back-office login with a rate limit per client address; the users' permissions kept
per user and rights version."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.utils.decorators import method_decorator
from django_ratelimit.decorators import ratelimit
from wagtail.admin.views.account import LoginView


@method_decorator(
    ratelimit(key="ip", rate=lambda group, request: settings.LOTSE_LOGIN_RATE, method="POST"),
    name="post",
)
class RateLimitedLoginView(LoginView):
    """Wagtail's login; django-ratelimit answers 429 (RATELIMIT_VIEW) when the limit is hit."""


# The tables the permissions of a user are read from; every write to them moves the `auth`
# version (lotse.core.versioning, registered by the core app's `ready`). The user row is among
# them (`is_active`, `is_superuser`; a login's `last_login` moves it too, which only rebuilds).
# Content types change only in migrations, after which every version moves.
AUTH_TABLES = (
    "auth_user",
    "auth_group",
    "auth_permission",
    "auth_user_groups",
    "auth_group_permissions",
    "auth_user_user_permissions",
)


class VersionedPermissionBackend(ModelBackend):
    """Django's ModelBackend, with a user's permission names kept in each process's memory
    under the user's id and the `auth` version (decision 0019).

    Django reads them with two queries (the user's own, the groups') on every request that
    asks `has_perm`, i.e. on every back-office page (Wagtail's admin access check). Any write
    to a user, group, permission or membership moves the version in the writing transaction
    (database triggers), so a granted or revoked right counts at once; the entry holds
    permission names only."""

    def get_user(self, user_id):
        """The session's user with Wagtail's user profile in the same query: every admin page
        reads the profile (language, time zone, avatar, keyboard shortcuts), which was a
        second query (decision 0025). A user without a profile gets none, as before."""
        user_model = get_user_model()
        try:
            user = user_model._default_manager.select_related("wagtail_userprofile").get(pk=user_id)
        except user_model.DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None

    def _get_permissions(self, user_obj, obj, from_name):
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        from .versioning import AUTH_SCOPE, versioned

        perm_cache_name = f"_{from_name}_perm_cache"
        if not hasattr(user_obj, perm_cache_name):
            names = versioned(
                f"auth.permissions:{from_name}:{user_obj.pk}",
                lambda: frozenset(
                    super(VersionedPermissionBackend, self)._get_permissions(
                        user_obj, obj, from_name
                    )
                ),
                scopes=(AUTH_SCOPE,),
            )
            setattr(user_obj, perm_cache_name, set(names))
        return getattr(user_obj, perm_cache_name)


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
