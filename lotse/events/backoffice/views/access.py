"""Access to the back-office screens: the event or site the user may work on, 403 pages."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse

from lotse.core.views import permission_denied

from ...models import (
    Event,
)
from ...permissions import user_can_access_event, user_is_event_staff


def denied(request: HttpRequest) -> HttpResponse:
    return permission_denied(request, PermissionDenied())


def event_for(request, event_id: int, *, staff: bool = False) -> Event:
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
            return denied(request)

    wrapper.__name__ = view.__name__
    wrapper.__doc__ = view.__doc__
    return wrapper


def event_edit_url(event: Event) -> str:
    return reverse("wagtailsnippets_events_event:edit", args=[event.pk])
