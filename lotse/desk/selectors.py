"""Reads of the inquiry desk: lists, the answer composer, the Tarif lookup seam, statistics."""

import datetime as dt
import logging
import re
import statistics
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.db.models import Case, IntegerField, Q, QuerySet, Value, When
from django.utils import timezone, translation
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from lotse.core.models import Language, Region, TopicField
from lotse.core.types import AnyUser
from lotse.network.models import Actor

from . import access
from .models import (
    OPEN_STATUSES,
    AnswerTemplate,
    Channel,
    ConsentKind,
    ConsentText,
    Inquiry,
    InquiryFact,
    InquiryNote,
    InquiryQuerySet,
    QuestionKind,
    Referral,
    ReferralOutcome,
    ReferralStatus,
    RequesterType,
    Status,
)

logger = logging.getLogger(__name__)
PLACEHOLDER = re.compile(r"\{(anrede|name|reference|lookup)\}")

# The notes `answer_compose` puts where a placeholder could not be filled. An answer that still
# contains one of them (in any language) or a raw placeholder must not be sent.
LOOKUP_UNAVAILABLE = gettext_noop(
    "[Tarifauskunft nicht verfügbar – bitte Ergebnis von Hand einfügen]"
)
LOOKUP_NO_DATE = gettext_noop("[Bitte einen Stichtag für die Tarifauskunft wählen]")
LOOKUP_FAILED = gettext_noop("[Tarifauskunft fehlgeschlagen – bitte Ergebnis von Hand einfügen]")
UNFILLED_NOTES = (LOOKUP_UNAVAILABLE, LOOKUP_NO_DATE, LOOKUP_FAILED)


def unfilled_placeholders(text: str) -> list[str]:
    """What in `text` is a placeholder that was not filled: a raw `{name}` or one of the
    bracketed notes of `answer_compose`, in German or any other language of the site."""
    found = [match[0] for match in PLACEHOLDER.finditer(text)]
    for note in UNFILLED_NOTES:
        variants = {note}
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                variants.add(_(note))
        found.extend(variant for variant in variants if variant in text)
    return found


@dataclass(frozen=True)
class InquiryFilters:
    status: str = ""
    assignee: str = ""  # a user id, "me" or "none"
    overdue: bool = False
    question_kind: str = ""
    topic: str = ""
    topic_field: str = ""  # a TopicField slug
    district: str = ""  # an AGS code
    channel: str = ""


def inquiries_for_user(*, user: AnyUser) -> InquiryQuerySet:
    return InquiryQuerySet(Inquiry).filter(topic__in=access.topics_for(user))


def inquiries_list(
    *, user: AnyUser, filters: InquiryFilters, today: dt.date | None = None
) -> InquiryQuerySet:
    """The inquiries a staff member may see, filtered, with the assignee in the same query."""
    queryset = inquiries_for_user(user=user).select_related("assignee", "topic_field", "district")
    if filters.topic:
        queryset = queryset.filter(topic=filters.topic)
    if filters.topic_field:
        queryset = queryset.filter(topic_field__slug=filters.topic_field)
    if filters.district:
        queryset = queryset.filter(district__code=filters.district)
    if filters.channel:
        queryset = queryset.filter(channel=filters.channel)
    if filters.status:
        queryset = queryset.filter(status=filters.status)
    if filters.question_kind:
        queryset = queryset.filter(question_kind=filters.question_kind)
    if filters.assignee == "me":
        queryset = queryset.filter(assignee=user)
    elif filters.assignee == "none":
        queryset = queryset.filter(assignee__isnull=True)
    elif filters.assignee.isdigit():
        queryset = queryset.filter(assignee_id=int(filters.assignee))
    if filters.overdue:
        queryset = queryset.overdue(today)
    # "Nächste Frist zuerst": the open inquiries by due date, then the answered and closed ones
    # (their due date no longer matters; otherwise the oldest closed ones came first).
    closed_last = Case(
        When(status__in=OPEN_STATUSES, then=Value(0)), default=Value(1), output_field=IntegerField()
    )
    return queryset.order_by(closed_last, "due_date", "received_at", "pk")


