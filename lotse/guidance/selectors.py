"""Reads of the Wegweiser: the current version, conditions, scores and the action plan.

Scoring (per module, over the questions that apply to the company and are not answered
"trifft nicht zu"): ja = 1, teilweise = 0.5, nein and weiß nicht = 0, weighted by the question's
weight; score = round(100 × sum / sum of weights). Bands: ≥ 75 gut, ≥ 50 ausbaufähig, else
dringend. A "nein" (or "weiß nicht") to a legal duty makes the module dringend whatever the
score, and the measure it triggers goes first in the plan.

The plan reads offers, contacts and events in a number of queries that does not depend on the
number of answers or offers: offers of all measures in one windowed query (best three per
topic field and kind), contacts in one query, events of all topic fields in one query.

What a measure shows besides the company's answers (offers, contacts, events, article) depends
only on the measure, the district, the size class, the language, the date and the portal's
content. It is looked up for every measure of the check version at once and kept in the shared
cache under the content version (`plan_lookups`, decision 0012): a plan is then scoring and one
cache read, and a new or withdrawn offer changes every plan at once.
"""

from __future__ import annotations

import calendar
import contextlib
import datetime
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from django.conf import settings
from django.core.cache import cache
from django.db.models import (
    Avg,
    Case,
    Count,
    Exists,
    F,
    FloatField,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.expressions import Window
from django.db.models.fields.json import KT
from django.db.models.functions import Cast, RowNumber
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page

from lotse.core.models import Region
from lotse.core.versioning import shared_versioned
from lotse.events.selectors import events_upcoming_by_topic
from lotse.network.models import Actor, Contact
from lotse.network.selectors import ActorFilters, actors_search
from lotse.offers.models import Offer
from lotse.offers.selectors import (
    CatalogueReference,
    OfferFilters,
    catalogue_reference,
    offers_matching,
)
from lotse.tariffs.selectors import LookupResult, tariff_lookup

from .models import Answer, CheckVersion, CompanyCheck, Module, Question, Rule

T = TypeVar("T")
GOOD = "gut"
FAIR = "ausbaufaehig"
URGENT = "dringend"
BAND_LABELS = {
    GOOD: gettext_lazy("gut"),
    FAIR: gettext_lazy("ausbaufähig"),
    URGENT: gettext_lazy("dringend"),
}
BAND_RANK = {URGENT: 0, FAIR: 1, GOOD: 2, None: 3}
VALUES: dict[str, float] = {
    Answer.YES.value: 1.0,
    Answer.PARTLY.value: 0.5,
    Answer.NO.value: 0.0,
    Answer.UNKNOWN.value: 0.0,
}
DUTY_BREACH = {Answer.NO.value, Answer.UNKNOWN.value}
OFFERS_PER_MEASURE = 3
CONTACTS_PER_MEASURE = 3
EVENTS_PER_MEASURE = 2
CONTACT_PAGE_SLUG = "kontakt"
TARIFF_MEASURE = "tarif"
TARIFF_OFFER_KINDS = (Offer.Kind.ADVICE, Offer.Kind.SERVICE)
TARIFF_ACTOR_TYPES = ("arbeitgeberverband", "gewerkschaft", "kammer")
# Events kept per topic field beyond the two shown, for those that end while the lookups are
# cached (they are dropped when the plan is made).
EVENTS_SPARE = 3
SIZE_FLAGS = {"1-9": "for_micro", "10-49": "for_small", "50-249": "for_medium", "250+": "for_large"}


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def add_months(moment: datetime.datetime, months: int) -> datetime.datetime:
    """`moment` plus (or minus) calendar months; the day is clamped to the month's end."""
    year, month = divmod(moment.month - 1 + months, 12)
    year, month = moment.year + year, month + 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)


def plan_complete(*, check: CompanyCheck) -> bool:
    """Every chosen question module answered (the Tarif module needs no answers)."""
    return all(
        module_complete(module=module, check=check)
        for module in check.version.modules.all()
        if module.key in check.modules
    )


def recheck_due_at(*, check: CompanyCheck) -> datetime.datetime | None:
    """When the link offers a re-check: LOTSE_GUIDANCE_RECHECK_MONTHS after completion."""
    if check.completed_at is None:
        return None
    return add_months(check.completed_at, settings.LOTSE_GUIDANCE_RECHECK_MONTHS)


