"""Who may see and do what with events in the back office.

Veranstaltungsteam and Administration (and superusers) manage every event: editing, every
status, registrations, messages, check-in, reports, PDFs and the deletion of personal data.

Partners (members of an actor via network.Membership) see and edit only the events their
organisations organise or co-organise. They keep an event in "Entwurf" or "Angekündigt":
opening the registration, closing it and documenting it is the Veranstaltungsteam's decision,
because it commits the centre's rooms and staff. Partners see the registrations of their own
events (list and export), not the check-in, messages, badges or the deletion screen.
Everybody else sees nothing.
"""

from wagtail.permission_policies.base import ModelPermissionPolicy

from lotse.core.roles import ADMINISTRATION, EVENTS_TEAM, user_has_role

from .models import Event, EventStatus

# Statuses a partner may set; the rest belongs to the Veranstaltungsteam.
PARTNER_STATUSES = (EventStatus.DRAFT, EventStatus.PUBLISHED)
STAFF_ONLY_ACTIONS = frozenset({"delete"})


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


def allowed_statuses(user) -> list[str]:
    """The statuses a user may give an event."""
    if user_is_event_staff(user):
        return list(EventStatus.values)
    return [str(status) for status in PARTNER_STATUSES]


class EventPermissionPolicy(ModelPermissionPolicy):
    """Model permissions from the groups (core.roles), narrowed to the partner's own events."""

    def user_has_permission(self, user, action):
        if action in STAFF_ONLY_ACTIONS and not user_is_event_staff(user):
            return False
        return super().user_has_permission(user, action)

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        if user_is_event_staff(user):
            return True
        if action in ("change", "delete") and instance.status not in PARTNER_STATUSES:
            # Once the registration is open the event belongs to the Veranstaltungsteam.
            return False
        return user_can_access_event(user=user, event_pk=instance.pk)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(self.user_has_permission_for_instance(user, a, instance) for a in actions)

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return Event.objects.none()
        return events_visible_to(user)

    def instances_user_has_permission_for(self, user, action):
        return self.instances_user_has_any_permission_for(user, [action])
