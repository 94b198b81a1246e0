"""Reads for the public Tarifauskunft, the API and the desk (no writes).

Public answers never show company agreements or confidential entries: they are only counted.
"""

import bisect
import datetime
from array import array
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, Literal, NamedTuple, get_args
from urllib.parse import urlencode

from django.core.cache import caches
from django.core.exceptions import ValidationError
from django.db import connections
from django.db.models import (
    Count,
    Exists,
    Max,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    prefetch_related_objects,
)
from django.db.models.expressions import Combinable
from django.utils.translation import gettext as _

from lotse.core.fulltext import query_stems
from lotse.core.fulltext_db import fulltext_match
from lotse.core.models import Region

from . import inputs, wz
from .cache import TIMEOUT as CACHE_TIMEOUT
from .cache import cache_key, versioned, versioned_table
from .models import (
    CollectiveAgreement,
    GeneralApplicability,
    MinimumTraineePay,
    MinimumWageOrdinance,
    MinimumWageRate,
    Provision,
    SectorCode,
    SectorSynonym,
    StatutoryMinimumWage,
    choice_label,
)
from .versioning import current_version, version_pinned

CENT = Decimal("0.01")
WEEKS_PER_MONTH = Decimal(13) / Decimal(3)
FUZZY_CUTOFF = 85
# Public answers show PAGE_SIZE agreements per page. Matches are counted exactly up to
# COUNT_CAP ("more than 100" beyond it), so the cost of an answer does not grow with the
# register; pages go up to MAX_PAGE (1,000 agreements), beyond that the search must be narrowed.
PAGE_SIZE = 20
COUNT_CAP = 100
MAX_PAGE = 50
PROCEDURES_CAP = 50
# A text or WZ search with at most this many index matches filters by their primary keys.
IDS_LIMIT = 1000
# What an answer shows of each agreement (`AgreementRow`, in its order; the rest, e.g. the search
# document, is not read).
ANSWER_FIELDS = ("register_number", "title", "kind", "valid_from", "valid_to", "personal_scope")


def money(value: Decimal) -> Decimal:
    return Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)


# --- search terms ------------------------------------------------------------------------------


def synonym_table() -> dict[str, str]:
    return dict(SectorSynonym.objects.values_list("term", "canonical"))


def query_alternatives(query: str, *, synonyms: dict[str, str] | None = None) -> list[str]:
    """The query and the register terms its words stand for (synonyms, spelling variants)."""
    query = (query or "").strip()[:200]
    if not query:
        return []
    alternatives = [query]
    if synonyms is None:
        synonyms = synonym_table()
    lowered = {term.lower(): canonical for term, canonical in synonyms.items()}
    for word in query.split():
        canonical = lowered.get(word.lower())
        if canonical is None and len(word) >= 4:
            from rapidfuzz import fuzz, process  # on the first text query (decision 0028)

            match = process.extractOne(
                word.lower(), list(lowered), scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF
            )
            canonical = lowered[match[0]] if match else None
        if canonical and canonical not in alternatives:
            alternatives.append(canonical)
    return alternatives


def _text_filter(
    queryset: QuerySet, query: str, *, synonyms: dict[str, str] | None = None
) -> QuerySet:
    """Rows whose search document matches the query or one of its register terms.

    The matches are looked up in the full-text index first, up to IDS_LIMIT of them: a word
    with few matches (or none, e.g. a typo) then filters by those primary keys. The planners
    cannot estimate a prefix search; without that step they walked the whole register in date
    order looking for matches that were not there (PostgreSQL: 40-80 ms for a word without
    hits at 100,000 agreements). A word with more matches is checked on each candidate row
    (one alternative) or through the index subqueries (several), where walking in date order
    finds a page quickly.
    """
    alternatives = [
        stems
        for alternative in query_alternatives(query, synonyms=synonyms)
        if (stems := query_stems(alternative))
    ]
    ids: set[int] = set()
    for stems in alternatives:
        matches = fulltext_match(queryset.model.objects.order_by(), stems)
        ids.update(matches.values_list("pk", flat=True)[: IDS_LIMIT + 1])
        if len(ids) > IDS_LIMIT:
            break
    if not ids:
        return queryset.none()
    if len(ids) <= IDS_LIMIT:
        return queryset.filter(pk__in=sorted(ids))
    if len(alternatives) == 1:
        return fulltext_match(queryset, alternatives[0])
    condition = Q()
    for stems in alternatives:
        condition |= Q(pk__in=fulltext_match(queryset.model.objects.all(), stems).values("pk"))
    return queryset.filter(condition)


def _code_filter(queryset: QuerySet, codes: set[str]) -> QuerySet:
    """Agreements with one of the WZ codes: by primary key when the codes are rare.

    Up to IDS_LIMIT code rows are read from the (code, agreement) index first. A rare or
    unused code then filters by those keys; otherwise SQLite checked the code on every public
    agreement of the register (140 ms for a code without agreements at 100,000). A frequent
    code keeps the EXISTS, which lets the databases stop after one page.
    """
    rows = list(
        SectorCode.objects.filter(code__in=codes, agreement__isnull=False)
        .order_by()
        .values_list("agreement_id", flat=True)[: IDS_LIMIT + 1]
    )
    if len(rows) <= IDS_LIMIT:
        return queryset.filter(pk__in=sorted(set(rows))) if rows else queryset.none()
    return queryset.filter(
        Exists(SectorCode.objects.filter(agreement=OuterRef("pk"), code__in=codes))
    )


def wz_codes(value: str) -> set[str]:
    """All codes a WZ input stands for; a German error for an unknown code."""
    value = wz.normalise(value)
    if not value:
        return set()
    codes = wz.expand(value)
    if not codes:
        raise ValidationError(
            _("Der WZ-Code „%(code)s“ ist weder in der WZ 2008 noch in der WZ 2025 bekannt.")
            % {"code": value}
        )
    return codes


# --- territory ---------------------------------------------------------------------------------


@versioned_table("districts")
def districts() -> list[tuple[str, str, str]]:
    """The districts of the territory filter: (slug, German name, English name)."""
    return list(Region.objects.districts().order_by("name").values_list("slug", "name", "name_en"))


def _territory_filter(queryset: QuerySet, territory: str) -> QuerySet:
    """'' = anywhere; 'sachsen' = valid in Saxony; a region slug = valid in that district."""
    if not territory:
        return queryset
    condition: Q | Combinable = Q(territory__in=["federal", "saxony"]) | Q(
        territory="states", states__contains="14"
    )
    if territory != "sachsen":
        # EXISTS, not a join with DISTINCT: DISTINCT over whole rows kept the databases from
        # stopping after one page (PostgreSQL 55 ms for a page at 100,000 agreements).
        in_region = CollectiveAgreement.regions.through.objects.filter(
            collectiveagreement_id=OuterRef("pk"), region__slug=territory
        )
        condition |= Q(territory="regions") & Exists(in_region)
    return queryset.filter(condition)


