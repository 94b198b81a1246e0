from django.core.exceptions import ValidationError
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.auth import permission_denied
from wagtail.admin.forms.models import register_form_field_override
from wagtail.blocks.base import BlockField, BlockWidget
from wagtail.documents import get_document_model
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import policy_registry, register_permission_policy

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


# --- StreamField POSTs that the admin's JavaScript did not write ----------------------------------

MALFORMED_STREAM = object()


class TolerantBlockWidget(BlockWidget):
    """Reads a StreamField's hidden inputs; missing or garbled ones (a hand-made or truncated
    POST) give a marker instead of a KeyError/ValueError, i.e. a 500."""

    def value_from_datadict(self, data, files, name):
        try:
            return super().value_from_datadict(data, files, name)
        except (KeyError, ValueError, TypeError, IndexError, AttributeError):
            return MALFORMED_STREAM

    def render_with_errors(self, name, value, attrs=None, errors=None, renderer=None):
        if value is MALFORMED_STREAM:
            value = self.block_def.get_default()
        return super().render_with_errors(name, value, attrs, errors, renderer)


class TolerantBlockField(BlockField):
    """The admin's StreamField form field: malformed data is a form error, nothing is saved."""

    def __init__(self, block=None, **kwargs):
        if block is not None and "widget" not in kwargs:
            kwargs["widget"] = TolerantBlockWidget(block)
        super().__init__(block=block, **kwargs)

    def clean(self, value):
        if value is MALFORMED_STREAM:
            raise ValidationError(
                _(
                    "Die Angaben in diesem Feld sind unvollständig oder beschädigt angekommen. "
                    "Bitte laden Sie die Seite neu und geben Sie sie noch einmal ein."
                ),
                code="malformed",
            )
        return super().clean(value)

    def has_changed(self, initial_value, data_value):
        if data_value is MALFORMED_STREAM:
            return True
        return super().has_changed(initial_value, data_value)


register_form_field_override(StreamField, override={"form_class": TolerantBlockField})


# --- The admin API's documents and images -------------------------------------------------------


def _choosable(viewset, model):
    policy = policy_registry.get_by_type(model)
    allowed = policy.instances_user_has_any_permission_for(viewset.request.user, ["choose"])
    return viewset.get_base_queryset().filter(pk__in=allowed.values("pk"))


class ChoosableDocumentsAPIViewSet(DocumentsAdminAPIViewSet):
    """Wagtail's admin API lists every document to every back-office user; here only those the
    user may choose in the document chooser (collection permission "choose")."""

    def get_base_queryset(self):
        return super().get_queryset()

    def get_queryset(self):
        return _choosable(self, get_document_model())


class ChoosableImagesAPIViewSet(ImagesAdminAPIViewSet):
    """Like ChoosableDocumentsAPIViewSet, for images."""

    def get_base_queryset(self):
        return super().get_queryset()

    def get_queryset(self):
        return _choosable(self, get_image_model())


@hooks.register("construct_admin_api", order=100)
def choosable_documents_and_images_in_the_admin_api(router) -> None:
    """Runs after Wagtail's own hooks (order 100) and replaces their two endpoints."""
    router.register_endpoint("documents", ChoosableDocumentsAPIViewSet)
    router.register_endpoint("images", ChoosableImagesAPIViewSet)