def assignee_choices(*, topic: str | None = None) -> QuerySet[AbstractBaseUser]:
    """Active users who may handle inquiries (of `topic`, or of any topic)."""
    topics = [topic] if topic else list(access.TOPIC_ROLES)
    roles = {role for item in topics for role in access.TOPIC_ROLES[item]}
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(Q(groups__name__in=roles) | Q(is_superuser=True))
        .distinct()
        .order_by("last_name", "first_name", "username")
    )


def answer_templates(*, topic: str) -> QuerySet[AnswerTemplate]:
    return AnswerTemplate.objects.filter(topic=topic, active=True).order_by("title")


def tariff_lookup() -> Callable[..., str] | None:
    """The Tarif lookup of the tariffs app (LOTSE_DESK_TARIFF_LOOKUP), or None when missing."""
    path = getattr(settings, "LOTSE_DESK_TARIFF_LOOKUP", "")
    if not path:
        return None
    try:
        return import_string(path)
    except ImportError:
        return None


def salutation(*, inquiry: Inquiry) -> str:
    with translation.override(inquiry.language):
        if inquiry.contact_name:
            return _("Guten Tag %(name)s,") % {"name": inquiry.contact_name}
        return _("Sehr geehrte Damen und Herren,")


def answer_compose(
    *, inquiry: Inquiry, template: AnswerTemplate, lookup_on: dt.date | None = None
) -> str:
    """The template's text with its placeholders filled for this inquiry.

    `{lookup}` becomes the Tarif lookup for the inquiry's sector (and WZ code) on `lookup_on`;
    without a lookup function, or without a date, a bracketed note tells the staff member.
    Placeholders are replaced literally (no str.format: other braces in the text are harmless).
    """
    body = template.body
    values = {
        "anrede": salutation(inquiry=inquiry),
        "name": inquiry.contact_name,
        "reference": inquiry.reference,
    }
    if "{lookup}" in body:
        lookup = tariff_lookup()
        if lookup is None:
            values["lookup"] = _(LOOKUP_UNAVAILABLE)
        elif lookup_on is None:
            values["lookup"] = _(LOOKUP_NO_DATE)
        else:
            try:
                values["lookup"] = lookup(
                    query=inquiry.sector,
                    wz=inquiry.wz_code,
                    on=lookup_on,
                    language=inquiry.language,
                )
            except Exception:
                logger.exception("Tarif lookup failed for inquiry %s", inquiry.pk)
                values["lookup"] = _(LOOKUP_FAILED)
    # One pass: a placeholder inside an inserted value (e.g. a name) is not replaced again.
    return PLACEHOLDER.sub(lambda match: values.get(match[1], match[0]), body)


# --- Statistics (no personal data: topic, sector, question kind, dates, turnaround) -----------


@dataclass
class StatRow:
    key: str
    label: str
    count: int = 0
    answered: int = 0
    turnarounds: list[int] = field(default_factory=list)

    @property
    def median(self) -> float | None:
        return statistics.median(self.turnarounds) if self.turnarounds else None

    @property
    def mean(self) -> float | None:
        return round(statistics.fmean(self.turnarounds), 1) if self.turnarounds else None


@dataclass
class DeskStatistics:
    total: StatRow
    by_month: list[StatRow]
    by_kind: list[StatRow]
    by_sector: list[StatRow]

    def tables(self) -> list[tuple[str, list[StatRow]]]:
        return [
            (_("Nach Monat des Eingangs"), self.by_month),
            (_("Nach Art der Frage"), self.by_kind),
            (_("Nach Branche"), self.by_sector),
        ]


