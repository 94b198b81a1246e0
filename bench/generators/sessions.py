"""A logged-in session of a bench staff user, for the targets with `login=True` (bench/run.py)."""


def staff_session_cookie(*, username: str, role: str, last_name: str) -> str:
    """Create (or reuse) the bench user `username` in `role` and return a session cookie
    ("name=key") that the load client sends; the user has no usable password."""
    from django.conf import settings
    from django.contrib.auth import (
        BACKEND_SESSION_KEY,
        HASH_SESSION_KEY,
        SESSION_KEY,
        get_user_model,
    )
    from django.contrib.auth.models import Group
    from django.contrib.sessions.backends.db import SessionStore

    user, _created = get_user_model().objects.get_or_create(
        username=username, defaults={"first_name": "Bench", "last_name": last_name}
    )
    user.set_unusable_password()
    user.save()
    user.groups.add(Group.objects.get(name=role))
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.save()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"
