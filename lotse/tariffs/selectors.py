"""Reads for the public Tarifauskunft, the API and the desk (no writes).

Public answers never show company agreements or confidential entries: they are only counted.
"""

import datetime
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from rapidfuzz import fuzz, process

from lotse.core.fulltext import query_stems
from lotse.core.fulltext_db import fulltext_match

from . import wz
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
)

CENT = Decimal("0.01")
WEEKS_PER_MONTH = Decimal(13) / Decimal(3)
FUZZY_CUTOFF = 85
NOT_PUBLIC_CAP = 1000
MAX_SHOWN = 50


def money(value: Decimal) -> Decimal:
    return Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)


# --- search terms ------------------------------------------------------------------------------


def query_alternatives(query: str) -> list[str]:
    """The query and the register terms its words stand for (synonyms, spelling variants)."""
    query = (query or "").strip()[:200]
    if not query:
        return []
    alternatives = [query]
    synonyms = dict(SectorSynonym.objects.values_list("term", "canonical"))
    lowered = {term.lower(): canonical for term, canonical in synonyms.items()}
    for word in query.split():
        canonical = lowered.get(word.lower())
        if canonical is None and len(word) >= 4:
            match = process.extractOne(
                word.lower(), list(lowered), scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF
            )
            canonical = lowered[match[0]] if match else None
        if canonical and canonical not in alternatives:
            alternatives.append(canonical)
    return alternatives


def _text_filter(queryset: QuerySet, query: str) -> QuerySet:
    condition = Q()
    found = False
    for alternative in query_alternatives(query):
        stems = query_stems(alternative)
        if stems:
            found = True
            condition |= Q(pk__in=fulltext_match(queryset.model.objects.all(), stems).values("pk"))
    return queryset.filter(condition) if found else queryset.none()


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


def _territory_filter(queryset: QuerySet, territory: str) -> QuerySet:
    """'' = anywhere; 'sachsen' = valid in Saxony; a region slug = valid in that district."""
    if not territory:
        return queryset
    condition = Q(territory__in=["federal", "saxony"]) | Q(
        territory="states", states__contains="14"
    )
    if territory != "sachsen":
        condition |= Q(territory="regions", regions__slug=territory)
    return queryset.filter(condition).distinct()


# --- the lookup --------------------------------------------------------------------------------


def in_force_q(on: datetime.date, prefix: str = "") -> Q:
    return Q(**{f"{prefix}valid_from__lte": on}) & (
        Q(**{f"{prefix}valid_to__isnull": True}) | Q(**{f"{prefix}valid_to__gte": on})
    )


def matching_agreements(*, query: str = "", wz: str = "", territory: str = "") -> QuerySet:
    """All agreements (any level) matching sector words, WZ code and territory."""
    queryset = CollectiveAgreement.objects.all()
    codes = wz_codes(wz)
    if codes:
        queryset = queryset.filter(
            Exists(SectorCode.objects.filter(agreement=OuterRef("pk"), code__in=codes))
        )
    if query:
        queryset = _text_filter(queryset, query)
    return _territory_filter(queryset, territory)


def agreements_on(queryset: QuerySet, on: datetime.date) -> QuerySet:
    """In force on the date, or in after-effect (expired, not yet replaced by a successor)."""
    # `predecessor__isnull=False` keeps PostgreSQL's hashed subplan to the few successors.
    successor_started = CollectiveAgreement.objects.filter(
        predecessor__isnull=False, predecessor=OuterRef("pk"), valid_from__lte=on
    )
    return queryset.filter(
        in_force_q(on)
        | (Q(valid_to__lt=on, after_effect=True, valid_from__lte=on) & ~Exists(successor_started))
    )


@dataclass
class AgreementAnswer:
    agreement: CollectiveAgreement
    in_after_effect: bool
    applicability: GeneralApplicability | None
    provisions: list[Provision]


@dataclass
class SectorMinimum:
    ordinance: MinimumWageOrdinance
    rates: list[MinimumWageRate]


