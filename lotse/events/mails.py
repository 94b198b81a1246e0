"""The participants' e-mails, through the outbox (core/mail.py).

`registration_mail_enqueue` renders the text in the participant's language inside the deciding
transaction and puts it into the outbox; the worker sends it after the commit and adds the
heavy parts there (`registration_mail_attachments`). Every mail carries the personal link and
the "Platz freigeben" link. The confirmation (and the reminder) adds the .ics file, the QR
ticket (inline PNG and as PDF) and, for online participants, the stream link.
"""

from __future__ import annotations

from collections.abc import Callable
from email.mime.image import MIMEImage

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from lotse.core.links import absolute_url
from lotse.core.mail import (
    MailCancelled,
    MailDraft,
    mail_attachments,
    mail_enqueue,
    mail_render,
)
from lotse.core.models import OutgoingMail
from lotse.core.validators import one_line

from .ics import event_ics
from .models import Registration, RegistrationStatus
from .selectors import stream_url_for, waitlist_position
from .tickets import qr_png, ticket_pdf

KINDS = ("held", "confirmed", "waitlisted", "offered", "cancelled", "moved", "reminder", "link")


def registration_mail_draft(
    registration: Registration,
    *,
    template: str,
    context: dict,
    subject: str | Callable[[], str],
    key: str,
) -> MailDraft:
    """A mail to one registered person, rendered now in their language, for `mails_enqueue`
    (the context gets the registration)."""
    language = registration.language or "de"
    subject_text, body = mail_render(
        template=template,
        context={"registration": registration, **context},
        subject=subject,
        language=language,
    )
    return MailDraft(
        to=registration.email,
        subject=subject_text,
        body=body,
        language=language,
        key=key,
        obj=registration,
    )


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
    title = one_line(registration.event.title)  # a header: never a line break
    subjects = {
        "held": _("Bitte bestätigen Sie Ihre Anmeldung: %(title)s"),
        "confirmed": _("Anmeldung bestätigt: %(title)s"),
        "waitlisted": _("Warteliste: %(title)s"),
        "offered": _("Ein Platz ist frei geworden: %(title)s"),
        "cancelled": _("Anmeldung storniert: %(title)s"),
        "moved": _("Anmeldung geändert: %(title)s"),
        "reminder": _("Erinnerung: morgen %(title)s"),
        "link": _("Ihr persönlicher Link zur Anmeldung: %(title)s"),
    }
    return one_line(subjects[kind] % {"title": title})


def registration_mail_context(registration: Registration, kind: str) -> dict:
    """Everything the registration mail templates show (in the active language)."""
    if kind not in KINDS:
        raise ValueError(f"unknown mail kind {kind!r}")
    links = registration_links(registration)
    seated = registration.status == RegistrationStatus.CONFIRMED
    return {
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


def _ticket_parts(message: EmailMultiAlternatives, context: dict) -> None:
    """HTML part with the inline QR code, ticket PDF and calendar file."""
    registration = context["registration"]
    html = render_to_string("events/mail/registration.html", context)
    message.attach_alternative(html, "text/html")
    message.mixed_subtype = "related"
    image = MIMEImage(qr_png(registration), _subtype="png")
    image.add_header("Content-ID", "<ticket-qr>")
    image.add_header("Content-Disposition", "inline", filename="ticket-qr.png")
    message.attach(image)
    message.attach(
        f"ticket-{registration.code}.pdf",
        ticket_pdf(registration, manage_url=context["manage_url"]),
        "application/pdf",
    )
    message.attach(
        "veranstaltung.ics",
        event_ics(registration.event, url=context["event_url"], site=registration.site),
        "text/calendar",
    )


def registration_mail(registration: Registration, kind: str) -> EmailMultiAlternatives:
    """Build (not send) the whole e-mail of the given kind for one registration."""
    with translation.override(registration.language or "de"):
        context = registration_mail_context(registration, kind)
        body = render_to_string("events/mail/registration.txt", context)
        message = EmailMultiAlternatives(
            subject=_subject(kind, registration), body=body, to=[registration.email]
        )
        if context["with_ticket"]:
            _ticket_parts(message, context)
    return message


def mail_registration(mail: OutgoingMail) -> Registration:
    """In the worker: the registration a mail is about; a registration deleted or anonymised
    meanwhile gets no mail (MailCancelled)."""
    registration = (
        Registration.objects.filter(pk=mail.object_id, anonymised_at__isnull=True)
        .select_related("event", "event__organiser", "site")
        .first()
    )
    if registration is None:
        raise MailCancelled
    return registration


@mail_attachments
def registration_mail_attachments(*, mail: OutgoingMail, message: EmailMultiAlternatives) -> None:
    """In the worker: the ticket parts of a confirmation, move or reminder mail. A registration
    that was deleted or anonymised meanwhile gets no mail."""
    registration = mail_registration(mail)
    context = registration_mail_context(registration, mail.kind.rsplit(".", 1)[-1])
    if context["with_ticket"]:
        _ticket_parts(message, context)


def registration_mail_enqueue(
    *, registration: Registration, kind: str, key: str = ""
) -> OutgoingMail | None:
    """Put the mail of `kind` for one registration into the outbox (in the caller's
    transaction; sent by the worker after the commit)."""
    language = registration.language or "de"
    with translation.override(language):
        context = registration_mail_context(registration, kind)
    return mail_enqueue(
        to=registration.email,
        kind=f"events.registration.{kind}",
        key=key,
        template="events/mail/registration.txt",
        context=context,
        subject=lambda: _subject(kind, registration),
        language=language,
        obj=registration,
        attachments=registration_mail_attachments if context["with_ticket"] else None,
    )


def registration_mail_deliver(registration: Registration, kind: str) -> int:
    """Kept for callers of the former direct path: puts the mail into the outbox."""
    return int(registration_mail_enqueue(registration=registration, kind=kind) is not None)
