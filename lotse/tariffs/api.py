"""Open API of the Tarifauskunft: public metadata and answers only.

Never returned: company agreements (only counted), confidential entries, original documents,
the texts of agreements.
"""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from lotse.core.links import absolute_url
from lotse.core.pagination import Page, PageParams, page_response

from . import inputs, selectors
from .selectors import COUNT_CAP, MAX_PAGE, PAGE_SIZE
from .versioning import pin_version

router = Router(tags=["Tarifauskunft"])

# The list counts its matches up to this many (a count of every public agreement of the register
# would scan it on every request); `count_capped` says when there are more.
LIST_COUNT_CAP = 1000
NOTE = "Dies ist eine Information, keine Rechtsberatung."


def _error(exc: ValidationError) -> HttpError:
    return HttpError(422, " ".join(exc.messages))


class PartyOut(Schema):
    name: str
    kind: str = Field(description="union, employers_association oder employer")


class AgreementOut(Schema):
    register_number: str
    title: str
    kind: str
    territory: str = Field(description="federal, states, saxony oder regions")
    concluded_on: datetime.date
    valid_from: datetime.date
    valid_to: datetime.date | None
    after_effect: bool = Field(description="Nachwirkung bis zur Ablösung")
    parties: list[PartyOut]
    wz_codes: list[str] = Field(description="WZ 2008 und WZ 2025 (über die Umsteigetabelle)")
    url: str = Field(description="Seite des Tarifvertrags in der Tarifauskunft")

    @staticmethod
    def resolve_url(obj) -> str:
        return absolute_url(reverse("tariffs:agreement", args=[obj.register_number]))

    @staticmethod
    def resolve_wz_codes(obj) -> list[str]:
        return sorted(f"{item.version}:{item.code}" for item in obj.codes.all())


class AgreementQuery(PageParams):
    q: str = Field(
        "", max_length=200, description="Branche in Worten (mit Synonymen) oder Tarifpartei"
    )
    wz: str = Field("", max_length=20, description="WZ-Code der WZ 2008 oder WZ 2025")


@router.get(
    "/agreements",
    response=Page[AgreementOut],
    url_name="agreement_list",
    summary=f"Branchentarifverträge (Metadaten; gezählt bis {LIST_COUNT_CAP})",
)
@pin_version
def agreements_list(request, params: Query[AgreementQuery]):
    """Registrierte Branchentarifverträge, ohne Firmentarifverträge und vertrauliche Einträge."""
    try:
        count, items = selectors.public_agreement_page(
            query=params.q,
            wz=params.wz,
            offset=params.offset,
            limit=params.limit,
            cap=LIST_COUNT_CAP,
        )
    except ValidationError as exc:
        raise _error(exc) from exc
    return page_response(
        request,
        items=items,
        count=count.value,
        capped=count.capped,
        limit=params.limit,
        offset=params.offset,
    )


class RateOut(Schema):
    category: str
    amount: Decimal = Field(description="€ je Stunde")
    valid_from: datetime.date
    valid_to: datetime.date | None


class SectorMinimumOut(Schema):
    title: str
    sector: str
    basis: str
    valid_from: datetime.date
    valid_to: datetime.date | None
    rates: list[RateOut]


class AgreementAnswerOut(Schema):
    register_number: str
    title: str
    in_after_effect: bool
    generally_binding: bool
    provisions_recorded: bool = Field(
        description="Einzelne Bestimmungen (z. B. Entgelttabellen) sind für den Tag erfasst"
    )


ANSWER_KIND = (
    "not_found: die Wörter sind unbekannt (siehe suggestions); registered: an diesem Tag ist "
    "etwas registriert; nothing_after: nichts an diesem Tag und nach dem Ende des letzten "
    "Eintrags (last_end) nichts mehr registriert – die Auskunft kann unvollständig sein; "
    "nothing_registered: die Branche ist bekannt, an diesem Tag ist nichts registriert"
)
MINIMUM_STATUS = (
    "in_force: Branchenmindestlohn gilt; gap: registrierte Lücke zwischen zwei Verordnungen; "
    "nothing_after: nach sector_minimum_last_end nichts registriert (unvollständig möglich); "
    "nothing_before: erst ab sector_minimum_first_start registriert; none: nichts registriert"
)


class FloorsOut(Schema):
    date: datetime.date
    statutory_minimum_wage: Decimal | None = Field(description="€ brutto je Stunde (MiLoG)")
    minimum_trainee_pay: dict[str, Decimal] | None = Field(
        description="§ 17 BBiG: Ausbildungsbeginn in diesem Jahr, je Ausbildungsjahr (€/Monat)"
    )
    as_of: str
    note: str


