import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from lotse.core.registry import hooks


def generator_module(path: str) -> str:
    """The module name of a generator path: "bench.generators.tariffs.generate" → "tariffs"."""
    parts = path.split(".")
    return parts[-2] if len(parts) > 1 else parts[0]


class Command(BaseCommand):
    help = (
        "Generate benchmark data; --scale N multiplies every module's base amounts, "
        "--only MODULE … limits it to some modules' generators."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--scale", type=int, default=1, help="size factor (1 = small)")
        parser.add_argument("--seed", type=int, default=2026, help="random seed")
        parser.add_argument(
            "--only",
            nargs="+",
            metavar="MODULE",
            default=None,
            help="only these modules' generators (e.g. tariffs events); default: all",
        )

    def handle(self, *args, scale: int, seed: int, only: list[str] | None, **options) -> None:
        if scale < 1:
            self.stderr.write("--scale must be at least 1")
            raise SystemExit(2)
        paths = list(settings.LOTSE_BENCH_GENERATORS)
        modules = [generator_module(path) for path in paths]
        if only:
            unknown = sorted(set(only) - set(modules))
            if unknown:
                raise CommandError(
                    f"unknown module(s) {', '.join(unknown)}; "
                    f"generators exist for: {', '.join(modules)}"
                )
        chosen = [
            generate
            for module, generate in zip(modules, hooks("LOTSE_BENCH_GENERATORS"), strict=True)
            if not only or module in only
        ]
        for generate in chosen:
            started = time.perf_counter()
            summary = generate(scale=scale, seed=seed)
            elapsed = time.perf_counter() - started
            self.stdout.write(f"{generate.__module__}: {summary} ({elapsed:.1f} s)")
