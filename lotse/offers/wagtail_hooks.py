"""Back office for offers: the snippet screens, the partner permission policy, confirm/reject.

Drafts, revisions, locking, submission and the review ("Prüfung durch die Redaktion": approve,
request changes with a comment) are Wagtail's; the two extra actions here are the yearly
confirmation ("Angebot bestätigen") and the final rejection ("Endgültig ablehnen").
"""

import django_filters
from django import forms
from django.contrib import messages
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.admin.ui.tables import Column, LiveStatusTagColumn, StatusTagColumn, TitleColumn
from wagtail.permissions import register_permission_policy
from wagtail.snippets.action_menu import ActionMenuItem
from wagtail.snippets.models import register_snippet

from lotse.core.auth import guard_object_routes
from lotse.core.choosers import PolicySnippetViewSet
from lotse.core.models import SearchSynonym, TopicField

from .forms import OfferAdminForm
from .models import Offer
from .permissions import (
    OfferPermissionPolicy,
    offers_visible_to,
    user_can_access_offer,
    user_can_confirm_offer,
    user_is_offer_staff,
)
from .services import offer_confirm, offer_reject

register_permission_policy(Offer, OfferPermissionPolicy(Offer), exact_class=True)

CONFIRMATION_LABELS = {
    "ok": _("bestätigt"),
    "due": _("Bestätigung fällig"),
    "expired": _("abgelaufen – nicht öffentlich"),
    "draft": _("nicht veröffentlicht"),
    "rejected": _("abgelehnt"),
}


def confirmation_label(offer) -> str:
    return str(CONFIRMATION_LABELS[offer.confirmation_status()])


class OfferFilterSet(WagtailFilterSet):
    confirmation = django_filters.ChoiceFilter(
        label=_("Bestätigung"),
        choices=[
            ("due", _("Bestätigung fällig")),
            ("expired", _("abgelaufen – nicht öffentlich")),
            ("rejected", _("abgelehnt")),
        ],
        method="filter_confirmation",
        empty_label=_("alle"),
    )
    topic_fields = django_filters.ModelChoiceFilter(
        label=_("Themenfeld"), queryset=TopicField.objects.all(), empty_label=_("alle")
    )

    class Meta:
        model = Offer
        fields = ["kind", "live", "cost", "statewide", "online"]

    def filter_confirmation(self, queryset, name, value):
        if value == "due":
            return queryset.confirmation_due()
        if value == "expired":
            return queryset.confirmation_expired()
        if value == "rejected":
            return queryset.filter(rejected_at__isnull=False)
        return queryset


def _get_offer(request, pk) -> Offer:
    offer = get_object_or_404(Offer.objects.select_related("actor"), pk=unquote(str(pk)))
    if not user_can_access_offer(user=request.user, offer_pk=offer.pk):
        raise PermissionDenied
    return offer


def _edit_url(offer) -> str:
    return reverse("wagtailsnippets_offers_offer:edit", args=[quote(offer.pk)])


def _offer_action_response(
    request, template: str, offer, *, title: str, icon: str, context: dict, status: int = 200
) -> TemplateResponse:
    """A page for one action on one offer in Wagtail's generic layout: the action is the title
    and heading (Wagtail's `header_title`, `page_title`), the offer's title the subtitle."""
    return TemplateResponse(
        request,
        template,
        {
            "header_title": title,
            "page_title": title,
            "page_subtitle": offer.title,
            "header_icon": icon,
            "offer": offer,
            "edit_url": _edit_url(offer),
            **context,
        },
        status=status,
    )


@require_http_methods(["GET", "POST"])
def offer_confirm_view(request, pk):
    offer = _get_offer(request, pk)
    if not user_can_confirm_offer(user=request.user, offer=offer):
        raise PermissionDenied
    if request.method == "POST":
        try:
            offer_confirm(offer=offer, user=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("Das Angebot „%(title)s“ ist bestätigt bis %(date)s.")
                % {"title": offer.title, "date": date_format(offer.confirmation_expires_at)},
            )
        return redirect(_edit_url(offer))
    return _offer_action_response(
        request,
        "offers/admin/confirm.html",
        offer,
        title=_("Angebot bestätigen"),
        icon="success",
        context={"status": confirmation_label(offer)},
    )