def desk_statistics(*, user: AnyUser, year: int | None = None) -> DeskStatistics:
    """Counts and turnaround (working days, median and mean) by month, question kind, sector.

    One query over the non-personal columns; the aggregation is done here because the median
    is not portable SQL. Still available after the personal data is deleted.
    """
    queryset = inquiries_for_user(user=user)
    if year:
        queryset = queryset.filter(received_at__year=year)
    rows = queryset.values_list(
        "received_at", "question_kind", "sector", "wz_code", "status", "turnaround_days"
    )
    total = StatRow(key="all", label=_("Alle Anfragen"))
    months: dict[str, StatRow] = {}
    kinds: dict[str, StatRow] = {}
    sectors: dict[str, StatRow] = defaultdict(lambda: StatRow(key="", label=""))
    kind_labels = dict(QuestionKind.choices)
    for received_at, kind, sector, wz_code, status, turnaround in rows.iterator():
        month = timezone.localtime(received_at).strftime("%Y-%m")
        sector_key = (wz_code or sector.strip().casefold())[:200]
        groups = [
            total,
            months.setdefault(month, StatRow(key=month, label=month)),
            kinds.setdefault(kind, StatRow(key=kind, label=str(kind_labels.get(kind, kind)))),
        ]
        sector_row = sectors[sector_key]
        if not sector_row.key:
            sector_row.key = sector_key
            sector_row.label = f"{sector.strip()} ({wz_code})" if wz_code else sector.strip()
        groups.append(sector_row)
        for row in groups:
            row.count += 1
            if status in (Status.ANSWERED, Status.CLOSED) and turnaround is not None:
                row.answered += 1
                row.turnarounds.append(turnaround)
    return DeskStatistics(
        total=total,
        by_month=sorted(months.values(), key=lambda row: row.key),
        by_kind=sorted(kinds.values(), key=lambda row: (-row.count, row.label)),
        by_sector=sorted(sectors.values(), key=lambda row: (-row.count, row.label.casefold())),
    )


# --- The general desk: consent texts, notes, referrals, the partner inbox -------------------


def consent_text_current(*, kind: str) -> ConsentText | None:
    """The newest version of a consent text (the one the forms show)."""
    return ConsentText.objects.filter(kind=kind).order_by("-version").first()


def consent_texts_current() -> dict[str, ConsentText | None]:
    return {kind: consent_text_current(kind=kind) for kind in ConsentKind.values}


def inquiry_notes(*, inquiry: Inquiry) -> QuerySet[InquiryNote]:
    return inquiry.notes.select_related("author").order_by("created_at", "pk")


def inquiry_referrals(*, inquiry: Inquiry) -> QuerySet[Referral]:
    return inquiry.referrals.select_related("actor").order_by("created_at", "pk")


@dataclass(frozen=True)
class ReferralFilters:
    status: str = ""
    overdue: bool = False


def partner_referrals(
    *, user: AnyUser, filters: ReferralFilters, today: dt.date | None = None
) -> QuerySet[Referral]:
    """The partner's inbox: referrals to the user's own organisations only."""
    today = today or timezone.localdate()
    queryset = access.referrals_for_partner(user).select_related("actor", "inquiry")
    if filters.status:
        queryset = queryset.filter(status=filters.status)
    if filters.overdue:
        queryset = queryset.filter(status=ReferralStatus.OFFERED, accept_due__lt=today)
    waiting_first = Case(
        When(status=ReferralStatus.OFFERED, then=Value(0)),
        When(status=ReferralStatus.ACCEPTED, then=Value(1)),
        default=Value(2),
        output_field=IntegerField(),
    )
    return queryset.order_by(waiting_first, "accept_due", "-created_at", "pk")


def overdue_referrals(*, user: AnyUser, today: dt.date | None = None) -> QuerySet[Referral]:
    """Referrals no partner accepted in time, of the inquiries the staff member handles."""
    today = today or timezone.localdate()
    return (
        Referral.objects.filter(
            inquiry__topic__in=access.topics_for(user),
            status=ReferralStatus.OFFERED,
            accept_due__lt=today,
        )
        .select_related("actor", "inquiry")
        .order_by("accept_due", "pk")
    )


# --- The monthly report from the anonymised fact table ----------------------------------------

# Cells with fewer cases than this are suppressed everywhere (page, CSV, open-data API).
MIN_CELL = 5

REPORT_DIMENSIONS = (
    ("topic_field", gettext_noop("Themenfeld")),
    ("district", gettext_noop("Landkreis / Stadt")),
    ("requester_type", gettext_noop("Wer fragt")),
    ("language", gettext_noop("Sprache")),
    ("channel", gettext_noop("Eingangsweg")),
    ("outcome", gettext_noop("Ergebnis")),
)


@dataclass
class ReportCell:
    key: str
    label: str
    count: int | None  # None: suppressed (fewer than MIN_CELL cases)
    first_response_met_share: float | None = None
    partner_acceptance_met_share: float | None = None
    turnaround_median: float | None = None


