"""Three tags of every admin page keep their output (decision 0025, lotse.core.admin_sidebar):
`{% keyboard_shortcuts_dialog %}` per language, platform, the user's setting and the comments
setting; `{% icon %}` without a title; `{% versioned_static %}` per path. Each renders what
Wagtail's own tag renders, and follows what it depends on at once."""

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.template import Context, Engine, engines
from django.test import Client, RequestFactory
from django.utils import translation
from wagtail.admin.templatetags import wagtailadmin_tags
from wagtail.users.models import UserProfile

from lotse.core import admin_sidebar, roles
from tests.desk.conftest import make_user

pytestmark = pytest.mark.django_db

MAC = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 Safari/605.1.15"
LINUX = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/126.0 Safari/537.36"
DIALOG = "{% load wagtailadmin_tags %}{% keyboard_shortcuts_dialog %}"


def ours(source: str, context: dict) -> str:
    return engines["django"].engine.from_string(source).render(Context(context))


def wagtails(source: str, context: dict) -> str:
    """The same template with Wagtail's own `wagtailadmin_tags` (no library override)."""
    project = engines["django"].engine
    libraries = {
        **project.libraries,
        "wagtailadmin_tags": "wagtail.admin.templatetags.wagtailadmin_tags",
    }
    engine = Engine(dirs=project.dirs, app_dirs=True, libraries=libraries)
    assert engine.template_libraries["wagtailadmin_tags"] is wagtailadmin_tags.register
    return engine.from_string(source).render(Context(context))


def admin_request(user, agent: str):
    request = RequestFactory().get("/admin/anfragen/", HTTP_USER_AGENT=agent)
    request.user = get_user_model().objects.get(pk=user.pk)  # as a request loads it
    return request


@pytest.mark.parametrize("language", ["de", "en"])
@pytest.mark.parametrize("agent", [MAC, LINUX])
@pytest.mark.parametrize("enabled", [True, False])
def test_keyboard_dialog_is_wagtails(language, agent, enabled):
    user = make_user(roles.DESK, "lena")
    profile = UserProfile.get_for_user(user)
    profile.keyboard_shortcuts = enabled
    profile.save()
    caches["local"].clear()
    with translation.override(language):
        first = ours(DIALOG, {"request": admin_request(user, agent)})
        kept = ours(DIALOG, {"request": admin_request(user, agent)})
        own = wagtails(DIALOG, {"request": admin_request(user, agent)})
    assert any(admin_sidebar.KEYBOARD_DIALOG_PREFIX in key for key in caches["local"]._cache)
    assert first == kept == own
    assert ("⌘" in own) == (agent == MAC)


def test_keyboard_dialog_of_a_user_without_profile():
    user = make_user(roles.DESK, "lena")
    UserProfile.objects.filter(user=user).delete()
    request = admin_request(user, LINUX)
    assert ours(DIALOG, {"request": request}) == wagtails(DIALOG, {"request": request})


def test_keyboard_setting_shows_at_once_on_the_next_page():
    """The user's setting is part of the key: switched off, the next page says so."""
    user = make_user(roles.DESK, "lena")
    client = Client()
    client.force_login(user)
    caches["local"].clear()
    before = client.get("/admin/anfragen/", HTTP_USER_AGENT=LINUX)
    profile = UserProfile.get_for_user(user)
    profile.keyboard_shortcuts = False
    profile.save()
    after = client.get("/admin/anfragen/", HTTP_USER_AGENT=LINUX)
    enabled = wagtails(DIALOG, {"request": before.wsgi_request})
    disabled = wagtails(DIALOG, {"request": after.wsgi_request})
    assert enabled != disabled
    assert enabled in before.content.decode()
    assert disabled in after.content.decode()
    assert enabled not in after.content.decode()


def test_comments_setting_is_part_of_the_key(settings):
    user = make_user(roles.DESK, "lena")
    request = admin_request(user, LINUX)
    with_comments = ours(DIALOG, {"request": request})
    settings.WAGTAILADMIN_COMMENTS_ENABLED = False
    without = ours(DIALOG, {"request": request})
    assert with_comments != without
    assert without == wagtails(DIALOG, {"request": request})


ICONS = (
    "{% load wagtailadmin_tags %}"
    '{% icon name="mail" classname="w-header__glyph" %}'
    '{% icon name="warning" %}{% icon name="warning" %}'
    '{% icon "cog" "w-cog" %}'
    '{% icon name="success" wrapped=1 %}'
    "{% icon name=name classname=classname %}"
    '{% icon name="lock" title=title %}'
)


def test_icons_are_wagtails_and_titled_ones_are_not_kept():
    admin_sidebar._icons.clear()
    for name, classname, title in (("doc", "a", "Dokument"), ("user", None, "<b>Konto</b>")):
        context = {"name": name, "classname": classname, "title": title}
        assert ours(ICONS, context) == wagtails(ICONS, context)
        assert ours(ICONS, context) == wagtails(ICONS, context)  # from the kept output
    assert "icon-doc a" in ours(ICONS, {"name": "doc", "classname": "a", "title": ""})
    assert "icon-user icon" in ours(ICONS, {"name": "user", "classname": None, "title": ""})
    assert "&lt;b&gt;Konto" in ours(ICONS, {"name": "user", "title": "<b>Konto</b>"})
    assert admin_sidebar._icons
    assert not any(
        "title" in dict(kwargs) and dict(kwargs)["title"] is not None
        for _args, kwargs, _autoescape in admin_sidebar._icons
    )


STATIC = "{% load wagtailadmin_tags %}{% versioned_static 'wagtailadmin/js/core.js' %}"


def test_versioned_static_is_wagtails_and_follows_the_static_settings(settings):
    assert ours(STATIC, {}) == wagtails(STATIC, {})
    assert ours(STATIC, {}) == wagtails(STATIC, {})  # kept
    settings.STATIC_URL = "/statisch/"
    # The kept URLs are dropped with the setting (without that, the old URL stayed).
    assert ours(STATIC, {}).startswith("/statisch/wagtailadmin/js/core")
    assert ours(STATIC, {}) == wagtails(STATIC, {})


def test_the_kept_dialog_reads_nothing(django_assert_num_queries):
    """Kept under no version: outside a pinned request (an admin POST showing its form again)
    not even the versions are read for it."""
    user = make_user(roles.DESK, "lena")
    UserProfile.get_for_user(user)
    request = admin_request(user, LINUX)
    request.user.wagtail_userprofile  # noqa: B018 - loaded as the admin's language check does
    ours(DIALOG, {"request": request})
    with django_assert_num_queries(0):
        ours(DIALOG, {"request": request})
