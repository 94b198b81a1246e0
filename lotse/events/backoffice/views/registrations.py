"""Back-office screens per event: overview, registrations (list, export, add, cancel, move).

Refusals answer 403 (not PermissionDenied, which the Wagtail admin turns into a redirect);
Wagtail's `require_admin_access` in front of every admin URL sends anonymous users to the login.
"""

from typing import TYPE_CHECKING

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from lotse.core.exports import dataset_response, safe_dataset

from ... import services
from ...forms import person_from
from ...models import (
    ACTIVE_STATUSES,
    Event,
    Registration,
    RegistrationStatus,
    WorkingGroup,
)
from ...permissions import user_can_view_registrations, user_is_event_staff
from ...retention import (
    deletion_due_at,
)
from ...selectors import waitlist_position
from ..forms import (
    RegistrationAddForm,
    RegistrationFilterForm,
    RegistrationMoveForm,
)
from .access import event_edit_url, event_for, guarded

if TYPE_CHECKING:
    import tablib

# --- overview -------------------------------------------------------------------------------


@guarded
@require_http_methods(["GET", "HEAD"])
def event_overview(request, event_id: int):
    event = event_for(request, event_id)
    sites = event.sites.annotate(
        n_confirmed=Count("registrations", filter=Q(registrations__status="confirmed")),
        n_waiting=Count("registrations", filter=Q(registrations__status="waitlisted")),
        n_present=Count("registrations", filter=Q(registrations__checked_in_at__isnull=False)),
    ).order_by("sort_order", "pk")
    return render(
        request,
        "events/admin/overview.html",
        {
            "event": event,
            "sites": sites,
            "staff": user_is_event_staff(request.user),
            "may_view_registrations": user_can_view_registrations(user=request.user, event=event),
            "edit_url": event_edit_url(event),
            "deletion_due": deletion_due_at(event),
            "messages_sent": event.messages.select_related("site").order_by("-sent_at")[:10],
        },
    )


# --- registrations --------------------------------------------------------------------------


def registrations_filtered(*, event: Event, data) -> tuple[RegistrationFilterForm, object]:
    form = RegistrationFilterForm(data or None, event=event)
    queryset = (
        Registration.objects.filter(event=event)
        .select_related("site", "actor_type", "district", "checked_in_by")
        .prefetch_related(Prefetch("working_groups", queryset=WorkingGroup.objects.only("title")))
        .order_by("site__sort_order", "last_name", "first_name", "id")
    )
    if not form.is_valid():
        return form, queryset.filter(status__in=ACTIVE_STATUSES)
    data = form.cleaned_data
    if data["site"]:
        queryset = queryset.filter(site=data["site"])
    if data["status"] == "all":
        pass
    elif data["status"]:
        queryset = queryset.filter(status=data["status"])
    else:
        queryset = queryset.filter(status__in=ACTIVE_STATUSES)
    if data["working_group"]:
        queryset = queryset.filter(working_groups=data["working_group"])
    if data["checked_in"] == "yes":
        queryset = queryset.filter(checked_in_at__isnull=False)
    elif data["checked_in"] == "no":
        queryset = queryset.filter(checked_in_at__isnull=True)
    if data["consent"]:
        queryset = queryset.filter(**{f"consent_{data['consent']}": True})
    for word in data["q"].split()[:4]:
        queryset = queryset.filter(
            Q(first_name__icontains=word)
            | Q(last_name__icontains=word)
            | Q(organisation__icontains=word)
            | Q(code__iexact=word)
        )
    return form, queryset


def registrations_dataset(registrations) -> "tablib.Dataset":
    """One row per registration; every cell formula-safe (the public typed most of them)."""
    headers = [
        _("Code"),
        _("Standort"),
        _("Status"),
        _("Vorname"),
        _("Nachname"),
        _("E-Mail-Adresse"),
        _("Organisation"),
        _("Akteurstyp"),
        _("Landkreis/Stadt"),
        _("Funktion"),
        _("Arbeitsgruppen"),
        _("Verpflegung"),
        _("Barrierefreiheit"),
        _("Teilnehmendenliste"),
        _("Fotos"),
        _("Livestream"),
        _("Angemeldet am"),
        _("Eingelassen am"),
    ]
    yes, no = _("ja"), _("nein")
    rows = (
        [
            item.code,
            item.site.name,
            item.get_status_display(),
            item.first_name,
            item.last_name,
            item.email,
            item.organisation,
            item.actor_type.name if item.actor_type else "",
            item.district.name if item.district else "",
            item.role,
            ", ".join(group.title for group in item.working_groups.all()),
            item.dietary_needs,
            item.accessibility_needs,
            yes if item.consent_participant_list else no,
            yes if item.consent_photos else no,
            yes if item.consent_stream else no,
            timezone.localtime(item.created_at).strftime("%Y-%m-%d %H:%M"),
            timezone.localtime(item.checked_in_at).strftime("%Y-%m-%d %H:%M")
            if item.checked_in_at
            else "",
        ]
        for item in registrations
    )
    return safe_dataset(headers=headers, rows=rows)


