"""Every write of the inquiry desk: one function per use case, keyword-only, in a transaction.

The acting `user` is a signed-in staff account (Django's User); `access.require_topic` refuses
anyone who may not handle the inquiry's topic."""

import datetime as dt
import logging
import secrets
from collections.abc import Iterable

from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lotse.core.audit import audit_log, audit_log_since, model_snapshot
from lotse.core.links import absolute_url
from lotse.core.mail import mail_enqueue, mails_delete_for
from lotse.core.models import Region, TopicField
from lotse.core.validators import no_control_characters
from lotse.network.models import Actor

from . import access, selectors
from .models import (
    ATTACHMENT_MAX_LENGTH,
    MESSAGE_MAX_LENGTH,
    NOTE_MAX_LENGTH,
    OPEN_STATUSES,
    PERSONAL_FIELDS,
    REFERENCE_PREFIXES,
    STAFF_CHANNELS,
    TRANSITIONS,
    Channel,
    ConsentKind,
    ConsentMethod,
    ConsentText,
    ContactPreference,
    Inquiry,
    InquiryFact,
    InquiryNote,
    ReferenceCounter,
    Referral,
    ReferralConsent,
    ReferralOutcome,
    ReferralStatus,
    RequesterType,
    Status,
    Topic,
)
from .workdays import add_working_days, working_days_between

logger = logging.getLogger(__name__)


def _delete_dependent_personal_data(inquiry_ids: list[int]) -> None:
    """With an inquiry's personal data go its mails, its internal notes and the partners'
    copies in its referrals (the referrals' statuses and dates stay for the statistics)."""
    referrals = Referral.objects.filter(inquiry_id__in=inquiry_ids)
    mails_delete_for(model=Inquiry, ids=inquiry_ids)
    mails_delete_for(model=Referral, ids=referrals.values_list("pk", flat=True))
    InquiryNote.objects.filter(inquiry_id__in=inquiry_ids).delete()
    referrals.update(
        contact_name="", contact_email="", contact_phone="", message="", consent_token=None
    )


def reference_next(*, topic: str, year: int) -> str:
    """The next reference number of a topic and year, e.g. "TA-2026-00042".

    One `UPDATE … RETURNING` increments the counter row and reads the number, so two concurrent
    submissions never get the same number. The row stays locked until the surrounding
    transaction ends: the public forms call this before they open theirs, so the statement is
    its own transaction and the lock lasts one statement, not the whole submission (decision
    0019; every POST of the forms waited on this row before). Numbers are therefore unique and
    ascending, not gap-free: a submission that fails after the allocation leaves its number
    unused. A missing row is created; if another transaction created it first, the unique
    constraint fails and the UPDATE is repeated.
    """
    prefix = REFERENCE_PREFIXES[Topic(topic)]
    table = connection.ops.quote_name(ReferenceCounter._meta.db_table)
    for _attempt in range(3):
        with connection.cursor() as cursor:
            cursor.execute(
                f'UPDATE {table} SET "last" = "last" + 1 '  # noqa: S608 - the model's own table
                'WHERE "prefix" = %s AND "year" = %s RETURNING "last"',
                [prefix, year],
            )
            row = cursor.fetchone()
        if row is not None:
            return f"{prefix}-{year}-{row[0]:05d}"
        try:
            with transaction.atomic():
                ReferenceCounter.objects.create(prefix=prefix, year=year, last=1)
        except IntegrityError:
            continue
        return f"{prefix}-{year}-{1:05d}"
    raise RuntimeError("Could not allocate a reference number")  # pragma: no cover


