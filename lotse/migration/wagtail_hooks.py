"""Back office of the Einwanderungs-Check: parameters (two-person approval) and route notes.

Both are snippets with revisions (history, compare, revert as a new draft); the menu group
"Einwanderungs-Check" holds both. A parameter change is saved as a draft and submitted to the
workflow "Freigabe durch eine zweite Person" (migrations/0002); the policy (permissions.py) and
the action menu offer no direct "Publish" for parameters.
"""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.admin.ui.tables import Column, LiveStatusTagColumn
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from lotse.core.choosers import PolicySnippetViewSet

from .models import PARAMETER_FIELDS, Parameter, RouteNote
from .permissions import ParameterPermissionPolicy, RouteNotePermissionPolicy

register_permission_policy(Parameter, ParameterPermissionPolicy(Parameter), exact_class=True)
register_permission_policy(RouteNote, RouteNotePermissionPolicy(RouteNote), exact_class=True)


class ParameterViewSet(PolicySnippetViewSet):
    model = Parameter
    icon = "calendar-alt"
    menu_label = _("Regel-Parameter")
    list_display = [
        "__str__",
        Column("legal_reference", label=_("Rechtsgrundlage")),
        Column("checked_on", label=_("geprüft am"), sort_key="checked_on"),
        LiveStatusTagColumn(),
    ]
    list_filter = ["key"]
    list_export = [*PARAMETER_FIELDS, "live"]
    export_filename = "einwanderungs-check-parameter"
    search_fields = ["key", "legal_reference", "note"]
    search_backend_name = None
    panels = [
        FieldRowPanel([FieldPanel("key"), FieldPanel("value"), FieldPanel("unit")]),
        FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_to")]),
        MultiFieldPanel(
            [
                FieldPanel("legal_reference"),
                FieldPanel("source_url"),
                FieldPanel("checked_on"),
                FieldPanel("note"),
            ],
            heading=_("Quelle"),
        ),
    ]


class RouteNoteViewSet(PolicySnippetViewSet):
    model = RouteNote
    icon = "doc-full"
    menu_label = _("Hinweise zu den Wegen")
    list_display = ["__str__", "text", LiveStatusTagColumn()]
    list_filter = ["route", "language"]
    search_fields = ["text"]
    search_backend_name = None
    panels = [FieldRowPanel([FieldPanel("route"), FieldPanel("language")]), FieldPanel("text")]


class MigrationCheckGroup(SnippetViewSetGroup):
    items = (ParameterViewSet, RouteNoteViewSet)
    menu_icon = "globe"
    menu_label = _("Einwanderungs-Check")
    menu_order = 260


register_snippet(MigrationCheckGroup)


@hooks.register("construct_snippet_action_menu")
def parameter_no_direct_publish(menu_items, request, context):
    """Parameters are published by the workflow's approval only, never by a button."""
    if context.get("model") is Parameter:
        menu_items[:] = [item for item in menu_items if item.name != "action-publish"]


@hooks.register("before_delete_snippet")
def parameter_keep_published(request, instances):
    """A published parameter ends by an approved end date, never by deleting it."""
    if any(isinstance(item, Parameter) and item.live for item in instances):
        messages.error(
            request,
            _(
                "Ein veröffentlichter Parameter wird nicht gelöscht: tragen Sie „gültig bis“ ein "
                "und reichen Sie die Änderung zur Freigabe ein."
            ),
        )
        return redirect(reverse("wagtailsnippets_migration_parameter:list"))
    return None
