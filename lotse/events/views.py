"""Public event pages, the registration and the personal registration link (thin views)."""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.contrib import messages
from django.core import signing
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe
from django_ratelimit.core import _SIMPLE_KEYS, get_usage

from lotse.core.pdf import pdf_response

from . import services
from .forms import EventFilterForm, GroupsForm, MoveForm, RegistrationForm, colleague_formset
from .ics import event_ics, events_feed
from .models import RegistrationStatus
from .selectors import (
    EventFilters,
    agenda_slots,
    event_public_detail,
    events_past,
    events_upcoming,
    registration_by_token,
    registration_setup,
    registrations_by_ids,
    sites_with_room,
    stream_url_for,
    waitlist_position,
    waitlist_positions,
)
from .tickets import qr_svg, ticket_pdf

ip_key = _SIMPLE_KEYS["ip"]  # the client address as django-ratelimit sees it (proxy-aware)

DONE_SALT = "lotse.events.registered"
DONE_MAX_AGE = 60 * 60
# The acknowledgements of the registrations this browser sent (only those are shown to it).
DONE_SESSION_KEY = "events_registered"
DONE_SESSION_KEEP = 20


def _receipt_item(item: services.Acknowledged) -> int | dict:
    """One person of the signed acknowledgement: the id of a new registration, or what the
    page shows for an address that was already registered (nothing else is stored)."""
    if item.registration_id is not None:
        return item.registration_id
    return {
        "first": item.first_name,
        "last": item.last_name,
        "site_id": item.site_id,
        "site": item.site_name,
        "status": item.status,
        "position": item.position,
        "until": item.hold_expires_at.isoformat() if item.hold_expires_at else None,
    }


RATE_GROUP = "lotse.events.registrations"


def _registration_rate(group, request) -> str | None:
    """Successful registrations per address and event (LOTSE_EVENT_REGISTRATION_RATE, e.g.
    "20/h"); "off": no limit."""
    rate = settings.LOTSE_EVENT_REGISTRATION_RATE
    return None if not rate or rate == "off" else rate


def _registration_usage(request: HttpRequest, slug: str, *, increment: bool) -> dict | None:
    """The address's count of successful registrations for this event in the current window
    (with `increment`: after one more). Failed submissions are never counted, and every event
    counts on its own, so a shared network (job centre, venue Wi-Fi) is not locked out of all
    events by one busy hour or by typing mistakes."""
    return get_usage(
        request,
        group=RATE_GROUP,
        key=lambda group, request: f"{slug}:{ip_key(request)}",
        rate=_registration_rate,
        method="POST",
        increment=increment,
    )


def _rate_exhausted(usage: dict | None) -> int:
    """Seconds until a new window starts when the limit is reached, else 0 (django-ratelimit's
    window still holds in its last second, `time_left` == 0: the next one starts a second
    later)."""
    if usage is None or usage["count"] < usage["limit"]:
        return 0
    return max(int(usage["time_left"]), 0) + 1


def _private(response: HttpResponse) -> HttpResponse:
    """Pages with personal data: never cached, not indexed."""
    add_never_cache_headers(response)
    patch_cache_control(response, no_store=True, private=True)
    response["X-Robots-Tag"] = "noindex"
    return response


@require_safe
def event_list(request: HttpRequest) -> HttpResponse:
    form = EventFilterForm(request.GET)
    values = form.filters
    filters = EventFilters(
        kind=values["art"], topic_field=values["thema"], district=values["kreis"]
    )
    context = {
        "upcoming": events_upcoming(filters=filters),
        "past": events_past(filters=filters),
        "form": form,
        "filtered": form.filtered,
    }
    return render(request, "events/event_list.html", context)


