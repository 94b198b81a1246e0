"""Daily jobs of the offers app (enqueued by core.periodic)."""

import logging
from datetime import timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django_tasks import task

from .models import Offer, confirmation_cutoff
from .services import offer_reminder_send

logger = logging.getLogger(__name__)


def offers_needing_reminder(now=None):
    """Published offers whose confirmation ends within the reminder window (or has ended)
    and whose provider has not been reminded since the last confirmation."""
    now = now or timezone.now()
    reminder_from = confirmation_cutoff(now) + timedelta(days=settings.LOTSE_OFFER_REMINDER_DAYS)
    return (
        Offer.objects.filter(live=True, reminder_sent_at__isnull=True, rejected_at__isnull=True)
        .filter(Q(confirmed_at__lte=reminder_from))
        .select_related("actor")
        .order_by("pk")
    )


@task()
def offers_confirmation_reminders() -> int:
    """Mail the providers of offers due for re-confirmation, once per period; returns the count."""
    now = timezone.now()
    sent = 0
    for offer in offers_needing_reminder(now):
        try:
            if offer_reminder_send(offer=offer, now=now):
                sent += 1
        except Exception:
            logger.exception("offers_confirmation_reminders: offer %s failed", offer.pk)
    logger.info("offers_confirmation_reminders: %s reminders sent", sent)
    return sent
