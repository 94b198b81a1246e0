"""Who may see and edit which offers in the back office.

Redaktion and Administration see every offer. Partners see, edit and submit only the offers of
actors they are a member of (network.Membership) and never publish: they submit to the workflow
"Prüfung durch die Redaktion" instead.
"""

from wagtail.permission_policies.base import ModelPermissionPolicy

from lotse.core.roles import ADMINISTRATION, EDITORS, user_has_role

from .models import Offer

# Actions that only the Redaktion performs, whatever permissions a group was given by hand.
STAFF_ONLY_ACTIONS = frozenset({"publish", "delete", "unlock"})


def user_is_offer_staff(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active) and user_has_role(
        user, ADMINISTRATION, EDITORS
    )


def offers_visible_to(user):
    """The offers a back-office user may see (all for staff, their actors' offers for partners)."""
    if not (user and user.is_authenticated and user.is_active):
        return Offer.objects.none()
    if user_is_offer_staff(user):
        return Offer.objects.all()
    return Offer.objects.filter(pk__in=Offer.objects.for_user(user).values("pk"))


def user_can_access_offer(*, user, offer_pk) -> bool:
    return offers_visible_to(user).filter(pk=offer_pk).exists()


def user_can_confirm_offer(*, user, offer: Offer) -> bool:
    return user_is_offer_staff(user) or (
        user is not None
        and user.is_authenticated
        and user.has_perm("offers.change_offer")
        and user_can_access_offer(user=user, offer_pk=offer.pk)
    )


class OfferPermissionPolicy(ModelPermissionPolicy):
    """Model permissions from the groups (core.roles), narrowed to the user's own actors."""

    def user_has_permission(self, user, action):
        if action in STAFF_ONLY_ACTIONS and not user_is_offer_staff(user):
            return False
        return super().user_has_permission(user, action)

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        return user_is_offer_staff(user) or user_can_access_offer(user=user, offer_pk=instance.pk)

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return Offer.objects.none()
        return offers_visible_to(user)
