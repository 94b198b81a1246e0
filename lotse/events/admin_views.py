"""Back-office screens per event: overview, registrations, exports, PDFs, messages, check-in,
structure report and the deletion of personal data.

Refusals answer 403 (not PermissionDenied, which the Wagtail admin turns into a redirect);
Wagtail's `require_admin_access` in front of every admin URL sends anonymous users to the login.
"""

import tablib
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from lotse.core.exports import dataset_response, safe_dataset
from lotse.core.pdf import pdf_response
from lotse.core.views import permission_denied

from . import checkin as checkin_services
from . import services
from .admin_forms import (
    MessageForm,
    RegistrationAddForm,
    RegistrationFilterForm,
    RegistrationMoveForm,
)
from .admin_services import event_message_send
from .after import event_thanks_send
from .models import (
    ACTIVE_STATUSES,
    Event,
    Registration,
    RegistrationStatus,
    Site,
    WorkingGroup,
)
from .pdf import badges_pdf, checkin_list_pdf, participant_list_pdf, report_pdf
from .permissions import user_can_access_event, user_can_view_registrations, user_is_event_staff
from .reports import chart, press_sentences, report_dataset, structure_report
from .retention import (
    deletion_due_at,
    event_personal_data_delete,
    events_due_for_deletion,
    events_due_soon,
)
from .selectors import messages_with_progress, waitlist_position


def _denied(request: HttpRequest) -> HttpResponse:
    return permission_denied(request, PermissionDenied())


def _event_for(request, event_id: int, *, staff: bool = False) -> Event:
    """The event, if the user may work on it; raises PermissionDenied otherwise."""
    event = get_object_or_404(Event.objects.select_related("organiser"), pk=event_id)
    if staff and not user_is_event_staff(request.user):
        raise PermissionDenied
    if not staff and not user_can_access_event(user=request.user, event_pk=event.pk):
        raise PermissionDenied
    return event


def guarded(view):
    """Turn PermissionDenied into the project's 403 page."""

    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except PermissionDenied:
            return _denied(request)

    wrapper.__name__ = view.__name__
    wrapper.__doc__ = view.__doc__
    return wrapper


def _edit_url(event: Event) -> str:
    return reverse("wagtailsnippets_events_event:edit", args=[event.pk])


# --- overview -------------------------------------------------------------------------------


@guarded
@require_http_methods(["GET", "HEAD"])
def event_overview(request, event_id: int):
    event = _event_for(request, event_id)
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
            "edit_url": _edit_url(event),
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