@require_safe
def event_detail(request: HttpRequest, slug: str) -> HttpResponse:
    event = event_public_detail(slug=slug)
    if event is None:
        raise Http404
    now = timezone.now()
    sessions = list(event.sessions.all())
    context = {
        "event": event,
        "sites": list(event.sites.all()),
        "working_groups": list(event.working_groups.all()),
        "agenda": agenda_slots(sessions),
        "has_documents": bool(
            event.documentation
            or any(group.results for group in event.working_groups.all())
            or any(session.documents.all() for session in sessions)
        ),
        "is_past": event.ends_at < now,
        "registration_open": services.registration_window_open(event, now),
    }
    return render(request, "events/event_detail.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
def event_register(request: HttpRequest, slug: str) -> HttpResponse:
    setup = registration_setup(slug=slug)
    if setup is None:
        raise Http404
    event = setup.event
    if not services.registration_window_open(event):
        not_yet = bool(event.registration_opens_at and event.registration_opens_at > timezone.now())
        return render(
            request, "events/registration_closed.html", {"event": event, "not_yet": not_yet}
        )
    error = ""
    status = 200
    retry_after = 0
    if request.method == "POST":
        form = RegistrationForm(request.POST, setup=setup)
        formset = colleague_formset(event, request.POST)
        retry_after = _rate_exhausted(_registration_usage(request, slug, increment=False))
        if retry_after:
            # The form comes back with everything typed, and says how long to wait.
            minutes = -(-retry_after // 60)
            error = ngettext(
                "Von Ihrer Verbindung kamen in kurzer Zeit viele Anmeldungen zu dieser "
                "Veranstaltung. Bitte versuchen Sie es in %(minutes)s Minute erneut; Ihre "
                "Angaben bleiben hier erhalten.",
                "Von Ihrer Verbindung kamen in kurzer Zeit viele Anmeldungen zu dieser "
                "Veranstaltung. Bitte versuchen Sie es in %(minutes)s Minuten erneut; Ihre "
                "Angaben bleiben hier erhalten.",
                minutes,
            ) % {"minutes": minutes}
            status = 429
        elif form.is_valid() and formset.is_valid():
            people = [form.person()]
            organisation = people[0].organisation
            for row in formset.cleaned_data:
                if row:
                    people.append(
                        services.Person(
                            first_name=row["first_name"],
                            last_name=row["last_name"],
                            email=row["email"],
                            organisation=organisation,
                            actor_type=people[0].actor_type,
                            district=people[0].district,
                            role=row.get("role", ""),
                        )
                    )
            try:
                answer = services.registrations_submit(
                    event=event,
                    site=form.cleaned_data["site"],
                    people=people,
                    working_groups=form.cleaned_data.get("working_groups") or [],
                    answers=form.answers(),
                    consents=form.consents(),
                    language=get_language() or "de",
                )
            except services.RegistrationError as exc:
                error = str(exc)
                status = 400
            else:
                _registration_usage(request, slug, increment=True)
                signed = signing.dumps(
                    [_receipt_item(item) for item in answer], salt=DONE_SALT, compress=True
                )
                sent = request.session.get(DONE_SESSION_KEY, [])
                request.session[DONE_SESSION_KEY] = [*sent, signed][-DONE_SESSION_KEEP:]
                return redirect("events:registered", slug=event.slug, signed=signed)
        else:
            error = _("Bitte prüfen Sie Ihre Angaben; die Hinweise stehen an den Feldern.")
            status = 400
    else:
        form = RegistrationForm(setup=setup)
        formset = colleague_formset(event)
    response = render(
        request,
        "events/register.html",
        {
            "event": event,
            "form": form,
            "formset": formset,
            "error": error,
            "retention_days": event.retention_days,
        },
        status=status,
    )
    if retry_after:
        response["Retry-After"] = str(retry_after)
    # The empty form of a GET is the same for everyone (the page cache serves it, with each
    # visitor's own CSRF token); what a POST shows back carries personal data.
    return _private(response) if request.method == "POST" else response


@require_safe
def event_registered(request: HttpRequest, slug: str, signed: str) -> HttpResponse:
    """The acknowledgement after the POST: the ids are signed and time-limited, and shown only
    to the browser (session) that sent them; any other sees a neutral page without personal
    data that points to the link in the e-mail."""
    try:
        items = signing.loads(signed, salt=DONE_SALT, max_age=DONE_MAX_AGE)
    except signing.BadSignature as exc:
        raise Http404 from exc
    if signed not in request.session.get(DONE_SESSION_KEY, []):
        return _private(render(request, "events/registered_elsewhere.html"))
    setup = registration_setup(slug=slug)
    if setup is None:
        raise Http404
    event = setup.event
    found = {
        r.pk: r
        for r in registrations_by_ids(ids=[i for i in items if isinstance(i, int)])
        if r.event_id == event.pk
    }
    positions = waitlist_positions(registrations=list(found.values()))
    rows = []
    for item in items:
        if isinstance(item, dict):
            rows.append(
                {
                    "name": f"{item['first']} {item['last']}".strip(),
                    "site_id": item["site_id"],
                    "site_name": item["site"],
                    "status": item["status"],
                    "position": item["position"],
                    "until": datetime.fromisoformat(item["until"]) if item["until"] else None,
                }
            )
        elif item in found:
            registration = found[item]
            rows.append(
                {
                    "name": registration.full_name,
                    "site_name": registration.site.name,
                    "site_id": registration.site_id,
                    "status": registration.status,
                    "position": positions.get(registration.pk),
                    "until": registration.hold_expires_at,
                }
            )
    if not rows:
        raise Http404
    waiting = [row for row in rows if row["position"]]
    alternatives = (
        sites_with_room(event=event, exclude_site_id=rows[0]["site_id"]) if waiting else []
    )
    response = render(
        request,
        "events/registered.html",
        {"event": event, "rows": rows, "waiting": waiting, "alternatives": alternatives},
    )
    return _private(response)


def _registration_or_404(token: str):
    registration = registration_by_token(token=token)
    if registration is None:
        raise Http404(_("Dieser Link ist ungültig oder die Anmeldung wurde gelöscht."))
    return registration


@require_http_methods(["GET", "HEAD", "POST"])
def registration_manage(request: HttpRequest, token: str) -> HttpResponse:
    """See, change and cancel one's registration through the personal link."""
    registration = _registration_or_404(token)
    move_form = MoveForm(registration=registration)
    groups_form = GroupsForm(registration=registration)
    status = 200
    if request.method == "POST":
        action = request.POST.get("action", "")
        try:
            if action == "accept":
                services.offer_accept(registration=registration)
                messages.success(request, _("Sie haben den Platz angenommen. Willkommen!"))
            elif action == "decline":
                services.offer_decline(registration=registration)
                messages.success(
                    request, _("Sie haben den Platz abgelehnt; er geht an die nächste Person.")
                )
            elif action == "cancel":
                # Cancelling asks once more, on the same page as the mail's link.
                return redirect("events:release", token=token)
            elif action == "move":
                move_form = MoveForm(request.POST, registration=registration)
                if not move_form.is_valid():
                    raise services.RegistrationError(_("Bitte wählen Sie einen Standort."))
                result = services.registration_move(
                    registration=registration, site=move_form.cleaned_data["site"]
                )
                if result.registration.status == RegistrationStatus.WAITLISTED:
                    messages.warning(
                        request,
                        _("Der neue Standort ist ausgebucht; Sie stehen dort auf der Warteliste."),
                    )
                else:
                    messages.success(request, _("Ihr Standort wurde geändert."))
            elif action == "groups":
                groups_form = GroupsForm(request.POST, registration=registration)
                if not groups_form.is_valid():
                    raise services.RegistrationError(
                        _("Bitte prüfen Sie die Auswahl der Arbeitsgruppen.")
                    )
                services.registration_groups_change(
                    registration=registration,
                    working_groups=groups_form.cleaned_data["working_groups"],
                )
                messages.success(request, _("Ihre Arbeitsgruppen wurden gespeichert."))
            else:
                raise services.RegistrationError(_("Unbekannte Aktion."))
        except services.RegistrationError as exc:
            messages.error(request, str(exc))
            status = 400
        else:
            return redirect("events:manage", token=token)
        registration = _registration_or_404(token)
    response = render(
        request,
        "events/manage.html",
        {
            "registration": registration,
            "event": registration.event,
            "site": registration.site,
            "position": waitlist_position(registration=registration),
            "stream_url": stream_url_for(registration=registration),
            "move_form": move_form,
            "groups_form": groups_form,
            "has_groups": bool(groups_form.groups),
            "is_active": registration.status
            in (*services.SEAT_STATUSES, RegistrationStatus.WAITLISTED),
            "alternatives": sites_with_room(
                event=registration.event, exclude_site_id=registration.site_id
            )
            if registration.status == RegistrationStatus.WAITLISTED
            else [],
        },
        status=status,
    )
    return _private(response)


@require_http_methods(["GET", "HEAD", "POST"])
def registration_confirm(request: HttpRequest, token: str) -> HttpResponse:
    """The double opt-in link from the e-mail: a GET shows the registration and asks; only the
    POST of its button confirms (mail scanners that open links confirm nothing; replays change
    nothing)."""
    registration = _registration_or_404(token)
    if request.method == "POST":
        try:
            result = services.registration_confirm(registration=registration)
        except services.RegistrationError as exc:
            messages.error(request, str(exc))
        else:
            if result.changed:
                messages.success(
                    request,
                    _("Vielen Dank! Ihre Anmeldung ist bestätigt. Ihr Ticket kommt per E-Mail."),
                )
            else:
                messages.info(
                    request, _("Ihre Anmeldung war bereits bestätigt; es hat sich nichts geändert.")
                )
        return redirect("events:manage", token=token)
    response = render(
        request,
        "events/confirm.html",
        {
            "registration": registration,
            "event": registration.event,
            "site": registration.site,
            "overdue": registration.status == RegistrationStatus.HELD
            and registration.hold_expires_at is not None
            and registration.hold_expires_at < timezone.now(),
        },
    )
    return _private(response)


@require_http_methods(["GET", "HEAD", "POST"])
def registration_release(request: HttpRequest, token: str) -> HttpResponse:
    """ "Platz freigeben": asks once more (a GET never cancels), then cancels on POST."""
    registration = _registration_or_404(token)
    if request.method == "POST":
        result = services.registration_cancel(registration=registration)
        messages.success(
            request,
            _("Ihre Anmeldung ist storniert. Danke, dass Sie den Platz freigegeben haben.")
            if result.changed
            else _("Diese Anmeldung war bereits storniert."),
        )
        return redirect("events:manage", token=token)
    response = render(
        request,
        "events/release.html",
        {"registration": registration, "event": registration.event},
    )
    return _private(response)


def _ticket_registration(token: str):
    registration = _registration_or_404(token)
    if registration.status != RegistrationStatus.CONFIRMED:
        raise Http404(_("Ein Ticket gibt es erst nach der Bestätigung."))
    return registration


@require_safe
def registration_ticket_pdf(request: HttpRequest, token: str) -> HttpResponse:
    registration = _ticket_registration(token)
    manage_url = request.build_absolute_uri(reverse("events:manage", args=[token]))
    content = ticket_pdf(registration, manage_url=manage_url)
    return _private(pdf_response(content, f"ticket-{registration.code}.pdf", inline=True))


@require_safe
def registration_ticket_svg(request: HttpRequest, token: str) -> HttpResponse:
    registration = _ticket_registration(token)
    return _private(HttpResponse(qr_svg(registration), content_type="image/svg+xml"))


@require_safe
def event_calendar_file(request: HttpRequest, slug: str) -> HttpResponse:
    event = event_public_detail(slug=slug)
    if event is None:
        raise Http404
    url = request.build_absolute_uri(reverse("events:detail", args=[slug]))
    response = HttpResponse(event_ics(event, url=url), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{slug}.ics"'
    return response


@require_safe
def calendar_feed(request: HttpRequest) -> HttpResponse:
    """All upcoming published events as one iCalendar feed (subscribable)."""
    events = events_upcoming()

    def url_for(event):
        return request.build_absolute_uri(reverse("events:detail", args=[event.slug]))

    response = HttpResponse(
        events_feed(events, url_for=url_for), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = 'inline; filename="veranstaltungen.ics"'
    return response