def recheck_due(*, check: CompanyCheck, now: datetime.datetime | None = None) -> bool:
    due = recheck_due_at(check=check)
    return due is not None and (now or timezone.now()) >= due


def measure_keys(*, version: CheckVersion) -> set[str]:
    """Every measure key a plan of this version can have (rules, and the Tarif measure)."""
    keys = set()
    for module in version.modules.all():
        if module.kind == Module.Kind.TARIFF:
            keys.add(f"{module.key}.{TARIFF_MEASURE}")
        keys.update(f"{module.key}.{rule.key}" for rule in module.rules.all())
    return keys


# --- versions -------------------------------------------------------------------------------


def _structure_queryset() -> QuerySet[CheckVersion]:
    return CheckVersion.objects.published().prefetch_related(
        Prefetch(
            "modules",
            queryset=Module.objects.order_by("order", "pk").prefetch_related(
                Prefetch("questions", queryset=Question.objects.order_by("order", "pk")),
                Prefetch("rules", queryset=Rule.objects.order_by("order", "pk")),
            ),
        )
    )


# A published version never changes (models.CheckVersion): its structure is read once per
# process and kept by id. Saving or deleting a version or a module empties the store (signals in
# apps.py), so a test database that reuses an id never sees another version's structure.
_structures: dict[int, CheckVersion] = {}
_STRUCTURES_MAX = 16


def structures_forget(**kwargs: object) -> None:
    """Empty the per-process store of version structures (connected to save and delete)."""
    _structures.clear()


def version_with_structure(*, version_id: int) -> CheckVersion:
    """A published version with its modules, questions and rules (read once per process).

    Callers must not change the returned objects: they are shared by every request.
    """
    version = _structures.get(version_id)
    if version is None:
        version = _structure_queryset().get(pk=version_id)
        if len(_structures) >= _STRUCTURES_MAX:
            _structures.clear()
        _structures[version_id] = version
    return version


def _published_id(**lookup: object) -> int | None:
    ids = CheckVersion.objects.published().filter(**lookup).order_by("-number")
    return ids.values_list("pk", flat=True).first()


def version_current() -> CheckVersion | None:
    """The newest published version with its modules, questions and rules (one query)."""
    version_id = _published_id()
    return version_with_structure(version_id=version_id) if version_id else None


def versions_published() -> list[CheckVersion]:
    """Every published version, newest first, with modules, questions and rules."""
    return list(_structure_queryset().order_by("-number"))


def version_by_number(*, number: int) -> CheckVersion | None:
    version_id = _published_id(number=number)
    return version_with_structure(version_id=version_id) if version_id else None


def district_by_slug(*, slug: str) -> Region | None:
    return Region.objects.districts().filter(slug=slug).first()


def check_by_token(*, token: str) -> CompanyCheck | None:
    """The check behind a personal link, with its version's structure; None for any bad token."""
    if not isinstance(token, str) or not 20 <= len(token) <= 100:
        return None
    check = (
        CompanyCheck.objects.select_related("district__parent")
        .filter(token_hash=token_hash(token))
        .first()
    )
    if check is None:
        return None
    check.version = version_with_structure(version_id=check.version_id)
    return check


def districts() -> list[Region]:
    return list(Region.objects.districts().order_by("name"))


# --- conditions and scores -----------------------------------------------------------------


def question_applies(*, question: Question, size_class: str, wz_section: str) -> bool:
    """Conditions: only for some size classes; only for some WZ sections (asked when unknown)."""
    if question.size_classes and size_class not in question.size_classes:
        return False
    return not (question.wz_sections and wz_section and wz_section not in question.wz_sections)


def questions_for(*, module: Module, check: CompanyCheck) -> list[Question]:
    return [
        question
        for question in module.questions.all()
        if question_applies(
            question=question, size_class=check.size_class, wz_section=check.wz_section
        )
    ]


@dataclass
class ModuleScore:
    score: int | None
    band: str | None
    duty_breaches: list[Question] = field(default_factory=list)


def band_for(score: int | None) -> str | None:
    if score is None:
        return None
    if score >= 75:
        return GOOD
    if score >= 50:
        return FAIR
    return URGENT