@dataclass
class LookupResult:
    on: datetime.date
    query: str
    wz: str
    territory: str
    agreements: list[AgreementAnswer] = field(default_factory=list)
    not_public_count: int = 0
    sector_minimums: list[SectorMinimum] = field(default_factory=list)
    minimum_gap: bool = False  # sector minimums exist for the sector, but none on this date
    pending_applications: list[GeneralApplicability] = field(default_factory=list)
    statutory: StatutoryMinimumWage | None = None
    trainee_pay: MinimumTraineePay | None = None

    @property
    def not_public_capped(self) -> bool:
        return self.not_public_count > NOT_PUBLIC_CAP

    @property
    def nothing_registered(self) -> bool:
        return not (self.agreements or self.not_public_count or self.sector_minimums)

    @property
    def generally_binding(self) -> bool:
        return any(item.applicability for item in self.agreements) or bool(self.sector_minimums)


def statutory_minimum_on(on: datetime.date) -> StatutoryMinimumWage | None:
    return StatutoryMinimumWage.objects.filter(valid_from__lte=on).order_by("-valid_from").first()


def trainee_minimum_for(start_year: int) -> MinimumTraineePay | None:
    return MinimumTraineePay.objects.filter(start_year=start_year).first()


def matching_ordinances(*, query: str = "", wz: str = "") -> QuerySet:
    queryset = MinimumWageOrdinance.objects.all()
    codes = wz_codes(wz)
    if codes:
        queryset = queryset.filter(
            Exists(SectorCode.objects.filter(ordinance=OuterRef("pk"), code__in=codes))
        )
    if query:
        condition = Q()
        for alternative in query_alternatives(query):
            stems = query_stems(alternative)
            part = Q()
            for item in stems:
                part &= Q(search_document__contains=item)
            if stems:
                condition |= part
        queryset = queryset.filter(condition) if condition else queryset.none()
    return queryset


