"""Who handles which topic of the desk.

Tarif inquiries are questions about collective agreements: the Tarifregister answers them and
maintains their answer templates (Administration may do everything). The Lotsendienst handles
the general inquiries (topic "allgemein": every topic field, referrals to partners); it does not
see Tarif inquiries and does not create or edit Tarif answer templates. Partners never see
inquiries: they see the referrals to their own organisations (`referrals_for_partner`), and the
personal data in them only while the asker's consent stands.

The answer templates' permission policy (`AnswerTemplatePermissionPolicy`) is the model
permission narrowed to the topics the user handles; every route of the templates (list, edit,
chooser) uses it.
"""

from django.core.exceptions import PermissionDenied
from wagtail.permission_policies.base import ModelPermissionPolicy

from lotse.core.roles import ADMINISTRATION, DESK, TARIFF_REGISTER, user_has_role, user_roles

from .models import PARTNER_STATUSES, AnswerTemplate, Referral, Topic

# Roles with an inbox at the desk (what they see in it is decided by TOPIC_ROLES).
DESK_ROLES = (DESK, TARIFF_REGISTER, ADMINISTRATION)

TOPIC_ROLES: dict[str, tuple[str, ...]] = {
    Topic.TARIFF: (TARIFF_REGISTER, ADMINISTRATION),
    Topic.GENERAL: (DESK, ADMINISTRATION),
}


def user_may_handle(*, user, topic: str) -> bool:
    return bool(user and user.is_active and user_has_role(user, *TOPIC_ROLES.get(topic, ())))


def topics_for(user) -> list[str]:
    """The topics whose inquiries this user may see and handle."""
    if not user.is_authenticated:
        return []
    roles = user_roles(user)
    if user.is_superuser:
        return list(TOPIC_ROLES)
    return [topic for topic, allowed in TOPIC_ROLES.items() if roles & set(allowed)]


def user_may_use_desk(user) -> bool:
    """Whether the user has an inbox at the desk (list and statistics of their topics)."""
    return bool(
        user is not None
        and user.is_authenticated
        and user.is_active
        and (bool(topics_for(user)) or user_has_role(user, *DESK_ROLES))
    )


def require_topic(*, user, topic: str) -> None:
    """Services refuse writes by users who may not handle the topic."""
    if user is None or not user_may_handle(user=user, topic=topic):
        raise PermissionDenied


def partner_actor_ids(user) -> list[int]:
    """The organisations a partner user belongs to (network memberships)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return []
    return list(user.memberships.values_list("actor_id", flat=True))


def referrals_for_partner(user):
    """The referrals a partner user sees: only those to their own organisations, and only once
    the asker consented (before that the partner does not know of the inquiry)."""
    ids = partner_actor_ids(user)
    if not ids:
        return Referral.objects.none()
    return Referral.objects.filter(actor_id__in=ids, status__in=PARTNER_STATUSES)


def user_may_use_partner_inbox(user) -> bool:
    return bool(partner_actor_ids(user))


def user_may_handle_referral(*, user, referral: Referral) -> bool:
    """Accept, decline and record the outcome: members of the referred organisation only."""
    return referral.status in PARTNER_STATUSES and referral.actor_id in partner_actor_ids(user)


class AnswerTemplatePermissionPolicy(ModelPermissionPolicy):
    """Answer templates: the model permissions (core.roles), only for the user's topics."""

    def user_has_permission(self, user, action):
        return super().user_has_permission(user, action) and bool(topics_for(user))

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and instance.topic in topics_for(user)

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return AnswerTemplate.objects.none()
        return AnswerTemplate.objects.filter(topic__in=topics_for(user))
