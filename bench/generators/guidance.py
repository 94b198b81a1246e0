"""Benchmark data of the Wegweiser: the published check version and one company check with a
full answer set, reachable under a fixed link (the targets `guidance-plan`, `guidance-pdf`).

The answers follow `bench.scenarios.guidance_answers` (the same set the API target posts), so
the plan has measures in every module; district Dresden and WZ 43.21 match the offers' and the
Tarifregister's bench data. Idempotent: the check is created once (its answers are reset).
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from bench.scenarios import GUIDANCE_TOKEN, guidance_payload
from lotse.core.models import Region
from lotse.guidance.loader import load as load_versions
from lotse.guidance.models import CompanyCheck
from lotse.guidance.selectors import check_scores, rule_measures, token_hash, version_current


@transaction.atomic
def generate(*, scale: int, seed: int) -> str:
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
    return f"bench check v{version.number} with {len(check.answers)} answers"