class LookupOut(FloorsOut):
    agreements: list[AgreementAnswerOut] = Field(
        description="Eine Seite der Branchentarifverträge (zuletzt in Kraft getretene zuerst)"
    )
    page: int
    per_page: int
    has_next: bool
    agreements_count: int = Field(
        description=f"Branchentarifverträge in Kraft oder Nachwirkung, gezählt bis {COUNT_CAP}"
    )
    agreements_count_capped: bool = Field(description=f"true: mehr als {COUNT_CAP}")
    generally_binding: bool = Field(
        description="An diesem Tag ist ein passender Tarifvertrag allgemeinverbindlich "
        "oder ein Branchenmindestlohn in Kraft (über alle Seiten)"
    )
    company_or_confidential_count: int = Field(
        description=f"Firmentarifverträge und vertrauliche Einträge, gezählt bis {COUNT_CAP}"
    )
    company_or_confidential_count_capped: bool = Field(description=f"true: mehr als {COUNT_CAP}")
    sector_minimums: list[SectorMinimumOut]
    sector_minimum_gap: bool
    sector_minimum_status: str = Field(description=MINIMUM_STATUS)
    sector_minimum_last_end: datetime.date | None
    sector_minimum_first_start: datetime.date | None
    answer_kind: str = Field(description=ANSWER_KIND)
    last_end: datetime.date | None = Field(
        description="nothing_after: letzter Tag, für den ein Eintrag der Branche registriert ist"
    )
    suggestions: list[str] = Field(description="not_found: Begriffe des Registers")
    nothing_registered: bool


class LookupQuery(Schema):
    q: str = Field("", description="Branche in Worten")
    wz: str = Field("", description="WZ-Code der WZ 2008 oder WZ 2025")
    territory: str = Field("", description="'' (alle), 'sachsen' oder Kennung eines Kreises")
    date: datetime.date | None = Field(None, description="Stand; Standard: heute")
    page: int = Field(1, ge=1, le=MAX_PAGE, description=f"Seite zu je {PAGE_SIZE} Verträgen")


def _as_of(on: datetime.date) -> str:
    """The as-of line ("Stand: 15.11.2025"): sentence from the template, date localised."""
    return render_to_string("tariffs/as_of.txt", {"on": on}).strip()


def _floors(on: datetime.date, *, statutory=None, trainee=None, known: bool = False) -> dict:
    """The floors part of an answer; `known`: statutory and trainee were read already."""
    if not known:
        statutory = selectors.statutory_minimum_on(on)
        trainee = selectors.trainee_minimum_for(on.year)
    return {
        "date": on,
        "statutory_minimum_wage": statutory.amount if statutory else None,
        "minimum_trainee_pay": {str(n): amount for n, amount in trainee.years} if trainee else None,
        "as_of": _as_of(on),
        "note": NOTE,
    }


@router.get("/lookup", response=LookupOut, summary="Tarifauskunft für Branche und Datum")
@pin_version
def lookup(request, params: Query[LookupQuery]):
    query, code = inputs.clean_text(params.q), inputs.clean_text(params.wz)
    if not (query or code):
        raise HttpError(422, "Bitte nennen Sie eine Branche (q) oder einen WZ-Code (wz).")
    try:
        on = inputs.check_date(params.date or timezone.localdate())
        result = selectors.tariff_lookup(
            query=query,
            wz=code,
            territory=inputs.clean_text(params.territory, limit=100),
            on=on,
            page=params.page,
        )
    except ValidationError as exc:
        raise _error(exc) from exc
    return {
        **_floors(on, statutory=result.statutory, trainee=result.trainee_pay, known=True),
        "agreements": [
            {
                "register_number": item.agreement.register_number,
                "title": item.agreement.title,
                "in_after_effect": item.in_after_effect,
                "generally_binding": item.applicability is not None,
                "provisions_recorded": item.has_provisions,
            }
            for item in result.agreements
        ],
        "page": result.page,
        "per_page": result.per_page,
        "has_next": result.has_next,
        "agreements_count": result.agreement_count.value,
        "agreements_count_capped": result.agreement_count.capped,
        "generally_binding": result.generally_binding,
        "company_or_confidential_count": result.not_public.value,
        "company_or_confidential_count_capped": result.not_public.capped,
        "sector_minimums": [
            {
                "title": item.ordinance.title,
                "sector": item.ordinance.sector_label,
                "basis": item.ordinance.basis,
                "valid_from": item.ordinance.valid_from,
                "valid_to": item.ordinance.valid_to,
                "rates": item.rates,
            }
            for item in result.sector_minimums
        ],
        "sector_minimum_gap": result.minimum_gap,
        "sector_minimum_status": result.minimum_status,
        "sector_minimum_last_end": result.minimum_last_end,
        "sector_minimum_first_start": result.minimum_first_start,
        "answer_kind": result.answer_kind,
        "last_end": result.last_end,
        "suggestions": result.suggestions,
        "nothing_registered": result.nothing_registered,
    }


@router.get("/minimum-wage", response=FloorsOut, summary="Gesetzliche Untergrenzen an einem Tag")
@pin_version
def minimum_wage(request, date: datetime.date | None = None):
    """Gesetzlicher Mindestlohn und Mindestausbildungsvergütung (Beginn im Jahr des Datums)."""
    try:
        on = inputs.check_date(date or timezone.localdate())
    except ValidationError as exc:
        raise _error(exc) from exc
    return _floors(on)


