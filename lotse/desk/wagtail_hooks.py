"""Back office: the menu "Anfragen" (inquiries, statistics, answer templates)."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from lotse.core.choosers import PolicyChooserViewSet

from . import access, admin_urls
from .models import AnswerTemplate


class AnswerTemplateViewSet(SnippetViewSet):
    model = AnswerTemplate
    chooser_viewset_class = PolicyChooserViewSet
    icon = "doc-full"
    menu_label = _("Textbausteine")
    add_to_admin_menu = False
    list_display = ["title", "topic", "active"]
    list_filter = ["topic", "active"]
    search_fields = ["title", "body"]


register_snippet(AnswerTemplateViewSet)


@hooks.register("register_admin_urls")
def register_desk_urls():
    return [path("anfragen/", include(admin_urls, namespace="lotse_desk"))]


class DeskMenuItem(MenuItem):
    def is_shown(self, request):
        return access.user_may_use_desk(request.user)


class DeskSubmenuItem(SubmenuMenuItem):
    def is_shown(self, request):
        return access.user_may_use_desk(request.user)


desk_menu = Menu(
    register_hook_name="register_desk_menu_item", construct_hook_name="construct_desk_menu"
)


@hooks.register("register_desk_menu_item")
def desk_inquiries_item():
    return DeskMenuItem(_("Anfragen"), reverse("lotse_desk:list"), icon_name="mail", order=100)


@hooks.register("register_desk_menu_item")
def desk_statistics_item():
    return DeskMenuItem(
        _("Statistik"), reverse("lotse_desk:statistics"), icon_name="table", order=200
    )


@hooks.register("register_desk_menu_item")
def desk_templates_item():
    return DeskMenuItem(
        _("Textbausteine"),
        reverse("wagtailsnippets_desk_answertemplate:list"),
        icon_name="doc-full",
        order=300,
    )


@hooks.register("register_admin_menu_item")
def register_desk_menu():
    return DeskSubmenuItem(_("Anfragen"), desk_menu, icon_name="mail", order=8000)
