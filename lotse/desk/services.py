"""Every write of the inquiry desk: one function per use case, keyword-only, in a transaction.

The acting `user` is a signed-in staff account (Django's User); `access.require_topic` refuses
anyone who may not handle the inquiry's topic."""

import datetime as dt
import logging

from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from lotse.core.audit import audit_changes, audit_log, model_snapshot
from lotse.core.mail import mail_enqueue, mails_delete_for

from . import access, selectors
from .models import (
    OPEN_STATUSES,
    REFERENCE_PREFIXES,
    TRANSITIONS,
    Inquiry,
    ReferenceCounter,
    Status,
    Topic,
)
from .workdays import add_working_days, working_days_between

logger = logging.getLogger(__name__)

PERSONAL_FIELDS = (
    "contact_name",
    "contact_email",
    "contact_phone",
    "contact_organisation",
    "message",
    "answer_text",
)


def reference_next(*, topic: str, year: int) -> str:
    """The next reference number of a topic and year, e.g. "TA-2026-00042".

    The counter row is incremented with one UPDATE, which holds the row lock until the
    surrounding transaction ends, so two concurrent submissions never get the same number.
    A missing row is created; if another transaction created it first, the unique constraint
    fails and the UPDATE is repeated.
    """
    prefix = REFERENCE_PREFIXES[Topic(topic)]
    with transaction.atomic():
        for _attempt in range(3):
            counter = ReferenceCounter.objects.filter(prefix=prefix, year=year)
            if counter.update(last=F("last") + 1):
                number = counter.values_list("last", flat=True).get()
                return f"{prefix}-{year}-{number:05d}"
            try:
                with transaction.atomic():
                    ReferenceCounter.objects.create(prefix=prefix, year=year, last=1)
            except IntegrityError:
                continue
            return f"{prefix}-{year}-{1:05d}"
    raise RuntimeError("Could not allocate a reference number")  # pragma: no cover


def due_date_for(received_at: dt.datetime) -> dt.date:
    """The service level: the answer is due on the N-th working day after receipt."""
    return add_working_days(timezone.localdate(received_at), settings.LOTSE_DESK_SERVICE_DAYS)


@transaction.atomic
def inquiry_submit(
    *,
    topic: str = Topic.TARIFF,
    sector: str,
    wz_code: str = "",
    question_kind: str,
    message: str,
    contact_name: str = "",
    contact_email: str,
    contact_phone: str = "",
    contact_organisation: str = "",
    consent: bool,
    language: str = "de",
) -> Inquiry:
    """Record a new inquiry from the public form; the confirmation mail is put into the outbox
    in the same transaction (sent by the worker after the commit)."""
    if not consent:
        raise ValidationError(_("Bitte willigen Sie in die Verarbeitung Ihrer Angaben ein."))
    if not message.strip() or not contact_email.strip():
        raise ValidationError(_("Bitte geben Sie Ihre Frage und Ihre E-Mail-Adresse an."))
    now = timezone.now()
    inquiry = Inquiry(
        reference=reference_next(topic=topic, year=timezone.localdate(now).year),
        topic=topic,
        sector=sector.strip(),
        wz_code=wz_code.strip(),
        question_kind=question_kind,
        message=message.strip(),
        contact_name=contact_name.strip(),
        contact_email=contact_email.strip(),
        contact_phone=contact_phone.strip(),
        contact_organisation=contact_organisation.strip(),
        consent=True,
        language=language,
        received_at=now,
        due_date=due_date_for(now),
    )
    inquiry.full_clean()
    try:
        inquiry.save()
    except IntegrityError as exc:
        raise ValidationError(_("Die Anfrage konnte nicht gespeichert werden.")) from exc
    inquiry_confirmation_mail(inquiry=inquiry)
    return inquiry


def _mail_kind(inquiry: Inquiry, name: str) -> str:
    """Kinds carry the topic: who sees the record follows who handles the topic."""
    return f"desk.{inquiry.topic}.{name}"


def inquiry_confirmation_mail(*, inquiry: Inquiry) -> int:
    """Put the confirmation with the reference number into the outbox (asker's language), once
    per inquiry; returns 1 for a new mail, 0 otherwise."""
    if inquiry.personal_data_deleted or not inquiry.contact_email:
        return 0
    row = mail_enqueue(
        to=inquiry.contact_email,
        kind=_mail_kind(inquiry, "confirmation"),
        key=f"{_mail_kind(inquiry, 'confirmation')}:{inquiry.pk}",
        template="desk/email/confirmation.txt",
        context={
            "inquiry": inquiry,
            "centre_name": settings.LOTSE_CENTRE_NAME,
            "retention_months": settings.LOTSE_DESK_RETENTION_MONTHS,
        },
        subject=lambda: _("Ihre Anfrage %(reference)s") % {"reference": inquiry.reference},
        language=inquiry.language,
        obj=inquiry,
    )
    return int(row is not None)


