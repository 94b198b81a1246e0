"""Who may see and do what with events in the back office.

Veranstaltungsteam and Administration (and superusers) manage every event: editing, every
status, registrations, messages, check-in, reports, PDFs and the deletion of personal data.

Partners (members of an actor via network.Membership) see and edit only the events their
organisations organise or co-organise. They keep an event in "Entwurf" or "Angekündigt":
opening the registration, closing it and documenting it is the Veranstaltungsteam's decision,
because it commits the centre's rooms and staff. Once an event has another status, partners no
longer change it at all (the edit screen sends them to the overview; a POST changes nothing).
Who runs the event (organiser, co-organisers) and its status are changed only by members of the
organiser, not by co-organisers; the deletion period of participants' data (`retention_days`)
only by the Veranstaltungsteam. These fields are removed from the partner's form
(`event_fields_locked_for`), so a POST that carries them anyway changes nothing.
Partners see the registrations of their own events (list and export), not the check-in,
messages, badges or the deletion screen. Everybody else sees nothing.
"""

from lotse.core.permissions import StaffOrOwnPermissionPolicy
from lotse.core.roles import ADMINISTRATION, EVENTS_TEAM, user_has_role

from .models import Event, EventStatus

# Statuses a partner may set; the rest belongs to the Veranstaltungsteam.
PARTNER_STATUSES = (EventStatus.DRAFT, EventStatus.PUBLISHED)
STAFF_ONLY_ACTIONS = frozenset({"delete"})
# Form fields only the Veranstaltungsteam changes (data protection decision of the centre).
STAFF_ONLY_FIELDS = frozenset({"retention_days"})
# Form fields only members of the organiser change (not co-organisers).
ORGANISER_ONLY_FIELDS = frozenset({"organiser", "co_organisers", "status"})


def _active(user) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_active)


def user_is_event_staff(user) -> bool:
    """Veranstaltungsteam, Administration or superuser."""
    return _active(user) and user_has_role(user, EVENTS_TEAM, ADMINISTRATION)


def events_visible_to(user):
    """The events a back-office user may see: all for staff, their organisations' for partners."""
    if not _active(user):
        return Event.objects.none()
    if user_is_event_staff(user):
        return Event.objects.all()
    if not user.has_perm("events.view_event"):
        return Event.objects.none()
    return Event.objects.filter(pk__in=Event.objects.for_user(user).values("pk"))


def user_can_access_event(*, user, event_pk) -> bool:
    return events_visible_to(user).filter(pk=event_pk).exists()


def user_can_view_registrations(*, user, event: Event) -> bool:
    """Staff for every event; partners with view_registration for their own events."""
    if user_is_event_staff(user):
        return True
    return (
        _active(user)
        and user.has_perm("events.view_registration")
        and user_can_access_event(user=user, event_pk=event.pk)
    )


def user_is_organiser_member(*, user, event: Event) -> bool:
    """Whether the user is a member of the event's organiser (not only of a co-organiser)."""
    if not _active(user) or event.organiser_id is None:
        return False
    return event.organiser.memberships.filter(user=user).exists()


def event_fields_locked_for(*, user, event: Event) -> frozenset[str]:
    """The fields of the event form that this user may not change on this event.

    Staff change everything. Partners never change the deletion period; on an existing event
    that their organisation only co-organises, not the organiser, co-organisers or status."""
    if user_is_event_staff(user):
        return frozenset()
    locked = set(STAFF_ONLY_FIELDS)
    if event.pk is not None and not user_is_organiser_member(user=user, event=event):
        locked |= ORGANISER_ONLY_FIELDS
    return frozenset(locked)


def allowed_statuses(user) -> list[str]:
    """The statuses a user may give an event."""
    if user_is_event_staff(user):
        return list(EventStatus.values)
    return [str(status) for status in PARTNER_STATUSES]


class EventPermissionPolicy(StaffOrOwnPermissionPolicy):
    """The Veranstaltungsteam's every event, the partner's own events."""

    staff_only_actions = STAFF_ONLY_ACTIONS
    user_is_staff = staticmethod(user_is_event_staff)
    visible_to = staticmethod(events_visible_to)

    def partner_may(self, user, action: str, instance) -> bool:
        if action in ("change", "delete") and instance.status not in PARTNER_STATUSES:
            # Once the registration is open the event belongs to the Veranstaltungsteam.
            return False
        return super().partner_may(user, action, instance)
