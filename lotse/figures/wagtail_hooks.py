"""Back office of the figures app: "Medieninformation aus Veranstaltung"."""

from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from lotse.core.admin_menu import user_menu_item

from . import admin_urls
from .admin_views import user_may_draft_press


@hooks.register("register_admin_urls")
def register_figures_admin_urls():
    return [
        path(
            "medieninformation-aus-veranstaltung/",
            include(admin_urls, namespace="lotse_figures"),
        )
    ]


@hooks.register("register_admin_menu_item")
def register_press_menu_item():
    return user_menu_item(
        _("Medieninformation aus Veranstaltung"),
        "lotse_figures:press_events",
        "doc-full",
        260,
        user_may_draft_press,
    )
