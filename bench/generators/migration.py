"""Benchmark data of the Einwanderungs-Check: its real initial content (the dated parameters)
and the real actors of the network (the local contacts), both loaded idempotently. The check
itself stores nothing, so there is nothing to multiply by `scale`: the load is in the requests
(bench/scenarios.py `migration-*`), and the contacts are looked up among all actors the network
generator added (`scale * 200`)."""

from __future__ import annotations

from lotse.core.initial import LoadReport
from lotse.migration import initial as migration_initial
from lotse.network import initial as network_initial


def generate(*, scale: int = 1, seed: int = 2026) -> str:
    report = LoadReport()
    network_initial.load(state="sn", report=report)
    migration_initial.load(state="sn", report=report)
    return f"migration: {report.lines()[0]} (parameters and real actors)"
