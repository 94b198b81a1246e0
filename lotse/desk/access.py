"""Who handles which topic of the desk.

Tarif inquiries are questions about collective agreements: the Tarifregister answers them
(Administration may do everything). The Lotsendienst will handle the general topics when they
come; it does not see Tarif inquiries. Partners never see inquiries.
"""

from django.core.exceptions import PermissionDenied

from lotse.core.roles import ADMINISTRATION, TARIFF_REGISTER, user_has_role, user_roles

from .models import Topic

TOPIC_ROLES: dict[str, tuple[str, ...]] = {
    Topic.TARIFF: (TARIFF_REGISTER, ADMINISTRATION),
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
    return bool(topics_for(user))


def require_topic(*, user, topic: str) -> None:
    """Services refuse writes by users who may not handle the topic."""
    if user is None or not user_may_handle(user=user, topic=topic):
        raise PermissionDenied
