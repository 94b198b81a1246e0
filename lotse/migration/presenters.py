"""The result as the pages and the API show it: the evaluation plus its words and contacts.

Called inside `translation.override(<check language>)`; every text is rendered here once, in
that language, so templates, PDF and API say the same.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from . import selectors, texts
from .rules import Answers, Evaluation, Points

FINDER_URL = "https://www.anerkennung-in-deutschland.de/html/{lang}/pro/anerkennungs-finder.php"
NOTICE = _("Information, keine Rechtsberatung.")
ZSBA_URL = "https://www.anerkennung-in-deutschland.de/html/{lang}/pro/service-center.php"


@dataclass(frozen=True)
class PointLine:
    label: str
    points: int


@dataclass(frozen=True)
class RouteView:
    key: str
    title: str
    legal_basis: str
    status: str
    status_label: str
    reasons: tuple[str, ...]
    needs: tuple[str, ...]
    note: str
    points: Points | None
    point_lines: tuple[PointLine, ...]
    ba_approval: bool


@dataclass(frozen=True)
class ResultView:
    answers: Answers
    evaluation: Evaluation
    rules_date: datetime.date | None
    routes_open: tuple[RouteView, ...]
    routes_conditional: tuple[RouteView, ...]
    routes_closed: tuple[RouteView, ...]
    documents: tuple[str, ...]
    steps: tuple[str, ...]
    finder_url: str
    zsba_url: str
    district: object
    contacts: tuple[tuple[str, tuple], ...]


def _route_view(route, notes: dict[str, str]) -> RouteView:
    return RouteView(
        key=route.key,
        title=str(texts.ROUTE_TITLES[route.key]),
        legal_basis=texts.LEGAL_BASIS[route.key],
        status=route.status,
        status_label=str(texts.STATUS_LABELS[route.status]),
        reasons=tuple(texts.reason_text(r, texts.REASONS) for r in route.reasons),
        needs=tuple(texts.reason_text(n, texts.NEEDS) for n in route.needs),
        note=notes.get(route.key, ""),
        points=route.points,
        point_lines=tuple(
            PointLine(str(texts.POINT_ITEMS[item.code]), item.points)
            for item in (route.points.items if route.points else ())
        ),
        ba_approval=route.needs_ba_approval,
    )


def result_for(
    *, answers: Answers, language: str, districts: list[selectors.District]
) -> ResultView:
    outcome = selectors.check_evaluate(answers=answers)
    evaluation = outcome.evaluation
    notes = selectors.route_notes(language=language)
    routes = [_route_view(route, notes) for route in evaluation.routes]
    district = next((d for d in districts if d.slug == answers.district), None)
    contacts = tuple(
        (str(texts.CONTACT_CATEGORIES[group.key]), group.actors)
        for group in selectors.local_contacts(district_slug=district.slug if district else "")
    )
    site_lang = "de" if language == "de" else "en"
    return ResultView(
        answers=answers,
        evaluation=evaluation,
        rules_date=outcome.rules_date,
        routes_open=tuple(r for r in routes if r.status == "open"),
        routes_conditional=tuple(r for r in routes if r.status == "conditional"),
        routes_closed=tuple(r for r in routes if r.status in ("closed", "unknown")),
        documents=tuple(str(texts.DOCUMENTS[code]) for code in evaluation.documents),
        steps=tuple(texts.reason_text(step, texts.STEPS) for step in evaluation.next_steps),
        finder_url=FINDER_URL.format(lang=site_lang),
        zsba_url=ZSBA_URL.format(lang=site_lang),
        district=district,
        contacts=contacts,
    )
