"""Benchmark data of the Wegweiser: the published check version and one company check with a
full answer set, reachable under a fixed link (the targets `guidance-plan`, `guidance-pdf`),
and GUIDANCE_VARIED_PLANS further completed checks with random answers, districts and sizes
under the links `guidance_varied_token(n)` (the target `guidance-pdf-varied`).

The answers follow `bench.scenarios.guidance_answers` (the same set the API target posts), so
the plan has measures in every module; district Dresden and WZ 43.21 match the offers' and the
Tarifregister's bench data. Idempotent: the checks are created once (their answers are reset).

The product renders a plan's PDF in the worker when a completed plan changes
(`services.plan_pdf_prepare`); the generator does what the worker does for the checks it
completes (`documents.plan_pdf_render`, German, the configured base URL the server's links use),
for all varied plans from scale 100 on (PRERENDER_PER_SCALE per scale unit below: the bench
tests). A varied plan without a stored PDF, or whose plan changed since (an event has ended),
is rendered by its download, as in the product.
"""

from __future__ import annotations

import os
import random

from django.db import transaction
from django.utils import timezone

from bench.scenarios import (
    GUIDANCE_TOKEN,
    GUIDANCE_VARIED_PLANS,
    guidance_payload,
    guidance_varied_token,
)
from lotse.core.links import url_base
from lotse.core.models import Region
from lotse.guidance.documents import plan_pdf_render
from lotse.guidance.loader import load as load_versions
from lotse.guidance.models import SIZE_ORDER, Answer, CheckVersion, CompanyCheck
from lotse.guidance.selectors import check_scores, rule_measures, token_hash, version_current


def generate(*, scale: int, seed: int) -> str:
    with transaction.atomic():
        created = _checks(seed=seed)
    if isinstance(created, str):
        return created
    version, check_id, answers, varied = created
    # Each PDF is stored in its own transaction, as the worker does: a long run that is stopped
    # keeps what it rendered, and the data of the checks is visible while the PDFs are made.
    count = min(len(varied), _prerendered(scale))
    for pk in [check_id, *varied[:count]]:
        plan_pdf_render(check_id=pk, language="de", base_url=url_base())
    return (
        f"bench check v{version.number} with {answers} answers, {len(varied)} "
        f"varied, {count + 1} PDFs rendered as the worker does"
    )


def _prerendered(scale: int) -> int:
    """How many varied plans get a stored PDF: PRERENDER_PER_SCALE per scale unit, or
    LOTSE_BENCH_PLAN_PDFS (a busy machine renders about ten a minute)."""
    configured = os.environ.get("LOTSE_BENCH_PLAN_PDFS", "")
    return int(configured) if configured.isdigit() else PRERENDER_PER_SCALE * max(scale, 1)


def _checks(*, seed: int) -> tuple[CheckVersion, int, int, list[int]] | str:
    """The bench check with its full answer set and the varied checks (ids)."""
    version = version_current()
    if version is None:
        load_versions()
        version = version_current()
    if version is None:
        return "no check version, no bench check"
    payload = guidance_payload()
    check = CompanyCheck.objects.filter(token_hash=token_hash(GUIDANCE_TOKEN)).first()
    if check is None:
        check = CompanyCheck(token_hash=token_hash(GUIDANCE_TOKEN))
    now = timezone.now()
    check.version = version
    check.size_class = payload["size_class"]
    check.district = Region.objects.get(slug=payload["district"])
    check.sector_query = payload["sector_query"]
    check.wz_code = payload["wz_code"]
    check.wz_section = "F"
    check.modules = [module.key for module in version.modules.all()]
    check.answers = payload["answers"]
    check.last_used_at = now
    check.scores = check_scores(check=check)
    check.measures = rule_measures(check=check)
    check.completed_at = now
    check.save()
    varied = _varied_checks(version=version, seed=seed)
    return version, check.pk, len(check.answers), varied


PRERENDER_PER_SCALE = 15


def _varied_checks(*, version: CheckVersion, seed: int) -> list[int]:
    """Completed checks with random answers, districts and size classes (all modules)."""
    hashes = [token_hash(guidance_varied_token(n)) for n in range(GUIDANCE_VARIED_PLANS)]
    CompanyCheck.objects.filter(token_hash__in=hashes).delete()
    rng = random.Random(seed)
    districts = list(Region.objects.districts().order_by("slug"))
    keys = [q.key for module in version.modules.all() for q in module.questions.all()]
    choices = [Answer.YES, Answer.YES, Answer.PARTLY, Answer.NO, Answer.UNKNOWN]
    modules = [module.key for module in version.modules.all()]
    now = timezone.now()
    checks = []
    for digest in hashes:
        check = CompanyCheck(
            token_hash=digest,
            version=version,
            size_class=rng.choice(SIZE_ORDER),
            district=rng.choice(districts),
            modules=modules,
            answers={key: rng.choice(choices).value for key in keys},
            last_used_at=now,
            completed_at=now,
        )
        check.scores = check_scores(check=check)
        check.measures = rule_measures(check=check)
        checks.append(check)
    CompanyCheck.objects.bulk_create(checks, batch_size=500)
    return [check.pk for check in checks]