def module_score(*, questions: list[Question], answers: dict[str, str]) -> ModuleScore:
    """Score and band of one module from the answers to its applicable questions."""
    total = 0.0
    weights = 0
    breaches = []
    for question in questions:
        answer = answers.get(question.key, "")
        if answer not in VALUES:
            continue
        total += VALUES[answer] * question.weight
        weights += question.weight
        if question.legal_duty and answer in DUTY_BREACH:
            breaches.append(question)
    score = round(100 * total / weights) if weights else None
    band = URGENT if breaches else band_for(score)
    if score is None and not breaches:
        band = None
    return ModuleScore(score=score, band=band, duty_breaches=breaches)


def check_scores(*, check: CompanyCheck) -> dict[str, dict]:
    """{module key: {"score": …, "band": …}} of every completed question module."""
    scores = {}
    for module in check.version.modules.all():
        if module.kind != Module.Kind.QUESTIONS or not module_complete(module=module, check=check):
            continue
        result = module_score(
            questions=questions_for(module=module, check=check), answers=check.answers
        )
        scores[module.key] = {"score": result.score, "band": result.band}
    return scores


def module_complete(*, module: Module, check: CompanyCheck) -> bool:
    if module.kind == Module.Kind.TARIFF:
        return True
    return all(
        question.key in check.answers for question in questions_for(module=module, check=check)
    )


# --- the plan -------------------------------------------------------------------------------


@dataclass
class Reason:
    question: Question
    answer: str

    @property
    def answer_label(self) -> str:
        return str(Answer(self.answer).label)


@dataclass
class Measure:
    key: str
    module: Module
    title: str
    why: str
    first_step: str
    topic_field: str
    offer_kinds: list[str]
    actor_types: list[str]
    article_slug: str = ""
    legal: bool = False
    reasons: list[Reason] = field(default_factory=list)
    offers: list = field(default_factory=list)
    contacts: list = field(default_factory=list)
    events: list = field(default_factory=list)
    article_url: str = ""
    article_title: str = ""
    legal_bases: list[str] = field(default_factory=list)
    done_on: str = ""  # ISO date the company ticked it "erledigt"


@dataclass
class ModuleResult:
    module: Module
    chosen: bool
    complete: bool
    answered: int
    total: int
    score: int | None = None
    band: str | None = None
    duty_breaches: list[Question] = field(default_factory=list)
    tariff: LookupResult | None = None

    @property
    def band_label(self) -> str:
        return str(BAND_LABELS[self.band]) if self.band else ""


@dataclass
class Plan:
    check: CompanyCheck
    modules: list[ModuleResult]
    measures: list[Measure]
    contact_page_url: str = ""
    on: datetime.date | None = None
    recheck: Recheck | None = None
    recheck_due: bool = False
    recheck_due_at: datetime.datetime | None = None
    lookups_built_at: datetime.datetime | None = None  # when its offers, contacts, … were read

    @property
    def chosen_modules(self) -> list[ModuleResult]:
        return [item for item in self.modules if item.chosen]

    @property
    def complete(self) -> bool:
        return all(item.complete for item in self.chosen_modules)


def _rule_measure(
    *, rule: Rule, module: Module, questions: dict[str, Question], answers: dict[str, str]
) -> Measure | None:
    reasons = [
        Reason(questions[key], answers[key])
        for key in rule.questions
        if key in questions and answers.get(key) in rule.answers
    ]
    if not reasons:
        return None
    legal = [
        reason.question
        for reason in reasons
        if reason.question.legal_duty and reason.answer in DUTY_BREACH
    ]
    return Measure(
        key=f"{module.key}.{rule.key}",
        module=module,
        title=rule.title,
        why=rule.why,
        first_step=rule.first_step,
        topic_field=rule.topic_field,
        offer_kinds=list(rule.offer_kinds),
        actor_types=list(rule.actor_types),
        article_slug=rule.article_slug,
        legal=bool(legal),
        reasons=reasons,
        legal_bases=[question.legal_basis for question in legal],
    )