def due_date_for(received_at: dt.datetime, topic: str = Topic.TARIFF) -> dt.date:
    """The service level: a Tarif answer is due on the N-th working day after receipt
    (LOTSE_DESK_SERVICE_DAYS); the general desk's first response (an answer or a referral) on
    the LOTSE_DESK_FIRST_RESPONSE_DAYS-th."""
    days = (
        settings.LOTSE_DESK_FIRST_RESPONSE_DAYS
        if topic == Topic.GENERAL
        else settings.LOTSE_DESK_SERVICE_DAYS
    )
    return add_working_days(timezone.localdate(received_at), days)


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
    in the same transaction (sent by the worker after the commit). The reference number is
    allocated before that transaction (`reference_next`)."""
    if not consent:
        raise ValidationError(_("Bitte willigen Sie in die Verarbeitung Ihrer Angaben ein."))
    if not message.strip() or not contact_email.strip():
        raise ValidationError(_("Bitte geben Sie Ihre Frage und Ihre E-Mail-Adresse an."))
    now = timezone.now()
    inquiry = Inquiry(
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
        token=_new_token(),
        received_at=now,
        due_date=due_date_for(now),
    )
    _new_inquiry_check(inquiry)
    inquiry.reference = reference_next(topic=topic, year=timezone.localdate(now).year)
    with transaction.atomic():
        _new_inquiry_save(inquiry)
        inquiry_confirmation_mail(inquiry=inquiry)
        inquiry_fact_sync(inquiry=inquiry)
    return inquiry


def _mail_kind(inquiry: Inquiry, name: str) -> str:
    """Kinds carry the topic: who sees the record follows who handles the topic."""
    return f"desk.{inquiry.topic}.{name}"


def inquiry_confirmation_mail(*, inquiry: Inquiry) -> int:
    """Put the confirmation with the reference number into the outbox (asker's language), once
    per inquiry; returns 1 for a new mail, 0 otherwise."""
    new = _mail_asker(
        inquiry,
        name="confirmation",
        key=str(inquiry.pk),
        subject=gettext_lazy("Ihre Anfrage %(reference)s"),
    )
    return int(new)


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
    audit_log_since(
        user=user, action="lotse.status", instance=fresh, before=before, fields=["status"]
    )
    inquiry_fact_sync(inquiry=fresh)
    return _refresh(inquiry, fresh)


def _field_change_audited(fresh: Inquiry, *, user: User, **values: object) -> None:
    """Set fields of a locked inquiry, save them and write one audit entry with the change."""
    fields = list(values)
    before = model_snapshot(fresh, fields)
    for name, value in values.items():
        setattr(fresh, name, value)
    fresh.save(update_fields=fields)
    audit_log_since(user=user, action="lotse.update", instance=fresh, before=before, fields=fields)


@transaction.atomic
def inquiry_assign(*, inquiry: Inquiry, assignee: User | None, user: User) -> Inquiry:
    """Give the inquiry to a staff member who may handle its topic (or to nobody)."""
    access.require_topic(user=user, topic=inquiry.topic)
    if assignee is not None and not access.user_may_handle(user=assignee, topic=inquiry.topic):
        raise ValidationError(_("Diese Person kann Anfragen zu diesem Thema nicht bearbeiten."))
    fresh = _locked(inquiry)
    _field_change_audited(fresh, user=user, assignee=assignee)
    return _refresh(inquiry, fresh)


@transaction.atomic
def inquiry_due_date_set(*, inquiry: Inquiry, due_date: dt.date, user: User) -> Inquiry:
    """Change the due date (e.g. agreed with the asker); never before the day of receipt."""
    access.require_topic(user=user, topic=inquiry.topic)
    fresh = _locked(inquiry)
    if due_date < timezone.localdate(fresh.received_at):
        raise ValidationError(_("Das Fälligkeitsdatum darf nicht vor dem Eingang liegen."))
    _field_change_audited(fresh, user=user, due_date=due_date)
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
    fresh.first_response_at = fresh.first_response_at or now
    fresh.status = Status.ANSWERED
    fresh.turnaround_days = working_days_between(
        timezone.localdate(fresh.received_at), timezone.localdate(now)
    )
    if fresh.assignee_id is None:
        fresh.assignee = user
    fresh.full_clean()
    fresh.save(
        update_fields=[
            "answer_text",
            "answered_at",
            "first_response_at",
            "status",
            "turnaround_days",
            "assignee",
        ]
    )
    _mail_asker(
        fresh,
        name="answer",
        key=str(fresh.pk),
        subject=gettext_lazy("Antwort auf Ihre Anfrage %(reference)s"),
        sender=user.get_full_name() or user.get_username(),
    )
    audit_log(
        user=user,
        action="lotse.mail",
        instance=fresh,
        changes={"status": [Status.IN_PROGRESS, Status.ANSWERED]},
        note=f"Antwort auf {fresh.reference} versandt",
    )
    inquiry_fact_sync(inquiry=fresh)
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
    _delete_dependent_personal_data([fresh.pk])
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
        _delete_dependent_personal_data(list(due.values_list("pk", flat=True)))
        due.update(**dict.fromkeys(PERSONAL_FIELDS, ""), personal_data_deleted_at=now)
    logger.info(
        "inquiries_personal_data_delete: personal data of %s inquiries deleted (%s)",
        len(references),
        ", ".join(references) or "-",
    )
    return references


# --- The general desk (Lotsendienst): asking, notes, referrals, consent, service levels -------

REFERRAL_PURPOSE_FROM_PAGE = "Anfrage an die Organisation über das Portal"


def _new_token() -> str:
    return secrets.token_urlsafe(32)


def _clean_text(value: str, *, label: str, max_length: int) -> str:
    value = (value or "").strip()
    if len(value) > max_length:
        raise ValidationError(
            _("%(label)s: höchstens %(max)s Zeichen.") % {"label": label, "max": max_length}
        )
    try:
        no_control_characters(value.replace("\n", " ").replace("\r", " ").replace("\t", " "))
    except ValidationError as exc:
        raise ValidationError(
            _("%(label)s enthält unzulässige Steuerzeichen.") % {"label": label}
        ) from exc
    return value


def _data_passed(inquiry: Inquiry) -> str:
    parts = [
        label
        for value, label in (
            (inquiry.contact_name, "Name"),
            (inquiry.contact_email, "E-Mail-Adresse"),
            (inquiry.contact_phone, "Telefon"),
            (inquiry.contact_organisation, "Organisation"),
            (inquiry.message, "Frage"),
        )
        if value
    ]
    return ", ".join(parts)


def _copy_to(referral: Referral, inquiry: Inquiry) -> None:
    referral.contact_name = inquiry.contact_name
    referral.contact_email = inquiry.contact_email
    referral.contact_phone = inquiry.contact_phone
    referral.message = inquiry.message


def _empty_copy(referral: Referral) -> None:
    referral.contact_name = referral.contact_email = referral.contact_phone = ""
    referral.message = ""


def _accept_due(now: dt.datetime) -> dt.date:
    return add_working_days(timezone.localdate(now), settings.LOTSE_DESK_PARTNER_ACCEPT_DAYS)


def _asker_links(inquiry: Inquiry) -> dict[str, str]:
    """The links every mail to the asker carries (withdrawal of the consent)."""
    if not inquiry.token:
        return {}
    return {
        "withdraw_url": absolute_url(reverse("lotsendienst:withdraw", args=[inquiry.token])),
    }


def _mail_asker(
    inquiry: Inquiry, *, name: str, key: str, subject: Promise, **context: object
) -> bool:
    """Put the mail `desk/email/<name>.txt` to the asker into the outbox, in the asker's
    language (`subject`: lazy, with %(reference)s), unless there is no address (any more).
    True for a new mail, False if there was none or it was already queued under `key`."""
    if inquiry.personal_data_deleted or not inquiry.contact_email:
        return False
    row = mail_enqueue(
        to=inquiry.contact_email,
        kind=_mail_kind(inquiry, name),
        key=f"{_mail_kind(inquiry, name)}:{key}",
        template=f"desk/email/{name}.txt",
        context={
            "inquiry": inquiry,
            "centre_name": settings.LOTSE_CENTRE_NAME,
            "retention_months": settings.LOTSE_DESK_RETENTION_MONTHS,
            **_asker_links(inquiry),
            **context,
        },
        subject=lambda: subject % {"reference": inquiry.reference},
        language=inquiry.language,
        obj=inquiry,
    )
    return row is not None


def _mail_partner(referral: Referral) -> None:
    """Tell the partner organisation's members that a referral waits for them (no personal
    data in the mail: they read it in their back-office inbox)."""
    recipients = sorted(
        {
            email
            for email in referral.actor.memberships.filter(user__is_active=True).values_list(
                "user__email", flat=True
            )
            if email
        }
    )
    if not recipients and referral.actor.email:
        recipients = [referral.actor.email]
    for address in recipients:
        mail_enqueue(
            to=address,
            kind="desk.referral.partner",
            key=f"desk.referral.partner:{referral.pk}:{address}",
            template="desk/email/partner_referral.txt",
            context={
                "referral": referral,
                "centre_name": settings.LOTSE_CENTRE_NAME,
                "inbox_url": absolute_url(reverse("lotse_desk:partner_detail", args=[referral.pk])),
            },
            subject=lambda: (
                _("Neue Verweisung vom Lotsendienst: %(reference)s")
                % {"reference": referral.inquiry.reference}
            ),
            obj=referral,
        )


RELATED_FIELDS = ("topic_field", "district", "consent_text", "actor", "assignee")


def _new_inquiry_check(inquiry: Inquiry) -> None:
    """Validate the fields (lengths, choices, e-mail) before a reference number is allocated.
    The database checks the constraints and the unique reference itself: Django's
    `validate_constraints` would ask it once per constraint first (about 40 statements per
    public form POST)."""
    # The related rows (topic field, district, consent text, organisation, assignee) were read
    # by the caller; the database checks the foreign keys on the insert.
    inquiry.full_clean(
        exclude=["token", "reference", *RELATED_FIELDS],
        validate_unique=False,
        validate_constraints=False,
    )


def _new_inquiry_save(inquiry: Inquiry) -> None:
    """Insert a checked inquiry (`_new_inquiry_check`) with its reference number."""
    try:
        with transaction.atomic():
            inquiry.save()
    except IntegrityError as exc:
        raise ValidationError(_("Die Anfrage konnte nicht gespeichert werden.")) from exc


def inquiry_fact_sync(
    *,
    inquiry: Inquiry,
    today: dt.date | None = None,
    new_referrals: list[Referral] | None = None,
) -> InquiryFact:
    """Write the anonymised statistics row of one inquiry (no name, text or contact).

    `new_referrals`: the inquiry was created in this transaction with these referrals (the
    public form): its row is inserted without reading the referrals or a row first."""
    today = today or timezone.localdate()
    received = timezone.localdate(inquiry.received_at)
    responded_at = inquiry.first_response_at or inquiry.answered_at
    turnaround = (
        working_days_between(received, timezone.localdate(responded_at)) if responded_at else None
    )
    if responded_at is not None:
        first_met: bool | None = timezone.localdate(responded_at) <= inquiry.due_date
    elif inquiry.status in OPEN_STATUSES and inquiry.due_date < today:
        first_met = False
    elif inquiry.status == Status.CLOSED:
        first_met = None  # closed without an answer (duplicate, spam, withdrawn)
    else:
        first_met = None
    referrals = new_referrals if new_referrals is not None else list(inquiry.referrals.all())
    offered = [r for r in referrals if r.offered_at is not None]
    partner_met: bool | None = None
    if offered:
        partner_met = all(
            (r.accepted_at is not None and timezone.localdate(r.accepted_at) <= r.accept_due)
            or (r.accepted_at is None and r.accept_due is not None and r.accept_due >= today)
            for r in offered
            if r.accept_due is not None
        )
    outcomes = [r.outcome for r in referrals if r.outcome]
    outcome = outcomes[0] if outcomes else inquiry.status
    values = {
        "month": received.replace(day=1),
        "topic": inquiry.topic,
        "topic_field": inquiry.topic_field.slug if inquiry.topic_field is not None else "",
        "district": inquiry.district.code if inquiry.district is not None else "",
        "requester_type": inquiry.requester_type,
        "language": inquiry.preferred_language or inquiry.language,
        "channel": inquiry.channel,
        "outcome": outcome,
        "turnaround_days": turnaround,
        "first_response_met": first_met,
        "partner_acceptance_met": partner_met,
    }
    if new_referrals is not None:
        return InquiryFact.objects.create(inquiry=inquiry, **values)
    fact, _created = InquiryFact.objects.update_or_create(inquiry=inquiry, defaults=values)
    return fact


def submit_inquiry(
    *,
    requester_type: str,
    topic_field: TopicField | None,
    district: Region | None,
    question: str,
    email: str,
    phone: str,
    contact_preference: str,
    language: str,
    consent_version: int,
    channel: str = Channel.WEB,
    name: str = "",
    organisation: str = "",
    preferred_language: str = "",
    actor: Actor | None = None,
    referral_consent_version: int | None = None,
    attachment_text: str = "",
    source_label: str = "",
    user: User | None = None,
) -> Inquiry:
    """A question to the Lotsendienst, from the public form (`channel` formular, angebot,
    akteur, wegweiser) or logged by staff (`telefon`, `email`, with `user`).

    With `actor` (an offer's provider or an actor page) the inquiry is referred to that
    organisation at once; the asker's consent to pass the data on is part of that form
    (`referral_consent_version`). The confirmation mail (reference number, what happens next,
    the withdrawal link) is put into the outbox in this transaction. The Wegweiser attaches its
    plan as `attachment_text` (channel "wegweiser"). The input is checked and the reference
    number allocated (`reference_next`) before the transaction of the writes opens.
    """
    if channel in STAFF_CHANNELS:
        access.require_topic(user=user, topic=Topic.GENERAL)
    elif channel not in Channel.values:
        raise ValidationError(_("Unbekannter Eingangsweg."))
    if requester_type not in RequesterType.values:
        raise ValidationError(_("Bitte wählen Sie aus, wer fragt."))
    if topic_field is not None and not topic_field.is_active:
        raise ValidationError(_("Dieses Themenfeld gibt es nicht."))
    if district is not None and not district.is_district:
        raise ValidationError(_("Bitte wählen Sie einen Landkreis oder eine kreisfreie Stadt."))
    question = _clean_text(question, label=_("Ihre Frage"), max_length=MESSAGE_MAX_LENGTH)
    if not question:
        raise ValidationError(_("Bitte schreiben Sie Ihre Frage."))
    attachment_text = _clean_text(
        attachment_text, label=_("Anhang"), max_length=ATTACHMENT_MAX_LENGTH
    )
    name = _clean_text(name, label=_("Name"), max_length=200)
    organisation = _clean_text(organisation, label=_("Organisation"), max_length=200)
    source_label = _clean_text(source_label, label=_("Bezug"), max_length=300)
    email = (email or "").strip()
    phone = (phone or "").strip()
    if not email and not phone:
        raise ValidationError(_("Bitte geben Sie eine E-Mail-Adresse oder eine Telefonnummer an."))
    if contact_preference == ContactPreference.EMAIL and not email:
        raise ValidationError(_("Für eine Antwort per E-Mail brauchen wir Ihre E-Mail-Adresse."))
    if contact_preference == ContactPreference.PHONE and not phone:
        raise ValidationError(_("Für einen Rückruf brauchen wir Ihre Telefonnummer."))
    if contact_preference and contact_preference not in ContactPreference.values:
        raise ValidationError(_("Bitte wählen Sie, wie wir Sie erreichen sollen."))
    consent_text = selectors.consent_text_version(kind=ConsentKind.INQUIRY, version=consent_version)
    if consent_text is None:
        raise ValidationError(_("Bitte willigen Sie in die Verarbeitung Ihrer Angaben ein."))
    referral_consent = None
    if actor is not None:
        if not actor.is_published:
            raise ValidationError(_("Diese Organisation ist nicht (mehr) im Verzeichnis."))
        referral_consent = selectors.consent_text_version(
            kind=ConsentKind.REFERRAL, version=referral_consent_version or 0
        )
        if referral_consent is None:
            raise ValidationError(
                _("Bitte willigen Sie ein, dass wir Ihre Anfrage an %(name)s weitergeben.")
                % {"name": actor.name}
            )
    now = timezone.now()
    inquiry = Inquiry(
        topic=Topic.GENERAL,
        requester_type=requester_type,
        topic_field=topic_field,
        district=district,
        channel=channel,
        contact_preference=contact_preference,
        preferred_language=(preferred_language or "")[:3],
        consent=True,
        consent_text=consent_text,
        actor=actor,
        source_label=source_label,
        attachment_text=attachment_text,
        message=question,
        contact_name=name,
        contact_email=email,
        contact_phone=phone,
        contact_organisation=organisation,
        language=language if language in dict(settings.LANGUAGES) else "de",
        token=_new_token(),
        received_at=now,
        due_date=due_date_for(now, Topic.GENERAL),
    )
    if user is not None and channel in STAFF_CHANNELS:
        inquiry.assignee = user
    _new_inquiry_check(inquiry)
    inquiry.reference = reference_next(topic=Topic.GENERAL, year=timezone.localdate(now).year)
    with transaction.atomic():
        return _general_inquiry_write(
            inquiry, actor=actor, referral_consent=referral_consent, user=user, now=now
        )


def _general_inquiry_write(
    inquiry: Inquiry,
    *,
    actor: Actor | None,
    referral_consent: ConsentText | None,
    user: User | None,
    now: dt.datetime,
) -> Inquiry:
    """The writes of `submit_inquiry`, in its transaction: the inquiry, the referral to the
    organisation asked, the audit entry of a staff log, the mails and the fact row."""
    _new_inquiry_save(inquiry)
    referral = None
    if actor is not None:
        referral = Referral.objects.create(
            inquiry=inquiry,
            actor=actor,
            status=ReferralStatus.OFFERED,
            purpose=REFERRAL_PURPOSE_FROM_PAGE,
            data_passed=_data_passed(inquiry),
            consent_method=ConsentMethod.FORM,
            consent_text=referral_consent,
            consent_given_at=now,
            offered_at=now,
            accept_due=_accept_due(now),
            created_at=now,
        )
        _copy_to(referral, inquiry)
        referral.save()
        inquiry.status = Status.REFERRED
        inquiry.first_response_at = now
        inquiry.save(update_fields=["status", "first_response_at"])
        _mail_partner(referral)
    if user is not None:
        audit_log(user=user, action="lotse.create", instance=inquiry, note=inquiry.reference)
    _mail_asker(
        inquiry,
        name="general_confirmation",
        key=str(inquiry.pk),
        subject=gettext_lazy("Ihre Anfrage %(reference)s an den Lotsendienst"),
        referral=referral,
        first_response_days=settings.LOTSE_DESK_FIRST_RESPONSE_DAYS,
    )
    # Last: the fact row moves the report's version (a row every submission writes), so the
    # transaction holds that row's lock only until its commit.
    inquiry_fact_sync(inquiry=inquiry, new_referrals=[referral] if referral is not None else [])
    return inquiry


@transaction.atomic
def inquiry_note_add(*, inquiry: Inquiry, text: str, user: User) -> InquiryNote:
    """An internal note (staff only; deleted with the personal data)."""
    access.require_topic(user=user, topic=inquiry.topic)
    text = _clean_text(text, label=_("Notiz"), max_length=NOTE_MAX_LENGTH)
    if not text:
        raise ValidationError(_("Bitte schreiben Sie eine Notiz."))
    fresh = _locked(inquiry)
    if fresh.personal_data_deleted:
        raise ValidationError(_("Die Daten dieser Anfrage sind gelöscht."))
    note = InquiryNote.objects.create(inquiry=fresh, author=user, text=text)
    audit_log(user=user, action="lotse.update", instance=fresh, note="Interne Notiz")
    return note


@transaction.atomic
def referral_create(
    *,
    inquiry: Inquiry,
    actors: Iterable[Actor],
    purpose: str,
    consent: str,
    user: User,
) -> list[Referral]:
    """Refer an inquiry to one or more network partners.

    Personal data reaches a partner only with the asker's consent for that partner: asked by a
    mail link (the asker confirms with a POST; until then the partner sees nothing), or given
    by phone and recorded by the staff member. Without consent the asker gets the partner's
    public contact by mail, and the partner gets nothing.
    """
    access.require_topic(user=user, topic=inquiry.topic)
    if inquiry.topic != Topic.GENERAL:
        # Tarif questions are answered by the Tarifregister itself (and the report's list of
        # overdue referrals relies on referrals of general inquiries only).
        raise ValidationError(_("Nur allgemeine Anfragen werden an Partner verwiesen."))
    if consent not in ReferralConsent.values:
        raise ValidationError(_("Bitte wählen Sie, wie die Einwilligung vorliegt."))
    purpose = _clean_text(purpose, label=_("Zweck"), max_length=300)
    if not purpose:
        raise ValidationError(_("Bitte nennen Sie den Zweck der Verweisung."))
    actors = list(actors)
    if not actors:
        raise ValidationError(_("Bitte wählen Sie mindestens eine Partnerorganisation."))
    fresh = _locked(inquiry)
    if fresh.personal_data_deleted or fresh.status == Status.CLOSED:
        raise ValidationError(_("Diese Anfrage ist abgeschlossen."))
    if fresh.consent_withdrawn and consent != ReferralConsent.NONE:
        raise ValidationError(_("Die Einwilligung wurde widerrufen: keine Weitergabe mehr."))
    if consent == ReferralConsent.MAIL_LINK and not fresh.contact_email:
        raise ValidationError(_("Ohne E-Mail-Adresse bitte die Einwilligung telefonisch einholen."))
    existing = set(fresh.referrals.values_list("actor_id", flat=True))
    if any(actor.pk in existing for actor in actors):
        raise ValidationError(_("An diese Organisation ist die Anfrage schon verwiesen."))
    if any(not actor.is_published for actor in actors):
        raise ValidationError(_("Diese Organisation ist nicht (mehr) im Verzeichnis."))
    now = timezone.now()
    consent_text = ConsentText.objects.filter(kind=ConsentKind.REFERRAL).order_by("-version")[:1]
    created = []
    for actor in actors:
        referral = Referral(
            inquiry=fresh,
            actor=actor,
            purpose=purpose,
            data_passed=_data_passed(fresh),
            created_by=user,
            created_at=now,
        )
        if consent == ReferralConsent.PHONE:
            referral.status = ReferralStatus.OFFERED
            referral.consent_method = ConsentMethod.PHONE
            referral.consent_text = consent_text.first()
            referral.consent_given_at = now
            referral.offered_at = now
            referral.accept_due = _accept_due(now)
            _copy_to(referral, fresh)
        elif consent == ReferralConsent.MAIL_LINK:
            referral.status = ReferralStatus.AWAITING_CONSENT
            referral.consent_token = _new_token()
        else:
            referral.status = ReferralStatus.CONTACT_ONLY
            referral.data_passed = ""
        referral.save()
        created.append(referral)
        if referral.status == ReferralStatus.OFFERED:
            _mail_partner(referral)
        elif referral.status == ReferralStatus.AWAITING_CONSENT:
            _mail_asker(
                fresh,
                name="referral_consent_request",
                key=f"consent:{referral.pk}",
                subject=gettext_lazy("Ihre Anfrage %(reference)s: Dürfen wir sie weitergeben?"),
                referral=referral,
                consent_url=absolute_url(
                    reverse("lotsendienst:consent", args=[referral.consent_token])
                ),
                consent_text=ConsentText.objects.filter(kind=ConsentKind.REFERRAL)
                .order_by("-version")
                .first(),
            )
        else:
            _mail_asker(
                fresh,
                name="referral_contact",
                key=f"contact:{referral.pk}",
                subject=gettext_lazy(
                    "Ihre Anfrage %(reference)s: eine Stelle, die Ihnen weiterhilft"
                ),
                referral=referral,
            )
    before = model_snapshot(fresh, ["status"])
    if fresh.status in (Status.NEW, Status.IN_PROGRESS, Status.ANSWERED):
        fresh.status = Status.REFERRED
    if fresh.first_response_at is None:
        fresh.first_response_at = now
    if fresh.assignee_id is None:
        fresh.assignee = user
    fresh.save(update_fields=["status", "first_response_at", "assignee"])
    audit_log_since(
        user=user,
        action="lotse.status",
        instance=fresh,
        before=before,
        fields=["status"],
        note="Verwiesen an " + ", ".join(actor.name for actor in actors),
    )
    inquiry_fact_sync(inquiry=fresh)
    _refresh(inquiry, fresh)
    return created


def _referral_by_token(token: str) -> Referral:
    referral = (
        Referral.objects.select_for_update()
        .select_related("inquiry", "actor")
        .filter(consent_token=token)
        .first()
        if selectors.token_is_wellformed(token)
        else None
    )
    if referral is None:
        raise ValidationError(_("Dieser Link ist nicht (mehr) gültig."))
    return referral


@transaction.atomic
def referral_consent_confirm(*, token: str) -> Referral:
    """The asker agrees (POST from the mail link) that the inquiry goes to the partner."""
    referral = _referral_by_token(token)
    inquiry = Inquiry.objects.select_for_update().get(pk=referral.inquiry_id)
    if referral.status != ReferralStatus.AWAITING_CONSENT:
        raise ValidationError(_("Diese Einwilligung haben Sie bereits erteilt."))
    if inquiry.consent_withdrawn or inquiry.personal_data_deleted:
        raise ValidationError(_("Dieser Link ist nicht (mehr) gültig."))
    now = timezone.now()
    referral.status = ReferralStatus.OFFERED
    referral.consent_method = ConsentMethod.MAIL_LINK
    referral.consent_text = (
        ConsentText.objects.filter(kind=ConsentKind.REFERRAL).order_by("-version").first()
    )
    referral.consent_given_at = now
    referral.offered_at = now
    referral.accept_due = _accept_due(now)
    referral.data_passed = _data_passed(inquiry)
    _copy_to(referral, inquiry)
    referral.save()
    audit_log(user=None, action="lotse.status", instance=inquiry, note="Einwilligung erteilt")
    _mail_partner(referral)
    inquiry_fact_sync(inquiry=inquiry)
    return referral


@transaction.atomic
def inquiry_consent_withdraw(*, token: str) -> Inquiry:
    """The asker withdraws the consent (POST from the link in every mail): the partners' copies
    are emptied at once, the inquiry is closed and its personal data deleted. The anonymised
    statistics row stays. Repeating it changes nothing."""
    inquiry = Inquiry.objects.select_for_update().filter(token=token).first() if token else None
    if inquiry is None:
        raise ValidationError(_("Dieser Link ist nicht (mehr) gültig."))
    if inquiry.consent_withdrawn:
        return inquiry
    now = timezone.now()
    for referral in inquiry.referrals.select_for_update():
        _empty_copy(referral)
        referral.consent_token = None
        referral.save()
    inquiry.consent_withdrawn_at = now
    if inquiry.status != Status.CLOSED:
        inquiry.status = Status.CLOSED
        inquiry.closed_at = now
    for name in PERSONAL_FIELDS:
        setattr(inquiry, name, "")
    inquiry.personal_data_deleted_at = now
    inquiry.save()
    _delete_dependent_personal_data([inquiry.pk])
    audit_log(user=None, action="lotse.anonymise", instance=inquiry, note="Einwilligung widerrufen")
    inquiry_fact_sync(inquiry=inquiry)
    return inquiry


def _partner_referral(referral: Referral, user: User) -> Referral:
    fresh = (
        Referral.objects.select_for_update()
        .select_related("inquiry", "actor")
        .filter(pk=referral.pk)
        .first()
    )
    if fresh is None or not access.user_may_handle_referral(user=user, referral=fresh):
        raise PermissionDenied
    return fresh


@transaction.atomic
def referral_accept(*, referral: Referral, user: User) -> Referral:
    """The partner takes the referral; the asker is told by mail who will contact them."""
    fresh = _partner_referral(referral, user)
    if fresh.status != ReferralStatus.OFFERED:
        raise ValidationError(_("Diese Verweisung kann nicht mehr angenommen werden."))
    fresh.status = ReferralStatus.ACCEPTED
    fresh.accepted_at = timezone.now()
    fresh.save(update_fields=["status", "accepted_at"])
    audit_log(
        user=user,
        action="lotse.status",
        instance=fresh.inquiry,
        note=f"Verweisung angenommen von {fresh.actor.name}",
    )
    _mail_asker(
        fresh.inquiry,
        name="referral_accepted",
        key=f"accepted:{fresh.pk}",
        subject=gettext_lazy("Ihre Anfrage %(reference)s: wer sich bei Ihnen meldet"),
        referral=fresh,
    )
    inquiry_fact_sync(inquiry=fresh.inquiry)
    return fresh


@transaction.atomic
def referral_decline(*, referral: Referral, reason: str, user: User) -> Referral:
    """The partner declines with a reason; when no partner is left, the inquiry goes back
    into the desk's work (in progress)."""
    fresh = _partner_referral(referral, user)
    reason = _clean_text(reason, label=_("Grund"), max_length=500)
    if not reason:
        raise ValidationError(_("Bitte nennen Sie den Grund der Ablehnung."))
    if fresh.status != ReferralStatus.OFFERED:
        raise ValidationError(_("Diese Verweisung kann nicht mehr abgelehnt werden."))
    fresh.status = ReferralStatus.DECLINED
    fresh.declined_at = timezone.now()
    fresh.decline_reason = reason
    _empty_copy(fresh)
    fresh.save()
    inquiry = Inquiry.objects.select_for_update().get(pk=fresh.inquiry_id)
    active = inquiry.referrals.filter(
        status__in=[
            ReferralStatus.AWAITING_CONSENT,
            ReferralStatus.OFFERED,
            ReferralStatus.ACCEPTED,
            ReferralStatus.COMPLETED,
        ]
    )
    if inquiry.status == Status.REFERRED and not active.exists():
        inquiry.status = Status.IN_PROGRESS
        inquiry.save(update_fields=["status"])
    audit_log(
        user=user,
        action="lotse.status",
        instance=inquiry,
        note=f"Verweisung abgelehnt von {fresh.actor.name}",
    )
    inquiry_fact_sync(inquiry=inquiry)
    return fresh


@transaction.atomic
def referral_outcome_set(*, referral: Referral, outcome: str, user: User) -> Referral:
    """The partner records the outcome of an accepted referral (it is then done)."""
    fresh = _partner_referral(referral, user)
    if outcome not in ReferralOutcome.values:
        raise ValidationError(_("Bitte wählen Sie ein Ergebnis."))
    if fresh.status not in (ReferralStatus.ACCEPTED, ReferralStatus.COMPLETED):
        raise ValidationError(_("Ein Ergebnis gibt es erst nach der Annahme."))
    fresh.status = ReferralStatus.COMPLETED
    fresh.outcome = outcome
    fresh.completed_at = fresh.completed_at or timezone.now()
    fresh.save(update_fields=["status", "outcome", "completed_at"])
    audit_log(
        user=user,
        action="lotse.status",
        instance=fresh.inquiry,
        note=f"Ergebnis der Verweisung an {fresh.actor.name}: {fresh.get_outcome_display()}",
    )
    inquiry_fact_sync(inquiry=fresh.inquiry)
    return fresh


@transaction.atomic
def service_levels_escalate(*, now: dt.datetime | None = None) -> int:
    """Daily: one mail to the team lead (LOTSE_DESK_TEAM_LEAD_EMAIL) listing the inquiries past
    their first-response date and the referrals no partner accepted in time, each only once
    (`escalated_at`). Returns the number of escalated items."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    inquiries = list(
        Inquiry.objects.select_for_update()
        .filter(topic=Topic.GENERAL, escalated_at__isnull=True)
        .overdue(today)
        .order_by("due_date", "pk")
    )
    referrals = list(
        Referral.objects.select_for_update()
        .filter(status=ReferralStatus.OFFERED, accept_due__lt=today, escalated_at__isnull=True)
        .select_related("inquiry", "actor")
        .order_by("accept_due", "pk")
    )
    if not inquiries and not referrals:
        return 0
    lead = settings.LOTSE_DESK_TEAM_LEAD_EMAIL
    if lead:
        mail_enqueue(
            to=lead,
            kind="desk.escalation",
            key=f"desk.escalation:{now.isoformat()}",
            template="desk/email/escalation.txt",
            context={
                "inquiries": inquiries,
                "referrals": referrals,
                "inbox_url": absolute_url(reverse("lotse_desk:list") + "?overdue=1"),
            },
            subject=lambda: (
                _("Lotsendienst: %(count)s Fristen überschritten")
                % {"count": len(inquiries) + len(referrals)}
            ),
        )
    else:
        logger.warning("LOTSE_DESK_TEAM_LEAD_EMAIL is empty: escalation not mailed")
    Inquiry.objects.filter(pk__in=[i.pk for i in inquiries]).update(escalated_at=now)
    Referral.objects.filter(pk__in=[r.pk for r in referrals]).update(escalated_at=now)
    for inquiry in {*inquiries, *(r.inquiry for r in referrals)}:
        inquiry_fact_sync(inquiry=inquiry, today=today)
    return len(inquiries) + len(referrals)
