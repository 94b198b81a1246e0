"""Deletion of participants' personal data `event.retention_days` after the event (daily task).

Anonymising blanks names, e-mail (replaced by a non-personal placeholder), organisation, role,
dietary and accessibility needs, answers and consents; it keeps site, status, actor type,
district and the check-in time, so the structure report stays correct. Idempotent: an event whose
data is deleted is skipped, anonymised rows are never touched again.
"""

import logging
from datetime import timedelta

from django.db import transaction
from django.db.models import CharField, QuerySet, Value
from django.db.models.functions import Cast, Concat
from django.utils import timezone
from django_tasks import task

from lotse.core.audit import audit_log
from lotse.core.mail import mails_delete_for

from .models import Event, Registration

logger = logging.getLogger(__name__)

PLACEHOLDER_DOMAIN = "anonymisiert.invalid"


def deletion_due_at(event: Event):
    return event.ends_at + timedelta(days=event.retention_days)


def events_due_for_deletion(*, now=None) -> QuerySet[Event]:
    """Events whose personal data is due (the deadline has passed) and not yet deleted."""
    now = now or timezone.now()
    # retention_days is a small integer; comparing in Python keeps this portable between
    # SQLite and PostgreSQL (interval arithmetic differs), and the set of ended events whose
    # data still exists is small.
    candidates = Event.objects.filter(ends_at__lte=now, personal_data_deleted_at__isnull=True)
    due = [
        event.pk
        for event in candidates.only("pk", "ends_at", "retention_days")
        if deletion_due_at(event) <= now
    ]
    return Event.objects.filter(pk__in=due).select_related("organiser").order_by("ends_at")


def events_due_soon(*, now=None, days: int = 14) -> list[Event]:
    """Ended events whose deadline is within `days` (for the staff page)."""
    now = now or timezone.now()
    candidates = Event.objects.filter(
        ends_at__lte=now, personal_data_deleted_at__isnull=True
    ).select_related("organiser")
    return [
        event
        for event in candidates.order_by("ends_at")
        if now < deletion_due_at(event) <= now + timedelta(days=days)
    ]


@transaction.atomic
def event_personal_data_delete(*, event: Event, user=None, now=None) -> int:
    """Anonymise every registration of `event`; returns how many rows were anonymised."""
    now = now or timezone.now()
    event = Event.objects.select_for_update().get(pk=event.pk)
    rows = Registration.objects.filter(event=event, anonymised_at__isnull=True)
    # The outbox records name the participants (address, text): they go with the personal data.
    mails_delete_for(model=Registration, ids=rows.values_list("pk", flat=True))
    count = rows.update(
        first_name="",
        last_name="",
        email=Concat(
            Value("anonym-"), Cast("id", output_field=CharField()), Value(f"@{PLACEHOLDER_DOMAIN}")
        ),
        organisation="",
        role="",
        dietary_needs="",
        accessibility_needs="",
        answers={},
        consent_participant_list=False,
        consent_photos=False,
        consent_stream=False,
        registered_by=None,
        anonymised_at=now,
        updated_at=now,
    )
    # The names of the staff who let people in are personal data of the staff only; they stay
    # until the audit trail's own retention. Messages keep subject and body (no recipients).
    if event.personal_data_deleted_at is None:
        Event.objects.filter(pk=event.pk).update(personal_data_deleted_at=now)
        event.personal_data_deleted_at = now
        audit_log(
            user=user,
            action="lotse.anonymise",
            instance=event,
            note=f"{count} Anmeldungen anonymisiert",
        )
    return count


@task()
def events_personal_data_retention() -> int:
    """Daily: anonymise the participants of every event whose retention period has ended."""
    total = 0
    for event in events_due_for_deletion():
        try:
            total += event_personal_data_delete(event=event)
        except Exception:
            logger.exception("events_personal_data_retention: event %s failed", event.pk)
    logger.info("events_personal_data_retention: %s registrations anonymised", total)
    return total
