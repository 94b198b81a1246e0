"""Open API of the Wegweiser: the published check versions and a stateless evaluation.

`POST /checks/evaluate` runs the same validation and the same plan as the public pages
(`services.check_evaluate` → `selectors.check_plan`) and stores nothing: no check, no token,
no answers. Offers, contacts and events are returned as ids and addresses of their public pages.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from ninja import Field, Query, Router, Schema, Status

from lotse.core.links import absolute_url
from lotse.core.pagination import Page, PageParams, page_of

from . import selectors, services
from .models import SIZE_ORDER, Answer
from .selectors import Measure, ModuleResult

router = Router(tags=["Wegweiser für Betriebe"])

MAX_ANSWERS = 500  # far more than any version has questions (7 modules × ≤ 15)


class AnswerOptionOut(Schema):
    value: str
    label: str


class QuestionOut(Schema):
    key: str
    text: str
    why: str
    weight: int
    legal_duty: bool
    legal_basis: str
    legal_checked_on: datetime.date | None
    size_classes: list[str] = Field(description="nur für diese Größenklassen (leer: alle)")
    wz_sections: list[str] = Field(description="nur für diese WZ-2008-Abschnitte (leer: alle)")
    article_slug: str


class ModuleOut(Schema):
    key: str
    kind: str = Field(description="questions oder tariff (beantwortet von der Tarifauskunft)")
    title: str
    intro: str
    topic_field: str
    questions: list[QuestionOut]


class VersionOut(Schema):
    number: int
    published_at: datetime.datetime
    size_classes: list[str]
    answer_options: list[AnswerOptionOut]
    modules: list[ModuleOut]

    @staticmethod
    def resolve_size_classes(obj) -> list[str]:
        return list(SIZE_ORDER)

    @staticmethod
    def resolve_answer_options(obj) -> list[dict]:
        return [{"value": value, "label": str(label)} for value, label in Answer.choices]


@router.get(
    "",
    response=Page[VersionOut],
    url_name="check_versions",
    summary="Veröffentlichte Check-Versionen mit Modulen, Fragen und Antwortmöglichkeiten",
)
def check_versions(request: HttpRequest, params: Query[PageParams]) -> dict:
    return page_of(request, selectors.versions_published(), params)


class EvaluateIn(Schema):
    version: int | None = Field(
        None, ge=1, le=100_000, description="Versionsnummer (leer: neueste)"
    )
    size_class: str = Field(max_length=10, description="1-9, 10-49, 50-249 oder 250+")
    district: str = Field(max_length=80, description="Kennung des Landkreises, z. B. zwickau")
    modules: list[str] | None = Field(
        None, max_length=50, description="Kennungen der Module (leer: alle)"
    )
    sector_query: str = Field("", max_length=200, description="Branche in Worten")
    wz_code: str = Field("", max_length=12, description="WZ-Code der WZ 2008 oder WZ 2025")
    answers: dict[str, str] = Field(
        default_factory=dict,
        max_length=MAX_ANSWERS,
        description="Antwort je Fragen-Kennung (ja, teilweise, nein, weiss_nicht, trifft_nicht_zu)",
    )


class LinkOut(Schema):
    id: int
    title: str
    url: str


class ReasonOut(Schema):
    question: str
    answer: str


class MeasureOut(Schema):
    key: str
    module: str
    title: str
    why: str
    first_step: str
    legal_duty: bool
    legal_bases: list[str]
    topic_field: str
    reasons: list[ReasonOut]
    offers: list[LinkOut]
    no_offer_in_district: bool
    contacts: list[LinkOut]
    events: list[LinkOut]
    article_url: str


class ModuleResultOut(Schema):
    key: str
    chosen: bool
    complete: bool
    answered: int
    total: int
    score: int | None
    band: str | None = Field(description="gut, ausbaufaehig oder dringend")
    open_legal_duties: list[str]
    tariff_agreements: int | None = Field(description="Tarif: Branchentarifverträge in Kraft")
    tariff_generally_binding: bool | None = Field(
        description="Tarif: allgemeinverbindlich oder Branchenmindestlohn"
    )


class EvaluateOut(Schema):
    version: int
    on: datetime.date
    stored: bool = Field(description="immer false: die Auswertung speichert nichts")
    modules: list[ModuleResultOut]
    measures: list[MeasureOut]


def _module_out(item: ModuleResult) -> dict:
    return {
        "key": item.module.key,
        "chosen": item.chosen,
        "complete": item.complete,
        "answered": item.answered,
        "total": item.total,
        "score": item.score,
        "band": item.band,
        "open_legal_duties": [question.key for question in item.duty_breaches],
        "tariff_agreements": item.tariff.agreement_count.value if item.tariff else None,
        "tariff_generally_binding": item.tariff.generally_binding if item.tariff else None,
    }


def _measure_out(measure: Measure) -> dict:
    return {
        "key": measure.key,
        "module": measure.module.key,
        "title": measure.title,
        "why": measure.why,
        "first_step": measure.first_step,
        "legal_duty": measure.legal,
        "legal_bases": measure.legal_bases,
        "topic_field": measure.topic_field,
        "reasons": [
            {"question": reason.question.key, "answer": reason.answer} for reason in measure.reasons
        ],
        "offers": [
            {
                "id": offer.pk,
                "title": offer.title,
                "url": absolute_url(offer.detail_url),
            }
            for offer in measure.offers
        ],
        "no_offer_in_district": not measure.offers,
        "contacts": [
            {
                "id": actor.pk,
                "title": actor.name,
                "url": absolute_url(actor.detail_url),
            }
            for actor in measure.contacts
        ],
        "events": [
            {
                "id": event.pk,
                "title": event.title,
                "url": absolute_url(event.detail_url),
            }
            for event in measure.events
        ],
        "article_url": absolute_url(measure.article_url) if measure.article_url else "",
    }


class ErrorOut(Schema):
    loc: list[str]
    msg: str
    type: str


class ErrorsOut(Schema):
    detail: list[ErrorOut]


def _unprocessable(error: ValidationError) -> Status:
    """422 in the shape of the API's parameter errors, each wrong field named, in German."""
    if hasattr(error, "error_dict"):
        detail = [
            {"loc": ["body", "payload", name], "msg": message, "type": "value_error"}
            for name, messages in error.message_dict.items()
            for message in messages
        ]
    else:
        detail = [
            {"loc": ["body", "payload"], "msg": message, "type": "value_error"}
            for message in error.messages
        ]
    return Status(422, {"detail": detail})


