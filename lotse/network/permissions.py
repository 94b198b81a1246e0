"""Who may see and edit which actor in the back office.

Redaktion and Administration (and superusers) work on every actor. The other staff roles that
hold view_actor (Veranstaltungsteam: organisers of events; Lotsendienst: referrals) view every
actor, read-only. Partners hold the model-level rights view_actor/change_actor (core.roles) but
only for the actors they are members of (Membership): the index and the chooser list only
those, and every other actor answers 404 in the admin.
"""

from django.db.models import Q
from wagtail.permission_policies import ModelPermissionPolicy

from lotse.core import roles

from .models import Actor

ALL_ACTORS_ROLES = (roles.ADMINISTRATION, roles.EDITORS)


def user_sees_all_actors(user) -> bool:
    """Whether the user works on (edits) every actor: Redaktion, Administration."""
    return bool(
        user.is_active and (user.is_superuser or roles.user_has_role(user, *ALL_ACTORS_ROLES))
    )


def user_views_all_actors(user) -> bool:
    """Whether the user may view every actor: the editors, and staff roles with view_actor."""
    if not (user and user.is_authenticated and user.is_active):
        return False
    return user_sees_all_actors(user) or (
        roles.user_has_role(user, *roles.STAFF_ROLES) and user.has_perm("network.view_actor")
    )


def _all_for(user, actions) -> bool:
    """Whether the user holds one of `actions` for every actor (not only their own)."""
    if user_sees_all_actors(user):
        return True
    return "view" in actions and user_views_all_actors(user)


class ActorPermissionPolicy(ModelPermissionPolicy):
    """Model permissions, narrowed to the member's own actors for everybody but the editors."""

    def user_has_permission_for_instance(self, user, action, instance) -> bool:
        if not self.user_has_permission(user, action):
            return False
        if _all_for(user, [action]):
            return True
        return Actor.objects.filter(pk=instance.pk, memberships__user=user).exists()

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return Actor.objects.none()
        if _all_for(user, [a for a in actions if self.user_has_permission(user, a)]):
            return Actor.objects.all()
        return Actor.objects.filter(memberships__user=user).distinct()

    def users_with_any_permission_for_instance(self, actions, instance):
        users = super().users_with_any_permission_for_instance(actions, instance)
        return users  # editors and members; kept broad (used only for notifications)


def actors_for_user(user, queryset=None):
    """The actors a back-office user may see in the index (the policy's "view")."""
    queryset = queryset if queryset is not None else Actor.objects.all()
    if user_views_all_actors(user):
        return queryset
    if not user.has_perm("network.view_actor"):
        return queryset.none()
    return queryset.filter(pk__in=Actor.objects.filter(memberships__user=user).values("pk"))


def actors_choosable_as_partner(user, *, keep=()):
    """Actors a user may name as co-organiser or parent organisation: every actor for staff who
    view all; for partners the published ones and their own (plus those in `keep`, already
    chosen, so that saving a form does not drop them)."""
    if user is not None and user_views_all_actors(user):
        return Actor.objects.all()
    own = Actor.objects.filter(memberships__user=user) if user is not None else Actor.objects.none()
    keep_pks = [actor.pk for actor in keep]
    return Actor.objects.filter(
        Q(is_published=True) | Q(pk__in=own.values("pk")) | Q(pk__in=keep_pks)
    )
