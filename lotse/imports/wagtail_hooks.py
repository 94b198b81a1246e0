"""Back office: the "Datenimport" screen.

The main menu item is for the Redaktion and Administration (actors, offers); the Tarifregister
reaches the same screen, with its one kind, from its own menu group (tariffs/wagtail_hooks.py).
"""

from django.urls import include, path, reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from lotse.tariffs.wagtail_hooks import SUBMENU_HOOK as TARIFF_REGISTER_SUBMENU_HOOK

from . import urls
from .services import ImportKind, import_kinds_for

AGREEMENTS = "tarifvertraege"


@hooks.register("register_admin_urls")
def register_import_urls():
    return [path("datenimport/", include(urls, namespace="lotse_imports"))]


def _kinds(request) -> list[ImportKind]:
    """The user's import kinds, looked up once per request for both menu items."""
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


class AgreementImportMenuItem(MenuItem):
    def is_shown(self, request):
        return any(kind.key == AGREEMENTS for kind in _kinds(request))


@hooks.register(TARIFF_REGISTER_SUBMENU_HOOK)
def register_agreement_import_menu_item():
    url = f"{reverse('lotse_imports:upload')}?{urlencode({'art': AGREEMENTS})}"
    return AgreementImportMenuItem(
        _("Import (CSV/XLSX)"), url, name="tariffs-import", icon_name="upload", order=100
    )