def _locked(inquiry: Inquiry) -> Inquiry:
    return Inquiry.objects.select_for_update().get(pk=inquiry.pk)


def _refresh(inquiry: Inquiry, fresh: Inquiry) -> Inquiry:
    inquiry.__dict__.update(
        {key: value for key, value in fresh.__dict__.items() if not key.startswith("_")}
    )
    return inquiry


@transaction.atomic
def inquiry_status_change(*, inquiry: Inquiry, status: str, user: User) -> Inquiry:
    """Move an inquiry to another status along the allowed transitions (see models.TRANSITIONS)."""
    access.require_topic(user=user, topic=inquiry.topic)
    fresh = _locked(inquiry)
    if status == fresh.status:
        return _refresh(inquiry, fresh)
    if status not in TRANSITIONS[fresh.status]:
        raise ValidationError(
            _("Der Status „%(old)s“ kann nicht zu „%(new)s“ wechseln.")
            % {"old": Status(fresh.status).label, "new": Status(status).label}
        )
    before = model_snapshot(fresh, ["status"])
    fresh.status = status
    fresh.closed_at = timezone.now() if status == Status.CLOSED else None
    if status == Status.IN_PROGRESS and fresh.assignee_id is None:
        fresh.assignee = user
    fresh.save(update_fields=["status", "closed_at", "assignee"])
    audit_log(
        user=user,
        action="lotse.status",
        instance=fresh,
        changes=audit_changes(before, model_snapshot(fresh, ["status"])),
    )
    return _refresh(inquiry, fresh)


@transaction.atomic
def inquiry_assign(*, inquiry: Inquiry, assignee: User | None, user: User) -> Inquiry:
    """Give the inquiry to a staff member who may handle its topic (or to nobody)."""
    access.require_topic(user=user, topic=inquiry.topic)
    if assignee is not None and not access.user_may_handle(user=assignee, topic=inquiry.topic):
        raise ValidationError(_("Diese Person kann Anfragen zu diesem Thema nicht bearbeiten."))
    fresh = _locked(inquiry)
    before = model_snapshot(fresh, ["assignee"])
    fresh.assignee = assignee
    fresh.save(update_fields=["assignee"])
    audit_log(
        user=user,
        action="lotse.update",
        instance=fresh,
        changes=audit_changes(before, model_snapshot(fresh, ["assignee"])),
    )
    return _refresh(inquiry, fresh)


@transaction.atomic
def inquiry_due_date_set(*, inquiry: Inquiry, due_date: dt.date, user: User) -> Inquiry:
    """Change the due date (e.g. agreed with the asker); never before the day of receipt."""
    access.require_topic(user=user, topic=inquiry.topic)
    fresh = _locked(inquiry)
    if due_date < timezone.localdate(fresh.received_at):
        raise ValidationError(_("Das Fälligkeitsdatum darf nicht vor dem Eingang liegen."))
    before = model_snapshot(fresh, ["due_date"])
    fresh.due_date = due_date
    fresh.save(update_fields=["due_date"])
    audit_log(
        user=user,
        action="lotse.update",
        instance=fresh,
        changes=audit_changes(before, model_snapshot(fresh, ["due_date"])),
    )
    return _refresh(inquiry, fresh)


