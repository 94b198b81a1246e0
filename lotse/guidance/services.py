"""Writes of the Wegweiser: start a check, change the profile, answer a module, delete.

Every service validates completely before it writes: bad input raises a ValidationError with a
German message (English on /en/) and leaves the check unchanged.
"""

from __future__ import annotations

import datetime
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wz_code import WZ

from lotse.core.links import absolute_url, url_base
from lotse.core.mail import mail_enqueue, mails_delete_for
from lotse.core.models import OutgoingMail, Region
from lotse.core.tasks import enqueue_with_transaction
from lotse.core.validators import CONTROL_CHARACTERS
from lotse.desk.models import (
    ATTACHMENT_MAX_LENGTH,
    Channel,
    ContactPreference,
    Inquiry,
    RequesterType,
)
from lotse.desk.services import submit_inquiry
from lotse.tariffs.selectors import wz_codes

from .definition import content_from_rows, definition_from_content
from .documents import plan_mail_attachments, plan_pdf_task, plan_text
from .loader import build_rows, validate_definition
from .models import SIZE_ORDER, Answer, CheckVersion, CompanyCheck, Module
from .selectors import (
    Plan,
    add_months,
    check_plan,
    check_scores,
    measure_keys,
    plan_complete,
    plan_measures,
    questions_for,
    recheck_due,
    rule_measures,
    token_hash,
)

TOKEN_BYTES = 32  # 256 bits; only the SHA-256 of the token is stored
MAX_TEXT = 200

TOUCH_INTERVAL = datetime.timedelta(hours=1)


@dataclass(frozen=True)
class Profile:
    size_class: str
    district: Region | None
    modules: tuple[str, ...]
    sector_query: str = ""
    wz_code: str = ""
    trainees: int | None = None
    older_share: str = ""
    employs_from_abroad: bool | None = None


def _wz_section(code: str) -> str:
    """The WZ 2008 section letter of a code (a WZ 2025 code through its WZ 2008 equivalent)."""
    if not code:
        return ""
    for version in ("2008", "2025"):
        catalogue = WZ(version=version)
        if not catalogue.exists(code):
            continue
        if version == "2025":
            equivalents = catalogue.find_equivalent(code, "2008") if "." in code else []
            if not equivalents:
                return ""
            catalogue, code = WZ(version="2008"), equivalents[0].code
        node = catalogue.get(code)
        if node.level == 1:
            return node.code
        sections = [item.code for item in node.ancestors if item.level == 1]
        return sections[0] if sections else ""
    return ""


