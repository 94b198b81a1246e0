"""A Wagtail permission policy for records that staff manage and partners manage only if they
are their own (offers of their actors, events their organisations organise)."""

from django.db.models import QuerySet
from wagtail.permission_policies.base import ModelPermissionPolicy


class StaffOrOwnPermissionPolicy(ModelPermissionPolicy):
    """Model permissions from the groups (core.roles), narrowed for partners to their own rows.

    Staff (`user_is_staff`) act on every row. The actions in `staff_only_actions` are theirs
    alone, whatever permissions a group was given by hand. Everybody else acts on the rows
    `visible_to` returns for them; `partner_may` narrows that further per action.
    """

    staff_only_actions: frozenset[str] = frozenset()

    def user_is_staff(self, user) -> bool:
        raise NotImplementedError

    def visible_to(self, user) -> QuerySet:
        raise NotImplementedError

    def partner_may(self, user, action: str, instance) -> bool:
        return self.visible_to(user).filter(pk=instance.pk).exists()

    def user_has_permission(self, user, action):
        if action in self.staff_only_actions and not self.user_is_staff(user):
            return False
        return super().user_has_permission(user, action)

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        return self.user_is_staff(user) or self.partner_may(user, action, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return self.model._default_manager.none()
        return self.visible_to(user)