# --- the lookup --------------------------------------------------------------------------------


def in_force_q(on: datetime.date, prefix: str = "") -> Q:
    return Q(**{f"{prefix}valid_from__lte": on}) & (
        Q(**{f"{prefix}valid_to__isnull": True}) | Q(**{f"{prefix}valid_to__gte": on})
    )


def matching_agreements(
    *,
    query: str = "",
    wz: str = "",
    territory: str = "",
    synonyms: dict[str, str] | None = None,
) -> QuerySet:
    """All agreements (any level) matching sector words, WZ code and territory."""
    queryset = CollectiveAgreement.objects.all()
    codes = wz_codes(wz)
    if codes:
        queryset = _code_filter(queryset, codes)
    if query and not queryset.query.is_empty():
        queryset = _text_filter(queryset, query, synonyms=synonyms)
    return _territory_filter(queryset, territory)


def agreements_on(queryset: QuerySet, on: datetime.date) -> QuerySet:
    """In force on the date, or in after-effect (expired, not yet replaced by a successor)."""
    # `predecessor__isnull=False` keeps PostgreSQL's hashed subplan to the few successors.
    successor_started = CollectiveAgreement.objects.filter(
        predecessor__isnull=False, predecessor=OuterRef("pk"), valid_from__lte=on
    )
    return queryset.filter(
        Q(valid_from__lte=on)
        & (
            Q(valid_to__isnull=True)
            | Q(valid_to__gte=on)
            | (Q(after_effect=True) & ~Exists(successor_started))
        )
    )


def public_q() -> Q:
    """What anyone may see: sector agreements that are not confidential (§ 16 TVGDV)."""
    return Q(level=CollectiveAgreement.Level.SECTOR, confidential=False)


@dataclass(frozen=True)
class BoundedCount:
    """A count taken up to a cap: exact when not `capped`, otherwise "more than `value`"."""

    value: int
    capped: bool = False

    def __bool__(self) -> bool:
        return self.value > 0


def bounded_count(queryset: QuerySet, *, cap: int) -> BoundedCount:
    """Count the rows of a queryset, but stop after `cap + 1` of them.

    The primary-key order lets the database walk the matches in index order and stop early
    (PostgreSQL: a merge semi join of the primary key with the WZ index) instead of collecting
    every match of a broad sector first; the cost is bounded by the cap, not by the register.
    """
    found = queryset.order_by("pk").values("pk")[: cap + 1].count()
    return BoundedCount(value=min(found, cap), capped=found > cap)


def bounded_counts(querysets: dict[str, QuerySet], *, cap: int) -> dict[str, BoundedCount]:
    """Several `bounded_count`s in one statement: one round trip instead of one per count.

    Each count is the same bounded subquery as in `bounded_count` (primary-key order, at most
    `cap + 1` rows), side by side in one SELECT. Empty querysets are not sent.
    """
    parts: list[str] = []
    params: list[Any] = []
    names: list[str] = []
    for name, queryset in querysets.items():
        if queryset.query.is_empty():
            continue
        sql, part_params = queryset.order_by("pk").values("pk")[: cap + 1].query.sql_with_params()
        # Django-compiled SQL with its parameters kept apart: nothing of the input is inlined.
        parts.append(f"(SELECT COUNT(*) FROM ({sql}) bounded_{len(parts)})")  # noqa: S608
        params.extend(part_params)
        names.append(name)
    counts = {name: BoundedCount(0) for name in querysets}
    if not parts:
        return counts
    first = next(iter(querysets.values()))
    with connections[first.db].cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(parts), params)
        row = cursor.fetchone()
    for name, found in zip(names, row, strict=True):
        counts[name] = BoundedCount(value=min(found, cap), capped=found > cap)
    return counts


class AgreementRow(NamedTuple):
    """What an answer shows of an agreement (ANSWER_FIELDS), read as plain values: a page of
    twenty model instances (a modelcluster model) cost more than the rest of the lookup."""

    pk: int
    register_number: str
    title: str
    kind: str
    valid_from: datetime.date
    valid_to: datetime.date | None
    personal_scope: str

    @property
    def kind_label(self) -> str:
        return choice_label(CollectiveAgreement.Kind, self.kind)


@dataclass
class AgreementAnswer:
    agreement: AgreementRow
    in_after_effect: bool
    applicability: GeneralApplicability | None
    parties: list[str] = field(default_factory=list)  # names, alphabetical
    # Single provisions (pay tables etc.) recorded for the date: the agreement's page has them.
    has_provisions: bool = False


@dataclass
class SectorMinimum:
    ordinance: MinimumWageOrdinance
    rates: list[MinimumWageRate]


# What the register knows of a sector's minimum wage on a date (see MINIMUM_STATUSES below).
MinimumStatus = Literal["in_force", "gap", "nothing_after", "nothing_before", "none"]


@dataclass
class SectorFloors:
    """The floors of a date: statutory minimum wage, minimum trainee pay, sector minimums."""

    on: datetime.date
    statutory: StatutoryMinimumWage | None = None
    trainee_pay: MinimumTraineePay | None = None
    sector_minimums: list[SectorMinimum] = field(default_factory=list)
    # What the register knows of the sector's minimum wage on the date (MINIMUM_STATUSES).
    minimum_status: MinimumStatus = "none"
    minimum_last_end: datetime.date | None = None  # "nothing_after": the last registered day
    minimum_first_start: datetime.date | None = None  # "nothing_before": the first one
    ordinances_found: bool = False  # the words or code matched an ordinance of any date

    @property
    def minimum_gap(self) -> bool:
        return self.minimum_status == "gap"


# in_force: a sector minimum applies. gap: one ended before the date and the next registered
# one starts after it (the register knows the gap, e.g. Gerüstbau 2025-10-01 - 2025-12-31).
# nothing_after: the last registered one ended before the date and no successor is registered;
# the register may be incomplete, so it must not say "only the statutory minimum applies".
# nothing_before: the first registered one starts after the date (earlier ones not recorded).
# none: no ordinance registered for the sector at all.
MINIMUM_STATUSES: tuple[MinimumStatus, ...] = get_args(MinimumStatus)
UNCONFIRMED_STATUSES: tuple[MinimumStatus, ...] = ("nothing_after", "nothing_before")
# not_found: the words were not understood; registered: something is registered on the date;
# nothing_after: nothing on the date, and nothing registered after an earlier entry ended;
# nothing_registered: the sector is known, the register holds nothing for it on the date.
AnswerKind = Literal["not_found", "registered", "nothing_after", "nothing_registered"]
ANSWER_KINDS: tuple[AnswerKind, ...] = get_args(AnswerKind)