def _tariff_measure(*, module: Module, result: LookupResult) -> Measure | None:
    if result.generally_binding:
        why = _(
            "Für Ihre Branche ist heute mindestens ein Tarifvertrag allgemeinverbindlich oder es "
            "gilt ein Branchenmindestlohn. Beides gilt für alle Betriebe der Branche, auch ohne "
            "Mitgliedschaft im Arbeitgeberverband."
        )
        title = _("Allgemeinverbindliche Tarifregeln und Branchenmindestlohn einhalten")
        first_step = _(
            "Vergleichen Sie Ihre Entgelte mit den Mindestbedingungen in der Tarifauskunft; bei "
            "Fragen stellen Sie eine Tarifanfrage."
        )
    elif result.agreement_count:
        why = _(
            "Für Ihre Branche gibt es heute Branchentarifverträge. Tarifbindung oder eine "
            "Orientierung am Tarif macht Sie als Arbeitgeber attraktiver."
        )
        title = _("Orientierung am Branchentarif prüfen")
        first_step = _(
            "Sehen Sie sich die Tarifverträge Ihrer Branche in der Tarifauskunft an und sprechen "
            "Sie mit Ihrem Arbeitgeberverband über die Tarifbindung."
        )
    else:
        return None
    return Measure(
        key=f"{module.key}.{TARIFF_MEASURE}",
        module=module,
        title=title,
        why=why,
        first_step=first_step,
        topic_field=module.topic_field,
        offer_kinds=list(TARIFF_OFFER_KINDS),
        actor_types=list(TARIFF_ACTOR_TYPES),
    )


def tariff_answer(*, check: CompanyCheck, on: datetime.date) -> LookupResult | None:
    """The Tarifauskunft's answer for the profile's sector on a date (None without a sector)."""
    if not (check.sector_query or check.wz_code):
        return None
    return tariff_lookup(query=check.sector_query, wz=check.wz_code, on=on, per_page=5)


def tariff_module_result(*, check: CompanyCheck, module: Module) -> ModuleResult:
    """The Tarif module on its own page (also when it was not chosen in the profile)."""
    item = ModuleResult(
        module=module, chosen=module.key in check.modules, complete=True, answered=0, total=0
    )
    item.tariff = tariff_answer(check=check, on=timezone.localdate())
    return item


def _module_results(
    *, check: CompanyCheck, on: datetime.date, tariff: bool = True
) -> tuple[list[ModuleResult], list[Measure]]:
    results = []
    measures = []
    for module in check.version.modules.all():
        chosen = module.key in check.modules
        if module.kind == Module.Kind.TARIFF:
            item = ModuleResult(module=module, chosen=chosen, complete=True, answered=0, total=0)
            item.tariff = tariff_answer(check=check, on=on) if chosen and tariff else None
            if item.tariff is not None:
                measure = _tariff_measure(module=module, result=item.tariff)
                if measure:
                    measures.append(measure)
            results.append(item)
            continue
        questions = questions_for(module=module, check=check)
        answered = sum(1 for question in questions if question.key in check.answers)
        item = ModuleResult(
            module=module,
            chosen=chosen,
            complete=answered == len(questions),
            answered=answered,
            total=len(questions),
        )
        if chosen and item.complete:
            score = module_score(questions=questions, answers=check.answers)
            item.score, item.band, item.duty_breaches = score.score, score.band, score.duty_breaches
            by_key = {question.key: question for question in questions}
            for rule in module.rules.all():
                measure = _rule_measure(
                    rule=rule, module=module, questions=by_key, answers=check.answers
                )
                if measure:
                    measures.append(measure)
        results.append(item)
    bands = {item.module.key: item.band for item in results}
    measures.sort(
        key=lambda m: (not m.legal, BAND_RANK[bands.get(m.module.key)], m.module.order, m.key)
    )
    return results, measures


def rule_measures(*, check: CompanyCheck) -> list[dict[str, str]]:
    """The measures the rules recommend ({"key", "topic_field"}; no Tarif lookup)."""
    measures = _module_results(check=check, on=timezone.localdate(), tariff=False)[1]
    return [{"key": measure.key, "topic_field": measure.topic_field} for measure in measures]


def plan_measures(*, check: CompanyCheck, on: datetime.date) -> list[Measure]:
    """The prioritised measures of a check without their offers, contacts and events."""
    return _module_results(check=check, on=on)[1]


@dataclass
class Then:
    """One module of a re-check: the earlier result and today's."""

    module: Module
    then_score: int | None
    then_band: str | None
    now_score: int | None
    now_band: str | None

    @property
    def then_label(self) -> str:
        return str(BAND_LABELS[self.then_band]) if self.then_band else ""

    @property
    def now_label(self) -> str:
        return str(BAND_LABELS[self.now_band]) if self.now_band else ""


@dataclass
class EarlierMeasure:
    key: str
    title: str
    status: str  # done (ticked), solved (no longer triggered), open

    @property
    def status_label(self) -> str:
        return str(EARLIER_STATUS[self.status])


