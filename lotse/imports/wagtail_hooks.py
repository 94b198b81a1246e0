"""Back office: the "Datenimport" screen.

The main menu item is for the kinds without a menu group of their own (the Redaktion's actors and
offers). A kind that names its app's menu group (`ImportKind.menu_hook`, e.g. the Tarifregister's
agreements) gets an item "Import (CSV/XLSX)" there, which opens the same screen with that kind.
The kinds are registered by the apps' `ready()`, so they are all known when Wagtail loads this.
"""

from django.urls import include, path, reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import urls
from .kinds import import_kinds
from .services import ImportKind, import_kinds_for


@hooks.register("register_admin_urls")
def register_import_urls():
    return [path("datenimport/", include(urls, namespace="lotse_imports"))]


def _kinds(request) -> list[ImportKind]:
    """The user's import kinds, looked up once per request for all menu items."""
    if not hasattr(request, "_lotse_import_kinds"):
        request._lotse_import_kinds = import_kinds_for(user=request.user)
    return request._lotse_import_kinds


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return any(kind.in_main_menu for kind in _kinds(request))


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return ImportMenuItem(
        _("Datenimport"), reverse("lotse_imports:upload"), icon_name="upload", order=9000
    )


class KindImportMenuItem(MenuItem):
    """The item of one kind in its app's menu group."""

    def __init__(self, *args, kind_key: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind_key = kind_key

    def is_shown(self, request):
        return any(kind.key == self.kind_key for kind in _kinds(request))


def _kind_menu_item_hook(kind: ImportKind):
    def register_kind_menu_item():
        url = f"{reverse('lotse_imports:upload')}?{urlencode({'art': kind.key})}"
        return KindImportMenuItem(
            _("Import (CSV/XLSX)"),
            url,
            name=kind.menu_name or f"{kind.key}-import",
            icon_name="upload",
            order=100,
            kind_key=kind.key,
        )

    return register_kind_menu_item


for _kind in import_kinds().values():
    if _kind.menu_hook:
        hooks.register(_kind.menu_hook, _kind_menu_item_hook(_kind))