@transaction.atomic
def inquiry_answer_send(*, inquiry: Inquiry, answer_text: str, user: User) -> Inquiry:
    """Store the answer, mark the inquiry answered, audit it and put the mail to the asker
    into the outbox: the worker sends it after the commit (and retries), never under the lock.
    Staff follow the delivery under *Gesendete E-Mails*."""
    access.require_topic(user=user, topic=inquiry.topic)
    answer_text = answer_text.strip()
    if not answer_text:
        raise ValidationError(_("Bitte geben Sie einen Antworttext ein."))
    unfilled = selectors.unfilled_placeholders(answer_text)
    if unfilled:
        raise ValidationError(
            _(
                "Die Antwort enthält einen Platzhalter, der nicht ausgefüllt werden konnte: "
                "%(items)s. Bitte ersetzen Sie ihn durch den richtigen Text, bevor Sie senden."
            )
            % {"items": ", ".join(dict.fromkeys(unfilled))}
        )
    fresh = _locked(inquiry)
    if fresh.status not in OPEN_STATUSES:
        raise ValidationError(_("Diese Anfrage ist bereits beantwortet oder abgeschlossen."))
    now = timezone.now()
    fresh.answer_text = answer_text
    fresh.answered_at = now
    fresh.status = Status.ANSWERED
    fresh.turnaround_days = working_days_between(
        timezone.localdate(fresh.received_at), timezone.localdate(now)
    )
    if fresh.assignee_id is None:
        fresh.assignee = user
    fresh.full_clean()
    fresh.save(
        update_fields=["answer_text", "answered_at", "status", "turnaround_days", "assignee"]
    )
    sender_name = user.get_full_name() or user.get_username()
    mail_enqueue(
        to=fresh.contact_email,
        kind=_mail_kind(fresh, "answer"),
        key=f"{_mail_kind(fresh, 'answer')}:{fresh.pk}",
        template="desk/email/answer.txt",
        context={
            "inquiry": fresh,
            "centre_name": settings.LOTSE_CENTRE_NAME,
            "sender": sender_name,
        },
        subject=lambda: (
            _("Antwort auf Ihre Anfrage %(reference)s") % {"reference": fresh.reference}
        ),
        language=fresh.language,
        obj=fresh,
    )
    audit_log(
        user=user,
        action="lotse.mail",
        instance=fresh,
        changes={"status": [Status.IN_PROGRESS, Status.ANSWERED]},
        note=f"Antwort auf {fresh.reference} versandt",
    )
    return _refresh(inquiry, fresh)


@transaction.atomic
def inquiry_personal_data_erase(*, inquiry: Inquiry, user: User) -> Inquiry:
    """Delete the personal data of one answered or closed inquiry now (erasure request)."""
    access.require_topic(user=user, topic=inquiry.topic)
    fresh = _locked(inquiry)
    if fresh.status not in (Status.ANSWERED, Status.CLOSED):
        raise ValidationError(
            _("Bitte beantworten oder schließen Sie die Anfrage, bevor Sie die Daten löschen.")
        )
    if fresh.personal_data_deleted:
        return _refresh(inquiry, fresh)
    for name in PERSONAL_FIELDS:
        setattr(fresh, name, "")
    fresh.personal_data_deleted_at = timezone.now()
    fresh.save(update_fields=[*PERSONAL_FIELDS, "personal_data_deleted_at"])
    mails_delete_for(model=Inquiry, ids=[fresh.pk])
    audit_log(user=user, action="lotse.anonymise", instance=fresh)
    return _refresh(inquiry, fresh)


def retention_cutoff(now: dt.datetime) -> dt.datetime:
    """`now` minus LOTSE_DESK_RETENTION_MONTHS calendar months (end of month clamped)."""
    months = settings.LOTSE_DESK_RETENTION_MONTHS
    year, month = divmod(now.month - 1 - months, 12)
    year += now.year
    month += 1
    day = now.day
    while True:
        try:
            return now.replace(year=year, month=month, day=day)
        except ValueError:
            day -= 1


def inquiries_due_for_deletion(*, now: dt.datetime) -> QuerySet[Inquiry]:
    cutoff = retention_cutoff(now)
    return Inquiry.objects.filter(personal_data_deleted_at__isnull=True).filter(
        Q(status=Status.ANSWERED, answered_at__lte=cutoff)
        | Q(status=Status.CLOSED, answered_at__lte=cutoff)
        | Q(status=Status.CLOSED, answered_at__isnull=True, closed_at__lte=cutoff)
    )


@transaction.atomic
def inquiries_personal_data_delete(*, now: dt.datetime | None = None) -> list[str]:
    """Empty the personal data of inquiries answered or closed longer than the retention period
    ago; returns their reference numbers. Idempotent: deleted inquiries are not touched again."""
    now = now or timezone.now()
    queryset = inquiries_due_for_deletion(now=now)
    references = list(queryset.values_list("reference", flat=True))
    if references:
        due = Inquiry.objects.filter(reference__in=references)
        mails_delete_for(model=Inquiry, ids=due.values_list("pk", flat=True))
        due.update(**dict.fromkeys(PERSONAL_FIELDS, ""), personal_data_deleted_at=now)
    logger.info(
        "inquiries_personal_data_delete: personal data of %s inquiries deleted (%s)",
        len(references),
        ", ".join(references) or "-",
    )
    return references
