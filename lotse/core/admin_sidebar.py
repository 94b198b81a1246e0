"""Wagtail's admin sidebar, built once per user, rights and version (decision 0013).

Wagtail's `{% sidebar_props %}` asks every menu item and search area whether to show itself on
every admin page: about sixty permission checks, the page and collection permissions from the
database, then the whole menu serialised. The menu only changes when what those checks read
changes, so `sidebar_modules` keeps the serialised menu in each process's memory
(`lotse.core.versioning.versioned`) under

- the user's id: every entry belongs to one user; nobody is ever shown another user's menu,
- a digest of the user's rights as this request already read them: active and superuser flags,
  roles (groups), every model permission, the dismissed menu hints of the user's profile, the
  language,
- the content version: page, collection and site permissions, pages, network memberships
  (the partners' menu item) are content; any write to them moves it.

The user's name and avatar are not kept: they are put into the menu on every request, so the
entry holds no personal data.

The same library keeps the static part of `{% wagtail_config %}` (the admin's JavaScript
settings on every admin page: API and admin URLs, the content locales with their display
names, about forty translated strings) per language and content version (locales are
content); the CSRF token, the active content locale and the user's keyboard shortcut setting
are put in on every request.

Three more tags of every admin page render the same HTML for the same few inputs, so their
output is kept too (decision 0025): `{% keyboard_shortcuts_dialog %}` (a dialog of about forty
translated lines: about a sixth of the desk inbox's CPU) per language, platform (Mac or not, from
the User-Agent as Wagtail reads it), the user's keyboard shortcut setting and the comments
setting; `{% icon %}` (a template per icon) per name, class and wrapper when it has no title;
`{% versioned_static %}` (a manifest lookup per file) per path. None of them reads the database:
they depend on code, translations and settings only, which change with a deployment (a new
process), and the static URLs are dropped when a test changes the static files settings.

This module is also the template library `wagtailadmin_tags`: `TEMPLATES["OPTIONS"]["libraries"]`
maps that name here, so every `{% load wagtailadmin_tags %}` (Wagtail's own templates included)
gets all of Wagtail's tags and filters, taken from its library object, with the tags above
replaced by the kept ones (each built by Wagtail's own tag). No template of Wagtail's is copied.
"""

import hashlib
import json
import re

from django import template
from django.core.cache import caches
from django.core.signals import setting_changed
from django.middleware.csrf import get_token
from django.urls import get_script_prefix, reverse
from django.utils.html import json_script
from django.utils.safestring import SafeString
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.admin.menu import admin_menu
from wagtail.admin.search import admin_search_areas
from wagtail.admin.telepath import JSContext
from wagtail.admin.templatetags import wagtailadmin_tags as wagtail_tags
from wagtail.admin.ui import sidebar

from .roles import user_roles
from .versioning import get_or_build, versioned

MAIN_MENU = "wagtail.sidebar.MainMenuModule"
CACHE_PREFIX = "admin.sidebar"


def rights_digest(user) -> str:
    """What the menu items' checks read about the user, as one digest (no personal data)."""
    profile = getattr(user, "wagtail_userprofile", None)
    parts = [
        user.is_active,
        user.is_superuser,
        sorted(user_roles(user)),
        sorted(user.get_all_permissions()),
        profile.dismissibles if profile is not None else None,
        get_language() or "",
    ]
    encoded = json.dumps(parts, sort_keys=True, default=str).encode()
    return hashlib.sha256(encoded).hexdigest()[:32]


def _packed_modules(request) -> list[dict]:
    """Wagtail's sidebar modules (wagtailadmin_tags.sidebar_props), packed for the JavaScript,
    without the user's name and avatar."""
    search_areas = admin_search_areas.search_items_for_request(request)
    account_menu = [
        sidebar.LinkMenuItem(
            "account", _("Account"), reverse("wagtailadmin_account"), icon_name="user"
        ),
        sidebar.ActionMenuItem(
            "logout", _("Log out"), reverse("wagtailadmin_logout"), icon_name="logout"
        ),
    ]
    modules = [
        sidebar.WagtailBrandingModule(),
        sidebar.SearchModule(search_areas[0]) if search_areas else None,
        sidebar.MainMenuModule(admin_menu.render_component(request), account_menu, request.user),
    ]
    packed = JSContext().pack([module for module in modules if module is not None])
    for module in packed:
        if module.get("_type") == MAIN_MENU:
            module["_args"][2] = None
    return packed


def sidebar_modules(request) -> list[dict]:
    """The packed sidebar of `request.user`: the menu from the cache, name and avatar fresh."""
    user = request.user
    cached = versioned(
        f"{CACHE_PREFIX}:{user.pk}:{rights_digest(user)}", lambda: _packed_modules(request)
    )
    person = {
        "name": user.first_name or user.get_username(),
        "avatarUrl": wagtail_tags.avatar_url(user, 50),
    }
    return [
        {**module, "_args": [*module["_args"][:2], person]}
        if module.get("_type") == MAIN_MENU
        else module
        for module in cached
    ]


# Wagtail's library, but for the sidebar (settings: TEMPLATES OPTIONS "libraries").
register = template.Library()
register.tags.update(wagtail_tags.register.tags)
register.filters.update(wagtail_tags.register.filters)


