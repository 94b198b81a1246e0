"""Who may do what with the check's rules in the back office (one policy per model, used by the
listing, edit, history, workflow, chooser and export routes).

Parameters: the Redaktion and the Administration add and edit drafts and submit them to the
workflow "Freigabe durch eine zweite Person". Nobody publishes a parameter directly, not even a
superuser: the only way to publish is the approval of the workflow's task by a person who neither
wrote nor submitted the revision (`models.TwoPersonApprovalTask`), during which `approving()`
lets Wagtail's publish action pass this policy. A published parameter is not deleted or
unpublished by hand either: a rule ends by a new revision with an end date ("gültig bis").

Route notes: the Redaktion and the Administration edit and publish them (texts, with history).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from wagtail.permission_policies.base import ModelPermissionPolicy

from lotse.core.roles import ADMINISTRATION, EDITORS, user_has_role

_APPROVING: ContextVar[bool] = ContextVar("migration_parameter_approving", default=False)
# Actions no one performs on a parameter by hand.
GUARDED_ACTIONS = frozenset({"publish", "unpublish"})


@contextmanager
def approving() -> Iterator[None]:
    """While a second person approves: the workflow publishes the approved revision."""
    token = _APPROVING.set(True)
    try:
        yield
    finally:
        _APPROVING.reset(token)


def user_is_rules_staff(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active) and user_has_role(
        user, ADMINISTRATION, EDITORS
    )


class ParameterPermissionPolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        if action in GUARDED_ACTIONS:
            return _APPROVING.get() and user_is_rules_staff(user)
        return user_is_rules_staff(user) and super().user_has_permission(user, action)

    def user_has_permission_for_instance(self, user, action, instance):
        if action == "delete" and instance.live:
            return False
        return self.user_has_permission(user, action)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(self.user_has_permission_for_instance(user, a, instance) for a in actions)

    def instances_user_has_any_permission_for(self, user, actions):
        if not any(self.user_has_permission(user, action) for action in actions):
            return self.model.objects.none()
        return self.model.objects.all()

    def instances_user_has_permission_for(self, user, action):
        return self.instances_user_has_any_permission_for(user, [action])


class RouteNotePermissionPolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        return user_is_rules_staff(user) and super().user_has_permission(user, action)

    def instances_user_has_any_permission_for(self, user, actions):
        if not any(self.user_has_permission(user, action) for action in actions):
            return self.model.objects.none()
        return self.model.objects.all()