@guarded
@require_http_methods(["GET", "HEAD"])
def registrations_list(request, event_id: int):
    event = event_for(request, event_id)
    if not user_can_view_registrations(user=request.user, event=event):
        raise PermissionDenied
    form, queryset = registrations_filtered(event=event, data=request.GET)
    export = request.GET.get("export")
    if export in ("csv", "xlsx"):
        from lotse.core.audit import audit_log

        audit_log(user=request.user, action="lotse.export", instance=event, note="Anmeldungen")
        return dataset_response(
            registrations_dataset(queryset), fmt=export, basename=f"anmeldungen-{event.slug}"
        )
    page = Paginator(queryset, 50).get_page(request.GET.get("p"))
    query = request.GET.copy()
    query.pop("p", None)
    query.pop("export", None)
    return render(
        request,
        "events/admin/registrations.html",
        {
            "event": event,
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "staff": user_is_event_staff(request.user),
            "changeable": ACTIVE_STATUSES,
        },
    )


# --- manual add / cancel / move (staff only) ------------------------------------------------


def _registrations_url(event: Event) -> str:
    return reverse("lotse_events:registrations", args=[event.pk])


def _live_registration(event: Event, registration_id: int) -> Registration:
    """A registration of this event that still holds personal data; 404 otherwise."""
    return get_object_or_404(
        Registration.objects.select_related("site", "event"),
        pk=registration_id,
        event=event,
        anonymised_at__isnull=True,
    )


def _promoted_text(promoted: list[Registration]) -> str:
    if not promoted:
        return ""
    names = ", ".join(item.full_name for item in promoted)
    text = _("Von der Warteliste nachgerückt (Platz angeboten, E-Mail versandt): %(names)s.")
    return " " + text % {"names": names}


@guarded
@require_http_methods(["GET", "HEAD", "POST"])
def registration_add(request, event_id: int):
    """Add one person by hand: confirmed at once (mail), or the waiting list when full."""
    event = event_for(request, event_id, staff=True)
    if event.personal_data_deleted_at is not None:
        messages.error(
            request, _("Die personenbezogenen Daten dieser Veranstaltung sind bereits gelöscht.")
        )
        return redirect(_registrations_url(event))
    form = RegistrationAddForm(request.POST or None, event=event)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            created = services.registrations_create(
                event=event,
                site=data["site"],
                people=[person_from(data)],
                working_groups=list(data.get("working_groups") or []),
                language=data["language"],
                staff_user=request.user,
            )
        except services.RegistrationError as exc:
            form.add_error(None, str(exc))
        else:
            registration = created[0]
            names = {"name": registration.full_name, "site": registration.site.name}
            if registration.status == RegistrationStatus.WAITLISTED:
                messages.warning(
                    request,
                    _(
                        "Der Standort %(site)s ist ausgebucht: %(name)s steht dort auf der "
                        "Warteliste (Platz %(position)s) und wurde per E-Mail informiert."
                    )
                    % {**names, "position": waitlist_position(registration=registration)},
                )
            else:
                messages.success(
                    request,
                    _(
                        "%(name)s ist für %(site)s angemeldet und bestätigt; "
                        "die Bestätigung wurde per E-Mail versandt."
                    )
                    % names,
                )
            return redirect(_registrations_url(event))
    return render(
        request,
        "events/admin/registration_add.html",
        {"event": event, "form": form},
        status=400 if form.errors else 200,
    )


@guarded
@require_http_methods(["GET", "HEAD", "POST"])
def registration_cancel(request, event_id: int, registration_id: int):
    """Cancel a registration after a confirmation step; the first person waiting moves up."""
    event = event_for(request, event_id, staff=True)
    registration = _live_registration(event, registration_id)
    if request.method == "POST":
        try:
            result = services.registration_cancel(
                registration=registration, staff_user=request.user
            )
        except services.RegistrationError as exc:
            messages.error(request, str(exc))
            return redirect(_registrations_url(event))
        if result.changed:
            messages.success(
                request,
                _("Die Anmeldung von %(name)s ist storniert.") % {"name": registration.full_name}
                + _promoted_text(result.promoted),
            )
        else:
            messages.info(
                request,
                _("Die Anmeldung von %(name)s war bereits storniert oder verfallen.")
                % {"name": registration.full_name},
            )
        return redirect(_registrations_url(event))
    return render(
        request,
        "events/admin/registration_cancel.html",
        {
            "event": event,
            "registration": registration,
            "active": registration.status in ACTIVE_STATUSES,
        },
    )


@guarded
@require_http_methods(["GET", "HEAD", "POST"])
def registration_move(request, event_id: int, registration_id: int):
    """Move a registration to another site: a place there, or its waiting list when full."""
    event = event_for(request, event_id, staff=True)
    registration = _live_registration(event, registration_id)
    form = RegistrationMoveForm(request.POST or None, registration=registration)
    if request.method == "POST" and form.is_valid():
        site = form.cleaned_data["site"]
        try:
            result = services.registration_move(
                registration=registration, site=site, staff_user=request.user
            )
        except services.RegistrationError as exc:
            form.add_error(None, str(exc))
        else:
            names = {"name": registration.full_name, "site": site.name}
            promoted = _promoted_text(result.promoted)
            if result.registration.status == RegistrationStatus.WAITLISTED:
                messages.warning(
                    request,
                    _(
                        "Der Standort %(site)s ist ausgebucht: %(name)s steht dort jetzt auf "
                        "der Warteliste (Platz %(position)s)."
                    )
                    % {**names, "position": waitlist_position(registration=result.registration)}
                    + promoted,
                )
            else:
                messages.success(
                    request, _("%(name)s ist jetzt für %(site)s angemeldet.") % names + promoted
                )
            return redirect(_registrations_url(event))
    return render(
        request,
        "events/admin/registration_move.html",
        {
            "event": event,
            "registration": registration,
            "form": form,
            "active": registration.status in ACTIVE_STATUSES,
        },
        status=400 if form.errors else 200,
    )
