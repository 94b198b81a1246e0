"""Back office of the Wegweiser: check versions as snippets (drafts, revisions, review).

The Redaktion edits a draft version's modules, questions and rules (StreamField), saves
revisions and submits it to the review workflow "Prüfung durch die Redaktion"; publishing turns
the definition into the rows checks use and freezes the version (`services.version_publish`).
A published version opens read-only with the button "Neue Entwurfsversion anlegen" (POST):
that copies its definition into the next number. Every route asks CheckVersionPermissionPolicy.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, ObjectList, TabbedInterface
from wagtail.admin.ui.tables import Column, LiveStatusTagColumn, TitleColumn
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from lotse.core.choosers import PolicySnippetViewSet

from .admin_forms import CheckVersionAdminForm
from .models import CheckVersion
from .permissions import CheckVersionPermissionPolicy
from .services import version_draft_from

policy = CheckVersionPermissionPolicy(CheckVersion)
register_permission_policy(CheckVersion, policy, exact_class=True)

EDIT_URL = "wagtailsnippets_guidance_checkversion:edit"
COPY_URL = "wagtailsnippets_guidance_checkversion:new_draft"


@require_http_methods(["GET", "POST"])
def version_new_draft_view(request, pk):
    """GET shows the published version's state and asks; POST creates the next draft."""
    version = get_object_or_404(CheckVersion, pk=pk)
    if not policy.user_may_copy(request.user, version):
        raise PermissionDenied
    if request.method == "POST":
        draft = version_draft_from(version=version, user=request.user)
        messages.success(
            request,
            _("Version %(number)s ist als Entwurf angelegt.") % {"number": draft.number},
        )
        return redirect(reverse(EDIT_URL, args=[draft.pk]))
    return TemplateResponse(
        request,
        "guidance/admin/new_draft.html",
        {"version": version, "copy_url": reverse(COPY_URL, args=[version.pk])},
    )


class CheckVersionViewSet(PolicySnippetViewSet):
    model = CheckVersion
    icon = "list-ul"
    menu_label = _("Wegweiser-Versionen")
    menu_order = 230
    add_to_admin_menu = True
    ordering = ["-number"]
    list_display = [
        TitleColumn("__str__", label=_("Version"), url_name=EDIT_URL),
        Column("published_at", label=_("veröffentlicht")),
        LiveStatusTagColumn(),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(
                [FieldPanel("number"), FieldPanel("note"), FieldPanel("source")],
                heading=_("Version"),
            ),
            ObjectList([FieldPanel("content")], heading=_("Module, Fragen und Regeln")),
        ],
        base_form_class=CheckVersionAdminForm,
    )

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path(
                f"new-draft/<{self.pk_path_converter}:pk>/",
                version_new_draft_view,
                name="new_draft",
            ),
        ]


register_snippet(CheckVersionViewSet)


@hooks.register("before_edit_snippet")
def published_version_is_frozen(request, instance):
    """A published version is never edited: its edit screen leads to a new draft instead."""
    if isinstance(instance, CheckVersion) and instance.published_at is not None:
        return redirect(reverse(COPY_URL, args=[instance.pk]))
    return None
