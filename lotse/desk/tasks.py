"""Background jobs of the desk: the daily retention job (mails go through core.mail)."""

import logging

from django_tasks import task

from .models import Inquiry
from .services import (
    inquiries_personal_data_delete,
    inquiry_confirmation_mail,
    service_levels_escalate,
)

logger = logging.getLogger(__name__)


@task()
def inquiry_confirmation_send(inquiry_id: int) -> int:
    """Kept for tasks queued before the outbox: puts the confirmation into the outbox (once)."""
    inquiry = Inquiry.objects.filter(pk=inquiry_id).first()
    if inquiry is None:
        return 0
    return inquiry_confirmation_mail(inquiry=inquiry)


@task()
def inquiries_retention_delete() -> int:
    """Daily: delete personal data of inquiries past LOTSE_DESK_RETENTION_MONTHS."""
    return len(inquiries_personal_data_delete())


@task()
def desk_service_levels_escalate() -> int:
    """Daily: mail the team lead the inquiries and referrals past their service level."""
    return service_levels_escalate()