def _clean_text(value: str) -> bool:
    """One line of encodable text: no control characters, no lone surrogates (from JSON)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return not CONTROL_CHARACTERS.search(value)


def _validate_profile(*, version: CheckVersion, profile: Profile) -> dict:
    errors: dict[str, list[str]] = {}
    if profile.size_class not in SIZE_ORDER:
        errors["size_class"] = [_("Bitte wählen Sie die Größe Ihres Betriebs.")]
    if profile.district is None or not profile.district.is_district:
        errors["district"] = [_("Bitte wählen Sie einen der 13 Landkreise und kreisfreien Städte.")]
    keys = {module.key for module in version.modules.all()}
    if not profile.modules:
        errors["modules"] = [_("Bitte wählen Sie mindestens ein Modul.")]
    elif not set(profile.modules) <= keys:
        errors["modules"] = [_("Diese Module gehören nicht zu diesem Check.")]
    if not _clean_text(profile.sector_query):
        errors["sector_query"] = [
            _("Bitte ohne Zeilenumbrüche, Tabulatoren und andere Steuerzeichen eingeben.")
        ]
    elif len(profile.sector_query) > MAX_TEXT:
        errors["sector_query"] = [
            _("Bitte beschreiben Sie die Branche mit höchstens %(max)s Zeichen.")
            % {"max": MAX_TEXT}
        ]
    section = ""
    if not _clean_text(profile.wz_code):
        errors["wz_code"] = [_("Bitte geben Sie einen WZ-Code wie 25.11 an.")]
    elif profile.wz_code:
        try:
            wz_codes(profile.wz_code)
        except ValidationError as exc:
            errors["wz_code"] = list(exc.messages)
        else:
            section = _wz_section(profile.wz_code)
    if profile.trainees is not None and not 0 <= profile.trainees <= 100_000:
        errors["trainees"] = [_("Bitte geben Sie eine Zahl zwischen 0 und 100.000 an.")]
    if profile.older_share and profile.older_share not in CompanyCheck.OlderShare.values:
        errors["older_share"] = [_("Bitte wählen Sie einen der angebotenen Anteile.")]
    if errors:
        raise ValidationError(errors)
    return {
        "size_class": profile.size_class,
        "district": profile.district,
        "modules": [
            module.key for module in version.modules.all() if module.key in profile.modules
        ],
        "sector_query": profile.sector_query,
        "wz_code": profile.wz_code,
        "wz_section": section,
        "trainees": profile.trainees,
        "older_share": profile.older_share,
        "employs_from_abroad": profile.employs_from_abroad,
    }


@transaction.atomic
def check_start(
    *, version: CheckVersion, profile: Profile, now: datetime.datetime | None = None
) -> tuple[CompanyCheck, str]:
    """A new check for a published version; returns it and the secret token of its link."""
    if not version.is_published:
        raise ValidationError(_("Dieser Check ist nicht veröffentlicht."))
    values = _validate_profile(version=version, profile=profile)
    token = secrets.token_urlsafe(TOKEN_BYTES)
    check = CompanyCheck.objects.create(
        version=version,
        token_hash=token_hash(token),
        last_used_at=now or timezone.now(),
        **values,
    )
    return check, token


@transaction.atomic
def check_profile_update(
    *, check: CompanyCheck, profile: Profile, now: datetime.datetime | None = None
) -> CompanyCheck:
    """New profile; answers to questions that no longer apply are kept but not counted."""
    values = _validate_profile(version=check.version, profile=profile)
    for name, value in values.items():
        setattr(check, name, value)
    check.last_used_at = now or timezone.now()
    check.scores = check_scores(check=check)
    _mark_completed(check)
    check.save()
    plan_pdf_prepare(check=check)
    return check


def plan_pdf_prepare(*, check: CompanyCheck) -> None:
    """A completed plan changed: the worker makes its PDF in the visitor's language now, so the
    download finds it (documents.plan_pdf; a download before that renders it itself).

    LOTSE_GUIDANCE_PDF_PRERENDER (default on) False: only downloads render.
    """
    if not getattr(settings, "LOTSE_GUIDANCE_PDF_PRERENDER", True):
        return
    if not settings.LOTSE_GUIDANCE_PDF_CACHE_SECONDS or not plan_complete(check=check):
        return
    enqueue_with_transaction(
        plan_pdf_task,
        check_id=check.pk,
        language=get_language() or settings.LANGUAGE_CODE,
        base_url=url_base(),
    )


def _mark_completed(check: CompanyCheck) -> None:
    """The first time every chosen module is answered, the check counts as completed; the
    recommended measures are kept up to date for "Bedarf und Angebot"."""
    if check.completed_at is None and plan_complete(check=check):
        check.completed_at = check.last_used_at
    check.measures = rule_measures(check=check)


def _module(check: CompanyCheck, module_key: str) -> Module:
    for module in check.version.modules.all():
        if module.key == module_key and module.kind == Module.Kind.QUESTIONS:
            return module
    raise ValidationError(_("Dieses Modul gehört nicht zu Ihrem Check."))


@transaction.atomic
def check_module_answer(
    *,
    check: CompanyCheck,
    module_key: str,
    answers: dict[str, str],
    now: datetime.datetime | None = None,
) -> CompanyCheck:
    """Store the answers of one module (all its applicable questions), then the scores.

    Question keys that are not questions of this module in the check's version, and answers
    that are not on the scale, are refused as a whole: nothing is stored.
    """
    module = _module(check, module_key)
    questions = {question.key: question for question in questions_for(module=module, check=check)}
    if set(answers) - set(questions):
        raise ValidationError(
            _(
                "Die Antworten passen nicht zu den Fragen dieses Moduls. Bitte laden Sie die "
                "Seite neu und antworten Sie erneut."
            )
        )
    if any(value not in Answer.values for value in answers.values()):
        raise ValidationError(_("Bitte wählen Sie für jede Frage eine der angebotenen Antworten."))
    missing = [key for key in questions if key not in answers]
    if missing:
        raise ValidationError(
            _("Bitte beantworten Sie alle Fragen dieses Moduls (%(count)s fehlen).")
            % {"count": len(missing)}
        )
    check.answers = {**check.answers, **answers}
    if module.key not in check.modules:
        check.modules = [
            item.key
            for item in check.version.modules.all()
            if item.key in check.modules or item.key == module.key
        ]
    check.scores = check_scores(check=check)
    check.last_used_at = now or timezone.now()
    _mark_completed(check)
    check.save()
    plan_pdf_prepare(check=check)
    return check


def answers_validate(*, version: CheckVersion, answers: dict[str, str]) -> dict[str, str]:
    """Answers keyed by question key: every key a question of the version, every value on the
    scale. Raises a ValidationError (German) naming the first unknown keys."""
    known = {
        question.key for module in version.modules.all() for question in module.questions.all()
    }
    unknown = [key for key in answers if key not in known]
    if unknown:
        shown = ", ".join(repr(key[:60]) for key in sorted(unknown)[:5])
        raise ValidationError(
            {
                "answers": [
                    _("Diese Fragen gibt es in Version %(number)s nicht: %(keys)s")
                    % {"number": version.number, "keys": shown}
                ]
            }
        )
    wrong = sorted(key for key, value in answers.items() if value not in Answer.values)
    if wrong:
        raise ValidationError(
            {
                "answers": [
                    _(
                        "Unbekannte Antwort zu %(keys)s; erlaubt sind: ja, teilweise, nein, "
                        "weiss_nicht, trifft_nicht_zu."
                    )
                    % {"keys": ", ".join(wrong[:5])}
                ]
            }
        )
    return dict(answers)


def check_evaluate(
    *,
    version: CheckVersion,
    profile: Profile,
    answers: dict[str, str],
    now: datetime.datetime | None = None,
) -> Plan:
    """Scores and plan for a profile and answers without storing anything (the open API).

    The same validation and the same plan as a stored check: an unsaved check is built in
    memory and handed to `check_plan`. Nothing is written.
    """
    if not version.is_published:
        raise ValidationError(_("Dieser Check ist nicht veröffentlicht."))
    errors: dict[str, list[str]] = {}
    values: dict = {}
    try:
        values = _validate_profile(version=version, profile=profile)
    except ValidationError as exc:
        errors.update(exc.message_dict)
    try:
        answers = answers_validate(version=version, answers=answers)
    except ValidationError as exc:
        errors.update(exc.message_dict)
    if errors:
        raise ValidationError(errors)
    check = CompanyCheck(version=version, answers=answers, **values)
    check.version = version
    check.scores = check_scores(check=check)
    return check_plan(check=check, now=now)


@transaction.atomic
def check_measure_done(
    *, check: CompanyCheck, measure_key: str, done: bool, now: datetime.datetime | None = None
) -> CompanyCheck:
    """Tick (or untick) a measure of the plan as "erledigt"."""
    if measure_key not in measure_keys(version=check.version):
        raise ValidationError(_("Diese Maßnahme gehört nicht zu Ihrem Plan."))
    now = now or timezone.now()
    ticks = dict(check.done_measures)
    if done:
        ticks[measure_key] = timezone.localdate(now).isoformat()
    else:
        ticks.pop(measure_key, None)
    check.done_measures = ticks
    check.last_used_at = now
    check.save(update_fields=["done_measures", "last_used_at", "updated_at"])
    plan_pdf_prepare(check=check)
    return check


@transaction.atomic
def check_recheck_start(
    *, check: CompanyCheck, now: datetime.datetime | None = None
) -> CompanyCheck:
    """Start the re-check: keep the earlier result (scores, measures, ticks), clear the answers.

    Offered LOTSE_GUIDANCE_RECHECK_MONTHS after completion; earlier it is refused.
    """
    now = now or timezone.now()
    if not recheck_due(check=check, now=now):
        raise ValidationError(
            _("Ein erneuter Check ist erst sechs Monate nach dem Abschluss möglich.")
        )
    measures = plan_measures(check=check, on=timezone.localdate(now))
    check.previous = {
        "completed_at": check.completed_at.isoformat() if check.completed_at else None,
        "scores": dict(check.scores),
        "measures": [{"key": m.key, "title": m.title} for m in measures],
        "done": dict(check.done_measures),
    }
    check.answers = {}
    check.scores = {}
    check.measures = []
    check.done_measures = {}
    check.completed_at = None
    check.last_used_at = now
    check.save()
    return check


def check_touch(*, check: CompanyCheck, now: datetime.datetime | None = None) -> None:
    """Record that the personal link was used (the retention clock starts again).

    At most once per TOUCH_INTERVAL: the retention counts months, and a plan opened again and
    again (page, PDF, reloads) need not write the same row on every request.
    """
    now = now or timezone.now()
    if check.last_used_at and check.last_used_at <= now < check.last_used_at + TOUCH_INTERVAL:
        return
    CompanyCheck.objects.filter(pk=check.pk).update(last_used_at=now)
    check.last_used_at = now


@transaction.atomic
def check_delete(*, check: CompanyCheck) -> None:
    """Delete the check and the outbox records of its plan mails (address and link)."""
    mails_delete_for(model=CompanyCheck, ids=[check.pk])
    CompanyCheck.objects.filter(pk=check.pk).delete()  # with its stored PDFs


def _email(value: str) -> str:
    value = (value or "").strip()
    if len(value) > 254 or not _clean_text(value):
        raise ValidationError(_("Bitte geben Sie eine gültige E-Mail-Adresse an."))
    try:
        validate_email(value)
    except ValidationError as exc:
        raise ValidationError(_("Bitte geben Sie eine gültige E-Mail-Adresse an.")) from exc
    return value


@transaction.atomic
def plan_mail_send(
    *, check: CompanyCheck, token: str, to: str, language: str = "de"
) -> OutgoingMail | None:
    """Put the plan (text, PDF attached by the worker, the personal link) into the outbox.

    The address is used for this mail only: it is not written to the check. The outbox row
    holds it as its recipient (and the text until it is sent), like every mail of Lotse; the row
    points to the check, so deleting the plan deletes it too (docs/data_protection.md).
    """
    address = _email(to)
    if token_hash(token) != check.token_hash:
        raise ValidationError(_("Dieser Link ist ungültig."))
    plan = check_plan(check=check)
    row = mail_enqueue(
        to=address,
        kind="guidance.plan",
        template="guidance/email/plan.txt",
        context={
            "link": absolute_url(reverse("guidance:plan", args=[token])),
            "summary": plan_text(plan=plan),
            "centre_name": settings.LOTSE_CENTRE_NAME,
        },
        subject=lambda: _("Ihr Maßnahmenplan aus dem Wegweiser für Betriebe"),
        language=language,
        obj=check,
        attachments=plan_mail_attachments,
    )
    return row


DESK_PLAN_MAX = ATTACHMENT_MAX_LENGTH
DESK_NOTE_MAX = 1000


@dataclass(frozen=True)
class DeskContact:
    email: str
    name: str = ""
    phone: str = ""
    organisation: str = ""
    note: str = ""


def _desk_inquiry(
    *,
    check: CompanyCheck,
    contact: DeskContact,
    question: str,
    plan: str,
    language: str,
    consent_version: int,
) -> Inquiry:
    """The hand-over to the Lotsendienst: a general inquiry of a company from the check's
    district, the plan attached, channel "wegweiser" (lotse/desk/services.py)."""
    return submit_inquiry(
        requester_type=RequesterType.COMPANY,
        topic_field=None,
        district=check.district,
        question=question,
        email=contact.email,
        phone=contact.phone,
        contact_preference=ContactPreference.EMAIL,
        language=language,
        consent_version=consent_version,
        channel=Channel.GUIDANCE,
        name=contact.name,
        organisation=contact.organisation,
        attachment_text=plan,
        source_label=_("Wegweiser für Betriebe"),
    )


@transaction.atomic
def plan_to_desk(
    *,
    check: CompanyCheck,
    contact: DeskContact,
    consent: bool,
    consent_version: int,
    language: str = "de",
) -> Inquiry:
    """ "Mit dem Lotsendienst besprechen": the plan as an inquiry of the desk, with the
    company's consent recorded there. The personal link is not passed on."""
    if not consent:
        raise ValidationError(_("Bitte willigen Sie in die Weitergabe an den Lotsendienst ein."))
    address = _email(contact.email)
    for value in (contact.name, contact.phone, contact.organisation):
        if not _clean_text(value) or len(value) > 200:
            raise ValidationError(_("Bitte prüfen Sie Name, Telefon und Organisation."))
    if len(contact.note) > DESK_NOTE_MAX or not _clean_text(contact.note.replace("\n", " ")):
        raise ValidationError(
            _("Bitte schreiben Sie höchstens %(max)s Zeichen.") % {"max": DESK_NOTE_MAX}
        )
    plan = check_plan(check=check)
    note = contact.note.strip()
    question = note or _("Bitte besprechen Sie meinen Plan aus dem Wegweiser für Betriebe mit mir.")
    header = _("Anfrage aus dem Wegweiser für Betriebe") + "\n\n"
    return _desk_inquiry(
        check=check,
        contact=DeskContact(
            email=address,
            name=contact.name.strip(),
            phone=contact.phone.strip(),
            organisation=contact.organisation.strip(),
        ),
        question=question,
        plan=header + plan_text(plan=plan, limit=DESK_PLAN_MAX - len(header)),
        language=language,
        consent_version=consent_version,
    )


