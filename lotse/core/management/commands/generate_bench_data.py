import time

from django.core.management.base import BaseCommand, CommandParser

from lotse.core.registry import hooks


class Command(BaseCommand):
    help = "Generate benchmark data; --scale N multiplies every module's base amounts."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--scale", type=int, default=1, help="size factor (1 = small)")
        parser.add_argument("--seed", type=int, default=2026, help="random seed")

    def handle(self, *args, scale: int, seed: int, **options) -> None:
        if scale < 1:
            self.stderr.write("--scale must be at least 1")
            raise SystemExit(2)
        for generate in hooks("LOTSE_BENCH_GENERATORS"):
            started = time.perf_counter()
            summary = generate(scale=scale, seed=seed)
            elapsed = time.perf_counter() - started
            self.stdout.write(f"{generate.__module__}: {summary} ({elapsed:.1f} s)")
