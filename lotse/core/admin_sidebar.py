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

This module is also the template library `wagtailadmin_tags`: `TEMPLATES["OPTIONS"]["libraries"]`
maps that name here, so every `{% load wagtailadmin_tags %}` (Wagtail's own templates included)
gets all of Wagtail's tags and filters, taken from its library object, with `{% sidebar_props %}`
and `{% wagtail_config %}` replaced by the kept ones. No template of Wagtail's is copied.
"""

import hashlib
import json

from django import template
from django.middleware.csrf import get_token
from django.urls import reverse
from django.utils.html import json_script
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.admin.menu import admin_menu
from wagtail.admin.search import admin_search_areas
from wagtail.admin.telepath import JSContext
from wagtail.admin.templatetags import wagtailadmin_tags as wagtail_tags
from wagtail.admin.ui import sidebar

from .roles import user_roles
from .versioning import versioned

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