@dataclass
class DeskReport:
    months: list[str]
    month: str
    total: ReportCell
    tables: list[tuple[str, str, list[ReportCell]]]


def _share(values: list[bool]) -> float | None:
    return round(100 * sum(values) / len(values), 1) if values else None


def _cell(key: str, label: str, rows: list[tuple]) -> ReportCell:
    if len(rows) < MIN_CELL:
        return ReportCell(key=key, label=label, count=None)
    first = [row[-3] for row in rows if row[-3] is not None]
    partner = [row[-2] for row in rows if row[-2] is not None]
    turnaround = [row[-1] for row in rows if row[-1] is not None]
    return ReportCell(
        key=key,
        label=label,
        count=len(rows),
        # Shares are suppressed too when they rest on fewer than MIN_CELL cases.
        first_response_met_share=_share(first) if len(first) >= MIN_CELL else None,
        partner_acceptance_met_share=_share(partner) if len(partner) >= MIN_CELL else None,
        turnaround_median=statistics.median(turnaround) if len(turnaround) >= MIN_CELL else None,
    )


def _labels() -> dict[str, dict[str, str]]:
    outcome = {**dict(Status.choices), **dict(ReferralOutcome.choices)}
    return {
        "topic_field": {t.slug: t.label for t in TopicField.objects.all()},
        "district": {r.code: r.label for r in Region.objects.districts()},
        "requester_type": dict(RequesterType.choices),
        "language": {
            **dict(settings.LANGUAGES),
            **{lang.code: lang.label for lang in Language.objects.all()},
        },
        "channel": dict(Channel.choices),
        "outcome": outcome,
    }


def report_months(*, topics: list[str] | None = None) -> list[str]:
    queryset = InquiryFact.objects.all()
    if topics is not None:
        queryset = queryset.filter(topic__in=topics)
    return [
        month.strftime("%Y-%m")
        for month in queryset.order_by("-month").values_list("month", flat=True).distinct()
    ]


def desk_report(*, month: str = "", topics: list[str] | None = None) -> DeskReport:
    """Counts, service-level shares and median turnaround of one month (or all months, when
    `month` is empty) by topic field, district, requester type, language, channel and outcome.

    Built only from the anonymised fact table; every cell with fewer than MIN_CELL cases is
    suppressed (count None), so no figure points to a person."""
    queryset = InquiryFact.objects.all()
    if topics is not None:
        queryset = queryset.filter(topic__in=topics)
    if month:
        year, number = (int(part) for part in month.split("-"))
        queryset = queryset.filter(month=dt.date(year, number, 1))
    columns = [name for name, _label in REPORT_DIMENSIONS]
    rows = list(
        queryset.values_list(
            *columns, "first_response_met", "partner_acceptance_met", "turnaround_days"
        )
    )
    labels = _labels()
    tables = []
    for index, (name, caption) in enumerate(REPORT_DIMENSIONS):
        groups: dict[str, list[tuple]] = defaultdict(list)
        for row in rows:
            groups[row[index]].append(row)
        cells = [
            _cell(
                key,
                str(labels[name].get(key, key)) if key else _("ohne Angabe"),
                items,
            )
            for key, items in groups.items()
        ]
        cells.sort(key=lambda cell: (cell.count is None, -(cell.count or 0), cell.label))
        tables.append((name, _(caption), cells))
    return DeskReport(
        months=report_months(topics=topics),
        month=month,
        total=_cell("all", _("Alle Anfragen"), rows),
        tables=tables,
    )


def published_actor(*, pk: int) -> Actor | None:
    return Actor.objects.published().filter(pk=pk).first()


def inquiry_by_reference(*, reference: str) -> Inquiry | None:
    return Inquiry.objects.select_related("actor").filter(reference=reference).first()


def inquiry_by_token(*, token: str) -> Inquiry | None:
    return Inquiry.objects.filter(token=token).first() if token else None


def referral_by_consent_token(*, token: str) -> Referral | None:
    if not token:
        return None
    return Referral.objects.select_related("actor", "inquiry").filter(consent_token=token).first()


def topic_field_choices() -> list[TopicField]:
    return list(TopicField.objects.active())


def district_choices() -> list[Region]:
    return list(Region.objects.districts().order_by("name"))
