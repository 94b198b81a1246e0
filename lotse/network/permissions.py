"""Who may see and edit which actor in the back office.

Redaktion and Administration (and superusers) work on every actor. Partners hold the model-level
rights view_actor/change_actor (core.roles) but only for the actors they are members of
(Membership): the index lists only those, and every other actor answers 403 in the admin.
"""

from wagtail.permission_policies import ModelPermissionPolicy

from lotse.core import roles

from .models import Actor

ALL_ACTORS_ROLES = (roles.ADMINISTRATION, roles.EDITORS)


def user_sees_all_actors(user) -> bool:
    return bool(
        user.is_active and (user.is_superuser or roles.user_has_role(user, *ALL_ACTORS_ROLES))
    )


class ActorPermissionPolicy(ModelPermissionPolicy):
    """Model permissions, narrowed to the member's own actors for everybody but the editors."""

    def user_has_permission_for_instance(self, user, action, instance) -> bool:
        if not self.user_has_permission(user, action):
            return False
        if user_sees_all_actors(user):
            return True
        return Actor.objects.filter(pk=instance.pk, memberships__user=user).exists()

    def user_has_any_permission_for_instance(self, user, actions, instance) -> bool:
        return any(
            self.user_has_permission_for_instance(user, action, instance) for action in actions
        )

    def instances_user_has_permission_for(self, user, action):
        return self.instances_user_has_any_permission_for(user, [action])

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return Actor.objects.none()
        if user_sees_all_actors(user):
            return Actor.objects.all()
        return Actor.objects.filter(memberships__user=user).distinct()

    def users_with_any_permission_for_instance(self, actions, instance):
        users = super().users_with_any_permission_for_instance(actions, instance)
        return users  # editors and members; kept broad (used only for notifications)


def actors_for_user(user, queryset=None):
    """The actors a back-office user may see in the index."""
    queryset = queryset if queryset is not None else Actor.objects.all()
    if user_sees_all_actors(user):
        return queryset
    return queryset.filter(pk__in=Actor.objects.filter(memberships__user=user).values("pk"))