def registrations_dataset(registrations) -> tablib.Dataset:
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
    event = _event_for(request, event_id)
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
    event = _event_for(request, event_id, staff=True)
    if event.personal_data_deleted_at is not None:
        messages.error(
            request, _("Die personenbezogenen Daten dieser Veranstaltung sind bereits gelöscht.")
        )
        return redirect(_registrations_url(event))
    form = RegistrationAddForm(request.POST or None, event=event)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        person = services.Person(
            first_name=data["first_name"],
            last_name=data["last_name"],
            email=data["email"],
            organisation=data["organisation"],
            actor_type=data["actor_type"],
            district=data["district"],
            role=data["role"],
        )
        try:
            created = services.registrations_create(
                event=event,
                site=data["site"],
                people=[person],
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
    event = _event_for(request, event_id, staff=True)
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
    event = _event_for(request, event_id, staff=True)
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


# --- PDFs -----------------------------------------------------------------------------------


@guarded
@require_http_methods(["GET", "HEAD"])
def badges(request, event_id: int):
    event = _event_for(request, event_id, staff=True)
    site = None
    if request.GET.get("site"):
        site = get_object_or_404(event.sites, pk=request.GET["site"])
    return pdf_response(badges_pdf(event=event, site=site), f"namensschilder-{event.slug}.pdf")


@guarded
@require_http_methods(["GET", "HEAD"])
def participant_list(request, event_id: int):
    event = _event_for(request, event_id, staff=True)
    return pdf_response(participant_list_pdf(event=event), f"teilnehmende-{event.slug}.pdf")


@guarded
@require_http_methods(["GET", "HEAD"])
def checkin_list(request, site_id: int):
    site = get_object_or_404(Site.objects.select_related("event"), pk=site_id)
    _event_for(request, site.event_id, staff=True)
    return pdf_response(
        checkin_list_pdf(site=site), f"einlassliste-{site.event.slug}-{site.pk}.pdf"
    )


# --- messages -------------------------------------------------------------------------------


@guarded
@require_http_methods(["GET", "HEAD", "POST"])
def message(request, event_id: int):
    event = _event_for(request, event_id, staff=True)
    form = MessageForm(request.POST or None, event=event)
    if request.method == "POST" and form.is_valid():
        sent = event_message_send(
            event=event,
            user=request.user,
            subject=form.cleaned_data["subject"],
            body=form.cleaned_data["body"],
            site=form.cleaned_data["site"],
            include_waiting=form.cleaned_data["include_waiting"],
        )
        messages.success(
            request,
            _(
                "Die Nachricht an %(count)s Personen ist im Postausgang; "
                "der Versand läuft im Hintergrund."
            )
            % {"count": sent.recipient_count},
        )
        return redirect("lotse_events:message", event_id=event.pk)
    return render(
        request,
        "events/admin/message.html",
        {"event": event, "form": form, "sent_messages": messages_with_progress(event=event)},
        status=400 if form.errors else 200,
    )


@guarded
@require_POST
def thanks(request, event_id: int):
    event = _event_for(request, event_id, staff=True)
    sent = event_thanks_send(event=event, user=request.user)
    messages.success(
        request,
        _("Dankesmail an %(count)s Personen im Postausgang; der Versand läuft im Hintergrund.")
        % {"count": sent},
    )
    return redirect("lotse_events:overview", event_id=event.pk)


# --- structure report -----------------------------------------------------------------------


@guarded
@require_http_methods(["GET", "HEAD"])
def report(request, event_id: int):
    event = _event_for(request, event_id)
    data = structure_report(event=event)
    fmt = request.GET.get("format")
    if fmt == "csv":
        return dataset_response(report_dataset(data), fmt="csv", basename=f"struktur-{event.slug}")
    if fmt == "pdf":
        return pdf_response(report_pdf(report=data), f"struktur-{event.slug}.pdf")
    sections = [
        (key, title, rows, chart(rows, metric="registered")) for key, title, rows in data.sections
    ]
    return render(
        request,
        "events/admin/report.html",
        {
            "event": event,
            "report": data,
            "sections": sections,
            "sentences": press_sentences(data),
        },
    )


# --- check-in -------------------------------------------------------------------------------

OUTCOME_MESSAGES = {
    "checked_in": _("Eingelassen."),
    "already": _("Bereits eingelassen."),
    "not_confirmed": _("Nicht eingelassen: Die Anmeldung ist nicht bestätigt."),
    "wrong_site": _("Nicht eingelassen: Die Anmeldung gilt für einen anderen Standort."),
    "undone": _("Einlass zurückgenommen."),
    "not_checked_in": _("War nicht eingelassen."),
}


def _site_for(request, site_id: int) -> Site:
    site = get_object_or_404(Site.objects.select_related("event"), pk=site_id)
    if not user_is_event_staff(request.user):
        raise PermissionDenied
    return site


def status_text(registration: Registration) -> str:
    """What the door needs to know, in one line."""
    if registration.checked_in_at is not None:
        who = registration.checked_in_by
        name = (who.get_full_name() or who.get_username()) if who else _("unbekannt")
        return _("Bereits eingelassen um %(time)s Uhr von %(name)s") % {
            "time": date_format(timezone.localtime(registration.checked_in_at), "H:i"),
            "name": name,
        }
    return {
        RegistrationStatus.CONFIRMED: _("Bestätigt – noch nicht eingelassen"),
        RegistrationStatus.HELD: _("Nicht bestätigt (E-Mail-Link nicht geklickt)"),
        RegistrationStatus.OFFERED: _("Nachgerückt, Annahme noch offen"),
        RegistrationStatus.WAITLISTED: _("Warteliste"),
        RegistrationStatus.CANCELLED: _("Storniert"),
        RegistrationStatus.EXPIRED: _("Verfallen"),
    }[registration.status]


@guarded
@require_http_methods(["GET", "HEAD"])
def checkin_page(request, site_id: int):
    site = _site_for(request, site_id)
    query = request.GET.get("q", "").strip()[:100]
    found = None
    results = []
    if query:
        found = checkin_services.registration_by_code(site=site, code=query)
        if found is not None and found.anonymised_at is not None:
            found = None
        results = (
            [found]
            if found
            else list(checkin_services.registrations_search(site=site, query=query))
        )
    for item in results:
        item.status_text = status_text(item)
        item.other_site = item.site_id != site.pk
    other_sites = site.event.sites.exclude(pk=site.pk).order_by("sort_order", "pk")
    return render(
        request,
        "events/admin/checkin.html",
        {
            "site": site,
            "event": site.event,
            "query": query,
            "results": results,
            "attendance": checkin_services.site_attendance(site=site),
            "other_sites": other_sites,
        },
    )


def _registration_for(site: Site, registration_id: int) -> Registration:
    return get_object_or_404(Registration, pk=registration_id, event_id=site.event_id)


def _back(request, site: Site, registration: Registration) -> HttpResponse:
    url = reverse("lotse_events:checkin", args=[site.pk])
    return redirect(f"{url}?q={registration.code}")


@guarded
@require_POST
def checkin_do(request, site_id: int, registration_id: int):
    site = _site_for(request, site_id)
    registration = _registration_for(site, registration_id)
    result = checkin_services.registration_check_in(
        registration=registration, user=request.user, site=site
    )
    text = f"{registration.full_name}: {OUTCOME_MESSAGES[result.outcome]}"
    if result.outcome == "already":
        text = f"{registration.full_name}: {status_text(result.registration)}"
    (messages.success if result.ok else messages.error)(request, text)
    return _back(request, site, registration)


@guarded
@require_POST
def checkin_undo(request, site_id: int, registration_id: int):
    site = _site_for(request, site_id)
    registration = _registration_for(site, registration_id)
    result = checkin_services.registration_check_in_undo(
        registration=registration, user=request.user
    )
    text = f"{registration.full_name}: {OUTCOME_MESSAGES[result.outcome]}"
    (messages.success if result.ok else messages.error)(request, text)
    return _back(request, site, registration)


@guarded
@require_http_methods(["GET", "HEAD"])
def checkin_counter(request, site_id: int):
    """The live counter: an HTML fragment for htmx, or JSON with ?format=json."""
    site = _site_for(request, site_id)
    attendance = checkin_services.site_attendance(site=site)
    if request.GET.get("format") == "json":
        return JsonResponse(
            {
                "present": attendance.present,
                "confirmed": attendance.confirmed,
                "registered": attendance.registered,
            }
        )
    return render(
        request,
        "events/admin/_counter.html",
        {"attendance": attendance, "site": site},
    )


# --- data protection ------------------------------------------------------------------------


@guarded
@require_http_methods(["GET", "HEAD"])
def retention_list(request):
    if not user_is_event_staff(request.user):
        raise PermissionDenied
    now = timezone.now()
    due = list(events_due_for_deletion(now=now))
    for event in due:
        event.due_at = deletion_due_at(event)
        event.overdue_days = (now - event.due_at).days
    soon = events_due_soon(now=now)
    for event in soon:
        event.due_at = deletion_due_at(event)
    return render(
        request,
        "events/admin/retention.html",
        {
            "due": due,
            "soon": soon,
            "deleted": Event.objects.filter(personal_data_deleted_at__isnull=False).order_by(
                "-personal_data_deleted_at"
            )[:20],
        },
    )


@guarded
@require_POST
def retention_run(request, event_id: int):
    event = _event_for(request, event_id, staff=True)
    if event.personal_data_deleted_at is None and deletion_due_at(event) > timezone.now():
        messages.error(request, _("Die Löschfrist dieser Veranstaltung ist noch nicht erreicht."))
        return redirect("lotse_events:retention")
    count = event_personal_data_delete(event=event, user=request.user)
    messages.success(
        request,
        _("„%(title)s“: %(count)s Anmeldungen anonymisiert.")
        % {"title": event.title, "count": count},
    )
    return redirect("lotse_events:retention")
