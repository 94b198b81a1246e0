"""Back office: "Medieninformation aus Veranstaltung" – pick an event, see the fact box its
structure report gives, create the draft (POST) and continue in the page editor."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from lotse.core.roles import ADMINISTRATION, EDITORS, EVENTS_TEAM, user_has_role
from lotse.core.views import permission_denied
from lotse.events.backoffice.reports import structure_report
from lotse.events.models import Event

from .press import fact_groups
from .services import PressIndexMissing, press_release_draft_from_event

PRESS_ROLES = (EDITORS, EVENTS_TEAM, ADMINISTRATION)
LIST_LENGTH = 50


def user_may_draft_press(user) -> bool:
    return bool(user.is_active) and user_has_role(user, *PRESS_ROLES)


def _guard(request):
    if not user_may_draft_press(request.user):
        raise PermissionDenied


@require_http_methods(["GET", "HEAD"])
def event_choice(request):
    try:
        _guard(request)
    except PermissionDenied as error:
        return permission_denied(request, error)
    events = Event.objects.order_by("-starts_at")[:LIST_LENGTH]
    return render(request, "figures/admin/event_choice.html", {"events": events})


@require_http_methods(["GET", "HEAD", "POST"])
def draft_from_event(request, event_id: int):
    try:
        _guard(request)
    except PermissionDenied as error:
        return permission_denied(request, error)
    event = get_object_or_404(Event, pk=event_id)
    if request.method == "POST":
        try:
            page = press_release_draft_from_event(event=event, user=request.user)
        except PressIndexMissing as error:
            messages.error(request, str(error))
            return redirect("lotse_figures:press_from_event", event_id=event.pk)
        messages.success(
            request,
            _(
                "Der Entwurf „%(title)s“ ist angelegt. Zur Veröffentlichung bitte zur Prüfung "
                "einreichen."
            )
            % {"title": page.title},
        )
        return redirect(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    groups = fact_groups(structure_report(event=event))
    return render(
        request, "figures/admin/draft_from_event.html", {"event": event, "groups": groups}
    )