EARLIER_STATUS = {
    "done": gettext_lazy("erledigt"),
    "solved": gettext_lazy("nicht mehr nötig"),
    "open": gettext_lazy("noch offen"),
}


@dataclass
class Recheck:
    completed_at: datetime.datetime | None
    modules: list[Then]
    measures: list[EarlierMeasure]


def recheck_result(*, check: CompanyCheck, measures: list[Measure]) -> Recheck | None:
    """Then and now side by side per module, and what became of the earlier measures.

    An earlier measure is "erledigt" when it was ticked then or is ticked now, "nicht mehr
    nötig" when today's answers no longer lead to it, otherwise "noch offen".
    """
    previous = check.previous or {}
    if not previous:
        return None
    then_scores = previous.get("scores", {})
    rows = []
    for module in check.version.modules.all():
        if module.kind != Module.Kind.QUESTIONS:
            continue
        then = then_scores.get(module.key)
        now = check.scores.get(module.key)
        if then is None and now is None:
            continue
        rows.append(
            Then(
                module=module,
                then_score=then.get("score") if then else None,
                then_band=then.get("band") if then else None,
                now_score=now.get("score") if now else None,
                now_band=now.get("band") if now else None,
            )
        )
    current = {measure.key for measure in measures}
    done = {**previous.get("done", {}), **check.done_measures}
    earlier = []
    for item in previous.get("measures", []):
        if item["key"] in done:
            status = "done"
        elif item["key"] not in current and check.completed_at is not None:
            status = "solved"
        else:
            status = "open"
        earlier.append(EarlierMeasure(key=item["key"], title=item["title"], status=status))
    completed = previous.get("completed_at")
    return Recheck(
        completed_at=datetime.datetime.fromisoformat(completed) if completed else None,
        modules=rows,
        measures=earlier,
    )


@dataclass
class PeerModule:
    module: Module
    count: int
    average: int | None = None
    shares: dict[str, int] = field(default_factory=dict)  # band → percent

    @property
    def enough(self) -> bool:
        return self.count >= settings.LOTSE_GUIDANCE_COMPARISON_MIN

    @property
    def share_rows(self) -> list[tuple[str, int]]:
        return [(str(BAND_LABELS[band]), self.shares.get(band, 0)) for band in (GOOD, FAIR, URGENT)]


@dataclass
class Comparison:
    """ "Betriebe Ihrer Größe in Ihrer Region": other completed checks of the same size class
    in the same district group (the former Direktionsbezirk), per module; a module is shown only
    with at least LOTSE_GUIDANCE_COMPARISON_MIN (≥ 10) such checks."""

    region: Region | None
    size_label: str
    modules: list[PeerModule]

    @property
    def shown(self) -> list[PeerModule]:
        return [item for item in self.modules if item.enough]

    @property
    def waiting(self) -> list[str]:
        """Titles of the chosen modules without enough comparable checks yet."""
        return [item.module.title for item in self.modules if not item.enough]

    @property
    def minimum(self) -> int:
        return int(settings.LOTSE_GUIDANCE_COMPARISON_MIN)


def peer_checks(*, size_class: str, group_id: int | None) -> QuerySet[CompanyCheck]:
    """Completed checks of a size class in a district group (the district's parent region)."""
    return CompanyCheck.objects.filter(
        completed_at__isnull=False, size_class=size_class, district__parent_id=group_id
    )


def _peer_aggregates(
    *, check: CompanyCheck, group_id: int | None, keys: list[str], aggregates: dict
) -> dict:
    """The comparison's numbers (one aggregate query over the peers), cached per check and
    module choice for LOTSE_CATALOGUE_CACHE_SECONDS: other companies' checks completed in
    that time appear a little later. Only counts and averages are cached, never a check."""
    if not aggregates:
        return {}
    key = _state_cache_key(peers=check.pk, size=check.size_class, group=group_id, keys=keys)
    values = _cached(
        key,
        lambda: (
            peer_checks(size_class=check.size_class, group_id=group_id)
            .exclude(pk=check.pk)
            .aggregate(**aggregates)
        ),
    )
    return values


