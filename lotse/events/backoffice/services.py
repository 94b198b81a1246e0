"""Writes of the events back office that are not check-in, retention or the after-event mails."""

from collections.abc import Iterator

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import QuerySet

from lotse.core.audit import audit_log
from lotse.core.mail import MailDraft, mail_key, mails_enqueue

from ..after import event_public_url
from ..mails import registration_mail_draft
from ..models import Event, EventMessage, Registration, RegistrationStatus, Site
from ..selectors import message_batch


def message_recipients(
    *, event: Event, site: Site | None, include_waiting: bool
) -> QuerySet[Registration]:
    statuses = [RegistrationStatus.CONFIRMED]
    if include_waiting:
        statuses.append(RegistrationStatus.WAITLISTED)
    queryset = Registration.objects.filter(
        event=event, status__in=statuses, anonymised_at__isnull=True
    ).order_by("pk")
    if site is not None:
        queryset = queryset.filter(site=site)
    return queryset


@transaction.atomic
def event_message_send(
    *,
    event: Event,
    user: User,
    subject: str,
    body: str,
    site: Site | None = None,
    include_waiting: bool = False,
) -> EventMessage:
    """Record the message and put one e-mail per recipient into the outbox (no shared To:).

    The rows are written in batches in this transaction; the worker sends them batch by batch
    after the commit (`mail_progress` counts what went out). Each row's key names the message
    and the registration, so a retry never mails anyone twice.
    """
    recipients = message_recipients(event=event, site=site, include_waiting=include_waiting)
    # Only what the mail needs (event and site are the same for all and passed in the context).
    recipients = recipients.only("pk", "email", "language", "first_name", "last_name")
    message = EventMessage.objects.create(
        event=event,
        site=site,
        subject=subject,
        body=body,
        sent_by=user,
        recipient_count=0,
    )
    url = event_public_url(event)

    def drafts() -> Iterator[MailDraft]:
        for registration in recipients.iterator(chunk_size=500):
            yield registration_mail_draft(
                registration,
                template="events/admin/mail/message.txt",
                context={"event": event, "site": site, "body": body, "event_url": url},
                subject=subject,
                key=mail_key("events.message", message.pk, registration.pk),
            )

    count = mails_enqueue(kind="events.message", drafts=drafts(), batch=message_batch(message))
    EventMessage.objects.filter(pk=message.pk).update(recipient_count=count)
    message.recipient_count = count
    audit_log(
        user=user,
        action="lotse.mail",
        instance=event,
        note=f"Nachricht „{subject}“ an {count} Personen"
        + (f" (Standort {site.name})" if site else ""),
    )
    return message
