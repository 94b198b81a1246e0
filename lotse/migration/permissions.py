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


class ParameterPermissionPolicy(ModelPermissionPolicy):
    """Model permissions of the groups (core/roles.py: Redaktion; Administration holds all),
    except that "publish" and "unpublish" pass only while a second person approves."""

    def user_has_permission(self, user, action):
        if action in GUARDED_ACTIONS:
            return _APPROVING.get() and super().user_has_permission(user, "change")
        return super().user_has_permission(user, action)

    def user_has_permission_for_instance(self, user, action, instance):
        if action == "delete" and instance.live:
            return False
        return self.user_has_permission(user, action)


class RouteNotePermissionPolicy(ModelPermissionPolicy):
    """Model permissions of the groups: the Redaktion edits and publishes route notes."""
