"""Messages to the participants of an event, and the thank-you mail after it."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ...after import event_thanks_send
from ...selectors import messages_with_progress
from ..forms import (
    MessageForm,
)
from ..services import event_message_send
from .access import event_for, guarded


@guarded
@require_http_methods(["GET", "HEAD", "POST"])
def message(request, event_id: int):
    event = event_for(request, event_id, staff=True)
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
    event = event_for(request, event_id, staff=True)
    sent = event_thanks_send(event=event, user=request.user)
    messages.success(
        request,
        _("Dankesmail an %(count)s Personen im Postausgang; der Versand läuft im Hintergrund.")
        % {"count": sent},
    )
    return redirect("lotse_events:overview", event_id=event.pk)
