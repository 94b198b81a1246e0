"""Writes on offers: publication bookkeeping, re-confirmation, final rejection, reminders.

Drafts, submission, approval and "request changes" are Wagtail's own workflow machinery
(WorkflowMixin / GroupApprovalTask "Prüfung durch die Redaktion"); these services only add what
Wagtail does not know: the yearly confirmation and a final rejection.
"""

import logging
from datetime import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from lotse.core.audit import audit_log, audit_log_since, model_snapshot
from lotse.core.links import absolute_url
from lotse.core.mail import MailDraft, mail_key, mail_render, mails_enqueue
from lotse.core.types import AnyUser

from .models import Offer
from .permissions import user_can_confirm_offer, user_is_offer_staff
from .search import offer_search_document

logger = logging.getLogger(__name__)

STATE_AUDIT_FIELDS = ("confirmed_at", "reminder_sent_at", "rejected_at", "rejection_reason")


def offer_search_refresh(*, offer: Offer) -> None:
    """Recompute the stored search document from the row (the published version)."""
    row = Offer.objects.select_related("actor").get(pk=offer.pk)
    Offer.objects.filter(pk=offer.pk).update(search_document=offer_search_document(row))


@transaction.atomic
def offer_published(*, offer: Offer, user: AnyUser | None = None) -> Offer:
    """Bookkeeping after Wagtail published a revision (signal `published`).

    A first publication counts as the first confirmation. A later publication (an approved
    change) does not renew the yearly confirmation: that is the provider's explicit act
    (`offer_confirm`). Publishing lifts a final rejection (the Redaktion changed its mind).
    """
    row = Offer.objects.select_for_update().get(pk=offer.pk)
    before = model_snapshot(row, STATE_AUDIT_FIELDS)
    updates: dict[str, datetime | str | None] = {}
    if row.confirmed_at is None:
        updates["confirmed_at"] = timezone.now()
    if row.rejected_at is not None:
        updates.update(rejected_at=None, rejection_reason="")
    if updates:
        Offer.objects.filter(pk=row.pk).update(**updates)
        for name, value in updates.items():
            setattr(row, name, value)
            setattr(offer, name, value)
    offer_search_refresh(offer=row)
    if updates:
        _state_logged(user=user, row=row, before=before, note="Veröffentlicht")
    return offer


def _state_logged(*, user: AnyUser | None, row: Offer, before: dict, note: str) -> None:
    """Audit a change of the offer's review state (STATE_AUDIT_FIELDS) since `before`."""
    audit_log_since(
        user=user,
        action="lotse.status",
        instance=row,
        before=before,
        fields=STATE_AUDIT_FIELDS,
        note=note,
    )


@transaction.atomic
def offer_confirm(*, offer: Offer, user: AnyUser) -> Offer:
    """The provider (a member of the offer's actor) or the Redaktion confirms it is current."""
    if not user_can_confirm_offer(user=user, offer=offer):
        raise PermissionDenied("Nur der Anbieter oder die Redaktion kann das Angebot bestätigen.")
    row = Offer.objects.select_for_update().get(pk=offer.pk)
    if row.rejected_at is not None:
        raise ValidationError("Ein abgelehntes Angebot kann nicht bestätigt werden.")
    before = model_snapshot(row, STATE_AUDIT_FIELDS)
    now = timezone.now()
    Offer.objects.filter(pk=row.pk).update(confirmed_at=now, reminder_sent_at=None)
    row.confirmed_at = offer.confirmed_at = now
    row.reminder_sent_at = offer.reminder_sent_at = None
    _state_logged(user=user, row=row, before=before, note="Angebot bestätigt")
    return offer


