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
    "bench.generators.figures.generate",
]
