"""Open data of the Einwanderungs-Check: the parameters in force on a date, and the evaluation.

Both take `lang` (de, en, uk, ar, ru, vi, es): the texts of the answer and the messages of a 422
are in that language. Inputs are checked by the same form as the pages, so the API and the pages
accept and refuse the same answers.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import timezone, translation
from ninja import Field, Router, Schema

from lotse.core.links import absolute_url
from lotse.core.versioning import versions_pinned

from . import presenters, selectors
from .forms import CheckForm, citizenship_value
from .models import CHECK_LANGUAGES
from .rules import thresholds_from

router = Router(tags=["Einwanderungs-Check"])
LANGUAGE_CODES = tuple(code for code, _name in CHECK_LANGUAGES)


def _language(value: str | None) -> str:
    return value if value in LANGUAGE_CODES else "de"


def _unprocessable(request: HttpRequest, errors: list[dict]) -> HttpResponse:
    """422 with the messages in the check's language (as the project's handler shapes them)."""
    return JsonResponse({"detail": errors}, status=422)


class ParameterOut(Schema):
    key: str
    label: str
    value: Decimal
    unit: str
    valid_from: datetime.date
    valid_to: datetime.date | None
    legal_reference: str
    source_url: str
    checked_on: datetime.date


class ThresholdsOut(Schema):
    blue_card: Decimal | None = Field(description="§ 18g Abs. 1 Satz 1: 50 % der BBG")
    blue_card_reduced: Decimal | None = Field(description="§ 18g Abs. 1 Satz 2: 45,3 % der BBG")
    experience: Decimal | None = Field(description="§ 6 BeschV: 45 % der BBG")
    older: Decimal | None = Field(description="§ 18 Abs. 2 Nr. 5: 55 % der BBG ab 45 Jahren")


class ParametersOut(Schema):
    date: datetime.date
    rules_date: datetime.date | None
    parameters: list[ParameterOut]
    thresholds: ThresholdsOut


@router.get(
    "/parameters",
    response={200: ParametersOut, 422: dict},
    summary="Regel-Parameter an einem Tag, mit Quellen",
)
def parameters(request: HttpRequest, date: str | None = None, lang: str | None = None):
    """The published parameters in force on `date` (JJJJ-MM-TT, default today), with their
    legal basis, source and the date each was checked, and the thresholds derived from them."""
    language = _language(lang)
    with translation.override(language):
        try:
            on = datetime.date.fromisoformat(date) if date else timezone.localdate()
        except ValueError:
            form = CheckForm({"on": date or ""})
            form.is_valid()
            message = " ".join(str(e) for e in form.errors.get("on", [])) or "?"
            return _unprocessable(
                request, [{"loc": ["query", "date"], "msg": message, "type": "date_parsing"}]
            )
        rows = list(selectors.parameters_in_force(on=on))
        values = {row.key: row.value for row in rows}
        t = thresholds_from(values)
        return {
            "date": on,
            "rules_date": max((row.checked_on for row in rows), default=None),
            "parameters": [
                {
                    "key": row.key,
                    "label": str(row.get_key_display()),
                    "value": row.value,
                    "unit": row.unit,
                    "valid_from": row.valid_from,
                    "valid_to": row.valid_to,
                    "legal_reference": row.legal_reference,
                    "source_url": row.source_url,
                    "checked_on": row.checked_on,
                }
                for row in rows
            ],
            "thresholds": {
                "blue_card": t.blue_card,
                "blue_card_reduced": t.blue_card_reduced,
                "experience": t.experience,
                "older": t.older,
            },
        }


Scalar = str | int | float | bool | None


class EvaluateIn(Schema):
    """The answers, as in the form; every field but citizenship and qualification optional."""

    lang: Scalar = Field(None, description="de, en, uk, ar, ru, vi oder es")
    audience: Scalar = Field("person", description="person oder employer")
    on: Scalar = Field(None, description="Geplantes Antragsdatum JJJJ-MM-TT (Standard: heute)")
    citizenship: Scalar = Field(None, description="ISO-3166-Code (zwei Buchstaben), eu oder other")
    qualification: Scalar = Field(None, description="none, vocational_short, vocational, academic")
    recognition: Scalar = Field(None, description="none, applied, partial, full, not_needed")
    occupation: Scalar = None
    shortage_occupation: Scalar = None
    recent_graduate: Scalar = None
    job_offer: Scalar = None
    salary: Scalar = Field(None, description="Bruttojahresgehalt in Euro")
    collective_agreement: Scalar = None
    training_offer: Scalar = None
    german: Scalar = Field(None, description="none, A1 … C2")
    english: Scalar = Field(None, description="none, A1 … C2")
    experience_last_5: Scalar = None
    experience_last_7: Scalar = None
    age: Scalar = None
    stays_in_germany: Scalar = None
    partner_qualifies: Scalar = None
    abroad: Scalar = Field(None, description="true: wohnt im Ausland (Standard)")
    district: Scalar = Field(None, description="Kennung eines sächsischen Landkreises")


class PointOut(Schema):
    label: str
    points: int


class RouteOut(Schema):
    key: str
    title: str
    legal_basis: str
    status: str = Field(description="open, conditional, closed oder unknown")
    status_label: str
    reasons: list[str]
    needs: list[str]
    ba_approval: bool
    points: list[PointOut] | None
    points_total: int | None
    points_minimum: int | None


class ContactOut(Schema):
    category: str
    name: str
    url: str


class EvaluateOut(Schema):
    lang: str
    date: datetime.date
    rules_date: datetime.date | None
    free_movement: bool
    routes: list[RouteOut]
    documents: list[str]
    next_steps: list[str]
    recognition_finder: str | None
    zsba: str | None
    contacts: list[ContactOut]
    notice: str


def _form_data(payload: dict[str, Any]) -> dict[str, str]:
    data: dict[str, str] = {}
    for key, value in payload.items():
        if value is None or value is False:
            continue
        if value is True:
            data[key] = "yes" if key == "abroad" else "on"
        else:
            data[key] = str(value)
    if payload.get("abroad") is False:
        data["abroad"] = "no"
    if "citizenship" in data:
        data["citizenship"] = citizenship_value(data["citizenship"]) or data["citizenship"]
    data.setdefault("on", timezone.localdate().isoformat())
    data.setdefault("audience", "person")
    return data


@router.post(
    "/evaluate",
    response={200: EvaluateOut, 422: dict},
    summary="Einwanderungs-Check auswerten",
)
def evaluate(request: HttpRequest, payload: EvaluateIn):
    """Every route at the intended date: open, open once something is done, or closed, each with
    its reasons; documents, next steps and local contacts. Nothing is stored."""
    language = _language(payload.lang if isinstance(payload.lang, str) else None)
    # Reads only (nothing is stored): the content versions the cached parameters, districts and
    # notes are kept under are read once for the whole answer.
    with translation.override(language), versions_pinned():
        form = CheckForm(_form_data(payload.model_dump(exclude={"lang"})), lang=language)
        if not form.is_valid():
            errors = [
                {
                    "loc": ["body", field],
                    "msg": " ".join(str(m) for m in messages),
                    "type": "invalid",
                }
                for field, messages in form.errors.items()
            ]
            return _unprocessable(request, errors)
        result = presenters.result_for(
            answers=form.answers(), language=language, districts=form.districts
        )
        routes = [
            *result.routes_open,
            *result.routes_conditional,
            *result.routes_closed,
        ]
        return {
            "lang": language,
            "date": result.answers.on,
            "rules_date": result.rules_date,
            "free_movement": result.evaluation.free_movement,
            "routes": [
                {
                    "key": route.key,
                    "title": route.title,
                    "legal_basis": route.legal_basis,
                    "status": route.status,
                    "status_label": route.status_label,
                    "reasons": list(route.reasons),
                    "needs": list(route.needs),
                    "ba_approval": route.ba_approval,
                    "points": [
                        {"label": line.label, "points": line.points} for line in route.point_lines
                    ]
                    if route.points
                    else None,
                    "points_total": route.points.total if route.points else None,
                    "points_minimum": route.points.minimum if route.points else None,
                }
                for route in routes
            ],
            "documents": list(result.documents),
            "next_steps": list(result.steps),
            "recognition_finder": result.finder_url if result.evaluation.recognition_step else None,
            "zsba": result.zsba_url if result.evaluation.zsba else None,
            "contacts": [
                {
                    "category": label,
                    "name": actor.name,
                    "url": absolute_url(f"/netzwerk/{actor.slug}/"),
                }
                for label, actors in result.contacts
                for actor in actors
            ],
            "notice": str(presenters.NOTICE),
        }