@transaction.atomic
def offer_reject(*, offer: Offer, user: AnyUser, reason: str) -> Offer:
    """Final rejection by the Redaktion: cancel the workflow, take the offer offline, keep the
    reason for the provider. ("Request changes" is the workflow's own action, not this.)"""
    if not user_is_offer_staff(user):
        raise PermissionDenied("Nur die Redaktion kann ein Angebot ablehnen.")
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": "Bitte begründen Sie die Ablehnung."})
    row = Offer.objects.select_for_update().get(pk=offer.pk)
    before = model_snapshot(row, STATE_AUDIT_FIELDS)
    workflow_state = row.current_workflow_state
    if workflow_state is not None:
        workflow_state.cancel(user=user)
    if row.live:
        row.unpublish(user=user)
    now = timezone.now()
    Offer.objects.filter(pk=row.pk).update(rejected_at=now, rejection_reason=reason)
    row.rejected_at = offer.rejected_at = now
    row.rejection_reason = offer.rejection_reason = reason
    offer_search_refresh(offer=row)
    _state_logged(user=user, row=row, before=before, note="Endgültig abgelehnt")
    _mail_provider(
        offer=row,
        kind="offers.rejected",
        occasion=now,
        subject=f"Ihr Angebot „{row.title}“ wurde abgelehnt",
        template="offers/email/offer_rejected.txt",
    )
    return offer


def offer_recipients(*, offer: Offer) -> list[str]:
    """E-mail addresses of the provider: its partner users and its public address."""
    users = (
        get_user_model()
        .objects.filter(memberships__actor_id=offer.actor_id, is_active=True)
        .exclude(email="")
    )
    addresses = sorted({user.email.lower() for user in users})
    if offer.actor.email and offer.actor.email.lower() not in addresses:
        addresses.append(offer.actor.email.lower())
    return addresses


def offer_admin_url(offer: Offer, name: str = "edit") -> str:
    return absolute_url(reverse(f"wagtailsnippets_offers_offer:{name}", args=[offer.pk]))


def _mail_provider(
    *, offer: Offer, kind: str, occasion: datetime, subject: str, template: str
) -> int:
    """Put one mail per provider address into the outbox (inside the caller's transaction);
    `occasion` (the time of the decision) makes the idempotency key. Returns the count."""
    recipients = offer_recipients(offer=offer)
    if not recipients:
        return 0
    subject, body = mail_render(
        template=template,
        context={
            "offer": offer,
            "centre_name": settings.LOTSE_CENTRE_NAME,
            "edit_url": offer_admin_url(offer),
            "confirm_url": offer_admin_url(offer, "confirm"),
            "expires_at": offer.confirmation_expires_at,
        },
        subject=subject,
        language="de",
    )
    mails_enqueue(
        kind=kind,
        drafts=[
            MailDraft(
                to=address,
                subject=subject,
                body=body,
                key=mail_key(kind, offer.pk, occasion.isoformat(), address),
                obj=offer,
            )
            for address in recipients
        ],
    )
    return len(recipients)


@transaction.atomic
def offer_reminder_send(*, offer: Offer, now: datetime | None = None) -> bool:
    """Put the re-confirmation reminder for one offer into the outbox, at most once per
    confirmation period.

    The reminder is claimed by a conditional UPDATE in the same transaction as the mail rows,
    so two workers never both send it and a claimed reminder always has its mails.
    """
    now = now or timezone.now()
    claimed = Offer.objects.filter(pk=offer.pk, reminder_sent_at__isnull=True).update(
        reminder_sent_at=now
    )
    if not claimed:
        return False
    offer.reminder_sent_at = now
    queued = _mail_provider(
        offer=offer,
        kind="offers.reminder",
        occasion=offer.confirmed_at or now,
        subject=f"Bitte bestätigen Sie Ihr Angebot „{offer.title}“",
        template="offers/email/confirmation_reminder.txt",
    )
    audit_log(
        user=None,
        action="lotse.mail",
        instance=offer,
        note="Erinnerung an die jährliche Bestätigung"
        + ("" if queued else " (keine Empfängeradresse hinterlegt)"),
    )
    return True
