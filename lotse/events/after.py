"""After the event: the thank-you mail with the documents, and the attendance certificate.

Each participant gets the mail once: `thanks_sent_at` is claimed by a conditional UPDATE before
sending, inside a transaction that is rolled back if the mail cannot be handed over. People
who were checked in get their Teilnahmebescheinigung attached as PDF.
"""

import logging

from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django_tasks import task

from lotse.core.audit import audit_log
from lotse.core.links import absolute_url

from .models import Event, EventStatus, Registration, RegistrationStatus
from .pdf import certificate_pdf

logger = logging.getLogger(__name__)


def event_public_url(event: Event) -> str:
    """Absolute address of the public event page (/veranstaltungen/<slug>/)."""
    return absolute_url(reverse("events:detail", args=[event.slug]))


def event_documents(event: Event) -> list[dict]:
    """Title and absolute URL of every document attached to the event's sessions."""
    seen = {}
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


def registration_thanks_send(*, registration: Registration, documents: list[dict], now=None):
    """Send one thank-you mail (certificate attached when checked in); False if already sent."""
    now = now or timezone.now()
    event = registration.event
    with transaction.atomic():
        claimed = Registration.objects.filter(
            pk=registration.pk, thanks_sent_at__isnull=True, anonymised_at__isnull=True
        ).update(thanks_sent_at=now)
        if not claimed:
            return False
        with translation.override(registration.language or "de"):
            body = render_to_string(
                "events/admin/mail/thanks.txt",
                {
                    "registration": registration,
                    "event": event,
                    "event_url": event_public_url(event),
                    "documents": documents,
                    "certificate": registration.checked_in_at is not None,
                },
            )
            message = EmailMessage(
                subject=_("Danke für Ihre Teilnahme: %(title)s") % {"title": event.title},
                body=body,
                to=[registration.email],
            )
            if registration.checked_in_at is not None:
                message.attach(
                    f"teilnahmebescheinigung-{slugify(event.slug)}.pdf",
                    certificate_pdf(registration=registration),
                    "application/pdf",
                )
        message.send()
    return True


def event_thanks_send(*, event: Event, user=None, now=None) -> int:
    """Thank every confirmed participant of `event` who has not been thanked; returns the count."""
    documents = event_documents(event)
    sent = 0
    for registration in registrations_to_thank(event):
        try:
            if registration_thanks_send(registration=registration, documents=documents, now=now):
                sent += 1
        except Exception:
            logger.exception("event_thanks_send: registration %s failed", registration.pk)
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
