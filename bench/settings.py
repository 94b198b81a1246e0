"""Settings for the management commands of `make bench` (bench/run.py, bench/burst.py).

The production settings plus the `bench` app, which brings `generate_bench_data`; the measured
server runs the plain production settings.
"""

from bench.generators import BENCH_GENERATORS
from lotse.settings.production import *  # noqa: F403

INSTALLED_APPS = [*INSTALLED_APPS, "bench"]  # noqa: F405
LOTSE_BENCH_GENERATORS = BENCH_GENERATORS
