"""Benchmark data: `generate(scale, seed)`; at scale 100: 100,000 agreements, 1,000,000
provision rows, 50 parties per sector. bulk_create in batches; idempotent (skips what exists,
keyed by the "BENCH-" register numbers)."""

import datetime
import random
from decimal import Decimal

from django.db import transaction

from lotse.core.fulltext import search_document
from lotse.tariffs.models import AgreementParty, CollectiveAgreement, Provision, SectorCode

BATCH = 5_000
# Sectors of the bench data: (word, WZ 2008 class, WZ 2025 class)
SECTORS = [
    ("Metallbau", "25.11.0", "25.11.0"),
    ("Elektroinstallation", "43.21.0", "43.21.0"),
    ("Gebäudereinigung", "81.21.0", "81.21.0"),
    ("Gastronomie", "56.10.1", "56.11.1"),
    ("Pflegeheim", "87.10.0", "87.10.0"),
    ("Einzelhandel", "47.11.0", "47.11.0"),
    ("Spedition", "49.41.0", "49.41.0"),
    ("Bäckerei", "10.71.0", "10.71.0"),
    ("Softwareentwicklung", "62.01.0", "62.10.0"),
    ("Kfz-Handwerk", "45.20.1", "95.31.0"),
]
PARTIES_PER_SECTOR = 50


def generate(*, scale: int, seed: int) -> str:
    """Create the missing bench agreements up to `scale * 1000`; returns a one-line summary."""
    rng = random.Random(seed)
    agreements = 1_000 * scale
    provisions_per_agreement = 10
    with transaction.atomic():
        parties = _parties()
    existing = CollectiveAgreement.objects.filter(register_number__startswith="BENCH-").count()
    made = 0
    for start in range(existing, agreements, BATCH):
        end = min(start + BATCH, agreements)
        with transaction.atomic():
            made += _batch(rng, start, end, parties, provisions_per_agreement)
    return f"{made} bench agreements created, {existing + made} in total"


def _parties() -> dict[str, list[AgreementParty]]:
    result = {}
    for word, _old, _new in SECTORS:
        names = [f"Bench {word} Partei {n:02d}" for n in range(PARTIES_PER_SECTOR)]
        have = set(AgreementParty.objects.filter(name__in=names).values_list("name", flat=True))
        AgreementParty.objects.bulk_create(
            [
                AgreementParty(name=name, kind="union" if n % 5 == 0 else "employers_association")
                for n, name in enumerate(names)
                if name not in have
            ]
        )
        result[word] = list(AgreementParty.objects.filter(name__in=names))
    return result


def _batch(rng, start, end, parties, per_agreement) -> int:
    rows = []
    for n in range(start, end):
        word, _old, _new = SECTORS[n % len(SECTORS)]
        begin = datetime.date(2010, 1, 1) + datetime.timedelta(days=rng.randrange(5_500))
        ends = rng.random() < 0.5
        level = "company" if rng.random() < 0.6 else "sector"
        # Like search.agreement_search_document: hidden entries only by their sector (the word
        # stands for the title of their WZ class), never by their own title.
        words = [f"Bench Tarifvertrag {word}", word] if level == "sector" else [word]
        rows.append(
            CollectiveAgreement(
                register_number=f"BENCH-{n:07d}",
                title=f"Bench Tarifvertrag {word} {n}",
                kind="pay",
                level=level,
                territory="saxony",
                sector_text=word,
                concluded_on=begin,
                valid_from=begin,
                valid_to=begin + datetime.timedelta(days=rng.randrange(365, 1500))
                if ends
                else None,
                confidential=level == "company" and rng.random() < 0.1,
                search_document=search_document(words),
            )
        )
    CollectiveAgreement.objects.bulk_create(rows, batch_size=1000)
    created = list(
        CollectiveAgreement.objects.filter(
            register_number__gte=f"BENCH-{start:07d}", register_number__lt=f"BENCH-{end:07d}"
        ).values_list("pk", "register_number", "valid_from")
    )
    codes, links, provisions = [], [], []
    through = CollectiveAgreement.parties.through
    for pk, number, begin in created:
        n = int(number[6:])
        word, old, new = SECTORS[n % len(SECTORS)]
        codes.append(SectorCode(agreement_id=pk, version="2008", code=old))
        codes.append(SectorCode(agreement_id=pk, version="2025", code=new, derived=True))
        for party in rng.sample(parties[word], 2):
            links.append(through(collectiveagreement_id=pk, agreementparty_id=party.pk))
        for grade in range(per_agreement):
            provisions.append(
                Provision(
                    agreement_id=pk,
                    kind="pay",
                    grade=f"E{grade + 1}",
                    step=1,
                    amount=Decimal(2000 + grade * 150 + rng.randrange(100)),
                    unit="monthly",
                    valid_from=begin,
                )
            )
    SectorCode.objects.bulk_create(codes, batch_size=2000)
    through.objects.bulk_create(links, batch_size=2000)
    Provision.objects.bulk_create(provisions, batch_size=2000)
    return len(created)
