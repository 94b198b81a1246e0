"""Writes of the events back office that are not check-in, retention or the after-event mails."""

from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from lotse.core.audit import audit_log

from .after import event_public_url
from .models import Event, EventMessage, Registration, RegistrationStatus, Site


def message_recipients(*, event: Event, site: Site | None, include_waiting: bool):
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
    user,
    subject: str,
    body: str,
    site: Site | None = None,
    include_waiting: bool = False,
) -> EventMessage:
    """Record the message and mail it to every recipient (one e-mail each, no shared To:)."""
    recipients = list(message_recipients(event=event, site=site, include_waiting=include_waiting))
    message = EventMessage.objects.create(
        event=event,
        site=site,
        subject=subject,
        body=body,
        sent_by=user,
        recipient_count=len(recipients),
    )
    url = event_public_url(event)
    mails = []
    for registration in recipients:
        with translation.override(registration.language or "de"):
            text = render_to_string(
                "events/admin/mail/message.txt",
                {
                    "registration": registration,
                    "event": event,
                    "site": site,
                    "body": body,
                    "event_url": url,
                },
            )
        mails.append(EmailMessage(subject=subject, body=text, to=[registration.email]))
    if mails:
        get_connection().send_messages(mails)
    audit_log(
        user=user,
        action="lotse.mail",
        instance=event,
        note=f"Nachricht „{subject}“ an {len(recipients)} Personen"
        + (f" (Standort {site.name})" if site else ""),
    )
    return message
