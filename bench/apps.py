from django.apps import AppConfig


class BenchConfig(AppConfig):
    """Benchmark data generators and `generate_bench_data`; not installed in production."""

    name = "bench"
    label = "bench"
    verbose_name = "Benchmarks"