def comparison(*, check: CompanyCheck) -> Comparison:
    """Counts, average score and band shares of the other companies, in one query."""
    keys = [
        module.key
        for module in check.version.modules.all()
        if module.kind == Module.Kind.QUESTIONS and module.key in check.modules
    ]
    aggregates: dict = {}
    for index, key in enumerate(keys):
        aggregates[f"n{index}"] = Count("pk", filter=Q(scores__has_key=key))
        aggregates[f"a{index}"] = Avg(Cast(KT(f"scores__{key}__score"), FloatField()))
        for band in (GOOD, FAIR, URGENT):
            aggregates[f"{band}{index}"] = Count("pk", filter=Q(**{f"scores__{key}__band": band}))
    group_id = check.district.parent_id
    values = _peer_aggregates(check=check, group_id=group_id, keys=keys, aggregates=aggregates)
    by_key = {module.key: module for module in check.version.modules.all()}
    modules = []
    for index, key in enumerate(keys):
        count = values[f"n{index}"] or 0
        item = PeerModule(module=by_key[key], count=count)
        if item.enough:
            average = values[f"a{index}"]
            item.average = round(average) if average is not None else None
            item.shares = {
                band: round(100 * (values[f"{band}{index}"] or 0) / count)
                for band in (GOOD, FAIR, URGENT)
            }
        modules.append(item)
    region = check.district.parent if group_id else None
    return Comparison(region=region, size_label=check.get_size_class_display(), modules=modules)


def _kinds(measure: Measure) -> list[str]:
    return measure.offer_kinds or list(Offer.Kind.values)


def _cached(key: str, compute: Callable[[], T]) -> T:
    """`compute()`, kept in the shared cache for LOTSE_CATALOGUE_CACHE_SECONDS (0: not kept)."""
    timeout = settings.LOTSE_CATALOGUE_CACHE_SECONDS
    value = cache.get(key) if timeout else None
    if value is None:
        value = compute()
        if timeout:
            cache.set(key, value, timeout)
    return value


def _state_cache_key(**state: object) -> str:
    """Cache key of one lookup state of the plan (candidate offers and contacts, peers)."""
    digest = hashlib.sha256(repr(sorted(state.items())).encode()).hexdigest()[:32]
    return f"guidance:state:v2:{digest}"


def _reference() -> CatalogueReference:
    """The catalogue's facet values (ids of topic fields and districts), cached per language
    for LOTSE_CATALOGUE_CACHE_SECONDS like the candidate ids (four small queries otherwise)."""
    return _cached(f"guidance:catalogue-reference:v1:{get_language()}", catalogue_reference)


# Offers in the district itself first, then statewide, then online.
_LOCALITY = Case(
    When(offer__statewide=False, offer__online=False, then=Value(0)),
    When(offer__statewide=True, then=Value(1)),
    default=Value(2),
    output_field=IntegerField(),
)


def _offer_candidates(*, matching: QuerySet, slugs: tuple[str, ...]) -> list[tuple]:
    """The best three offers per topic field and kind, as (topic slug, kind, rank key, offer
    id) with rank key (locality, -publication time): one windowed query."""
    through = Offer.topic_fields.through
    rows = (
        through.objects.filter(offer_id__in=matching.values("pk"), topicfield__slug__in=slugs)
        .annotate(
            locality=_LOCALITY,
            rank=Window(
                RowNumber(),
                partition_by=[F("topicfield_id"), F("offer__kind")],
                order_by=[
                    _LOCALITY.asc(),
                    F("offer__first_published_at").desc(nulls_last=True),
                    F("offer_id").asc(),
                ],
            ),
        )
        .filter(rank__lte=OFFERS_PER_MEASURE)
        .values_list(
            "topicfield__slug", "offer__kind", "locality", "offer__first_published_at", "offer_id"
        )
    )
    never = float("inf")  # unpublished dates (none in public offers) rank last
    return [
        (slug, kind, (locality, -published.timestamp() if published else never, offer_id))
        for slug, kind, locality, published, offer_id in rows
    ]


