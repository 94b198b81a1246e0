"""Reads of the inquiry desk: lists, the answer composer, the Tarif lookup seam, statistics."""

import datetime as dt
import logging
import re
import statistics
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple, cast

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import User
from django.core.exceptions import EmptyResultSet
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import Case, Count, IntegerField, Max, Min, Q, QuerySet, Value, When
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import get_format
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from lotse.core.dateformat import date_formatter
from lotse.core.models import Language, Region, TopicField
from lotse.core.types import AnyUser
from lotse.core.versioning import AUTH_SCOPE, CONTENT, shared_versioned, versioned
from lotse.network.models import Actor

from . import access
from .models import (
    OPEN_FIRST,
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
    Topic,
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
    # Topic field and district by id (from the cached reference data; an unknown slug or code
    # finds nothing): the index desk_inq_filter serves them with status and due date.
    if filters.topic_field:
        topic_field_id = inbox_reference().topic_field_ids.get(filters.topic_field)
        if topic_field_id is None:
            return queryset.none()
        queryset = queryset.filter(topic_field_id=topic_field_id)
    if filters.district:
        district_id = inbox_reference().district_ids.get(filters.district)
        if district_id is None:
            return queryset.none()
        queryset = queryset.filter(district_id=district_id)
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
    elif filters.assignee.isascii() and filters.assignee.isdigit() and len(filters.assignee) <= 9:
        queryset = queryset.filter(assignee_id=int(filters.assignee))
    if filters.overdue:
        queryset = queryset.overdue(today)
    # "Nächste Frist zuerst": the open inquiries by due date, then the answered and closed ones
    # (their due date no longer matters; otherwise the oldest closed ones came first).
    # (The expression is the model's OPEN_FIRST: the index desk_inq_inbox_order serves it.)
    return queryset.order_by(OPEN_FIRST, "due_date", "received_at", "pk").only(*INBOX_COLUMNS)


# What a row of the inbox shows (inbox_rows): the question, attachment and answer texts stay in
# the database.
INBOX_COLUMNS = (
    "reference",
    "topic",
    "sector",
    "wz_code",
    "question_kind",
    "channel",
    "status",
    "received_at",
    "due_date",
    "topic_field__name",
    "topic_field__name_en",
    "district__name",
    "district__name_en",
    "assignee__username",
    "assignee__first_name",
    "assignee__last_name",
)


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


@dataclass(frozen=True)
class FormChoices:
    topic_fields: list[TopicField]  # active
    districts: list[Region]
    languages: list[Language]  # active, without German


def form_choices() -> FormChoices:
    """The choices of the Lotsendienst form, kept in each process's memory under the content
    version: the public form POST checks them without asking the database."""

    def build() -> FormChoices:
        return FormChoices(
            topic_fields=list(TopicField.objects.active()),
            districts=list(Region.objects.districts().order_by("name")),
            languages=list(Language.objects.active().exclude(code="de")),
        )

    return versioned("desk.form-choices", build)


def consent_texts_current() -> dict[str, ConsentText | None]:
    """The newest version of each consent text (the ones the forms show), kept in each
    process's memory under the content version (consent texts are content)."""

    def build() -> dict[str, ConsentText | None]:
        newest: dict[str, ConsentText | None] = dict.fromkeys(ConsentKind.values)
        for text in ConsentText.objects.order_by("kind", "version"):
            newest[text.kind] = text
        return newest

    return versioned("desk.consent-texts", build)


def consent_text_current(*, kind: str) -> ConsentText | None:
    return consent_texts_current().get(kind)


def consent_text_version(*, kind: str, version: int) -> ConsentText | None:
    """The consent text a form was shown with: the current one from the cache, an older
    version (a form opened before a new text) from the database."""
    current = consent_text_current(kind=kind)
    if current is not None and current.version == version:
        return current
    return ConsentText.objects.filter(kind=kind, version=version).first()


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


# The report lists the oldest overdue referrals and counts the rest (at 100,000 inquiries there
# are well over a thousand; the escalation mail names each one anyway), up to COUNT_CAP.
OVERDUE_REFERRALS_SHOWN = 50

# Counts on the staff pages stop here ("mehr als 1.000"): an exact COUNT(*) over 100,000
# inquiries costs more than the rest of the page, and nobody reads a figure that large exactly.
COUNT_CAP = 1000


def count_upto(queryset: QuerySet, cap: int = COUNT_CAP) -> int:
    """The rows of `queryset`, counted up to `cap` + 1 (more than `cap`: `cap` + 1)."""
    return queryset.order_by().values("pk")[: cap + 1].count()


def counts_upto(*querysets: QuerySet, cap: int = COUNT_CAP) -> list[int]:
    """`count_upto` of each of `querysets` (of one database), in one statement: a scalar
    subquery per count (the inbox asks two on every page; each `count()` built its own
    aggregate query and paid a round trip). A queryset that can match nothing counts 0."""
    parts: list[str] = []
    params: list[Any] = []
    using = querysets[0].db if querysets else DEFAULT_DB_ALIAS
    for queryset in querysets:
        try:
            sql, sql_params = (
                queryset.order_by().values_list("pk")[: cap + 1].query.sql_with_params()
            )
        except EmptyResultSet:
            parts.append("0")
            continue
        # The subquery is the ORM's compiled SQL with its parameters kept apart.
        parts.append(f"(SELECT COUNT(*) FROM ({sql}) AS counted{len(parts)})")  # noqa: S608
        params.extend(sql_params)
    if all(part == "0" for part in parts):
        return [0] * len(parts)
    with connections[using].cursor() as cursor:
        cursor.execute(f"SELECT {', '.join(parts)}", params)
        row = cursor.fetchone()
    return [int(value) for value in row]


def overdue_referrals(*, user: AnyUser, today: dt.date | None = None) -> QuerySet[Referral]:
    """Referrals no partner accepted in time, of the inquiries the staff member handles.

    Only general inquiries are referred (`services.referral_create` refuses others), so the
    staff of the general desk see every referral and nobody else any: no join with the 100,000
    inquiries to filter by their topic (the index desk_referral_status_due serves the list and
    its count)."""
    today = today or timezone.localdate()
    if Topic.GENERAL not in access.topics_for(user):
        return Referral.objects.none()
    return (
        Referral.objects.filter(status=ReferralStatus.OFFERED, accept_due__lt=today)
        .select_related("actor", "inquiry")
        .order_by("accept_due", "pk")
    )


@dataclass(frozen=True)
class OverdueReferralRow:
    """One line of the report's overdue referrals, every text computed here."""

    url: str
    reference: str
    actor: str
    due: str


def overdue_referral_rows(referrals: QuerySet[Referral], *, limit: int) -> list[OverdueReferralRow]:
    """The first `limit` of `referrals` as lines: three columns of one query, no model objects
    (the report listed 50 referrals with their inquiries and organisations as whole objects)."""
    url_pattern = reverse("lotse_desk:detail", args=[987654321])
    due_format = date_formatter(get_format("SHORT_DATE_FORMAT"))
    values = referrals.values_list("inquiry_id", "inquiry__reference", "actor__name", "accept_due")
    return [
        OverdueReferralRow(
            url=url_pattern.replace("987654321", str(inquiry_id)),
            reference=reference,
            actor=actor,
            due=due_format(due) if due else "",
        )
        for inquiry_id, reference, actor, due in values[:limit]
    ]


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


@dataclass
class _Group:
    """The aggregates of one cell, as the database returns them."""

    count: int = 0
    first_known: int = 0
    first_met: int = 0
    partner_known: int = 0
    partner_met: int = 0
    turnarounds: dict[int, int] = field(default_factory=dict)  # days → cases


def _share(met: int, known: int) -> float | None:
    # Shares are suppressed too when they rest on fewer than MIN_CELL cases.
    return round(100 * met / known, 1) if known >= MIN_CELL else None


def _median(histogram: dict[int, int]) -> float | None:
    values = sum(histogram.values())
    if values < MIN_CELL:
        return None
    ordered = sorted(histogram.items())

    def nth(position: int) -> int:
        seen = 0
        for days, cases in ordered:
            seen += cases
            if position < seen:
                return days
        raise IndexError(position)  # pragma: no cover

    middle = values // 2
    return float(nth(middle)) if values % 2 else (nth(middle - 1) + nth(middle)) / 2


def _cell(key: str, label: str, group: _Group) -> ReportCell:
    if group.count < MIN_CELL:
        return ReportCell(key=key, label=label, count=None)
    return ReportCell(
        key=key,
        label=label,
        count=group.count,
        first_response_met_share=_share(group.first_met, group.first_known),
        partner_acceptance_met_share=_share(group.partner_met, group.partner_known),
        turnaround_median=_median(group.turnarounds),
    )


AGGREGATES = {
    "count": Count("pk"),
    "first_known": Count("pk", filter=Q(first_response_met__isnull=False)),
    "first_met": Count("pk", filter=Q(first_response_met=True)),
    "partner_known": Count("pk", filter=Q(partner_acceptance_met__isnull=False)),
    "partner_met": Count("pk", filter=Q(partner_acceptance_met=True)),
}


def _groups(queryset: QuerySet[InquiryFact], column: str | None) -> dict[str, _Group]:
    """Counts per value of `column` (None: one group for all), two GROUP BY queries."""
    columns = [column] if column else []
    groups: dict[str, _Group] = defaultdict(_Group)
    rows = (
        queryset.values(*columns).annotate(**AGGREGATES).order_by()
        if column
        else [queryset.aggregate(**AGGREGATES)]
    )
    for row in rows:
        group = groups[row[column] if column else ""]
        for name in AGGREGATES:
            setattr(group, name, row[name])
    histogram = (
        queryset.filter(turnaround_days__isnull=False)
        .values(*columns, "turnaround_days")
        .annotate(cases=Count("pk"))
        .order_by()
    )
    for row in histogram:
        groups[row[column] if column else ""].turnarounds[row["turnaround_days"]] = row["cases"]
    return groups


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

    Built only from the anonymised fact table, aggregated in the database (two GROUP BY queries
    per dimension); every cell with fewer than MIN_CELL cases is suppressed (count None), so no
    figure points to a person. Holds no personal data, so it is kept in the shared cache for
    every staff member of the same topics and language, under the versions of the fact table
    (`inquiry_facts`: the triggers move it with every fact row written, bulk writes included)
    and of the content (the labels of topic fields, districts and languages), at most
    LOTSE_DESK_REPORT_CACHE_SECONDS (0: not kept); the open-data API serves the same figures."""
    scope = ",".join(sorted(topics)) if topics is not None else "*"
    language = translation.get_language() or "de"
    return shared_versioned(
        f"desk.report:{language}:{month}:{scope}",
        lambda: _desk_report(month=month, topics=topics),
        getattr(settings, "LOTSE_DESK_REPORT_CACHE_SECONDS", 300),
        scopes=REPORT_SCOPES,
    )


# The versions the report depends on (lotse.core.versioning; desk/apps.py puts the fact table
# under its own scope).
REPORT_SCOPES = ("inquiry_facts", CONTENT)


def _desk_report(*, month: str, topics: list[str] | None) -> DeskReport:
    queryset = InquiryFact.objects.all()
    if topics is not None:
        queryset = queryset.filter(topic__in=topics)
    if month:
        year, number = (int(part) for part in month.split("-"))
        queryset = queryset.filter(month=dt.date(year, number, 1))
    labels = _labels()
    tables = []
    for name, caption in REPORT_DIMENSIONS:
        cells = [
            _cell(key, str(labels[name].get(key, key)) if key else _("ohne Angabe"), group)
            for key, group in _groups(queryset, name).items()
        ]
        cells.sort(key=lambda cell: (cell.count is None, -(cell.count or 0), cell.label))
        tables.append((name, _(caption), cells))
    total = _groups(queryset, None).get("", _Group())
    return DeskReport(
        months=report_months(topics=topics),
        month=month,
        total=_cell("all", _("Alle Anfragen"), total),
        tables=tables,
    )


def published_actor(*, pk: int) -> Actor | None:
    return Actor.objects.published().filter(pk=pk).first()


def inquiry_by_reference(*, reference: str) -> Inquiry | None:
    return Inquiry.objects.select_related("actor").filter(reference=reference).first()


# The links' tokens are `secrets.token_urlsafe(32)`: anything else (a NUL byte, which PostgreSQL
# refuses in a text parameter, 1 MB of text) is no token and is never sent to the database.
TOKEN_RE = re.compile(r"[A-Za-z0-9_-]{1,64}")


def token_is_wellformed(token: str) -> bool:
    return bool(token) and TOKEN_RE.fullmatch(token) is not None


def inquiry_by_token(*, token: str) -> Inquiry | None:
    return Inquiry.objects.filter(token=token).first() if token_is_wellformed(token) else None


def referral_by_consent_token(*, token: str) -> Referral | None:
    if not token_is_wellformed(token):
        return None
    return Referral.objects.select_related("actor", "inquiry").filter(consent_token=token).first()


# The inbox's filter choices are reference data: kept in each process's memory under the content
# version (lotse.core.versioning: topic fields and regions move it), per language.


@dataclass(frozen=True)
class Choice:
    value: str
    label: str


@dataclass(frozen=True)
class InboxReference:
    topic_fields: list[Choice]  # the active ones, for the filter
    districts: list[Choice]
    topic_field_ids: dict[str, int]  # slug → id of every topic field (also inactive ones)
    district_ids: dict[str, int]  # AGS code → id
    topic_field_labels: dict[int, str]  # id → label of every topic field (the inbox's rows)
    region_labels: dict[int, str]  # id → label of every region
    # The labels of the model's choices in this language (each a lazy translation, read once
    # here instead of on every page).
    statuses: list[Choice]
    channels: list[Choice]
    kinds: list[Choice]
    status_labels: dict[str, str]
    channel_labels: dict[str, str]
    kind_labels: dict[str, str]


def _choices(choices: Sequence[tuple[str, object]]) -> list[Choice]:
    return [Choice(str(value), str(label)) for value, label in choices]


def inbox_reference() -> InboxReference:
    """The inbox's filter choices, ids and labels in the active language (one cache read)."""

    def build() -> InboxReference:
        districts = list(Region.objects.districts().order_by("name"))
        topic_fields = list(TopicField.objects.all())
        statuses = _choices(Status.choices)
        channels = _choices(Channel.choices)
        kinds = _choices(QuestionKind.choices)
        return InboxReference(
            topic_fields=[Choice(i.slug, i.label) for i in TopicField.objects.active()],
            districts=[Choice(i.code, i.label) for i in districts],
            topic_field_ids={i.slug: i.pk for i in topic_fields},
            district_ids={i.code: i.pk for i in districts},
            topic_field_labels={i.pk: i.label for i in topic_fields},
            region_labels={i.pk: i.label for i in Region.objects.all()},
            statuses=statuses,
            channels=channels,
            kinds=kinds,
            status_labels={i.value: i.label for i in statuses},
            channel_labels={i.value: i.label for i in channels},
            kind_labels={i.value: i.label for i in kinds},
        )

    return versioned(f"desk.inbox-reference:{translation.get_language() or 'de'}", build)


def assignee_options() -> list[Choice]:
    """The inbox's "Zuständig" filter: every user who may handle inquiries (`assignee_choices`),
    as (id, name), kept in each process's memory under the `auth` version (users, groups and
    memberships move it, lotse.core.auth), so a new colleague or a renamed one shows at once."""

    def build() -> list[Choice]:
        users = cast("QuerySet[User]", assignee_choices()).values_list(
            "pk", "first_name", "last_name", "username"
        )
        return [
            Choice(str(pk), f"{first} {last}".strip() or username)
            for pk, first, last, username in users
        ]

    return versioned("desk.assignee-options", build, scopes=(AUTH_SCOPE,))


class InboxRow(NamedTuple):
    """One line of the inbox, every text computed here (the template only prints); a tuple:
    50 of them are made for every page."""

    url: str
    reference: str
    received: str
    subject: str
    district: str
    status: str
    assignee: str
    due: str
    overdue: bool


# The columns of an inbox row (inbox_rows): the question, attachment and answer texts stay in
# the database; the labels of topic fields and districts come from the cached reference data.
INBOX_ROW_COLUMNS = (
    "pk",
    "reference",
    "topic",
    "sector",
    "wz_code",
    "question_kind",
    "topic_field_id",
    "channel",
    "district_id",
    "status",
    "received_at",
    "due_date",
    "assignee__username",
    "assignee__first_name",
    "assignee__last_name",
)


def inbox_rows(inquiries: QuerySet[Inquiry], *, today: dt.date) -> list[InboxRow]:
    """The rows of one inbox page (a slice of `inquiries_list`), read as columns in one query,
    no model objects: labels from the cached reference data, the detail URL reversed once, the
    dates by a compiled format (lotse.core.dateformat)."""
    url_pattern = reverse("lotse_desk:detail", args=[987654321])
    reference = inbox_reference()
    statuses = reference.status_labels
    channels = reference.channel_labels
    kinds = reference.kind_labels
    received_format = date_formatter(get_format("SHORT_DATETIME_FORMAT"))
    due_format = date_formatter(get_format("SHORT_DATE_FORMAT"))
    local = timezone.get_current_timezone()
    rows = []
    for (
        pk,
        number,
        topic,
        sector,
        wz_code,
        question_kind,
        topic_field_id,
        channel,
        district_id,
        status,
        received_at,
        due_date,
        username,
        first_name,
        last_name,
    ) in inquiries.values_list(*INBOX_ROW_COLUMNS):
        if topic == Topic.TARIFF:
            wz = f" ({wz_code})" if wz_code else ""
            subject = f"{sector}{wz} · {kinds.get(question_kind, question_kind)}"
        else:
            field_label = reference.topic_field_labels.get(topic_field_id, "–")
            subject = f"{field_label} · {channels.get(channel, channel)}"
        full_name = f"{first_name or ''} {last_name or ''}".strip()
        rows.append(
            InboxRow(
                url=url_pattern.replace("987654321", str(pk)),
                reference=number,
                received=received_format(received_at.astimezone(local)),
                subject=subject,
                district=reference.region_labels.get(district_id, "–"),
                status=statuses.get(status, status),
                assignee=(full_name or username) if username is not None else "–",
                due=due_format(due_date),
                overdue=status in OPEN_STATUSES and due_date < today,
            )
        )
    return rows


# --- Inquiry figures of one district (the public district profile /regionen/<slug>/) ---------


@dataclass
class DistrictInquiries:
    """The anonymised inquiry figures of one district, every cell suppressed like the report's.

    `recent_*` cover the months from `since` to `until` (the last twelve, this one included);
    `by_year` every calendar year the fact table has for the district."""

    since: dt.date
    until: dt.date
    has_data: bool
    recent: ReportCell
    recent_by_topic_field: list[ReportCell]
    recent_by_requester_type: list[ReportCell]
    by_year: list[ReportCell]

    @property
    def suppressed(self) -> bool:
        """Whether any cell is suppressed (the page then explains the rule)."""
        cells = [
            self.recent,
            *self.recent_by_topic_field,
            *self.recent_by_requester_type,
            *self.by_year,
        ]
        return any(cell.count is None for cell in cells)


def _add(group: _Group, row: dict) -> None:
    for name in AGGREGATES:
        setattr(group, name, getattr(group, name) + row[name])


def _sorted_cells(groups: dict[str, _Group], labels: dict[str, str]) -> list[ReportCell]:
    cells = [
        _cell(key, str(labels.get(key, key)) if key else _("ohne Angabe"), group)
        for key, group in groups.items()
    ]
    cells.sort(key=lambda cell: (cell.count is None, -(cell.count or 0), cell.label))
    return cells


def district_inquiries(
    *,
    district: str,
    today: dt.date | None = None,
    months: int = 12,
    topic_labels: dict[str, str] | None = None,
) -> DistrictInquiries:
    """Inquiries from the district `district` (AGS) in the last `months` months by topic field
    and requester type, and per calendar year, with the share of first responses within the
    service level; from the anonymised fact table only, every cell with fewer than MIN_CELL
    cases suppressed by the same `_cell` as the report. One GROUP BY query (one more for the
    topic fields' names the caller does not give in `topic_labels`, slug → name)."""
    today = today or timezone.localdate()
    index = today.year * 12 + today.month - 1 - (months - 1)
    since = dt.date(index // 12, index % 12 + 1, 1)
    rows = (
        InquiryFact.objects.filter(district=district)
        .values("month", "topic_field", "requester_type")
        .annotate(**AGGREGATES)
        .order_by()
    )
    recent = _Group()
    topic_fields: dict[str, _Group] = defaultdict(_Group)
    requester_types: dict[str, _Group] = defaultdict(_Group)
    years: dict[str, _Group] = defaultdict(_Group)
    for row in rows:
        _add(years[str(row["month"].year)], row)
        if since <= row["month"] <= today:
            _add(recent, row)
            _add(topic_fields[row["topic_field"]], row)
            _add(requester_types[row["requester_type"]], row)
    topic_labels = dict(topic_labels or {})
    if missing := set(topic_fields) - set(topic_labels) - {""}:
        topic_labels.update(
            (t.slug, t.label) for t in TopicField.objects.filter(slug__in=sorted(missing))
        )
    return DistrictInquiries(
        since=since,
        until=today,
        has_data=bool(years),
        recent=_cell("recent", _("Alle Anfragen"), recent),
        recent_by_topic_field=_sorted_cells(topic_fields, topic_labels),
        recent_by_requester_type=_sorted_cells(
            requester_types, {key: str(label) for key, label in RequesterType.choices}
        ),
        by_year=sorted(
            (_cell(year, year, group) for year, group in years.items()),
            key=lambda cell: cell.key,
            reverse=True,
        ),
    )


@dataclass
class FactSpan:
    """The months the anonymised fact table covers (for the open-data catalogue)."""

    first: dt.date | None  # first day of the earliest month
    last: dt.date | None  # last day of the latest month, today while that month runs


def desk_fact_months(*, today: dt.date | None = None) -> FactSpan:
    """The first and last day the statistics cover (one aggregate query)."""
    today = today or timezone.localdate()
    span = InquiryFact.objects.aggregate(first=Min("month"), last=Max("month"))
    last = span["last"]
    if last is not None:
        following = dt.date(last.year + last.month // 12, last.month % 12 + 1, 1)
        last = min(following - dt.timedelta(days=1), today)
    return FactSpan(first=span["first"], last=last)
