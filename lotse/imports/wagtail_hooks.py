"""Back office: the "Datenimport" screen (Redaktion and Administration only)."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import urls
from .views import user_may_import


@hooks.register("register_admin_urls")
def register_import_urls():
    return [path("datenimport/", include(urls, namespace="lotse_imports"))]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return user_may_import(request.user)


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return ImportMenuItem(
        _("Datenimport"), reverse("lotse_imports:upload"), icon_name="upload", order=9000
    )