def _attach_offers(*, measures: list[Measure], district: Region, size_class: str) -> None:
    """Up to three public offers per measure, available in the district, best first.

    Best: offered in the district itself, then statewide, then online; newer first. The best
    three per topic field and kind are ranked in one query; each measure takes the best three
    of its kinds, and only those offers are loaded.
    """
    slugs = tuple(sorted({measure.topic_field for measure in measures}))
    kinds = sorted({kind for measure in measures for kind in _kinds(measure)})
    if not slugs:
        return
    matching = offers_matching(
        query="",
        filters=OfferFilters(topic_field=slugs, kind=tuple(kinds), district=(district.slug,)),
        reference=_reference(),
    ).filter(**{SIZE_FLAGS[size_class]: True})
    rows = _offer_candidates(matching=matching, slugs=slugs)
    candidates: dict[tuple[str, str], list[tuple]] = {}
    for slug, kind, rank in rows:
        candidates.setdefault((slug, kind), []).append(rank)
    best: dict[str, list[int]] = {}
    for measure in measures:
        ranks = {
            rank
            for kind in _kinds(measure)
            for rank in candidates.get((measure.topic_field, kind), [])
        }
        best[measure.key] = [rank[-1] for rank in sorted(ranks)[:OFFERS_PER_MEASURE]]
    ids = {offer_id for offer_ids in best.values() for offer_id in offer_ids}
    if not ids:
        return
    loaded = matching.filter(pk__in=ids).select_related("actor").defer("search_document")
    offers = {offer.pk: offer for offer in loaded}
    for measure in measures:
        measure.offers = [offers[pk] for pk in best[measure.key] if pk in offers]


def _contact_candidates(*, serving: QuerySet) -> list[int]:
    """Ids of the best three actors of every actor type among `serving` (one windowed query)."""
    return list(
        Actor.objects.filter(pk__in=serving.values("pk"))
        .annotate(
            rank=Window(
                RowNumber(),
                partition_by=[F("actor_type_id")],
                order_by=[F("statewide").asc(), F("name").asc(), F("pk").asc()],
            )
        )
        .filter(rank__lte=CONTACTS_PER_MEASURE)
        .values_list("pk", flat=True)
    )


def _attach_contacts(*, measures: list[Measure], district: Region) -> None:
    """Up to three actors per measure: of its actor types, serving the district (local first,
    then statewide), with a public e-mail, phone or contact person.

    The best three of every actor type are ranked in one windowed query (a measure's best three
    over several types are among them), then only those are loaded with their contacts.
    """
    types = tuple(sorted({slug for measure in measures for slug in measure.actor_types}))
    if not types:
        return
    public_contact = Contact.objects.filter(actor=OuterRef("pk"), is_public=True)
    serving = actors_search(filters=ActorFilters(types=types, districts=(district.slug,))).filter(
        Q(email__gt="") | Q(phone__gt="") | Exists(public_contact)
    )
    best = _contact_candidates(serving=serving)
    actors = list(
        serving.filter(pk__in=best)
        .prefetch_related(None)  # the plan shows neither their districts nor topic fields
        .prefetch_related(
            Prefetch(
                "contacts",
                queryset=Contact.objects.filter(is_public=True).order_by("sort_order", "name"),
                to_attr="public_contacts",
            )
        )
        .order_by("statewide", "name", "pk")
    )
    for measure in measures:
        wanted = set(measure.actor_types)
        measure.contacts = [actor for actor in actors if actor.actor_type.slug in wanted][
            :CONTACTS_PER_MEASURE
        ]


def _attach_events(*, measures: list[Measure], now: datetime.datetime, spare: int = 0) -> None:
    by_topic = events_upcoming_by_topic(
        slugs=[measure.topic_field for measure in measures],
        per_topic=EVENTS_PER_MEASURE + spare,
        now=now,
    )
    for measure in measures:
        measure.events = by_topic.get(measure.topic_field, [])


def pages_by_slug(*, slugs: set[str]) -> dict[str, Page]:
    """Live pages of the active language by slug (articles, the contact page): one query."""
    if not slugs:
        return {}
    pages = Page.objects.live().filter(slug__in=sorted(slugs))
    with contextlib.suppress(LookupError):
        language = get_supported_content_language_variant(get_language())
        pages = pages.filter(locale__language_code=language)
    return {page.slug: page for page in pages.specific(defer=True)}


def _lookup_measures(*, version: CheckVersion) -> list[Measure]:
    """Every measure a plan of this version can have, without answers: what the lookups need."""
    measures = []
    for module in version.modules.all():
        if module.kind == Module.Kind.TARIFF:
            measures.append(
                Measure(
                    key=f"{module.key}.{TARIFF_MEASURE}",
                    module=module,
                    title="",
                    why="",
                    first_step="",
                    topic_field=module.topic_field,
                    offer_kinds=list(TARIFF_OFFER_KINDS),
                    actor_types=list(TARIFF_ACTOR_TYPES),
                )
            )
        for rule in module.rules.all():
            measures.append(
                Measure(
                    key=f"{module.key}.{rule.key}",
                    module=module,
                    title=rule.title,
                    why="",
                    first_step="",
                    topic_field=rule.topic_field,
                    offer_kinds=list(rule.offer_kinds),
                    actor_types=list(rule.actor_types),
                    article_slug=rule.article_slug,
                )
            )
    return measures


