"""Keep an event's version (`updated_at`) current when its sites, groups or questions change.

The registration form caches an event's structure under that version
(`selectors.registration_setup`, the form fragment in register.html). The back-office form
saves the event together with its children anyway; this also covers every other path (shell,
imports, tests). Counter updates (`booked`) are queryset updates and send no signal: they are
read fresh on every request.
"""

from django.utils import timezone


def event_child_changed(sender, instance, raw=False, **kwargs) -> None:
    from .models import Event

    if raw:  # loading fixtures
        return
    Event.objects.filter(pk=instance.event_id).update(updated_at=timezone.now())
