"""Demo data of the Wegweiser: 300 completed company checks over districts and size classes
(so the anonymous comparison and "Bedarf und Angebot" show something) and one demo plan with a
known link, printed by `make run` (`demo_accounts`).

Invented answers from a seeded random generator, marked "(Demo)" in the sector. The checks are
scored by the same selectors as real ones. The demo plan's token is public (like the demo
password): never load the demo in production. Idempotent: existing demo checks are kept.
"""

from __future__ import annotations

import datetime
import random

from django.db import transaction
from django.utils import timezone

from lotse.core.models import Region
from lotse.guidance.loader import load as load_versions
from lotse.guidance.models import SIZE_ORDER, CompanyCheck, Module
from lotse.guidance.selectors import (
    check_scores,
    plan_complete,
    questions_for,
    rule_measures,
    token_hash,
    version_current,
)

DEMO_CHECKS = 300
DEMO_MARK = "(Demo)"
SEED = 13
# The demo plan's personal link (public; a real link is 256 random bits).
DEMO_TOKEN = "Demo-Wegweiser-Plan-Metallbau-Zwickau-0001"  # noqa: S105 - public demo link
DEMO_PLAN_PATH = f"/wegweiser/plan/{DEMO_TOKEN}/"
SIZE_WEIGHTS = [35, 35, 20, 10]
SECTORS = [
    ("Metallbau", "25.11"),
    ("Bäckerei", "10.71"),
    ("Pflegedienst", "88.10"),
    ("Elektroinstallation", "43.21"),
    ("Gebäudereinigung", "81.21"),
    ("Gastronomie", "56.10"),
    ("Softwareentwicklung", "62.01"),
    ("Spedition", "49.41"),
]
SECTIONS = {"25.11": "C", "10.71": "C", "88.10": "Q", "43.21": "F", "81.21": "N",
            "56.10": "I", "62.01": "J", "49.41": "H"}  # fmt: skip
ANSWERS = ["ja", "teilweise", "nein", "weiss_nicht", "trifft_nicht_zu"]


def _answers(rng: random.Random, check: CompanyCheck, module: Module, bias: float) -> dict:
    """Answers to a module's applicable questions; `bias` shifts towards "nein"."""
    weights = [45 - 20 * bias, 20, 15 + 25 * bias, 10, 5]
    return {
        question.key: rng.choices(ANSWERS, weights=weights)[0]
        for question in questions_for(module=module, check=check)
    }


def _build(rng, version, district, *, size, sector, modules, bias, completed_at, token=None):
    name, wz = sector
    check = CompanyCheck(
        version=version,
        token_hash=token_hash(token or f"demo-{rng.getrandbits(128):032x}"),
        size_class=size,
        district=district,
        sector_query=f"{name} {DEMO_MARK}",
        wz_code=wz,
        wz_section=SECTIONS[wz],
        modules=modules,
        last_used_at=completed_at,
    )
    answers: dict[str, str] = {}
    for module in version.modules.all():
        if module.key in modules and module.kind == Module.Kind.QUESTIONS:
            answers.update(_answers(rng, check, module, bias))
    check.answers = answers
    check.scores = check_scores(check=check)
    check.measures = rule_measures(check=check)
    check.completed_at = completed_at if plan_complete(check=check) else None
    return check


@transaction.atomic
def load(*, stdout=None) -> list[str]:
    version = version_current()
    if version is None:
        load_versions()
        version = version_current()
    if version is None:
        return ["Wegweiser: no published check version, no demo checks."]
    lines = []
    districts = list(Region.objects.districts().order_by("code"))
    now = timezone.now()
    rng = random.Random(SEED)  # noqa: S311 - reproducible demo data, not security
    question_modules = [m.key for m in version.modules.all() if m.kind == Module.Kind.QUESTIONS]
    existing = CompanyCheck.objects.filter(sector_query__endswith=DEMO_MARK).count()
    new = []
    # Each district gets its own tendency, so "Bedarf und Angebot" shows differences.
    bias = {district.pk: rng.random() for district in districts}
    for _index in range(max(0, DEMO_CHECKS - existing)):
        district = rng.choice(districts)
        chosen = [key for key in question_modules if rng.random() < 0.7] or question_modules[:1]
        new.append(
            _build(
                rng,
                version,
                district,
                size=rng.choices(SIZE_ORDER, weights=SIZE_WEIGHTS)[0],
                sector=rng.choice(SECTORS),
                modules=[*chosen, "tarif"],
                bias=bias[district.pk],
                completed_at=now - datetime.timedelta(days=rng.randint(1, 270)),
            )
        )
    CompanyCheck.objects.bulk_create(new, batch_size=100)
    if new:
        lines.append(f"Wegweiser: {len(new)} completed demo checks.")
    if not CompanyCheck.objects.filter(token_hash=token_hash(DEMO_TOKEN)).exists():
        zwickau = Region.objects.get(slug="zwickau")
        demo = _build(
            random.Random(SEED + 1),  # noqa: S311 - reproducible demo data
            version,
            zwickau,
            size="10-49",
            sector=SECTORS[0],
            modules=[*question_modules, "tarif"],
            bias=0.6,
            completed_at=now - datetime.timedelta(days=200),
            token=DEMO_TOKEN,
        )
        demo.save()
        lines.append(f"Wegweiser: demo plan {DEMO_PLAN_PATH}")
    return lines
