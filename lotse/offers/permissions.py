"""Who may see and edit which offers in the back office.

Redaktion and Administration see every offer. Partners see, edit and submit only the offers of
actors they are a member of (network.Membership) and never publish: they submit to the workflow
"Prüfung durch die Redaktion" instead.
"""

from lotse.core.permissions import StaffOrOwnPermissionPolicy
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


class OfferPermissionPolicy(StaffOrOwnPermissionPolicy):
    """The Redaktion's every offer, the offers of the partner's own actors."""

    staff_only_actions = STAFF_ONLY_ACTIONS
    user_is_staff = staticmethod(user_is_offer_staff)
    visible_to = staticmethod(offers_visible_to)
