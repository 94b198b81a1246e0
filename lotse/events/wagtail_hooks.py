"""Back office for events: the "Veranstaltungen" menu, the event snippet screens, and the
per-event screens of the back office (backoffice/urls.py)."""

import django_filters
from django import forms
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.shortcuts import redirect
from django.urls import include, path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import Menu, SubmenuMenuItem
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.admin.ui.tables import Column, StatusTagColumn, TitleColumn
from wagtail.admin.widgets import AdminDateTimeInput
from wagtail.permissions import policy_registry, register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, DeleteView, EditView

from lotse.core.admin_menu import user_menu_item
from lotse.core.audit import audit_log
from lotse.core.auth import guard_object_routes
from lotse.core.choosers import PolicySnippetViewSet
from lotse.core.models import TopicField

from .backoffice import urls as backoffice_urls
from .backoffice.forms import EventAdminForm
from .models import Event, EventKind, EventStatus, Registration
from .permissions import (
    EventPermissionPolicy,
    events_visible_to,
    user_can_access_event,
    user_is_event_staff,
)

register_permission_policy(Event, EventPermissionPolicy(Event), exact_class=True)


class EventFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=EventStatus.choices, empty_label=_("alle")
    )
    kind = django_filters.ChoiceFilter(
        label=_("Art"), choices=EventKind.choices, empty_label=_("alle")
    )
    when = django_filters.ChoiceFilter(
        label=_("Zeitraum"),
        choices=[("upcoming", _("kommende")), ("past", _("vergangene"))],
        method="filter_when",
        empty_label=_("alle"),
    )
    topic_fields = django_filters.ModelChoiceFilter(
        label=_("Themenfeld"), queryset=TopicField.objects.all(), empty_label=_("alle")
    )

    class Meta:
        model = Event
        fields = ["status", "kind"]

    def filter_when(self, queryset, name, value):
        now = timezone.now()
        if value == "upcoming":
            return queryset.filter(ends_at__gte=now)
        if value == "past":
            return queryset.filter(ends_at__lt=now)
        return queryset


def _status_logged(request, instance: Event, *, before: str | None) -> Event:
    """Audit a new status of a saved event (a new event: from None)."""
    if before != instance.status:
        audit_log(
            user=request.user,
            action="lotse.status",
            instance=instance,
            changes={"status": [before, instance.status]},
        )
    return instance


class EventCreateView(CreateView):
    def save_instance(self):
        return _status_logged(self.request, super().save_instance(), before=None)


class EventEditView(EditView):
    """Wagtail's edit view checks the model permission only; the policy decides per event.

    Partners whose event has left "Entwurf"/"Angekündigt" are sent to the event's overview
    (GET and POST alike, so a posted form changes nothing)."""

    def dispatch(self, request, *args, **kwargs):
        event = Event.objects.filter(pk=unquote(str(kwargs.get("pk", "")))).first()
        policy = policy_registry.get_by_type(Event)
        if event is not None and not policy.user_has_permission_for_instance(
            request.user, "change", event
        ):
            messages.error(
                request,
                _(
                    "„%(title)s“ betreut jetzt das Veranstaltungsteam. Änderungen nimmt das "
                    "Team vor; bitte wenden Sie sich dorthin."
                )
                % {"title": event.title},
            )
            return redirect("lotse_events:overview", event.pk)
        return super().dispatch(request, *args, **kwargs)

    def save_instance(self):
        before = Event.objects.filter(pk=self.object.pk).values_list("status", flat=True).first()
        return _status_logged(self.request, super().save_instance(), before=before)


class EventDeleteView(DeleteView):
    """An event with registrations is not deleted (they are protected); say so instead of 500."""

    def dispatch(self, request, *args, **kwargs):
        pk = kwargs.get("pk")
        if pk is not None and Registration.objects.filter(event_id=unquote(str(pk))).exists():
            messages.error(
                request,
                _(
                    "Eine Veranstaltung mit Anmeldungen kann nicht gelöscht werden. Die "
                    "personenbezogenen Daten werden nach der Löschfrist anonymisiert."
                ),
            )
            return redirect("wagtailsnippets_events_event:edit", unquote(str(pk)))
        return super().dispatch(request, *args, **kwargs)


def _overview_link(event) -> str:
    return reverse("lotse_events:overview", args=[event.pk])


def _sites_label(event) -> str:
    return ", ".join(site.name for site in event.sites.all())