@require_http_methods(["GET", "POST"])
def offer_reject_view(request, pk):
    offer = _get_offer(request, pk)
    if not user_is_offer_staff(request.user):
        raise PermissionDenied
    error = ""
    reason = ""
    if request.method == "POST":
        reason = request.POST.get("reason", "")
        try:
            offer_reject(offer=offer, user=request.user, reason=reason)
        except ValidationError as exc:
            error = " ".join(exc.messages)
        else:
            messages.success(
                request, _("Das Angebot „%(title)s“ wurde abgelehnt.") % {"title": offer.title}
            )
            return redirect(_edit_url(offer))
    return _offer_action_response(
        request,
        "offers/admin/reject.html",
        offer,
        title=_("Angebot endgültig ablehnen"),
        icon="cross",
        context={"error": error, "reason": reason},
        status=400 if error else 200,
    )


class OfferViewSet(PolicySnippetViewSet):
    model = Offer
    icon = "tasks"
    menu_label = _("Angebote")
    menu_order = 210
    add_to_admin_menu = True
    base_form_class = OfferAdminForm
    filterset_class = OfferFilterSet
    search_fields = ["title", "summary", "actor__name"]
    search_backend_name = None
    ordering = ["title"]
    list_per_page = 50
    list_display = [
        TitleColumn("title", label=_("Titel"), url_name="wagtailsnippets_offers_offer:edit"),
        Column("actor", label=_("Anbieter"), sort_key="actor__name"),
        Column("get_kind_display", label=_("Art")),
        LiveStatusTagColumn(),
        StatusTagColumn(
            "confirmation",
            label=_("Bestätigung"),
            accessor=confirmation_label,
            primary=lambda offer: offer.confirmation_status() == "ok",
        ),
        Column("confirmed_at", label=_("zuletzt bestätigt"), sort_key="confirmed_at"),
    ]
    list_export = ["title", "actor", "kind", "live", "confirmed_at", "valid_until", "link"]
    export_filename = "angebote"

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldPanel("title"),
                    FieldPanel("slug"),
                    FieldPanel("actor"),
                    FieldPanel("summary"),
                    FieldPanel("description"),
                    FieldPanel("link"),
                ],
                heading=_("Inhalt"),
            ),
            ObjectList(
                [
                    FieldPanel("kind"),
                    FieldPanel("topic_fields", widget=forms.CheckboxSelectMultiple),
                    FieldPanel("target_groups", widget=forms.CheckboxSelectMultiple),
                    MultiFieldPanel(
                        [
                            FieldRowPanel([FieldPanel("statewide"), FieldPanel("online")]),
                            FieldPanel("districts"),
                        ],
                        heading=_("Wo"),
                    ),
                    FieldPanel("languages"),
                ],
                heading=_("Einordnung"),
            ),
            ObjectList(
                [
                    FieldPanel("cost"),
                    FieldPanel("cost_note"),
                    FieldPanel("eligibility"),
                    MultiFieldPanel(
                        [
                            FieldRowPanel([FieldPanel("for_micro"), FieldPanel("for_small")]),
                            FieldRowPanel([FieldPanel("for_medium"), FieldPanel("for_large")]),
                        ],
                        heading=_("Unternehmensgrößen"),
                    ),
                ],
                heading=_("Konditionen"),
            ),
            ObjectList(
                [
                    FieldPanel("contact"),
                    FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_until")]),
                ],
                heading=_("Kontakt & Gültigkeit"),
            ),
        ],
        base_form_class=OfferAdminForm,
    )

    def get_queryset(self, request):
        return offers_visible_to(request.user).select_related("actor").with_admin_state()

    def get_urlpatterns(self):
        patterns = guard_object_routes(
            super().get_urlpatterns(),
            lambda user, pk: user_can_access_offer(user=user, offer_pk=pk),
        )
        return [
            *patterns,
            path(f"confirm/<{self.pk_path_converter}:pk>/", offer_confirm_view, name="confirm"),
            path(f"reject/<{self.pk_path_converter}:pk>/", offer_reject_view, name="reject"),
        ]


