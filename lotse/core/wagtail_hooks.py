from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.auth import permission_denied
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import register_permission_policy

from .audit import register_actions
from .mail_admin import OutgoingMailPermissionPolicy, OutgoingMailViewSet
from .models import OutgoingMail
from .roles import STAFF_ROLES, user_has_role

PAGE_EDITING_ACTIONS = ("add", "change", "publish")

register_permission_policy(OutgoingMail, OutgoingMailPermissionPolicy(), exact_class=True)


@hooks.register("register_admin_viewset")
def register_outgoing_mails():
    return OutgoingMailViewSet("outgoing_mails")


@hooks.register("register_log_actions")
def lotse_log_actions(actions) -> None:
    register_actions(actions)


def user_edits_pages(user) -> bool:
    """Whether the user holds any page-tree permission (Redaktion, Administration)."""
    return PagePermissionPolicy().user_has_any_permission(user, PAGE_EDITING_ACTIONS)


@hooks.register("construct_page_chooser_queryset")
def live_pages_only_for_non_editors(pages, request):
    """Back-office users without page permissions (partners, desk, …) choose among live pages.

    Wagtail's page chooser lists the whole tree to every back-office user, drafts included;
    unpublished titles are not theirs to see.
    """
    if user_edits_pages(request.user):
        return pages
    return pages.filter(live=True)


@hooks.register("before_move_page")
def refuse_move_confirmation_without_permission(request, page_to_move: Page, destination: Page):
    """Wagtail's "confirm move" screen checks permissions only when the move is posted; its GET
    shows any page's title (drafts included) to every back-office user. Refuse it up front."""
    if not page_to_move.permissions_for_user(request.user).can_move_to(destination):
        return permission_denied(request)
    return None


@hooks.register("construct_reports_menu")
def site_history_for_staff_only(request, menu_items) -> None:
    """The site history lists every object a role may view, across organisations; partners
    see their own objects' history on the object itself instead."""
    if not user_has_role(request.user, *STAFF_ROLES):
        menu_items[:] = [item for item in menu_items if item.name != "site-history"]


@hooks.register("insert_global_admin_css")
def admin_css():
    """Contrast fixes for Wagtail's admin (lotse/static/css/admin.css)."""
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin.css"))
