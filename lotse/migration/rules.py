"""The rules of the Einwanderungs-Check as pure functions: answers + parameters in, routes out.

Nothing here reads the database or the clock, and nothing here writes a sentence: the caller
passes the parameters in force on the intended date (`selectors.parameters_on`) and the templates
turn the codes of `Reason` into words in the chosen language (`texts.py`). Every route says
`open`, `conditional` (open once something is done: the `needs`) or `closed`, each with reasons;
`unknown` when a threshold for the date is not in the table (no figure is ever guessed).
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from .keys import ParameterKey as P
from .keys import RouteKey as R

# EU member states, the other EEA states (IS, LI, NO) and Switzerland: free movement.
EU_EEA_CH = frozenset(
    (
        *("AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU"),
        *("IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK"),
        *("IS", "LI", "NO", "CH"),
    )
)
# § 26 Abs. 2 BeschV: Albania, Bosnia and Herzegovina, Kosovo, Montenegro, North Macedonia, Serbia.
WESTERN_BALKANS = ("AL", "BA", "XK", "ME", "MK", "RS")
# The answer for citizenship: "eu" (any EU/EEA/CH state), one of WESTERN_BALKANS, or "other".
CITIZENSHIPS = ("eu", *WESTERN_BALKANS, "other")

AUDIENCES = ("person", "employer")
QUALIFICATIONS = ("none", "vocational_short", "vocational", "academic")
RECOGNITIONS = ("none", "applied", "partial", "full", "not_needed")
LEVELS = ("none", "A1", "A2", "B1", "B2", "C1", "C2")

OPEN = "open"
CONDITIONAL = "conditional"
CLOSED = "closed"
UNKNOWN = "unknown"
# Ranking used by the property tests and for the order of the result (best first).
STATUS_RANK = {CLOSED: 0, UNKNOWN: 1, CONDITIONAL: 2, OPEN: 3}

CENT = Decimal("0.01")


def level_at_least(level: str, minimum: str) -> bool:
    return LEVELS.index(level) >= LEVELS.index(minimum)


@dataclass(frozen=True)
class Answers:
    """What the person (or the employer about the person) told the check."""

    on: datetime.date
    audience: str = "person"
    citizenship: str = "other"
    qualification: str = "none"
    recognition: str = "none"
    occupation: str = ""
    shortage_occupation: bool = False
    recent_graduate: bool = False
    job_offer: bool = False
    salary: Decimal | None = None
    collective_agreement: bool = False
    german: str = "none"
    english: str = "none"
    experience_last_5: int = 0
    experience_last_7: int = 0
    age: int | None = None
    stays_in_germany: bool = False
    partner_qualifies: bool = False
    training_offer: bool = False
    abroad: bool = True
    district: str = ""


@dataclass(frozen=True)
class Reason:
    """A code for a sentence (texts.py) and the values it names (amounts, points, levels)."""

    code: str
    values: tuple[tuple[str, object], ...] = ()

    @classmethod
    def of(cls, code: str, **values: object) -> Reason:
        return cls(code, tuple(sorted(values.items())))

    @property
    def data(self) -> dict[str, object]:
        return dict(self.values)


@dataclass(frozen=True)
class PointItem:
    code: str
    points: int


@dataclass(frozen=True)
class Points:
    items: tuple[PointItem, ...]
    total: int
    minimum: int


@dataclass(frozen=True)
class RouteResult:
    key: str
    status: str
    reasons: tuple[Reason, ...] = ()
    needs: tuple[Reason, ...] = ()
    documents: tuple[str, ...] = ()
    points: Points | None = None
    needs_ba_approval: bool = False


@dataclass(frozen=True)
class Thresholds:
    """The amounts the law derives from the pension contribution ceiling (BBG) of the year."""

    blue_card: Decimal | None
    blue_card_reduced: Decimal | None
    experience: Decimal | None
    older: Decimal | None


@dataclass(frozen=True)
class Evaluation:
    on: datetime.date
    audience: str
    free_movement: bool
    routes: tuple[RouteResult, ...] = ()
    documents: tuple[str, ...] = ()
    next_steps: tuple[Reason, ...] = ()
    recognition_step: bool = False
    zsba: bool = False
    thresholds: Thresholds | None = None
    parameters: Mapping[str, Decimal] = field(default_factory=dict)

    def route(self, key: str) -> RouteResult | None:
        return next((route for route in self.routes if route.key == key), None)

    @property
    def open_routes(self) -> tuple[RouteResult, ...]:
        return tuple(r for r in self.routes if r.status == OPEN)

    @property
    def conditional_routes(self) -> tuple[RouteResult, ...]:
        return tuple(r for r in self.routes if r.status == CONDITIONAL)

    @property
    def closed_routes(self) -> tuple[RouteResult, ...]:
        return tuple(r for r in self.routes if r.status in (CLOSED, UNKNOWN))


def share_of(base: Decimal | None, percent: Decimal | None) -> Decimal | None:
    """`percent` % of `base`, to the cent (half up), as the BMI announces the amounts."""
    if base is None or percent is None:
        return None
    return (base * percent / Decimal(100)).quantize(CENT, rounding=ROUND_HALF_UP)


def thresholds_from(params: Mapping[str, Decimal]) -> Thresholds:
    bbg = params.get(P.BBG_PENSION)
    return Thresholds(
        blue_card=share_of(bbg, params.get(P.BLUE_CARD_SHARE)),
        blue_card_reduced=share_of(bbg, params.get(P.BLUE_CARD_SHARE_REDUCED)),
        experience=share_of(bbg, params.get(P.EXPERIENCE_SHARE)),
        older=share_of(bbg, params.get(P.OLDER_SHARE)),
    )


class _Route:
    """Collects the findings of one route; the status follows from them."""

    def __init__(self, key: str) -> None:
        self.key = key
        self.closing: list[Reason] = []
        self.reasons: list[Reason] = []
        self.needs: list[Reason] = []
        self.unknown: list[Reason] = []
        self.documents: list[str] = ["passport", "health_insurance"]
        self.points: Points | None = None
        self.ba = False

    def close(self, code: str, **values: object) -> None:
        self.closing.append(Reason.of(code, **values))

    def ok(self, code: str, **values: object) -> None:
        self.reasons.append(Reason.of(code, **values))

    def need(self, code: str, **values: object) -> None:
        self.needs.append(Reason.of(code, **values))

    def missing(self, code: str, **values: object) -> None:
        self.unknown.append(Reason.of(code, **values))

    def docs(self, *codes: str) -> None:
        self.documents.extend(code for code in codes if code not in self.documents)

    def result(self) -> RouteResult:
        if self.closing:
            status, reasons, needs = CLOSED, self.closing, []
        elif self.unknown:
            status, reasons, needs = UNKNOWN, self.unknown, self.needs
        elif self.needs:
            status, reasons, needs = CONDITIONAL, self.reasons, self.needs
        else:
            status, reasons, needs = OPEN, self.reasons, []
        return RouteResult(
            key=self.key,
            status=status,
            reasons=tuple(reasons),
            needs=tuple(needs),
            documents=tuple(self.documents) if status != CLOSED else (),
            points=self.points,
            needs_ba_approval=self.ba and status != CLOSED,
        )


def _job_and_salary(
    route: _Route, answers: Answers, threshold: Decimal | None, *, threshold_code: str
) -> None:
    """A job offer paying at least `threshold` (None: not known for the date)."""
    if not answers.job_offer:
        route.need("job_offer")
        return
    route.docs("job_offer", "employment_declaration")
    if threshold is None:
        route.missing("threshold_unknown", year=answers.on.year)
    elif answers.salary is None:
        route.need(threshold_code, amount=threshold)
    elif answers.salary >= threshold:
        route.ok("salary_reached", amount=threshold)
    else:
        route.need(threshold_code, amount=threshold)


def _older_rule(
    route: _Route, answers: Answers, params: Mapping[str, Decimal], older: Decimal | None
) -> None:
    """§ 18 Abs. 2 Nr. 5 AufenthG: from 45, first permits need 55 % of the BBG or a pension."""
    older_age = params.get(P.OLDER_AGE)
    if answers.age is None or older_age is None or answers.age < older_age:
        return
    if not answers.job_offer:
        return
    if older is None:
        route.missing("threshold_unknown", year=answers.on.year)
    elif answers.salary is not None and answers.salary >= older:
        route.ok("older_salary_reached", amount=older, age=older_age)
    else:
        route.need("older_salary_or_pension", amount=older, age=older_age)
        route.docs("pension_provision")


def _qualified(answers: Answers) -> bool:
    return answers.qualification in ("vocational", "academic")


def _recognised(answers: Answers) -> bool:
    if answers.qualification == "vocational":
        return answers.recognition == "full"
    if answers.qualification == "academic":
        return answers.recognition in ("full", "not_needed")
    return False


def _needs_recognition(route: _Route, answers: Answers) -> None:
    if answers.recognition == "partial":
        route.need("recognition_partial_to_full")
    elif answers.recognition == "applied":
        route.need("recognition_pending")
    else:
        route.need("recognition_apply")


def _job_offer(route: _Route, answers: Answers) -> None:
    """A job offer (no salary threshold on this route)."""
    if answers.job_offer:
        route.ok("job_offer_present")
        route.docs("job_offer", "employment_declaration")
    else:
        route.need("job_offer")


def _academic_recognition(route: _Route, answers: Answers) -> None:
    """A degree recognised, or comparable according to anabin (no procedure needed)."""
    if answers.recognition in ("full", "not_needed"):
        route.ok("academic_comparable")
        route.docs("recognition_notice" if answers.recognition == "full" else "anabin_printout")
    else:
        _needs_recognition(route, answers)


def route_18a(answers: Answers, params: Mapping[str, Decimal], t: Thresholds) -> RouteResult:
    route = _Route(R.S18A)
    route.ba = True
    if answers.qualification != "vocational":
        route.close(
            "needs_vocational" if answers.qualification != "academic" else "academic_see_18b"
        )
        return route.result()
    route.docs("cv", "qualification_certificate")
    if answers.recognition == "full":
        route.ok("recognised")
        route.docs("recognition_notice")
    else:
        _needs_recognition(route, answers)
    _job_offer(route, answers)
    _older_rule(route, answers, params, t.older)
    return route.result()


def route_18b(answers: Answers, params: Mapping[str, Decimal], t: Thresholds) -> RouteResult:
    route = _Route(R.S18B)
    route.ba = True
    if answers.qualification != "academic":
        route.close("needs_academic")
        return route.result()
    route.docs("cv", "qualification_certificate")
    _academic_recognition(route, answers)
    _job_offer(route, answers)
    _older_rule(route, answers, params, t.older)
    return route.result()


def route_18g(answers: Answers, t: Thresholds, *, reduced: bool) -> RouteResult:
    route = _Route(R.S18G_REDUCED if reduced else R.S18G)
    if answers.qualification != "academic":
        route.close("needs_academic")
        return route.result()
    if reduced:
        if not (answers.shortage_occupation or answers.recent_graduate):
            route.close("reduced_needs_shortage_or_graduate")
            return route.result()
        route.ok("shortage_occupation" if answers.shortage_occupation else "recent_graduate")
        route.ba = True
    route.docs("cv", "qualification_certificate")
    _academic_recognition(route, answers)
    threshold = t.blue_card_reduced if reduced else t.blue_card
    _job_and_salary(route, answers, threshold, threshold_code="salary_at_least")
    return route.result()


def route_19c(answers: Answers, t: Thresholds) -> RouteResult:
    route = _Route(R.S19C)
    route.ba = True
    if not _qualified(answers):
        route.close("needs_qualification_two_years")
        return route.result()
    route.ok("no_recognition_needed")
    route.docs("cv", "qualification_certificate", "experience_proof")
    if answers.experience_last_5 >= 2:
        route.ok("experience_reached", years=2)
    else:
        route.need("experience_two_of_five")
    if not answers.job_offer:
        route.need("job_offer")
    elif answers.collective_agreement:
        route.ok("collective_agreement")
        route.docs("job_offer", "employment_declaration")
    else:
        _job_and_salary(route, answers, t.experience, threshold_code="salary_or_agreement")
    return route.result()


def chancenkarte_points(answers: Answers, minimum: int) -> Points:
    """The points table of § 20b AufenthG (in force as § 20a's annex since 2024-06-01)."""
    items: list[PointItem] = []
    if answers.recognition == "partial":
        items.append(PointItem("partial_recognition", 4))
    if answers.experience_last_7 >= 5:
        items.append(PointItem("experience_5_of_7", 3))
    elif answers.experience_last_5 >= 2:
        items.append(PointItem("experience_2_of_5", 2))
    german = {"A2": 1, "B1": 2, "B2": 3, "C1": 3, "C2": 3}.get(answers.german, 0)
    if german:
        items.append(PointItem(f"german_{min(answers.german, 'B2')}", german))
    if level_at_least(answers.english, "C1"):
        items.append(PointItem("english_c1", 1))
    if answers.age is not None and answers.age < 35:
        items.append(PointItem("age_under_35", 2))
    elif answers.age is not None and answers.age < 40:
        items.append(PointItem("age_under_40", 1))
    if answers.stays_in_germany:
        items.append(PointItem("stays_in_germany", 1))
    if answers.partner_qualifies:
        items.append(PointItem("partner", 1))
    if answers.shortage_occupation:
        items.append(PointItem("shortage_occupation", 1))
    return Points(items=tuple(items), total=sum(item.points for item in items), minimum=minimum)


def route_20a(answers: Answers, params: Mapping[str, Decimal]) -> RouteResult:
    route = _Route(R.S20A)
    minimum = params.get(P.CHANCENKARTE_MIN_POINTS)
    if minimum is None:
        route.missing("route_not_in_force")
        return route.result()
    if not _qualified(answers):
        route.close("needs_qualification_two_years")
        return route.result()
    route.docs("cv", "qualification_certificate", "proof_of_funds")
    if _recognised(answers):
        route.ok("skilled_worker_no_points")
        return route.result()
    points = chancenkarte_points(answers, int(minimum))
    route.points = points
    if level_at_least(answers.german, "A1") or level_at_least(answers.english, "B2"):
        route.ok("language_base")
        route.docs("language_certificate")
    else:
        route.need("german_a1_or_english_b2")
    if points.total >= points.minimum:
        route.ok("points_reached", points=points.total, minimum=points.minimum)
    else:
        route.need("more_points", points=points.total, minimum=points.minimum)
    return route.result()


def route_16d(answers: Answers) -> RouteResult:
    route = _Route(R.S16D)
    if not _qualified(answers):
        route.close("needs_qualification_two_years")
        return route.result()
    if _recognised(answers):
        route.ok("already_recognised")
        return route.result()
    route.docs("cv", "qualification_certificate", "language_certificate")
    if answers.recognition == "partial":
        route.ok("adaptation_measure")
        route.docs("recognition_notice", "measure_confirmation")
    else:
        route.ok("recognition_partnership")
        if answers.job_offer:
            route.ok("job_offer_present")
            route.docs("job_offer", "partnership_agreement")
            route.ba = True
        else:
            route.need("job_offer")
    if level_at_least(answers.german, "A2"):
        route.ok("german_reached", level="A2")
    else:
        route.need("german_level", level="A2")
    return route.result()


def route_16a(answers: Answers) -> RouteResult:
    route = _Route(R.S16A)
    route.ba = True
    route.docs("cv", "school_certificate", "proof_of_funds")
    if answers.training_offer:
        route.ok("training_offer_present")
        route.docs("training_contract")
    else:
        route.need("training_offer")
    if level_at_least(answers.german, "B1"):
        route.ok("german_reached", level="B1")
        route.docs("language_certificate")
    else:
        route.need("german_level", level="B1")
    return route.result()


def route_26(answers: Answers, params: Mapping[str, Decimal], t: Thresholds) -> RouteResult:
    route = _Route(R.S26)
    route.ba = True
    if answers.citizenship not in WESTERN_BALKANS:
        route.close("westbalkan_citizens_only")
        return route.result()
    quota = params.get(P.WESTBALKAN_QUOTA)
    if quota is None:
        route.missing("route_not_in_force")
        return route.result()
    if params.get(P.WESTBALKAN_QUOTA_EXHAUSTED, Decimal(0)) >= 1:
        route.close("quota_used_up", year=answers.on.year, quota=int(quota))
        return route.result()
    route.ok("westbalkan_citizen", quota=int(quota))
    _job_offer(route, answers)
    _older_rule(route, answers, params, t.older)
    return route.result()


# Routes for which an employer may run the accelerated procedure (§ 81a Abs. 1 AufenthG).
ACCELERATED = (R.S18A, R.S18B, R.S18G, R.S18G_REDUCED, R.S19C, R.S16D, R.S16A)


def route_81a(routes: list[RouteResult], params: Mapping[str, Decimal]) -> RouteResult:
    route = _Route(R.S81A)
    route.documents = ["power_of_attorney", "job_offer"]
    statuses = {r.status for r in routes if r.key in ACCELERATED}
    fee = params.get(P.FEE_81A)
    if OPEN in statuses:
        route.ok("accelerated_possible", fee=fee)
    elif CONDITIONAL in statuses:
        route.ok("accelerated_possible", fee=fee)
        route.need("first_meet_route")
    else:
        route.close("accelerated_no_route")
    return route.result()


def evaluate(answers: Answers, params: Mapping[str, Decimal]) -> Evaluation:
    """Every route at the intended date `answers.on`, with `params` in force on that date."""
    if answers.citizenship == "eu":
        return Evaluation(
            on=answers.on, audience=answers.audience, free_movement=True, parameters=params
        )
    t = thresholds_from(params)
    routes = [
        route_18a(answers, params, t),
        route_18b(answers, params, t),
        route_18g(answers, t, reduced=False),
        route_18g(answers, t, reduced=True),
        route_19c(answers, t),
        route_20a(answers, params),
        route_16d(answers),
        route_16a(answers),
        route_26(answers, params, t),
    ]
    if answers.audience == "employer":
        routes.append(route_81a(routes, params))
    usable = [r for r in routes if r.status in (OPEN, CONDITIONAL)]
    documents: list[str] = []
    for route in usable:
        documents.extend(code for code in route.documents if code not in documents)
    recognition_step = _qualified(answers) and answers.recognition in ("none", "applied", "partial")
    return Evaluation(
        on=answers.on,
        audience=answers.audience,
        free_movement=False,
        routes=tuple(sorted(routes, key=lambda r: -STATUS_RANK[r.status])),
        documents=tuple(documents),
        next_steps=tuple(_next_steps(answers, routes, recognition_step, params)),
        recognition_step=recognition_step,
        zsba=recognition_step and answers.abroad,
        thresholds=t,
        parameters=params,
    )


def _next_steps(
    answers: Answers,
    routes: list[RouteResult],
    recognition_step: bool,
    params: Mapping[str, Decimal],
) -> list[Reason]:
    steps: list[Reason] = []
    usable = [r for r in routes if r.status in (OPEN, CONDITIONAL) and r.key != R.S81A]
    if recognition_step:
        steps.append(Reason.of("step_recognition"))
    needs = {need.code for route in usable for need in route.needs}
    if needs & {"german_level", "german_a1_or_english_b2", "more_points"}:
        steps.append(Reason.of("step_language_course"))
    if answers.audience == "employer":
        if any(r.needs_ba_approval for r in usable):
            steps.append(Reason.of("step_ba_approval"))
        if any(r.key in ACCELERATED for r in usable):
            steps.append(Reason.of("step_accelerated", fee=params.get(P.FEE_81A)))
        steps.append(Reason.of("step_employer_welcome"))
    else:
        if not answers.job_offer and usable:
            steps.append(Reason.of("step_find_job"))
        steps.append(Reason.of("step_visa" if answers.abroad else "step_foreigners_office"))
    if not usable:
        steps.append(Reason.of("step_advice"))
    return steps