# The keys of `wagtail_config` that depend on the request, not on the language and content.
REQUEST_CONFIG_KEYS = ("CSRF_TOKEN", "ACTIVE_CONTENT_LOCALE", "KEYBOARD_SHORTCUTS_ENABLED")


@register.simple_tag(takes_context=True)
def wagtail_config(context):
    """Wagtail's `{% wagtail_config %}`: the request's values fresh, the rest kept per
    language and content version (built by Wagtail's own tag, without the request's values)."""
    request = context["request"]

    def build() -> dict:
        config = wagtail_tags.wagtail_config({"request": request})
        for key in REQUEST_CONFIG_KEYS:
            config.pop(key, None)
        return config

    config = {
        **versioned(f"admin.wagtail-config:{get_language() or ''}", build),
        "CSRF_TOKEN": get_token(request),
    }
    if locale := context.get("locale"):
        config["ACTIVE_CONTENT_LOCALE"] = locale.language_code
    user = getattr(request, "user", None)
    config["KEYBOARD_SHORTCUTS_ENABLED"] = (
        user.wagtail_userprofile.keyboard_shortcuts
        if hasattr(user, "wagtail_userprofile")
        else True
    )
    return config


@register.simple_tag(takes_context=True)
def sidebar_props(context):
    return json_script(
        {"modules": sidebar_modules(context["request"])}, element_id="wagtail-sidebar-props"
    )


# --- Tags whose output depends on code, translations and settings only ------------------------

# How Wagtail tells a Mac keyboard from others (wagtail.admin.utils, the dialog's tag).
MAC_USER_AGENT = re.compile(r"Mac|iPod|iPhone|iPad")
KEYBOARD_DIALOG_PREFIX = "admin.keyboard-dialog"


class KeptOutputNode(template.Node):
    """Wagtail's node of a tag, its output kept under `key(node, context)` (None: not kept)."""

    def __init__(self, node: template.Node, key, store) -> None:
        self.node = node
        self.key = key
        self.store = store

    def render(self, context) -> str:
        key = self.key(self.node, context)
        if key is None:
            return self.node.render(context)
        return self.store(key, lambda: SafeString(self.node.render(context)))


def _kept_tag(name: str, key, store) -> None:
    """Register Wagtail's tag `name` here with its output kept (see KeptOutputNode)."""
    compile_wagtails = wagtail_tags.register.tags[name]

    def compile_function(parser, token) -> KeptOutputNode:
        return KeptOutputNode(compile_wagtails(parser, token), key, store)

    register.tag(name, compile_function)


def _keyboard_dialog_key(node, context) -> str:
    """What Wagtail's `keyboard_shortcuts_dialog` reads: the language, the platform, the
    user's setting, the comments setting (and the script prefix of the account link)."""
    request = context.get("request")
    agent = request.headers.get("User-Agent", "") if request is not None else ""
    profile = getattr(getattr(request, "user", None), "wagtail_userprofile", None)
    enabled = bool(getattr(profile, "keyboard_shortcuts", True)) if profile is not None else True
    return ":".join(
        [
            KEYBOARD_DIALOG_PREFIX,
            get_language() or "",
            "mac" if MAC_USER_AGENT.search(agent) else "other",
            "on" if enabled else "off",
            "comments" if wagtail_tags.get_comments_enabled() else "no-comments",
            get_script_prefix(),
        ]
    )


def _keep_in_local_memory(key: str, build) -> SafeString:
    """In `CACHES["local"]` under no version (the dialog reads no data, only code, translations
    and settings), so not even the versions are read for it."""
    return get_or_build(caches["local"], key, build, None)


_kept_tag("keyboard_shortcuts_dialog", _keyboard_dialog_key, _keep_in_local_memory)


# `{% icon %}` without a title: the same few dozen icons on every page. Bounded: icons past
# the bound are rendered as before.
ICONS_KEPT = 500
_icons: dict[tuple, SafeString] = {}


def _icon_key(node, context) -> tuple | None:
    args, kwargs = node.get_resolved_arguments(context)
    values = [*args, *kwargs.values()]
    if len(args) > 2 or kwargs.get("title") is not None:
        return None  # a title is a text of the page, perhaps a translation: not kept
    # Strings (literals of the templates are SafeStrings, lazy translations are not strings).
    if not all(value is None or isinstance(value, str | bool) for value in values):
        return None
    return (tuple(args), tuple(sorted(kwargs.items())), context.autoescape)


def _keep_icon(key: tuple, build) -> SafeString:
    output = _icons.get(key)
    if output is None:
        output = build()
        if len(_icons) < ICONS_KEPT:
            _icons[key] = output
    return output


_kept_tag("icon", _icon_key, _keep_icon)


# `{% versioned_static %}`: the URL of a static file with Wagtail's version, per path.
_static_urls: dict[str, str] = {}
STATIC_SETTINGS = {"STATIC_URL", "STORAGES", "STATIC_ROOT", "STATICFILES_DIRS"}


@register.simple_tag
def versioned_static(path):
    url = _static_urls.get(path)
    if url is None:
        url = wagtail_tags.versioned_static(path)
        if isinstance(path, str) and len(_static_urls) < ICONS_KEPT:
            _static_urls[path] = url
    return url


def _forget_static_urls(*, setting: str, **kwargs) -> None:
    if setting in STATIC_SETTINGS:
        _static_urls.clear()


setting_changed.connect(_forget_static_urls)