def tariff_lookup(
    *, query: str = "", wz: str = "", territory: str = "", on: datetime.date
) -> LookupResult:
    """The public answer for a sector (words and/or WZ code), a territory and a date."""
    result = LookupResult(on=on, query=query, wz=wz, territory=territory)
    result.statutory = statutory_minimum_on(on)
    result.trainee_pay = trainee_minimum_for(on.year)
    if not (query or wz):
        return result
    found = agreements_on(matching_agreements(query=query, wz=wz, territory=territory), on)
    public = found.filter(level="sector", confidential=False)
    # Counted up to a cap: the exact number of hidden entries is not worth a full scan.
    hidden = found.filter(Q(level="company") | Q(confidential=True)).order_by("pk").values("pk")
    result.not_public_count = hidden[: NOT_PUBLIC_CAP + 1].count()
    rows = (
        public.prefetch_related(
            "parties",
            Prefetch(
                "applicabilities",
                queryset=GeneralApplicability.objects.order_by("applied_on"),
                to_attr="procedures",
            ),
            Prefetch(
                "provisions",
                queryset=Provision.objects.filter(in_force_q(on)).order_by(
                    "kind", "grade", "step", "training_year"
                ),
                to_attr="current_provisions",
            ),
        )
        .select_related("predecessor")
        # pk order lets the database stop after MAX_SHOWN matches (index on code, agreement);
        # the page sorts the shown ones by title.
        .order_by("pk")[:MAX_SHOWN]
    )
    for agreement in sorted(rows, key=lambda row: row.title):
        declared = None
        for ave in agreement.procedures:
            if (
                ave.valid_from
                and ave.valid_from <= on
                and (ave.valid_to is None or ave.valid_to >= on)
            ):
                declared = ave
            elif (
                ave.status in ("applied_for", "committee", "rejected", "withdrawn")
                and ave.applied_on
                and ave.applied_on <= on
            ):
                result.pending_applications.append(ave)
        result.agreements.append(
            AgreementAnswer(
                agreement=agreement,
                in_after_effect=agreement.valid_to is not None and agreement.valid_to < on,
                applicability=declared,
                provisions=agreement.current_provisions,
            )
        )
    ordinances = matching_ordinances(query=query, wz=wz)
    current = ordinances.filter(in_force_q(on)).prefetch_related(
        Prefetch(
            "rates",
            queryset=MinimumWageRate.objects.filter(in_force_q(on)).order_by("amount"),
            to_attr="current_rates",
        )
    )
    result.sector_minimums = [
        SectorMinimum(ordinance=item, rates=item.current_rates) for item in current
    ]
    result.minimum_gap = not result.sector_minimums and ordinances.exists()
    return result


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
    lookup: LookupResult

    @property
    def below_any(self) -> bool:
        return any(item.below for item in self.floors)


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

    Monthly pay is turned into hourly pay: monthly / (hours per week × 13/3).
    """
    amount = Decimal(amount)
    if amount < 0:
        raise ValidationError(_("Der Betrag darf nicht negativ sein."))
    monthly_hours = None
    if unit == "monthly":
        if not hours_per_week or Decimal(hours_per_week) <= 0 or Decimal(hours_per_week) > 60:
            raise ValidationError(
                _(
                    "Für ein Monatsentgelt geben Sie bitte die Wochenstunden an "
                    "(mehr als 0, höchstens 60)."
                )
            )
        monthly_hours = Decimal(hours_per_week) * WEEKS_PER_MONTH
        hourly = amount / monthly_hours
    elif unit == "hourly":
        hourly = amount
    else:
        raise ValidationError(_("Bitte wählen Sie Stunden- oder Monatsentgelt."))
    lookup = tariff_lookup(query=query, wz=wz, territory=territory, on=on)
    floors: list[FloorCheck] = []
    if lookup.statutory:
        floors.append(_floor(_("Gesetzlicher Mindestlohn"), lookup.statutory.amount, hourly))
    for item in lookup.sector_minimums:
        for rate in item.rates:
            floors.append(
                _floor(f"{item.ordinance.sector_label}: {rate.category}", rate.amount, hourly)
            )
    return WageCheckResult(
        on=on,
        amount=amount,
        unit=unit,
        hours_per_week=Decimal(hours_per_week) if hours_per_week else None,
        hourly=hourly,
        monthly_hours=monthly_hours,
        floors=floors,
        lookup=lookup,
    )


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
    if Decimal(monthly_pay) < 0:
        raise ValidationError(_("Die Vergütung darf nicht negativ sein."))
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
    monthly_pay = Decimal(monthly_pay)
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
        CollectiveAgreement.objects.filter(level="sector", confidential=False)
        .prefetch_related("parties", "codes")
        .order_by("register_number")
    )


def _euro(value: Decimal) -> str:
    text = f"{money(value):,.2f}"
    return text.replace(",", "X").replace(".", ",").replace("X", ".") + " €"


def lookup_summary(
    *, query: str = "", wz: str = "", on: datetime.date, language: str = "de"
) -> str:
    """A short plain-text answer for the inquiry desk, ending with the as-of date and the note
    that it is information, not legal advice."""
    with translation.override(language):
        result = tariff_lookup(query=query, wz=wz, on=on)
        lines: list[str] = []
        if result.agreements:
            lines.append(_("Branchentarifverträge an diesem Tag:"))
            for item in result.agreements:
                status = _("in Nachwirkung") if item.in_after_effect else _("in Kraft")
                binding = (
                    _("allgemeinverbindlich")
                    if item.applicability
                    else _("nicht allgemeinverbindlich")
                )
                lines.append(f"- {item.agreement.title} ({status}, {binding})")
        elif query or wz:
            lines.append(
                _("Für diese Branche ist an diesem Tag kein Branchentarifvertrag registriert.")
            )
        if result.not_public_count:
            lines.append(
                _(
                    "Außerdem %(count)s Firmentarifverträge oder vertrauliche Einträge "
                    "(nicht einsehbar)."
                )
                % {"count": result.not_public_count}
            )
        for item in result.sector_minimums:
            rates = ", ".join(f"{rate.category} {_euro(rate.amount)}" for rate in item.rates)
            lines.append(
                _("Branchenmindestlohn (%(sector)s): %(rates)s")
                % {"sector": item.ordinance.sector_label, "rates": rates}
            )
        if result.minimum_gap:
            lines.append(
                _(
                    "An diesem Tag galt kein Branchenmindestlohn (Lücke); "
                    "es gilt der gesetzliche Mindestlohn."
                )
            )
        if result.statutory:
            lines.append(
                _("Gesetzlicher Mindestlohn: %(amount)s je Stunde")
                % {"amount": _euro(result.statutory.amount)}
            )
        if result.trainee_pay:
            lines.append(
                _("Mindestausbildungsvergütung bei Beginn %(year)s: %(amounts)s")
                % {
                    "year": result.trainee_pay.start_year,
                    "amounts": ", ".join(
                        f"{n}. " + _("Jahr") + f" {_euro(result.trainee_pay.for_year(n))}"
                        for n in range(1, 5)
                    ),
                }
            )
        lines.append(
            _("Stand: %(date)s. Dies ist eine Information, keine Rechtsberatung.")
            % {"date": date_format(on, "d.m.Y")}
        )
        return "\n".join(lines)
