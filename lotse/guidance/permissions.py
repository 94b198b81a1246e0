"""Who may maintain check versions in the back office: one policy for every route.

The Redaktion and the Administration see, add and edit drafts and publish them (publishing goes
through the review workflow "Prüfung durch die Redaktion"). A published version is immutable for
everyone: no change, lock or delete on it (a new draft version instead), whatever a group holds.
The listing, edit, history, chooser (PolicyChooserViewSet) and the "new draft" view ask this.
"""

from wagtail.permission_policies.base import ModelPermissionPolicy

from lotse.core.roles import ADMINISTRATION, EDITORS, user_has_role

FROZEN_ACTIONS = frozenset({"change", "delete", "lock", "unlock", "publish", "unpublish"})


def user_is_check_staff(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active) and user_has_role(
        user, ADMINISTRATION, EDITORS
    )


def demand_visible(user) -> bool:
    """Bedarf und Angebot (page, CSV, the coverage map's second view): Redaktion, Administration."""
    return user_is_check_staff(user)


class CheckVersionPermissionPolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        # The model permission first: it is cached on the user, the role needs a query.
        return super().user_has_permission(user, action) and user_is_check_staff(user)

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        return not (action in FROZEN_ACTIONS and instance.published_at is not None)

    def user_may_copy(self, user, instance) -> bool:
        """A new draft from a version needs the right to add versions."""
        return self.user_has_permission(user, "add")
