"""The deletion of personal data after the retention period (list and run)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ...models import (
    Event,
)
from ...permissions import user_is_event_staff
from ...retention import (
    deletion_due_at,
    event_personal_data_delete,
    events_due_for_deletion,
    events_due_soon,
)
from .access import event_for, guarded


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
    event = event_for(request, event_id, staff=True)
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
