"""After the event: the thank-you mail with the documents, and the attendance certificate.

Each participant gets the mail once: the outbox rows (key "events.thanks:<registration>") and
`thanks_sent_at` are written in one transaction; the worker sends them. People who were
checked in get their Teilnahmebescheinigung attached as PDF (made by the worker).
"""

import logging

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django_tasks import task

from lotse.core.audit import audit_log
from lotse.core.links import absolute_url
from lotse.core.mail import (
    MailDraft,
    mail_attachments,
    mail_key,
    mails_enqueue,
)

from .certificates import certificate_pdf
from .mails import mail_registration, registration_mail_draft
from .models import Event, EventStatus, Registration, RegistrationStatus

logger = logging.getLogger(__name__)


def event_public_url(event: Event) -> str:
    """Absolute address of the public event page (/veranstaltungen/<slug>/)."""
    return absolute_url(reverse("events:detail", args=[event.slug]))


def event_documents(event: Event) -> list[dict]:
    """Title and absolute URL of every document attached to the event's sessions."""
    seen: dict[int, dict] = {}
    for session in event.sessions.prefetch_related("documents").order_by("sort_order", "pk"):
        for document in session.documents.all():
            seen.setdefault(
                document.pk, {"title": document.title, "url": absolute_url(document.url)}
            )
    return list(seen.values())


def registrations_to_thank(event: Event):
    return (
        Registration.objects.filter(
            event=event,
            status=RegistrationStatus.CONFIRMED,
            thanks_sent_at__isnull=True,
            anonymised_at__isnull=True,
        )
        .select_related("site", "event__organiser")
        .order_by("pk")
    )


@mail_attachments
def thanks_attachments(*, mail, message) -> None:
    """In the worker: the attendance certificate for people who were checked in."""
    registration = mail_registration(mail)
    if registration.checked_in_at is not None:
        message.attach(
            f"teilnahmebescheinigung-{slugify(registration.event.slug)}.pdf",
            certificate_pdf(registration=registration),
            "application/pdf",
        )


def _thanks_draft(registration: Registration, documents: list[dict]) -> MailDraft:
    event = registration.event
    return registration_mail_draft(
        registration,
        template="events/admin/mail/thanks.txt",
        context={
            "event": event,
            "event_url": event_public_url(event),
            "documents": documents,
            "certificate": registration.checked_in_at is not None,
        },
        subject=lambda: _("Danke für Ihre Teilnahme: %(title)s") % {"title": event.title},
        key=mail_key("events.thanks", registration.pk),
    )


@transaction.atomic
def registrations_thank(*, event: Event, registrations: list[Registration], now=None) -> int:
    """Put the thank-you mails into the outbox and mark the people thanked (one transaction;
    the keys make a second run or a concurrent one add nothing). Returns the new mails."""
    now = now or timezone.now()
    if not registrations:
        return 0
    documents = event_documents(event)
    created = mails_enqueue(
        kind="events.thanks",
        drafts=(_thanks_draft(registration, documents) for registration in registrations),
        batch=f"events.thanks:{event.pk}",
        attachments=thanks_attachments,
    )
    Registration.objects.filter(
        pk__in=[registration.pk for registration in registrations], thanks_sent_at__isnull=True
    ).update(thanks_sent_at=now)
    return created


def registration_thanks_send(*, registration: Registration, documents=None, now=None) -> bool:
    """Thank one participant (False if already thanked); the mail goes through the outbox."""
    fresh = registrations_to_thank(registration.event).filter(pk=registration.pk).first()
    if fresh is None:
        return False
    return bool(registrations_thank(event=fresh.event, registrations=[fresh], now=now))


@transaction.atomic
def event_thanks_send(*, event: Event, user=None, now=None) -> int:
    """Thank every confirmed participant of `event` who has not been thanked; returns the count
    of mails put into the outbox."""
    sent = registrations_thank(
        event=event, registrations=list(registrations_to_thank(event)), now=now
    )
    if sent:
        audit_log(
            user=user, action="lotse.mail", instance=event, note=f"Dankesmail an {sent} Personen"
        )
    return sent


def events_to_thank(*, now=None):
    """Documented events that have ended and still hold personal data."""
    now = now or timezone.now()
    return Event.objects.filter(
        status=EventStatus.DOCUMENTED, ends_at__lte=now, personal_data_deleted_at__isnull=True
    ).select_related("organiser")


@task()
def events_thanks_send() -> int:
    """Daily: thank the participants of documented events (once per person)."""
    total = 0
    for event in events_to_thank():
        total += event_thanks_send(event=event)
    logger.info("events_thanks_send: %s thank-you mails", total)
    return total