register_snippet(OfferViewSet)


class _OfferActionMenuItem(ActionMenuItem):
    """An action on the edit view of an offer that is not (finally) rejected, on its own page."""

    route = ""

    def may(self, offer, user) -> bool:
        raise NotImplementedError

    def is_shown(self, context):
        offer = context.get("instance")
        return (
            context.get("view") == "edit"
            and offer is not None
            and offer.rejected_at is None
            and self.may(offer, context["request"].user)
        )

    def get_url(self, parent_context):
        return reverse(
            f"wagtailsnippets_offers_offer:{self.route}",
            args=[quote(parent_context["instance"].pk)],
        )


class ConfirmOfferMenuItem(_OfferActionMenuItem):
    name = "action-confirm-offer"
    label = _("Angebot bestätigen")
    icon_name = "success"
    order = 70
    route = "confirm"

    def may(self, offer, user) -> bool:
        return offer.live and user_can_confirm_offer(user=user, offer=offer)


class RejectOfferMenuItem(_OfferActionMenuItem):
    name = "action-reject-offer"
    label = _("Endgültig ablehnen")
    icon_name = "cross"
    order = 80
    route = "reject"

    def may(self, offer, user) -> bool:
        return user_is_offer_staff(user)


@hooks.register("register_snippet_action_menu_item")
def offer_confirm_menu_item(model):
    return ConfirmOfferMenuItem() if model is Offer else None


@hooks.register("register_snippet_action_menu_item")
def offer_reject_menu_item(model):
    return RejectOfferMenuItem() if model is Offer else None


@hooks.register("before_edit_snippet")
def offer_status_messages(request, instance):
    """Tell the provider why an offer is offline; a rejected offer is read-only for partners."""
    if not isinstance(instance, Offer):
        return None
    if instance.rejected_at is not None:
        if request.method == "POST" and not user_is_offer_staff(request.user):
            messages.error(request, _("Abgelehnte Angebote können nicht mehr bearbeitet werden."))
            return redirect(_edit_url(instance))
        if request.method == "GET":
            messages.warning(
                request,
                _("Von der Redaktion am %(date)s endgültig abgelehnt: %(reason)s")
                % {
                    "date": date_format(timezone.localtime(instance.rejected_at)),
                    "reason": instance.rejection_reason,
                },
            )
        return None
    status = instance.confirmation_status()
    if request.method == "GET" and status in ("due", "expired"):
        if status == "expired":
            text = _(
                "Die jährliche Bestätigung ist abgelaufen; das Angebot ist nicht öffentlich. "
                "Bitte prüfen Sie es und wählen Sie „Angebot bestätigen“."
            )
        else:
            text = _(
                "Bitte bestätigen Sie das Angebot bis %(date)s, sonst wird es nicht mehr angezeigt."
            ) % {"date": date_format(timezone.localtime(instance.confirmation_expires_at))}
        messages.warning(request, text)
    return None


# --- Synonyms of the search (issue 11/8): the Redaktion keeps the groups -----------------------


class SearchSynonymViewSet(PolicySnippetViewSet):
    """Synonym groups of the catalogue and directory search (core.synonyms); model permissions
    (Redaktion and Administration, core/roles.py). Edits take effect with the next search."""

    model = SearchSynonym
    icon = "list-ul"
    menu_label = _("Synonyme der Suche")
    add_to_settings_menu = True
    list_display = ["__str__", "note", "updated_at"]
    search_fields = ["terms", "note"]
    panels = [FieldPanel("terms"), FieldPanel("note")]


register_snippet(SearchSynonymViewSet)
