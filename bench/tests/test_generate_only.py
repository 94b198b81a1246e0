"""`generate_bench_data --only MODULE …` and bench/run.py's `--generate-only` (no timing)."""

import sys
import types

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from bench import run
from bench.management.commands.generate_bench_data import generator_module
from lotse.tariffs.models import CollectiveAgreement

CALLS: list[tuple[str, int, int]] = []


def _fake_module(name: str) -> types.ModuleType:
    module = types.ModuleType(f"bench.generators.{name}")

    def generate(*, scale: int, seed: int) -> str:
        CALLS.append((name, scale, seed))
        return f"{name} done"

    generate.__module__ = module.__name__
    module.generate = generate
    return module


@pytest.fixture
def fake_generators(settings, monkeypatch):
    """Two generators named like real ones (bench.generators.<module>.generate)."""
    CALLS.clear()
    for name in ("faketariffs", "fakeevents"):
        monkeypatch.setitem(sys.modules, f"bench.generators.{name}", _fake_module(name))
    settings.LOTSE_BENCH_GENERATORS = [
        "bench.generators.faketariffs.generate",
        "bench.generators.fakeevents.generate",
    ]
    yield
    CALLS.clear()


def test_generator_module_names():
    assert generator_module("bench.generators.tariffs.generate") == "tariffs"
    assert generator_module("bench.generators.content.generate") == "content"


def test_without_only_every_generator_runs_in_order(fake_generators, capsys):
    call_command("generate_bench_data", "--scale", "3", "--seed", "9")
    assert CALLS == [("faketariffs", 3, 9), ("fakeevents", 3, 9)]
    output = capsys.readouterr().out
    assert "faketariffs done" in output
    assert "fakeevents done" in output


def test_only_runs_the_named_modules(fake_generators, capsys):
    call_command("generate_bench_data", "--scale", "2", "--only", "fakeevents")
    assert CALLS == [("fakeevents", 2, 2026)]
    assert "faketariffs done" not in capsys.readouterr().out


def test_unknown_module_is_an_error_that_names_the_known_ones(fake_generators):
    with pytest.raises(CommandError, match="unknown module.*offerz.*faketariffs, fakeevents"):
        call_command("generate_bench_data", "--only", "offerz", "fakeevents")
    assert CALLS == []


@pytest.mark.django_db
def test_only_tariffs_on_the_real_generators_creates_agreements_and_nothing_else():
    from lotse.content.models import ArticlePage

    call_command("generate_bench_data", "--scale", "1", "--seed", "3", "--only", "tariffs")
    assert CollectiveAgreement.objects.filter(register_number__startswith="BENCH-").count() == 1000
    assert not ArticlePage.objects.filter(slug__startswith="bench-").exists()


def test_run_passes_generate_only_to_the_command():
    args = run.parse_args(["--scale", "5", "--seed", "1", "--generate-only", "tariffs", "events"])
    assert run.generate_command(args) == [
        "generate_bench_data",
        "--scale",
        "5",
        "--seed",
        "1",
        "--only",
        "tariffs",
        "events",
    ]
    default = run.parse_args(["--scale", "5"])
    assert run.generate_command(default) == [
        "generate_bench_data",
        "--scale",
        "5",
        "--seed",
        "2026",
    ]


def test_summary_names_the_generated_modules():
    assert run.data_only({"modules": "all"}) == ""
    assert run.data_only({}) == ""
    assert run.data_only({"modules": ["tariffs"]}) == " --only tariffs"