class EventViewSet(PolicySnippetViewSet):
    model = Event
    icon = "date"
    menu_label = _("Alle Veranstaltungen")
    add_to_admin_menu = False
    base_form_class = EventAdminForm
    add_view_class = EventCreateView
    edit_view_class = EventEditView
    delete_view_class = EventDeleteView
    filterset_class = EventFilterSet
    search_fields = ["title", "summary", "organiser__name"]
    search_backend_name = None
    ordering = ["-starts_at"]
    list_per_page = 50
    list_display = [
        TitleColumn("title", label=_("Titel"), url_name="wagtailsnippets_events_event:edit"),
        Column("starts_at", label=_("Beginn"), sort_key="starts_at"),
        Column("get_kind_display", label=_("Art")),
        StatusTagColumn(
            "status",
            label=_("Status"),
            accessor="get_status_display",
            primary=lambda event: event.status in ("registration_open", "published"),
        ),
        Column("organiser", label=_("Veranstalter"), sort_key="organiser__name"),
        Column("sites", label=_("Standorte"), accessor=_sites_label),
        TitleColumn(
            "overview",
            label=_("Anmeldungen und Einlass"),
            accessor=lambda event: _("Übersicht"),
            get_url=_overview_link,
        ),
    ]
    list_export = ["title", "starts_at", "ends_at", "kind", "status", "organiser"]
    export_filename = "veranstaltungen"

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldPanel("title"),
                    FieldPanel("slug"),
                    FieldPanel("summary"),
                    FieldPanel("description"),
                    FieldRowPanel([FieldPanel("kind"), FieldPanel("status")]),
                    FieldRowPanel(
                        [
                            FieldPanel("starts_at", widget=AdminDateTimeInput),
                            FieldPanel("ends_at", widget=AdminDateTimeInput),
                        ]
                    ),
                    FieldPanel("organiser"),
                    FieldPanel("co_organisers"),
                    FieldPanel("topic_fields", widget=forms.CheckboxSelectMultiple),
                    FieldPanel("languages", widget=forms.CheckboxSelectMultiple),
                ],
                heading=_("Veranstaltung"),
            ),
            ObjectList(
                [InlinePanel("sites", heading=_("Standorte"), label=_("Standort"), min_num=1)],
                heading=_("Standorte"),
            ),
            ObjectList(
                [
                    InlinePanel(
                        "sessions",
                        heading=_("Programm"),
                        label=_("Programmpunkt"),
                        panels=[
                            FieldRowPanel(
                                [
                                    FieldPanel("starts_at", widget=AdminDateTimeInput),
                                    FieldPanel("ends_at", widget=AdminDateTimeInput),
                                ]
                            ),
                            FieldPanel("title"),
                            FieldPanel("description"),
                            FieldRowPanel([FieldPanel("site"), FieldPanel("working_group")]),
                            FieldPanel("speakers"),
                            FieldPanel(
                                "documents",
                                help_text=_(
                                    "Folien und Ergebnisse; neue Dokumente zuerst unter "
                                    "„Dokumente“ hochladen. Mehrfachauswahl mit Strg."
                                ),
                            ),
                        ],
                    ),
                    InlinePanel(
                        "working_groups", heading=_("Arbeitsgruppen"), label=_("Arbeitsgruppe")
                    ),
                ],
                heading=_("Programm"),
            ),
            ObjectList(
                [
                    FieldRowPanel(
                        [
                            FieldPanel("registration_opens_at", widget=AdminDateTimeInput),
                            FieldPanel("registration_closes_at", widget=AdminDateTimeInput),
                        ]
                    ),
                    MultiFieldPanel(
                        [
                            FieldPanel("ask_organisation"),
                            FieldPanel("ask_actor_type"),
                            FieldPanel("ask_district"),
                            FieldPanel("ask_role"),
                            FieldPanel("ask_dietary_needs"),
                            FieldPanel("ask_accessibility_needs"),
                            FieldPanel("ask_participant_list_consent"),
                            FieldPanel("ask_photo_consent"),
                            FieldPanel("ask_stream_consent"),
                        ],
                        heading=_("Abgefragte Angaben"),
                    ),
                    FieldRowPanel(
                        [
                            FieldPanel("max_group_size"),
                            FieldPanel("hold_hours"),
                            FieldPanel("offer_hours"),
                        ]
                    ),
                    InlinePanel("questions", heading=_("Zusatzfragen"), label=_("Zusatzfrage")),
                    FieldPanel("retention_days"),
                ],
                heading=_("Anmeldung"),
            ),
            ObjectList([FieldPanel("documentation")], heading=_("Dokumentation")),
        ],
        base_form_class=EventAdminForm,
    )

    def get_queryset(self, request):
        return events_visible_to(request.user).select_related("organiser").prefetch_related("sites")

    def get_urlpatterns(self):
        return guard_object_routes(
            super().get_urlpatterns(),
            lambda user, pk: user_can_access_event(user=user, event_pk=pk),
        )


event_viewset = EventViewSet()
register_snippet(event_viewset)


@hooks.register("register_admin_urls")
def register_event_admin_urls():
    return [path("veranstaltungen/", include(backoffice_urls, namespace="lotse_events"))]


def user_sees_event_list(user) -> bool:
    return user.has_perm("events.view_event") or user_is_event_staff(user)


@hooks.register("register_admin_menu_item")
def register_events_menu():
    menu = Menu(
        items=[
            user_menu_item(
                _("Alle Veranstaltungen"),
                "wagtailsnippets_events_event:list",
                "date",
                100,
                user_sees_event_list,
            ),
            user_menu_item(
                _("Löschfristen"), "lotse_events:retention", "bin", 200, user_is_event_staff
            ),
        ]
    )
    return SubmenuMenuItem(_("Veranstaltungen"), menu, icon_name="date", order=250)