def retention_cutoff(now: datetime.datetime) -> datetime.datetime:
    """`now` minus LOTSE_GUIDANCE_RETENTION_MONTHS calendar months (end of month clamped)."""
    return add_months(now, -settings.LOTSE_GUIDANCE_RETENTION_MONTHS)


@transaction.atomic
def checks_retention_delete(*, now: datetime.datetime | None = None) -> int:
    """Delete checks whose link was not used for LOTSE_GUIDANCE_RETENTION_MONTHS months."""
    cutoff = retention_cutoff(now or timezone.now())
    expired = CompanyCheck.objects.filter(last_used_at__lt=cutoff)
    mails_delete_for(model=CompanyCheck, ids=expired.values_list("pk", flat=True))
    _total, deleted = expired.delete()  # with their stored PDFs
    return deleted.get(CompanyCheck._meta.label, 0)


# --- check versions (back office) -----------------------------------------------------------


def version_definition_validate(*, content: object) -> dict:
    """The back office's blocks in the data-file form, validated like a data file."""
    data = definition_from_content(content)
    validate_definition(data)
    return data


@transaction.atomic
def version_publish(*, version: CheckVersion, now: datetime.datetime | None = None) -> CheckVersion:
    """Turn a draft version's definition into its rows and freeze it (once, for good).

    Called when Wagtail publishes the snippet (signal `published`, after the review). A version
    that is published already is left alone.
    """
    locked = CheckVersion.objects.select_for_update().get(pk=version.pk)
    if locked.published_at is not None:
        return locked
    data = version_definition_validate(content=locked.content)
    locked.modules.all().delete()  # rows of an earlier failed attempt
    build_rows(version=locked, data=data)
    CheckVersion.objects.filter(pk=locked.pk).update(published_at=now or timezone.now(), live=True)
    locked.refresh_from_db()
    return locked


@transaction.atomic
def version_draft_from(*, version: CheckVersion, user: object = None) -> CheckVersion:
    """A new draft version (next number) with the definition of `version`: the way to change
    a published version, which itself never changes."""
    number = (
        CheckVersion.objects.order_by("-number").values_list("number", flat=True).first() or 0
    ) + 1
    content = content_from_rows(version) if version.is_published else version.content.raw_data
    draft = CheckVersion(
        number=number,
        source="",
        note=_("Entwurf auf Grundlage von Version %(number)s") % {"number": version.number},
        content=list(content),
        live=False,
    )
    draft.save()
    draft.save_revision(user=user, log_action=True)
    return draft