@dataclass
class LookupResult:
    on: datetime.date
    query: str
    wz: str
    territory: str
    page: int = 1
    per_page: int = PAGE_SIZE
    # The shown page of public sector agreements (newest in force first).
    agreements: list[AgreementAnswer] = field(default_factory=list)
    # All public sector agreements in force or in after-effect, counted up to COUNT_CAP.
    agreement_count: BoundedCount = BoundedCount(0)
    has_next: bool = False
    # Company agreements and confidential entries: only counted (up to COUNT_CAP), never shown.
    not_public: BoundedCount = BoundedCount(0)
    # AVE procedures of all matching public agreements (not only the shown page).
    binding: list[GeneralApplicability] = field(default_factory=list)
    pending_applications: list[GeneralApplicability] = field(default_factory=list)
    procedures_capped: bool = False
    sector_minimums: list[SectorMinimum] = field(default_factory=list)
    minimum_status: MinimumStatus = "none"
    minimum_last_end: datetime.date | None = None
    minimum_first_start: datetime.date | None = None
    statutory: StatutoryMinimumWage | None = None
    trainee_pay: MinimumTraineePay | None = None
    # False when the words matched nothing at all: no synonym, no register entry of any date,
    # no WZ title ("not found" is not "nothing registered").
    understood: bool = True
    suggestions: list[str] = field(default_factory=list)
    # Nothing on the date: the last day an entry of the sector was registered for, when nothing
    # is registered after it (agreements or sector minimums).
    last_end: datetime.date | None = None

    @property
    def minimum_gap(self) -> bool:
        return self.minimum_status == "gap"

    @property
    def registered(self) -> bool:
        return bool(self.agreement_count or self.not_public or self.sector_minimums)

    @property
    def answer_kind(self) -> AnswerKind:
        if not self.understood:
            return "not_found"
        if self.registered:
            return "registered"
        if self.last_end:
            return "nothing_after"
        return "nothing_registered"

    @property
    def nothing_registered(self) -> bool:
        return self.answer_kind == "nothing_registered"

    @property
    def inquiry_params(self) -> str:
        """The query of the Tarif inquiry form, pre-filled with this question."""
        return inquiry_params(sector=self.query, wz=self.wz)

    @property
    def generally_binding(self) -> bool:
        return bool(self.binding) or bool(self.sector_minimums)

    @property
    def first_shown(self) -> int:
        return (self.page - 1) * self.per_page + 1

    @property
    def last_shown(self) -> int:
        return self.first_shown + len(self.agreements) - 1

    @property
    def has_previous(self) -> bool:
        return self.page > 1

    @property
    def page_count(self) -> int | None:
        """Number of pages when the count is exact; None when there are more than counted."""
        if self.agreement_count.capped:
            return None
        return max(1, -(-self.agreement_count.value // self.per_page))

    @property
    def page_numbers(self) -> list[int]:
        """The pages to link directly: all of an exact count, else those known plus this one."""
        known = max(1, -(-self.agreement_count.value // self.per_page))
        return list(range(1, max(known, self.page) + 1))

    @property
    def paginated(self) -> bool:
        return len(self.page_numbers) > 1 or self.has_next

    @property
    def at_max_page(self) -> bool:
        return self.page >= MAX_PAGE and self.has_next


# The statutory minimum wages and minimum trainee pays are a few rows each (one per change of
# the law): read once per register version and looked up in memory, instead of one query each
# per answer; kept as objects, not unpickled per answer (`versioned_table`).
@versioned_table("statutory-table")
def _statutory_table() -> list[StatutoryMinimumWage]:
    return list(StatutoryMinimumWage.objects.order_by("-valid_from"))


@versioned_table("trainee-table")
def _trainee_table() -> dict[int, MinimumTraineePay]:
    table: dict[int, MinimumTraineePay] = {}
    for row in MinimumTraineePay.objects.order_by("start_year", "pk"):
        table.setdefault(row.start_year, row)
    return table


def statutory_minimum_on(on: datetime.date) -> StatutoryMinimumWage | None:
    return next((row for row in _statutory_table() if row.valid_from <= on), None)


def trainee_minimum_for(start_year: int) -> MinimumTraineePay | None:
    return _trainee_table().get(start_year)


def matching_ordinances(
    *, query: str = "", wz: str = "", synonyms: dict[str, str] | None = None
) -> QuerySet:
    queryset = MinimumWageOrdinance.objects.all()
    codes = wz_codes(wz)
    if codes:
        queryset = queryset.filter(
            Exists(SectorCode.objects.filter(ordinance=OuterRef("pk"), code__in=codes))
        )
    if query:
        condition = Q()
        for alternative in query_alternatives(query, synonyms=synonyms):
            stems = query_stems(alternative)
            part = Q()
            for item in stems:
                part &= Q(search_document__contains=item)
            if stems:
                condition |= part
        queryset = queryset.filter(condition) if condition else queryset.none()
    return queryset


def sector_floors(
    *,
    query: str = "",
    wz: str = "",
    on: datetime.date,
    synonyms: dict[str, str] | None = None,
) -> SectorFloors:
    """Statutory minimum wage, minimum trainee pay and the sector minimum wages of a date.

    The ordinances of a sector are few: all are read in one query and the date decides in
    Python which apply and whether there is a gap; the rates of the applying ones follow.
    """
    floors = SectorFloors(
        on=on, statutory=statutory_minimum_on(on), trainee_pay=trainee_minimum_for(on.year)
    )
    if not (query or wz):
        return floors
    if wz and not query:
        # A WZ code alone: its ordinances of every date with all their rates, per register
        # version (the key space is the WZ classification); the date is applied here.
        code_ordinances = _code_ordinances(wz=wz)
        ordinances = [ordinance for ordinance, _rates in code_ordinances]
        floors.sector_minimums = [
            SectorMinimum(
                ordinance=ordinance,
                rates=[rate for rate in rates if _in_force(rate.valid_from, rate.valid_to, on)],
            )
            for ordinance, rates in code_ordinances
            if _in_force(ordinance.valid_from, ordinance.valid_to, on)
        ]
    else:
        ordinances = list(matching_ordinances(query=query, wz=wz, synonyms=synonyms))
        current = [item for item in ordinances if _in_force(item.valid_from, item.valid_to, on)]
        prefetch_related_objects(
            current,
            Prefetch(
                "rates",
                queryset=MinimumWageRate.objects.filter(in_force_q(on)).order_by("amount", "pk"),
                to_attr="current_rates",
            ),
        )
        floors.sector_minimums = [
            SectorMinimum(ordinance=item, rates=item.current_rates) for item in current
        ]
    floors.ordinances_found = bool(ordinances)
    ended = [item.valid_to for item in ordinances if item.valid_to and item.valid_to < on]
    later = [item.valid_from for item in ordinances if item.valid_from > on]
    if floors.sector_minimums:
        floors.minimum_status = "in_force"
    elif ended and later:
        floors.minimum_status = "gap"
    elif ended:
        floors.minimum_status = "nothing_after"
        floors.minimum_last_end = max(ended)
    elif later:
        floors.minimum_status = "nothing_before"
        floors.minimum_first_start = min(later)
    return floors


def _in_force(valid_from: datetime.date, valid_to: datetime.date | None, on: datetime.date) -> bool:
    """`in_force_q` in Python."""
    return valid_from <= on and (valid_to is None or valid_to >= on)


@versioned("code-ordinances")
def _code_ordinances(*, wz: str) -> list[tuple[MinimumWageOrdinance, list[MinimumWageRate]]]:
    """The sector minimum wage ordinances of a WZ code (every date, in the order of
    `matching_ordinances`), each with all its rates by amount: a few rows per code."""
    ordinances = list(matching_ordinances(wz=wz))
    prefetch_related_objects(
        ordinances,
        Prefetch(
            "rates", queryset=MinimumWageRate.objects.order_by("amount", "pk"), to_attr="all_rates"
        ),
    )
    return [(ordinance, ordinance.all_rates) for ordinance in ordinances]


def inquiry_params(*, sector: str = "", wz: str = "") -> str:
    """The query string that pre-fills the Tarif inquiry form (`/tarifauskunft/anfrage/`)."""
    return urlencode([(key, value) for key, value in (("branche", sector), ("wz", wz)) if value])


def words_understood(
    *,
    query: str,
    ordinances_found: bool,
    agreements_match: bool | None = None,
    synonyms: dict[str, str] | None = None,
) -> bool:
    """Whether sector words mean anything to the register: a synonym, an entry of any date
    (hidden entries only through the titles of their WZ classes) or an official WZ title.
    `agreements_match`: whether the words matched agreements of any date, when known."""
    if ordinances_found or len(query_alternatives(query, synonyms=synonyms)) > 1:
        return True
    if agreements_match is None:
        agreements_match = matching_agreements(query=query, synonyms=synonyms).exists()
    return agreements_match or wz.words_in_titles(query.split())


SUGGESTION_CUTOFF = 75
MAX_SUGGESTIONS = 5


def sector_suggestions(*, query: str, synonyms: dict[str, str] | None = None) -> list[str]:
    """Register terms close to words that were not understood (spelling, compounds)."""
    choices: dict[str, str] = {}
    for term, canonical in (synonyms if synonyms is not None else synonym_table()).items():
        choices.setdefault(term.casefold(), canonical)
        choices.setdefault(canonical.casefold(), canonical)
    for label in MinimumWageOrdinance.objects.values_list("sector_label", flat=True).distinct():
        choices.setdefault(label.casefold(), label)
    from rapidfuzz import fuzz, process  # imported on use, as in query_alternatives

    scored: dict[str, float] = {}
    for word in [query, *query.split()]:
        if len(word) < 4:
            continue
        for match, score, _index in process.extract(
            word.casefold(), list(choices), scorer=fuzz.WRatio, score_cutoff=SUGGESTION_CUTOFF
        ):
            canonical = choices[match]
            scored[canonical] = max(scored.get(canonical, 0), score)
    ranked = sorted(scored, key=lambda name: (-scored[name], name))
    return ranked[:MAX_SUGGESTIONS]


PENDING_STATUSES = ("applied_for", "committee", "rejected", "withdrawn")


def _declared_on(ave: GeneralApplicability, on: datetime.date) -> bool:
    return bool(
        ave.valid_from and ave.valid_from <= on and (ave.valid_to is None or ave.valid_to >= on)
    )


def _pending_on(ave: GeneralApplicability, on: datetime.date) -> bool:
    return bool(ave.status in PENDING_STATUSES and ave.applied_on and ave.applied_on <= on)


def _procedures_sorted_into(
    result: "LookupResult", procedures: list[GeneralApplicability], on: datetime.date
) -> dict[int, GeneralApplicability]:
    """Puts the shown procedures, by agreement title, into the answer's declared and pending
    lists; returns the declared ones by agreement id."""
    procedures.sort(key=lambda ave: (ave.agreement.title, ave.applied_on or on, ave.pk))
    declared: dict[int, GeneralApplicability] = {}
    for ave in procedures:
        if _declared_on(ave, on):
            result.binding.append(ave)
            declared[ave.agreement_id] = ave
        elif _pending_on(ave, on):
            result.pending_applications.append(ave)
    return declared


@versioned("lookup")
def tariff_lookup(
    *,
    query: str = "",
    wz: str = "",
    territory: str = "",
    on: datetime.date,
    page: int = 1,
    per_page: int = PAGE_SIZE,
) -> LookupResult:
    """The public answer for a sector (words and/or WZ code), a territory and a date.

    One page of the public sector agreements in force or in after-effect (newest first), their
    number and the number of hidden entries counted up to COUNT_CAP, the AVE procedures of all
    matching public agreements, and the floors. The number of queries does not depend on the
    number of matches, and no query has to collect all matches of a broad sector.
    """
    if not 1 <= page <= MAX_PAGE:
        raise ValidationError(
            _("Bitte wählen Sie eine Seite zwischen 1 und %(max)s.") % {"max": MAX_PAGE}
        )
    # The synonym table is read once for the whole answer.
    synonyms = synonym_table() if query else {}
    floors = sector_floors(query=query, wz=wz, on=on, synonyms=synonyms)
    result = LookupResult(
        on=on,
        query=query,
        wz=wz,
        territory=territory,
        page=page,
        per_page=per_page,
        statutory=floors.statutory,
        trainee_pay=floors.trainee_pay,
        sector_minimums=floors.sector_minimums,
        minimum_status=floors.minimum_status,
        minimum_last_end=floors.minimum_last_end,
        minimum_first_start=floors.minimum_first_start,
    )
    if not (query or wz):
        return result
    sector = _sector_register(wz=wz) if wz and not query and not territory else None
    if sector is not None:
        # A WZ code alone: its agreements' dates are in memory (per register version), the
        # date is applied here; only the shown page is read from the database.
        _lookup_in_sector(result, sector=sector, wz=wz, on=on, page=page, per_page=per_page)
        if not result.registered:
            _nothing_on_the_date(
                result, floors=floors, matching=None, synonyms=synonyms, sector=sector
            )
        return result
    matching = matching_agreements(query=query, wz=wz, territory=territory, synonyms=synonyms)
    found = agreements_on(matching, on)
    # Hidden entries answer only the sector question: with a WZ code they are counted by the
    # code alone (words never narrow them down), without one by the words, which match hidden
    # entries only through the titles of their WZ classes (search.agreement_search_document).
    by_sector = matching_agreements(wz=wz, territory=territory) if wz and query else matching
    hidden = agreements_on(by_sector, on).exclude(public_q())
    public = found.filter(public_q())
    # Both bounded counts in one round trip (an empty one, e.g. words without a single match
    # in the full-text index, is not sent and counts 0).
    counts = bounded_counts({"hidden": hidden, "public": public}, cap=COUNT_CAP)
    result.not_public = counts["hidden"]
    if not public.query.is_empty():
        result.agreement_count = counts["public"]
        _lookup_agreements(result, public=public, on=on, page=page, per_page=per_page)
    if not result.registered:
        _nothing_on_the_date(result, floors=floors, matching=matching, synonyms=synonyms)
    return result


def tariff_answer(
    *, query: str, wz: str, territory: str, on: datetime.date, page: int
) -> LookupResult:
    """`tariff_lookup` for an answer page the page cache is to keep, not kept in the cache: the
    page's HTML is kept under the same register version, language and address (the page cache,
    the `tariffs.page` fragment), so nothing would read the result again soon, and pickling its
    model instances (floors, AVE procedures) cost about a third of a new answer's lookup."""
    with version_pinned():  # the cached parts it reads (registers, floors) use one reading
        return tariff_lookup.uncached(query=query, wz=wz, territory=territory, on=on, page=page)


def _nothing_on_the_date(
    result: LookupResult,
    *,
    floors: SectorFloors,
    matching: QuerySet | None,
    synonyms: dict[str, str],
    sector: "_SectorRegister | None" = None,
) -> None:
    """Which "nothing" it is: words not understood, nothing after an ended entry, or nothing
    registered for a known sector. Only read when nothing is registered on the date.
    `sector`: a WZ code's register in memory instead of `matching` (no words then)."""
    on = result.on
    if result.query and not result.wz and matching is not None:
        # Words with matches in the full-text index matched agreements of some date; without
        # a territory an empty match means there are none (no second look needed).
        agreements_match = None
        if not matching.query.is_empty():
            agreements_match = True
        elif not result.territory:
            agreements_match = False
        result.understood = words_understood(
            query=result.query,
            ordinances_found=floors.ordinances_found,
            agreements_match=agreements_match,
            synonyms=synonyms,
        )
        if not result.understood:
            result.suggestions = sector_suggestions(query=result.query, synonyms=synonyms)
            return
    ends: list[datetime.date] = (
        [floors.minimum_last_end]
        if floors.minimum_status == "nothing_after" and floors.minimum_last_end
        else []
    )
    dates: dict[str, Any] | None = None
    if sector is not None:
        day = on.toordinal()
        last_end = max((end for end in sector.valid_to if 0 < end < day), default=0)
        dates = {
            "last_end": datetime.date.fromordinal(last_end) if last_end else None,
            "later": sector.first_started(day),  # the rows before it start after the date
        }
    elif matching is not None and not matching.query.is_empty():
        dates = matching.order_by().aggregate(
            last_end=Max("valid_to", filter=Q(valid_to__lt=on)),
            later=Count("pk", filter=Q(valid_from__gt=on)),
        )
    if dates is not None:
        if dates["later"]:
            return  # something is registered after the date: not the end of the register
        if dates["last_end"]:
            ends.append(dates["last_end"])
    if floors.minimum_status in ("gap", "nothing_before"):
        return
    result.last_end = max(ends) if ends else None


def _lookup_agreements(
    result: LookupResult, *, public: QuerySet, on: datetime.date, page: int, per_page: int
) -> None:
    """The page of public agreements (counted by the caller) and the AVE procedures."""
    # AVE procedures of every matching public agreement, not only of the shown page: whether
    # anything was generally binding must not depend on the page. Driven by the (small) AVE
    # table, each procedure's agreement is checked by a correlated EXISTS (with an IN list
    # SQLite collected every match first); the titles follow in a second query only when there
    # are procedures (with a join SQLite walked the agreements instead of the few procedures).
    procedures = list(
        GeneralApplicability.objects.filter(
            in_force_q(on) | Q(status__in=PENDING_STATUSES, applied_on__lte=on),
            Exists(public.filter(pk=OuterRef("agreement_id"))),
        ).order_by("applied_on", "pk")[: PROCEDURES_CAP + 1]
    )
    result.procedures_capped = len(procedures) > PROCEDURES_CAP
    procedures = procedures[:PROCEDURES_CAP]
    titles = CollectiveAgreement.objects.only("register_number", "title")
    prefetch_related_objects(procedures, Prefetch("agreement", queryset=titles))
    declared = _procedures_sorted_into(result, procedures, on)
    offset = (page - 1) * per_page
    found = list(
        _with_provisions(public, on)
        .order_by("-valid_from", "-pk")
        .values_list("pk", *ANSWER_FIELDS, "has_provisions")[offset : offset + per_page + 1]
    )
    result.has_next = len(found) > per_page
    found = found[:per_page]
    rows = [AgreementRow(*values[:-1]) for values in found]
    if result.procedures_capped:
        # More procedures than listed: the shown page's own declarations are read separately.
        declared = {
            ave.agreement_id: ave
            for ave in GeneralApplicability.objects.filter(
                in_force_q(on), agreement_id__in=[row.pk for row in rows]
            ).order_by("applied_on", "pk")
        }
    # Party names of the shown page in one query of plain values (no party objects needed).
    parties: dict[int, list[str]] = {}
    for agreement_id, name in (
        CollectiveAgreement.parties.through.objects.filter(
            collectiveagreement_id__in=[row.pk for row in rows]
        )
        .order_by("agreementparty__name")
        .values_list("collectiveagreement_id", "agreementparty__name")
    ):
        parties.setdefault(agreement_id, []).append(name)
    for row, values in zip(rows, found, strict=True):
        _add_answer(
            result,
            row,
            parties=parties.get(row.pk, []),
            has_provisions=values[-1],
            declared=declared,
            on=on,
        )


def _with_provisions(queryset: QuerySet, on: datetime.date) -> QuerySet:
    """The agreements with `has_provisions`: single provisions (pay tables etc.) are recorded
    for the date (their page shows them). Read with the page's rows in the same statement (the
    provisions index, `tariffs_prov_lookup`, answers it per row)."""
    return queryset.annotate(
        has_provisions=Exists(Provision.objects.filter(in_force_q(on), agreement=OuterRef("pk")))
    )


def _add_answer(
    result: LookupResult,
    row: AgreementRow,
    *,
    parties: list[str],
    has_provisions: bool,
    declared: dict[int, GeneralApplicability],
    on: datetime.date,
) -> None:
    """One shown agreement of the answer's page."""
    result.agreements.append(
        AgreementAnswer(
            agreement=row,
            in_after_effect=row.valid_to is not None and row.valid_to < on,
            applicability=declared.get(row.pk),
            parties=parties,
            has_provisions=has_provisions,
        )
    )


# The shown agreements of answers from a code's register are kept in blocks of this many
# consecutive rows of the register (`_kept_agreements`).
KEPT_BLOCK = 64


class _KeptAgreement(NamedTuple):
    """What an answer from a code's register shows of an agreement, on any date: its row, its
    parties' names (alphabetical) and the days its provisions cover (`_spans`)."""

    row: AgreementRow
    parties: tuple[str, ...]
    provision_spans: tuple[tuple[int, int], ...]

    def has_provisions_on(self, day: int) -> bool:
        """`_with_provisions` for the day (an ordinal)."""
        return any(start <= day and (not end or end >= day) for start, end in self.provision_spans)


def _kept_agreements(
    sector: "_SectorRegister", *, wz: str, indexes: list[int]
) -> dict[int, _KeptAgreement]:
    """The public agreements at the rows `indexes` of a code's register, from the blocks of
    the register kept per register version in each process's memory (`CACHES["local"]`).

    What an answer shows of an agreement does not depend on the date, apart from whether
    provisions are recorded for it, which is answered from their periods; and answers of
    nearby dates show the same agreements or their neighbours in the register (newest
    first). So the register's rows are kept in blocks of KEPT_BLOCK consecutive rows: a page
    lies in one to three blocks, and a block not kept yet is read in two statements (the rows
    of its public agreements with their parties' names, and their provisions' periods). A
    write to the register moves the version: nothing kept is stale, not even after a bulk
    update without signals."""
    if not indexes:
        return {}
    cache = caches["local"]
    version = current_version()
    keys = {
        block: cache_key("kept-agreements", version, {"wz": wz, "block": block})
        for block in sorted({index // KEPT_BLOCK for index in indexes})
    }
    found = cache.get_many(list(keys.values()))
    kept: dict[int, _KeptAgreement] = {}
    for value in found.values():
        kept.update(value)
    # The public agreements of each block not kept yet, by their positions in the register.
    missing = {
        block: [
            index
            for index in range(block * KEPT_BLOCK, min((block + 1) * KEPT_BLOCK, len(sector.pks)))
            if sector.flags[index] & _PUBLIC
        ]
        for block, key in keys.items()
        if key not in found
    }
    if missing:
        read = _read_kept_agreements(
            [sector.pks[index] for rows in missing.values() for index in rows]
        )
        cache.set_many(
            {
                keys[block]: {sector.pks[index]: read[sector.pks[index]] for index in rows}
                for block, rows in missing.items()
            },
            CACHE_TIMEOUT,
        )
        kept.update(read)
    return kept


def _read_kept_agreements(pks: list[int]) -> dict[int, _KeptAgreement]:
    rows: dict[int, AgreementRow] = {}
    parties: dict[int, list[str]] = {}
    # One row per agreement and party (or one without a party), by name as the database sorts.
    for *values, party in (
        CollectiveAgreement.objects.filter(pk__in=pks)
        .order_by("pk", "parties__name")
        .values_list("pk", *ANSWER_FIELDS, "parties__name")
    ):
        row = rows.setdefault(values[0], AgreementRow(*values))
        names = parties.setdefault(row.pk, [])
        if party is not None:
            names.append(party)
    periods: dict[int, list[tuple[int, int]]] = {pk: [] for pk in rows}
    for agreement_id, valid_from, valid_to in (
        Provision.objects.filter(agreement_id__in=pks)
        .order_by()
        .values_list("agreement_id", "valid_from", "valid_to")
        .distinct()
    ):
        periods[agreement_id].append((valid_from.toordinal(), _ordinal(valid_to)))
    return {
        pk: _KeptAgreement(row=row, parties=tuple(parties[pk]), provision_spans=_spans(periods[pk]))
        for pk, row in rows.items()
    }


def _spans(periods: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """The days validity periods cover (ordinals, 0 for an open end; a period never ends
    before it starts, `tariffs_provision_period`) as disjoint spans, in order."""
    spans: list[list[int]] = []
    for start, end in sorted(periods):
        last = spans[-1] if spans else None
        if last is not None and (not last[1] or last[1] >= start - 1):
            if last[1] and (not end or end > last[1]):
                last[1] = end
        else:
            spans.append([start, end])
    return tuple((start, end) for start, end in spans)


# A WZ code's agreements up to this many are kept in memory per register version (the sum over
# all codes is bounded by the register: each agreement has a few codes); a larger set is
# answered by the database as before.
SECTOR_ROWS_LIMIT = 50_000
_AFTER_EFFECT = 1
_PUBLIC = 2


@dataclass(frozen=True)
class _SectorRegister:
    """What the register holds for one WZ code, of every date, newest first (valid_from, then
    key, descending): compact columns (dates as ordinals, 0 for none) that unpickle as one block
    each, and the AVE procedures of its public agreements with their agreements' positions."""

    pks: array
    valid_from: array
    valid_to: array
    successor_from: array  # when the successor (if any) came into force
    flags: array  # _AFTER_EFFECT | _PUBLIC
    procedures: list[GeneralApplicability]
    procedure_rows: list[int]

    def applies(self, index: int, on: int) -> bool:
        """`agreements_on` for the row at `index` (its valid_from <= on): in force, or in
        after-effect without a successor in force."""
        valid_to = self.valid_to[index]
        if not valid_to or valid_to >= on:
            return True
        successor = self.successor_from[index]
        return bool(self.flags[index] & _AFTER_EFFECT) and (not successor or successor > on)

    def public_applies(self, on: int) -> bool:
        """Whether a public agreement is in force or in after-effect on the day."""
        return any(
            self.flags[index] & _PUBLIC and self.applies(index, on)
            for index in range(self.first_started(on), len(self.pks))
        )

    def first_started(self, on: int) -> int:
        """The index of the newest row in force from `on` or earlier (rows before it start
        later)."""
        return bisect.bisect_left(self.valid_from, -on, key=lambda day: -day)


def _ordinal(day: datetime.date | None) -> int:
    return day.toordinal() if day else 0


@versioned("sector-register")
def _sector_register(*, wz: str) -> _SectorRegister | None:
    """The agreements of a WZ code (any date), kept under the register version: the key space
    is the WZ classification. None when there are more than SECTOR_ROWS_LIMIT.

    Each process keeps it in its memory; the first process to read a code after a register
    change also puts it into the shared cache, from which the others take it (one read of the
    register per code and version, not one per worker)."""
    key = cache_key("sector-register", current_version(), {"wz": wz})
    shared = caches["default"].get(key, _ABSENT)
    if shared is not _ABSENT:
        return shared
    register = _read_sector_register(wz)
    caches["default"].set(key, register, CACHE_TIMEOUT)
    return register


_ABSENT = object()


def _read_sector_register(wz: str) -> _SectorRegister | None:
    codes = wz_codes(wz)
    successor = CollectiveAgreement.objects.filter(predecessor=OuterRef("pk")).values("valid_from")[
        :1
    ]
    found = list(
        CollectiveAgreement.objects.filter(
            Exists(SectorCode.objects.filter(agreement=OuterRef("pk"), code__in=codes))
        )
        .annotate(successor_from=Subquery(successor))
        .order_by("-valid_from", "-pk")
        .values_list(
            "pk",
            "valid_from",
            "valid_to",
            "after_effect",
            "level",
            "confidential",
            "successor_from",
        )[: SECTOR_ROWS_LIMIT + 1]
    )
    if len(found) > SECTOR_ROWS_LIMIT:
        return None
    public = CollectiveAgreement.Level.SECTOR
    register = _SectorRegister(
        pks=array("q", [row[0] for row in found]),
        valid_from=array("l", [_ordinal(row[1]) for row in found]),
        valid_to=array("l", [_ordinal(row[2]) for row in found]),
        successor_from=array("l", [_ordinal(row[6]) for row in found]),
        flags=array(
            "b",
            [
                (_AFTER_EFFECT if row[3] else 0)
                | (_PUBLIC if row[4] == public and not row[5] else 0)
                for row in found
            ],
        ),
        procedures=[],
        procedure_rows=[],
    )
    if any(flag & _PUBLIC for flag in register.flags):
        procedures = list(
            GeneralApplicability.objects.filter(
                Exists(
                    SectorCode.objects.filter(agreement=OuterRef("agreement_id"), code__in=codes)
                ),
                agreement__level=public,
                agreement__confidential=False,
            ).order_by("pk")
        )
        titles = CollectiveAgreement.objects.only("register_number", "title")
        prefetch_related_objects(procedures, Prefetch("agreement", queryset=titles))
        position = {pk: index for index, pk in enumerate(register.pks)}
        register.procedures.extend(procedures)
        register.procedure_rows.extend(position[ave.agreement_id] for ave in procedures)
    return register


def _applied_order(ave: GeneralApplicability) -> tuple:
    """The database's `ORDER BY applied_on, pk` (PostgreSQL: no date last)."""
    return (ave.applied_on is None, ave.applied_on or datetime.date.min, ave.pk)


def _lookup_in_sector(
    result: LookupResult,
    *,
    sector: _SectorRegister,
    wz: str,
    on: datetime.date,
    page: int,
    per_page: int,
) -> None:
    """`tariff_lookup` for a WZ code alone, from the code's register in memory: the same
    counts (bounded as in the database), AVE procedures and page; the page's agreements from
    those kept per register version (`_kept_agreements`), the others in two queries.

    The rows are walked newest first from the date on, and the walk stops as soon as both
    counts passed their cap and the page is complete (as the database's bounded counts do)."""
    day = on.toordinal()
    offset = (page - 1) * per_page
    wanted = offset + per_page + 1
    public_rows: list[int] = []
    public = hidden = 0
    for index in range(sector.first_started(day), len(sector.pks)):
        if not sector.applies(index, day):
            continue
        if sector.flags[index] & _PUBLIC:
            if public < wanted:
                public_rows.append(index)
            public += 1
        else:
            hidden += 1
        if public > COUNT_CAP and public >= wanted and hidden > COUNT_CAP:
            break
    result.not_public = BoundedCount(value=min(hidden, COUNT_CAP), capped=hidden > COUNT_CAP)
    if not sector.pks:
        return
    result.agreement_count = BoundedCount(value=min(public, COUNT_CAP), capped=public > COUNT_CAP)
    procedures = sorted(
        (
            ave
            for ave, index in zip(sector.procedures, sector.procedure_rows, strict=True)
            if sector.valid_from[index] <= day
            and sector.applies(index, day)
            and (_declared_on(ave, on) or _pending_on(ave, on))
        ),
        key=_applied_order,
    )[: PROCEDURES_CAP + 1]
    result.procedures_capped = len(procedures) > PROCEDURES_CAP
    procedures = procedures[:PROCEDURES_CAP]
    declared = _procedures_sorted_into(result, procedures, on)
    shown = [sector.pks[index] for index in public_rows[offset:wanted]]
    result.has_next = len(shown) > per_page
    shown = shown[:per_page]
    kept = _kept_agreements(sector, wz=wz, indexes=public_rows[offset : offset + per_page])
    if result.procedures_capped:
        shown_ids = set(shown)
        declared = {
            ave.agreement_id: ave
            for ave in sorted(sector.procedures, key=_applied_order)
            if ave.agreement_id in shown_ids and _declared_on(ave, on)
        }
    for pk in shown:
        agreement = kept[pk]
        _add_answer(
            result,
            agreement.row,
            parties=list(agreement.parties),
            has_provisions=agreement.has_provisions_on(day),
            declared=declared,
            on=on,
        )


def public_agreement(*, register_number: str) -> CollectiveAgreement:
    """One public sector agreement by register number; DoesNotExist for anything hidden."""
    return (
        CollectiveAgreement.objects.filter(public_q())
        .prefetch_related(
            "parties",
            "codes",
            Prefetch(
                "applicabilities",
                queryset=GeneralApplicability.objects.order_by("applied_on", "pk"),
                to_attr="procedures",
            ),
        )
        .get(register_number=register_number)
    )


@dataclass
class AgreementOnDate:
    """An agreement's standing on a date and its provisions that applied then."""

    agreement: CollectiveAgreement
    on: datetime.date
    status: str  # CollectiveAgreement.status_on: not_yet, in_force, replaced, after_effect, ended
    applicability: GeneralApplicability | None
    provisions: list[Provision]
    successor: CollectiveAgreement | None

    @property
    def inquiry_params(self) -> str:
        return inquiry_params(sector=self.agreement.title)


@versioned("agreement")
def agreement_page(*, register_number: str, on: datetime.date) -> AgreementOnDate | None:
    """A public agreement's page on a date; None when there is no such public agreement."""
    try:
        agreement = public_agreement(register_number=register_number)
    except CollectiveAgreement.DoesNotExist:
        return None
    return agreement_on(agreement=agreement, on=on)


def agreement_on(*, agreement: CollectiveAgreement, on: datetime.date) -> AgreementOnDate:
    """What a public agreement said on a date: status, AVE, provisions in force.

    `agreement` comes from `public_agreement` (its AVE procedures prefetched as `procedures`).
    """
    # Any successor ends the after-effect; it is only named when it is public itself.
    successor = (
        CollectiveAgreement.objects.filter(predecessor=agreement)
        .only("register_number", "title", "valid_from", "level", "confidential")
        .first()
    )
    status = agreement.status_on(on, successor=successor)
    declared = None
    for ave in agreement.procedures:
        if _declared_on(ave, on):
            declared = ave
    provisions = list(
        agreement.provisions.filter(in_force_q(on)).order_by(
            "kind", "grade", "step", "training_year"
        )
    )
    return AgreementOnDate(
        agreement=agreement,
        on=on,
        status=status,
        applicability=declared,
        provisions=provisions,
        successor=successor if successor and successor.is_public else None,
    )


# --- checks ------------------------------------------------------------------------------------


@dataclass
class FloorCheck:
    label: str
    floor: Decimal
    below: bool
    difference: Decimal


@dataclass
class WageCheckResult:
    on: datetime.date
    amount: Decimal
    unit: str
    hours_per_week: Decimal | None
    hourly: Decimal
    monthly_hours: Decimal | None
    floors: list[FloorCheck]
    sector_agreements_exist: bool  # public sector agreements in force or in after-effect
    minimum_status: MinimumStatus = "none"
    minimum_last_end: datetime.date | None = None
    minimum_first_start: datetime.date | None = None
    query: str = ""
    wz: str = ""
    # False when the sector words were not understood: only the statutory floor was compared.
    sector_found: bool = True

    @property
    def minimum_gap(self) -> bool:
        return self.minimum_status == "gap"

    @property
    def below_any(self) -> bool:
        return any(item.below for item in self.floors)

    @property
    def verdict(self) -> Literal["below", "cannot_confirm", "not_below"]:
        """below: under a floor of the date. cannot_confirm: not under the floors the register
        knows, but the register cannot say which sector minimum applied (sector not found, or
        nothing registered after / before the date). not_below: under none of the floors."""
        if self.below_any:
            return "below"
        if not self.sector_found or self.minimum_status in UNCONFIRMED_STATUSES:
            return "cannot_confirm"
        return "not_below"

    @property
    def inquiry_params(self) -> str:
        return inquiry_params(sector=self.query, wz=self.wz)


def wage_check(
    *,
    amount: Decimal,
    unit: str,
    on: datetime.date,
    hours_per_week: Decimal | None = None,
    wz: str = "",
    query: str = "",
    territory: str = "",
) -> WageCheckResult:
    """Compare pay with the statutory and sector minimum wages on a date.

    Monthly pay is turned into hourly pay: monthly / (hours per week × 13/3). Only the floors
    are compared; for the note on sector agreements one EXISTS query is enough (the check
    never lists agreements).
    """
    amount = inputs.check_amount(Decimal(amount))
    monthly_hours = None
    if unit == "monthly":
        hours_per_week = inputs.check_hours(
            None if hours_per_week is None else Decimal(hours_per_week)
        )
        monthly_hours = hours_per_week * WEEKS_PER_MONTH
        hourly = amount / monthly_hours
    elif unit == "hourly":
        hourly = amount
    else:
        raise ValidationError(_("Bitte wählen Sie Stunden- oder Monatsentgelt."))
    sector, agreements_exist, understood = sector_facts(
        query=query, wz=wz, territory=territory, on=on
    )
    floors: list[FloorCheck] = []
    if sector.statutory:
        floors.append(_floor(_("Gesetzlicher Mindestlohn"), sector.statutory.amount, hourly))
    for item in sector.sector_minimums:
        for rate in item.rates:
            floors.append(
                _floor(f"{item.ordinance.sector_label}: {rate.category}", rate.amount, hourly)
            )
    return WageCheckResult(
        on=on,
        amount=amount,
        unit=unit,
        hours_per_week=hours_per_week if unit == "monthly" else None,
        hourly=hourly,
        monthly_hours=monthly_hours,
        floors=floors,
        sector_agreements_exist=agreements_exist,
        minimum_status=sector.minimum_status,
        minimum_last_end=sector.minimum_last_end,
        minimum_first_start=sector.minimum_first_start,
        query=query,
        wz=wz,
        sector_found=understood,
    )


@versioned("sector")
def sector_facts(
    *, query: str = "", wz: str = "", territory: str = "", on: datetime.date
) -> tuple[SectorFloors, bool, bool]:
    """The floors of a sector on a date, whether public sector agreements were in force
    or in after-effect then (the wage check only says so; it never lists agreements), and
    whether the sector words were understood at all."""
    synonyms = synonym_table() if query else {}
    floors = sector_floors(query=query, wz=wz, on=on, synonyms=synonyms)
    sector = _sector_register(wz=wz) if wz and not query and not territory else None
    if sector is not None:
        # A WZ code alone: its register in memory (as in `tariff_lookup`).
        exist = sector.public_applies(on.toordinal())
    else:
        exist = bool(query or wz) and (
            agreements_on(
                matching_agreements(query=query, wz=wz, territory=territory, synonyms=synonyms),
                on,
            )
            .filter(public_q())
            .exists()
        )
    understood = True
    if query and not wz and not exist and not floors.sector_minimums:
        understood = words_understood(
            query=query, ordinances_found=floors.ordinances_found, synonyms=synonyms
        )
    return floors, exist, understood


def _floor(label: str, floor: Decimal, hourly: Decimal) -> FloorCheck:
    below = money(hourly) < floor
    return FloorCheck(label=label, floor=floor, below=below, difference=money(floor - hourly))


@dataclass
class TraineeCheckResult:
    start_year: int
    training_year: int
    monthly_pay: Decimal
    minimum: Decimal
    met: bool
    difference: Decimal
    table: MinimumTraineePay


def trainee_pay_check(
    *, start_year: int, training_year: int, monthly_pay: Decimal
) -> TraineeCheckResult:
    """Minimum trainee pay (§ 17 BBiG): fixed by the year training starts."""
    if training_year not in (1, 2, 3, 4):
        raise ValidationError(_("Das Ausbildungsjahr muss zwischen 1 und 4 liegen."))
    inputs.check_start_year(start_year)
    monthly_pay = inputs.check_amount(Decimal(monthly_pay))
    table = trainee_minimum_for(start_year)
    if table is None:
        first = MinimumTraineePay.objects.order_by("start_year").first()
        if first and start_year < first.start_year:
            message = _(
                "Für einen Ausbildungsbeginn vor %(year)s gibt es keine "
                "gesetzliche Mindestvergütung."
            )
            raise ValidationError(message % {"year": first.start_year})
        raise ValidationError(
            _(
                "Die Mindestvergütung für einen Ausbildungsbeginn %(year)s ist "
                "noch nicht bekanntgegeben."
            )
            % {"year": start_year}
        )
    minimum = table.for_year(training_year)
    return TraineeCheckResult(
        start_year=start_year,
        training_year=training_year,
        monthly_pay=monthly_pay,
        minimum=minimum,
        met=monthly_pay >= minimum,
        difference=money(minimum - monthly_pay),
        table=table,
    )


# --- public lists and the desk's summary -------------------------------------------------------


def public_agreements() -> QuerySet:
    """Metadata of sector agreements that may be shown to anyone."""
    return (
        CollectiveAgreement.objects.filter(public_q())
        .prefetch_related("parties", "codes")
        .order_by("register_number")
    )


@versioned("agreement-list")
def public_agreement_page(
    *, query: str = "", wz: str = "", offset: int = 0, limit: int, cap: int
) -> tuple[BoundedCount, list[CollectiveAgreement]]:
    """A slice of the public agreements (matching words and/or WZ code) and their count up to
    `cap`, for the API list."""
    queryset = public_agreements()
    if query or wz:
        matching = matching_agreements(query=query, wz=wz)
        queryset = queryset.filter(pk__in=matching.values("pk"))
    count = bounded_count(queryset, cap=cap)
    return count, list(queryset[offset : offset + limit])