@router.post(
    "/evaluate",
    response={200: EvaluateOut, 422: ErrorsOut},
    url_name="check_evaluate",
    summary="Profil und Antworten auswerten: Ergebnis je Modul und Plan (speichert nichts)",
)
def check_evaluate(request: HttpRequest, payload: EvaluateIn):
    if payload.version is None:
        version = selectors.version_current()
    else:
        version = selectors.version_by_number(number=payload.version)
    if version is None:
        return _unprocessable(
            ValidationError(
                {"version": ["Diese Check-Version gibt es nicht (oder nicht öffentlich)."]}
            )
        )
    profile = services.Profile(
        size_class=payload.size_class,
        district=selectors.district_by_slug(slug=payload.district),
        modules=tuple(payload.modules)
        if payload.modules is not None
        else tuple(module.key for module in version.modules.all()),
        sector_query=payload.sector_query.strip(),
        wz_code=payload.wz_code.upper().replace(" ", ""),
    )
    try:
        plan = services.check_evaluate(version=version, profile=profile, answers=payload.answers)
    except ValidationError as error:
        return _unprocessable(error)
    return Status(
        200,
        {
            "version": version.number,
            "on": plan.on,
            "stored": False,
            "modules": [_module_out(item) for item in plan.modules],
            "measures": [_measure_out(measure) for measure in plan.measures],
        },
    )
