"""Tasks of the registration core: mails after the commit, and the periodic jobs.

`holds_expire_task` and `offers_expire_task` free seats whose hold/offer ran out (the services
also do it lazily before they hand out a seat at a site); `reminders_send` mails confirmed
participants the day before, once (claimed by a conditional UPDATE of `reminder_sent_at`).
"""

import logging
from datetime import datetime, time, timedelta

from django.utils import timezone
from django_tasks import task

from . import services

# The mail task lives in mails.py, below the services that enqueue it (no import circle);
# named here as well so that task rows queued under this path before the move still run.
from .mails import registration_mail_deliver, registration_mail_send  # noqa: F401
from .models import Registration, RegistrationStatus

logger = logging.getLogger(__name__)


@task()
def holds_expire_task() -> int:
    count = services.holds_expire()
    logger.info("holds_expire: %s holds expired", count)
    return count


@task()
def offers_expire_task() -> int:
    count = services.offers_expire()
    logger.info("offers_expire: %s offers expired", count)
    return count


def registrations_due_for_reminder(now: datetime | None = None):
    """Confirmed, not yet reminded registrations of events that start before the end of
    tomorrow (local time): the daily run on the day before sends the reminder."""
    now = now or timezone.now()
    today = timezone.localtime(now).date()
    end_of_tomorrow = timezone.make_aware(datetime.combine(today + timedelta(days=2), time.min))
    return (
        Registration.objects.filter(
            status=RegistrationStatus.CONFIRMED,
            reminder_sent_at__isnull=True,
            anonymised_at__isnull=True,
            event__starts_at__gt=now,
            event__starts_at__lt=end_of_tomorrow,
        )
        .select_related("event", "event__organiser", "site")
        .order_by("pk")
    )


@task()
def reminders_send() -> int:
    """The reminder the day before; idempotent (each registration is reminded once)."""
    now = timezone.now()
    sent = 0
    for registration in registrations_due_for_reminder(now):
        if not services.reminder_claim(registration=registration, now=now):
            continue
        try:
            sent += registration_mail_deliver(registration, "reminder")
        except Exception:
            logger.exception("reminders_send: registration %s failed", registration.pk)
            Registration.objects.filter(pk=registration.pk).update(reminder_sent_at=None)
    logger.info("reminders_send: %s reminders sent", sent)
    return sent
