"""The participants' e-mails, sent by the task `registration_mail_send` after the commit.

Every mail carries the personal link and the "Platz freigeben" link. The confirmation (and the
reminder) adds the .ics file, the QR ticket (inline PNG and as PDF) and, for online
participants, the stream link.
"""

from __future__ import annotations

from email.mime.image import MIMEImage

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from lotse.core.links import absolute_url

from .ics import event_ics
from .models import Registration, RegistrationStatus
from .selectors import stream_url_for, waitlist_position
from .tickets import qr_png, ticket_pdf

KINDS = ("held", "confirmed", "waitlisted", "offered", "cancelled", "moved", "reminder")


def registration_links(registration: Registration) -> dict[str, str]:
    """Absolute personal links of a registration (in its language)."""
    token = registration.token
    return {
        "manage_url": absolute_url(reverse("events:manage", args=[token])),
        "confirm_url": absolute_url(reverse("events:confirm", args=[token])),
        "release_url": absolute_url(reverse("events:release", args=[token])),
        "ticket_url": absolute_url(reverse("events:ticket_pdf", args=[token])),
        "event_url": absolute_url(reverse("events:detail", args=[registration.event.slug])),
    }


def _subject(kind: str, registration: Registration) -> str:
    title = registration.event.title
    subjects = {
        "held": _("Bitte bestätigen Sie Ihre Anmeldung: %(title)s"),
        "confirmed": _("Anmeldung bestätigt: %(title)s"),
        "waitlisted": _("Warteliste: %(title)s"),
        "offered": _("Ein Platz ist frei geworden: %(title)s"),
        "cancelled": _("Anmeldung storniert: %(title)s"),
        "moved": _("Anmeldung geändert: %(title)s"),
        "reminder": _("Erinnerung: morgen %(title)s"),
    }
    return subjects[kind] % {"title": title}


def registration_mail(registration: Registration, kind: str) -> EmailMultiAlternatives:
    """Build (not send) the e-mail of the given kind for one registration."""
    if kind not in KINDS:
        raise ValueError(f"unknown mail kind {kind!r}")
    with translation.override(registration.language or "de"):
        links = registration_links(registration)
        seated = registration.status == RegistrationStatus.CONFIRMED
        context = {
            "registration": registration,
            "event": registration.event,
            "site": registration.site,
            "kind": kind,
            "position": waitlist_position(registration=registration),
            "stream_url": stream_url_for(registration=registration),
            "with_ticket": seated and kind in ("confirmed", "reminder", "moved"),
            "centre_name": settings.LOTSE_CENTRE_NAME,
            **links,
        }
        body = render_to_string("events/mail/registration.txt", context)
        message = EmailMultiAlternatives(
            subject=_subject(kind, registration), body=body, to=[registration.email]
        )
        if context["with_ticket"]:
            html = render_to_string("events/mail/registration.html", context)
            message.attach_alternative(html, "text/html")
            message.mixed_subtype = "related"
            image = MIMEImage(qr_png(registration), _subtype="png")
            image.add_header("Content-ID", "<ticket-qr>")
            image.add_header("Content-Disposition", "inline", filename="ticket-qr.png")
            message.attach(image)
            message.attach(
                f"ticket-{registration.code}.pdf",
                ticket_pdf(registration, manage_url=links["manage_url"]),
                "application/pdf",
            )
            message.attach(
                "veranstaltung.ics",
                event_ics(registration.event, url=links["event_url"], site=registration.site),
                "text/calendar",
            )
    return message


def registration_mail_deliver(registration: Registration, kind: str) -> int:
    return registration_mail(registration, kind).send()


@task()
def registration_mail_send(registration_id: int, kind: str) -> int:
    """Send one participant e-mail; a registration deleted or anonymised meanwhile is skipped.

    Enqueued by the services (`_mail_after_commit`); it imports no service, so the services and
    the tasks that call them (tasks.py) form no circle.
    """
    registration = (
        Registration.objects.filter(pk=registration_id, anonymised_at__isnull=True)
        .select_related("event", "event__organiser", "site")
        .first()
    )
    if registration is None:
        return 0
    return registration_mail_deliver(registration, kind)
