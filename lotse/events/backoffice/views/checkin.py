"""Check-in at the door: search by code or name, check in, undo, live counter."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ...models import (
    Registration,
    RegistrationStatus,
    Site,
)
from ...permissions import user_is_event_staff
from .. import checkin as checkin_services
from .access import guarded

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


def _act(request, site_id: int, registration_id: int, action, *, at_site=False) -> HttpResponse:
    """Run a check-in service on a registration of the site and say how it went; `at_site`:
    the service checks that the registration is for this site."""
    site = _site_for(request, site_id)
    registration = _registration_for(site, registration_id)
    extra = {"site": site} if at_site else {}
    result = action(registration=registration, user=request.user, **extra)
    text = f"{registration.full_name}: {OUTCOME_MESSAGES[result.outcome]}"
    if result.outcome == "already":
        text = f"{registration.full_name}: {status_text(result.registration)}"
    (messages.success if result.ok else messages.error)(request, text)
    return _back(request, site, registration)


@guarded
@require_POST
def checkin_do(request, site_id: int, registration_id: int):
    action = checkin_services.registration_check_in
    return _act(request, site_id, registration_id, action, at_site=True)


@guarded
@require_POST
def checkin_undo(request, site_id: int, registration_id: int):
    action = checkin_services.registration_check_in_undo
    return _act(request, site_id, registration_id, action)


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
