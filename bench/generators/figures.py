"""Benchmark data of the figures app: two years of monthly indicators for every district.

Called by `manage.py generate_bench_data --scale N --seed S` (bench/generators/__init__.py):
unemployed, unemployment rate and registered vacancies for the 13 districts and the state,
24 months each (1,008 rows), invented and marked "Benchmark (erfunden)" as their source. The
profile pages read them like real figures. Idempotent: a second run adds nothing.
"""

import datetime
import random
from decimal import Decimal

from django.db import transaction

from lotse.core.models import Region
from lotse.figures.models import INDICATOR_UNITS, Indicator, IndicatorKey

KEYS = (IndicatorKey.UNEMPLOYED, IndicatorKey.UNEMPLOYMENT_RATE, IndicatorKey.VACANCIES)
MONTHS = 24
FIRST = datetime.date(2023, 10, 1)


def _month(index: int) -> datetime.date:
    year, month = divmod(FIRST.month - 1 + index, 12)
    return datetime.date(FIRST.year + year, month + 1, 1)


@transaction.atomic
def generate(*, scale: int, seed: int) -> str:
    rng = random.Random(seed)
    regions = list(Region.objects.districts()) + list(Region.objects.filter(code="14"))
    existing = set(Indicator.objects.values_list("key", "region_id", "period"))
    rows = []
    for region in regions:
        base = rng.randint(5_000, 35_000) * (10 if region.code == "14" else 1)
        for index in range(MONTHS):
            period = _month(index)
            unemployed = int(base * (1 + 0.05 * rng.uniform(-1, 1)))
            values = {
                IndicatorKey.UNEMPLOYED: Decimal(unemployed),
                IndicatorKey.UNEMPLOYMENT_RATE: Decimal(str(round(rng.uniform(4.5, 10.5), 1))),
                IndicatorKey.VACANCIES: Decimal(int(unemployed / rng.uniform(3, 6))),
            }
            for key in KEYS:
                if (key, region.pk, period) in existing:
                    continue
                rows.append(
                    Indicator(
                        key=key,
                        region=region,
                        period=period,
                        value=values[key],
                        unit=INDICATOR_UNITS[key],
                        source="Benchmark (erfunden)",
                        source_url="https://example.org/bench",
                        licence="Benchmarkdaten",
                        retrieved_on=datetime.date(2026, 1, 1),
                    )
                )
    Indicator.objects.bulk_create(rows, batch_size=500)
    return f"figures: {len(rows)} indicators"