class FloorCheckOut(Schema):
    label: str
    floor: Decimal
    below: bool
    difference: Decimal


class WageCheckOut(Schema):
    date: datetime.date
    hourly: Decimal = Field(description="Stundenlohn (Monatsentgelt ÷ (Wochenstunden × 13/3))")
    monthly_hours: Decimal | None
    below_any: bool
    verdict: str = Field(
        description="below: unter einer Untergrenze; not_below: unter keiner; cannot_confirm: "
        "unter keiner bekannten, aber die Branche wurde nicht gefunden oder das Register "
        "enthält für den Tag keinen Branchenmindestlohn-Eintrag (danach/davor nichts erfasst)"
    )
    sector_found: bool = Field(description="false: die Wörter (q) sind unbekannt")
    sector_minimum_status: str = Field(description=MINIMUM_STATUS)
    sector_minimum_last_end: datetime.date | None
    sector_minimum_first_start: datetime.date | None
    floors: list[FloorCheckOut]
    as_of: str
    note: str


class WageCheckQuery(Schema):
    # Amounts are read as text and parsed like on the page ("13.50", "13,50", "2.300"), so that
    # every bad number gets the same German message (422) and none reaches the arithmetic.
    amount: str = Field(
        description="Bruttoentgelt in Euro, 0 bis 1.000.000 (z. B. 13.50, 13,50 oder 2.300)"
    )
    unit: str = Field("hourly", description="hourly oder monthly")
    hours_per_week: str = Field("", description="nur bei unit=monthly: 1 bis 60")
    q: str = ""
    wz: str = ""
    date: datetime.date | None = Field(None, description="Stand (1949 bis 2100); Standard: heute")


@router.get("/wage-check", response=WageCheckOut, summary="Lohn mit Mindestlöhnen vergleichen")
@pin_version
def wage_check(request, params: Query[WageCheckQuery]):
    try:
        on = inputs.check_date(params.date or timezone.localdate())
        amount = inputs.parse_amount(params.amount)
        if amount is None:
            raise ValidationError(_("Bitte geben Sie einen Betrag in Euro an, z. B. 12,50."))
        hours = None
        if params.unit == "monthly":
            try:
                hours = inputs.parse_amount(params.hours_per_week)
            except ValidationError as exc:
                raise ValidationError(inputs.hours_message()) from exc
        result = selectors.wage_check(
            amount=amount,
            unit=params.unit,
            hours_per_week=hours,
            wz=inputs.clean_text(params.wz),
            query=inputs.clean_text(params.q),
            on=on,
        )
    except ValidationError as exc:
        raise _error(exc) from exc
    return {
        "date": on,
        "hourly": selectors.money(result.hourly),
        "monthly_hours": selectors.money(result.monthly_hours) if result.monthly_hours else None,
        "below_any": result.below_any,
        "verdict": result.verdict,
        "sector_found": result.sector_found,
        "sector_minimum_status": result.minimum_status,
        "sector_minimum_last_end": result.minimum_last_end,
        "sector_minimum_first_start": result.minimum_first_start,
        "floors": result.floors,
        "as_of": _as_of(on),
        "note": NOTE,
    }


class TraineeCheckQuery(Schema):
    # Read as text and parsed like on the page, so every bad value gets a German message (422).
    start_year: str = Field(description="Jahr des Ausbildungsbeginns, 2000 bis 2100")
    training_year: str = Field(description="Ausbildungsjahr, 1 bis 4")
    monthly_pay: str = Field(
        description="Vergütung in Euro je Monat (brutto), 0 bis 1.000.000 (z. B. 850 oder 850,50)"
    )


class TraineeCheckOut(Schema):
    start_year: int
    training_year: int
    monthly_pay: Decimal
    minimum: Decimal = Field(description="Mindestausbildungsvergütung (§ 17 BBiG), € je Monat")
    met: bool
    difference: Decimal = Field(description="Mindestvergütung minus Vergütung (€)")
    note: str


@router.get(
    "/trainee-pay-check",
    response=TraineeCheckOut,
    summary="Ausbildungsvergütung mit der Mindestausbildungsvergütung vergleichen",
)
@pin_version
def trainee_pay_check(request, params: Query[TraineeCheckQuery]):
    """Die Mindestvergütung richtet sich nach dem Jahr, in dem die Ausbildung beginnt."""
    try:
        start_year = inputs.parse_start_year(params.start_year)
        training_year = inputs.parse_training_year(params.training_year)
        pay = inputs.parse_amount(params.monthly_pay)
        if pay is None:
            raise ValidationError(_("Bitte geben Sie einen Betrag in Euro an, z. B. 12,50."))
        result = selectors.trainee_pay_check(
            start_year=start_year, training_year=training_year, monthly_pay=pay
        )
    except ValidationError as exc:
        raise _error(exc) from exc
    return {
        "start_year": result.start_year,
        "training_year": result.training_year,
        "monthly_pay": result.monthly_pay,
        "minimum": result.minimum,
        "met": result.met,
        "difference": result.difference,
        "note": NOTE,
    }
