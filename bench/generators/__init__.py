"""Benchmark data generators, one module per app: `generate(*, scale, seed) -> str`.

Not product code: `manage.py generate_bench_data` (bench/management) exists only where the
`bench` app is installed (bench/settings.py for `make bench`, the test settings for bench/tests).
"""

BENCH_GENERATORS = [
    "bench.generators.content.generate",
    "bench.generators.network.generate",
    "bench.generators.offers.generate",
    "bench.generators.tariffs.generate",
    "bench.generators.events.generate",
    "bench.generators.desk.generate",
    "bench.generators.guidance.generate",
    "bench.generators.migration.generate",
    "bench.generators.figures.generate",
]


def bench_ids(model, prefix: str) -> set[str]:
    """The external ids of the bench rows of `model` already in the database."""
    return set(
        model.objects.filter(external_id__startswith=prefix).values_list("external_id", flat=True)
    )