@dataclass
class Lookups:
    """What the measures of one version show in one district, size class, language and day:
    per measure key its offers, contacts, upcoming events (with spares) and article."""

    offers: dict[str, list] = field(default_factory=dict)
    contacts: dict[str, list] = field(default_factory=dict)
    events: dict[str, list] = field(default_factory=dict)
    articles: dict[str, tuple[str, str]] = field(default_factory=dict)  # key → (url, title)
    contact_page_url: str = ""
    built_at: datetime.datetime | None = None  # when they were looked up


def _lookups_build(
    *, version: CheckVersion, district: Region, size_class: str, now: datetime.datetime
) -> Lookups:
    measures = _lookup_measures(version=version)
    if measures:
        _attach_offers(measures=measures, district=district, size_class=size_class)
        _attach_contacts(measures=measures, district=district)
        _attach_events(measures=measures, now=now, spare=EVENTS_SPARE)
    slugs = {measure.article_slug for measure in measures if measure.article_slug}
    pages = pages_by_slug(slugs=slugs | {CONTACT_PAGE_SLUG})
    contact = pages.get(CONTACT_PAGE_SLUG)
    lookups = Lookups(contact_page_url=contact.url if contact else "", built_at=now)
    for measure in measures:
        for url_name, items in (
            ("offers:detail", measure.offers),
            ("network:actor", measure.contacts),
            ("events:detail", measure.events),
        ):
            for item in items:  # addresses reversed once here, not in every plan
                item.detail_url = reverse(url_name, args=[item.slug])
    for measure in measures:
        lookups.offers[measure.key] = measure.offers
        lookups.contacts[measure.key] = measure.contacts
        lookups.events[measure.key] = measure.events
        page = pages.get(measure.article_slug)
        if page is not None:
            lookups.articles[measure.key] = (page.url or "", page.title)
    return lookups


def plan_lookups(
    *, version: CheckVersion, district: Region, size_class: str, now: datetime.datetime
) -> Lookups:
    """The lookups of every measure of a version for a district, size class and the active
    language, kept in the shared cache under the content version for LOTSE_PAGE_CACHE_SECONDS
    (0: not kept). Any write to offers, actors, events or pages makes them miss at once; what
    changes with the clock alone (an offer's confirmation runs out) shows within that time, and
    the day is part of the key (offers valid until yesterday)."""
    language = get_language() or ""
    day = timezone.localdate(now).isoformat()
    key = f"guidance:lookups:v2:{version.pk}:{district.pk}:{size_class}:{language}:{day}"
    return shared_versioned(
        key,
        lambda: _lookups_build(version=version, district=district, size_class=size_class, now=now),
        settings.LOTSE_PAGE_CACHE_SECONDS,
    )


def check_plan(*, check: CompanyCheck, now: datetime.datetime | None = None) -> Plan:
    """Scores per module and the prioritised measures with offers, contacts, events, articles."""
    now = now or timezone.now()
    on = timezone.localdate(now)
    modules, measures = _module_results(check=check, on=on)
    lookups = plan_lookups(
        version=check.version, district=check.district, size_class=check.size_class, now=now
    )
    for measure in measures:
        measure.offers = lookups.offers.get(measure.key, [])
        measure.contacts = lookups.contacts.get(measure.key, [])
        # Upcoming when the plan is made: an event kept in the lookups may have ended since.
        events = lookups.events.get(measure.key, [])
        measure.events = [event for event in events if event.ends_at >= now][:EVENTS_PER_MEASURE]
        measure.article_url, measure.article_title = lookups.articles.get(measure.key, ("", ""))
        measure.done_on = check.done_measures.get(measure.key, "")
    return Plan(
        check=check,
        modules=modules,
        measures=measures,
        contact_page_url=lookups.contact_page_url,
        on=on,
        recheck=recheck_result(check=check, measures=measures),
        recheck_due=recheck_due(check=check, now=now),
        recheck_due_at=recheck_due_at(check=check),
        lookups_built_at=lookups.built_at,
    )
