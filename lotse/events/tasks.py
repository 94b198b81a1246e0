"""Tasks of the registration core: the periodic jobs (mails go through core.mail's outbox).

`holds_expire_task` and `offers_expire_task` free seats whose hold/offer ran out (the services
also do it lazily before they hand out a seat at a site); `reminders_send` mails confirmed
participants the day before, once (claimed by a conditional UPDATE of `reminder_sent_at`, in
the same transaction as the outbox row).
"""

import logging
from datetime import datetime, time, timedelta

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from lotse.core.mail import mail_key

from . import capacity, services
from .mails import registration_mail_enqueue
from .models import Registration, RegistrationStatus

logger = logging.getLogger(__name__)


@task()
def registration_mail_send(registration_id: int, kind: str) -> int:
    """Kept for tasks queued before the outbox: puts the mail into the outbox; a registration
    deleted or anonymised meanwhile is skipped."""
    registration = (
        Registration.objects.filter(pk=registration_id, anonymised_at__isnull=True)
        .select_related("event", "event__organiser", "site")
        .first()
    )
    if registration is None:
        return 0
    with transaction.atomic():
        return int(registration_mail_enqueue(registration=registration, kind=kind) is not None)


@task()
def holds_expire_task() -> int:
    count = capacity.holds_expire()
    logger.info("holds_expire: %s holds expired", count)
    return count


@task()
def offers_expire_task() -> int:
    count = capacity.offers_expire()
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
    """The reminder the day before; idempotent (each registration is reminded once: the claim
    and the outbox row commit together). Returns how many reminders were queued."""
    now = timezone.now()
    queued = 0
    for registration in registrations_due_for_reminder(now):
        with transaction.atomic():
            if not services.reminder_claim(registration=registration, now=now):
                continue
            registration_mail_enqueue(
                registration=registration,
                kind="reminder",
                key=mail_key(
                    "events.registration.reminder",
                    registration.pk,
                    registration.event.starts_at.date().isoformat(),
                ),
            )
            queued += 1
    logger.info("reminders_send: %s reminders queued", queued)
    return queued
