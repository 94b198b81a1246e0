"""The users' permissions are kept per user under the `auth` version (decision 0019,
lotse.core.auth.VersionedPermissionBackend): read once, and granted or revoked rights count
at once, because every write to users, groups and permissions moves that version."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lotse.core import roles

pytestmark = pytest.mark.django_db

PERMISSION = "desk.view_inquiry"


def fresh(user):
    """The user as the next request loads it (no per-object permission cache)."""
    return get_user_model().objects.get(pk=user.pk)


@pytest.fixture
def user():
    caches["local"].clear()
    user = get_user_model().objects.create_user("lena", password="x")
    user.groups.add(Group.objects.get(name=roles.DESK))
    return user


def permission_queries(queries) -> list[str]:
    return [q["sql"] for q in queries.captured_queries if "auth_permission" in q["sql"]]


def test_the_permissions_are_read_once_per_user_and_version(user):
    assert fresh(user).has_perm(PERMISSION)
    with CaptureQueriesContext(connection) as second:
        assert fresh(user).has_perm(PERMISSION)
        assert PERMISSION in fresh(user).get_all_permissions()
    assert permission_queries(second) == []


def test_a_revoked_role_counts_at_once(user):
    assert fresh(user).has_perm(PERMISSION)
    user.groups.clear()
    assert not fresh(user).has_perm(PERMISSION)


def test_a_granted_permission_counts_at_once(user):
    permission = Permission.objects.get(codename="delete_inquiry", content_type__app_label="desk")
    assert not fresh(user).has_perm("desk.delete_inquiry")
    user.user_permissions.add(permission)
    assert fresh(user).has_perm("desk.delete_inquiry")
    Group.objects.get(name=roles.DESK).permissions.remove(
        Permission.objects.get(codename="view_inquiry", content_type__app_label="desk")
    )
    assert not fresh(user).has_perm(PERMISSION)


def test_a_deactivated_user_has_no_permissions(user):
    assert fresh(user).has_perm(PERMISSION)
    get_user_model().objects.filter(pk=user.pk).update(is_active=False)
    assert fresh(user).get_all_permissions() == set()


def test_each_user_has_their_own_entry(user):
    other = get_user_model().objects.create_user("otto", password="x")
    assert fresh(user).has_perm(PERMISSION)
    assert not fresh(other).has_perm(PERMISSION)


def test_rights_and_logins_move_the_auth_version_not_the_content(user):
    """The public page cache (content version) stays when staff log in or change roles."""
    from django.utils import timezone

    from lotse.core.versioning import current_versions

    before = current_versions()
    user.groups.clear()
    get_user_model().objects.filter(pk=user.pk).update(last_login=timezone.now())
    after = current_versions()
    assert after["auth"] != before.get("auth")
    assert after["content"] == before["content"]


def test_the_session_user_comes_with_wagtails_profile(user, django_assert_num_queries):
    """The backend reads the user and Wagtail's profile in one query (decision 0025)."""
    from wagtail.users.models import UserProfile

    from lotse.core.auth import VersionedPermissionBackend

    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    with django_assert_num_queries(1):
        loaded = VersionedPermissionBackend().get_user(user.pk)
        assert loaded.wagtail_userprofile.preferred_language == "en"
    profile.delete()
    with django_assert_num_queries(1):
        loaded = VersionedPermissionBackend().get_user(user.pk)
        assert not hasattr(loaded, "wagtail_userprofile")
    user.is_active = False
    user.save()
    assert VersionedPermissionBackend().get_user(user.pk) is None
    assert VersionedPermissionBackend().get_user(user.pk + 1000) is None
