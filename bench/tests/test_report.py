"""The result files: goals and the previous run side by side, resident memory per worker."""

import json
import os
from pathlib import Path

import pytest

from bench import run, scenarios


def _row(name: str, *, p95: float, cpu: float, rps: float = 50.0, kind: str = "dynamic") -> dict:
    return {
        "name": name,
        "path": f"/{name}/",
        "kind": kind,
        "bytes": 1000,
        "requests": 500,
        "errors": 0,
        "rps": rps,
        "p50_ms": p95 / 2,
        "p95_ms": p95,
        "p99_ms": p95 * 1.2,
        "max_ms": p95 * 1.5,
        "server_cpu_ms_per_request": cpu,
    }


def _report(results: list[dict], *, started: str = "2026-12-06T21:00:00+00:00") -> dict:
    return {
        "date": started[:10],
        "db": "postgres",
        "started_at": started,
        "machine": {
            "cores": 2,
            "cpu": "test CPU",
            "memory_gb": 8,
            "cpu_busy_before_pct": 3.0,
            "load_average_at_start": [0.1, 0.1, 0.1],
            "python": "3.11",
            "django": "5.2",
            "wagtail": "8.0",
            "gunicorn": "23",
            "git": "abc1234",
        },
        "database": {"version": "PostgreSQL 15"},
        "server": {
            "bind": "127.0.0.1:8700",
            "description": "gthread, 5 workers x 2 threads",
            "rss_mb_after_load": 700.0,
            "master_rss_mb": 100.0,
            "worker_rss_mb": [118.5, 120.0, 161.2],
            "previous_worker_rss_mb": [119.0, 140.0],
        },
        "load": {"concurrency": 8, "duration_s": 15, "warmup_s": 3},
        "data": {"scale": 100, "seed": 2026, "modules": "all", "articles": 20000},
        "results": results,
        "ratios": [],
    }


def test_a_row_records_its_goals_whether_they_are_met_and_the_previous_figures() -> None:
    row = _row("catalogue-search-varied", p95=412.0, cpu=9.5)
    before = _row("catalogue-search-varied", p95=1800.0, cpu=40.0, rps=4.0)

    extra = run.compared(row, {"p95_ms": 300, "cpu_ms": 10}, before)

    assert extra["goals"] == {"p95_ms": 300, "cpu_ms": 10}
    assert extra["goals_met"] == {"p95_ms": False, "cpu_ms": True}
    assert extra["previous"] == {"rps": 4.0, "p95_ms": 1800.0, "server_cpu_ms_per_request": 40.0}


def test_a_row_without_goals_or_previous_run_has_neither() -> None:
    extra = run.compared(_row("home", p95=10, cpu=1), {}, None)
    assert extra == {"goals": {}, "goals_met": {}, "previous": None}
    skipped = {"name": "home", "skipped": "timeout"}
    assert run.compared(_row("home", p95=10, cpu=1), {}, skipped)["previous"] is None


def test_the_summary_shows_goal_and_previous_value_next_to_the_measurement() -> None:
    row = _row("catalogue-search-varied", p95=250.0, cpu=12.5)
    row.update(run.compared(row, {"p95_ms": 300}, _row("x", p95=1800.0, cpu=40.0, rps=4.0)))
    other = _row("coverage", p95=90.0, cpu=5.0)
    other.update(run.compared(other, {}, None))
    report = _report([row, other])
    report["previous"] = {
        "file": "2026-12-05-120000-postgres.json",
        "started_at": "2026-12-05T12:00:00+00:00",
        "git": "0ld0ld0",
        "scale": 100,
    }

    text = run.markdown(report)

    line = next(item for item in text.splitlines() if "(catalogue-search-varied)" in item)
    cells = [cell.strip() for cell in line.strip("|").split("|")]
    header = next(item for item in text.splitlines() if item.startswith("| URL"))
    columns = [cell.strip() for cell in header.strip("|").split("|")]
    assert len(cells) == len(columns)
    by_column = dict(zip(columns, cells, strict=True))
    expected = {
        "p95 ms": "250.00",
        "p95 goal ms": "< 300 met",
        "p95 before": "1800.0",
        "req/s before": "4.0",
        "CPU before": "40.00",
        "CPU goal": "",
    }
    assert {column: by_column[column] for column in expected} == expected
    coverage = next(item for item in text.splitlines() if "(coverage)" in item)
    assert (
        dict(zip(columns, [c.strip() for c in coverage.strip("|").split("|")], strict=True))[
            "p95 before"
        ]
        == "–"
    )
    assert "`2026-12-05-120000-postgres.json`" in text
    assert "revision 0ld0ld0" in text


def test_a_missed_goal_says_so_and_the_first_run_has_no_before() -> None:
    row = _row("tariff-lookup-uncached", p95=155.0, cpu=12.4)
    row.update(run.compared(row, {"p95_ms": 80}, None))
    report = _report([row])
    report["previous"] = None

    text = run.markdown(report)

    assert "< 80 missed" in text
    assert "no earlier result of this database" in text


def test_memory_per_worker_is_reported_against_its_goal() -> None:
    text = run.markdown(_report([]))
    goal = scenarios.TARGET_WORKER_RSS_MB
    assert "workers 118.5, 120, 161.2 MB" in text
    assert f"goal < {goal} MB per worker: missed" in text  # one worker has 161.2 MB
    assert "before: largest worker 140 MB" in text
    server = {**_report([])["server"], "worker_rss_mb": [100.0, 120.0]}
    server.pop("previous_worker_rss_mb")
    assert run.memory_summary(server).endswith(f"(goal < {goal} MB per worker: met)")


def test_ratio_rows_carry_goal_and_previous_ratio() -> None:
    home = _row("home", p95=100, cpu=30, rps=30.0)
    home.update(run.compared(home, {"static_ratio": 0.5}, None))
    static = _row("home-static", p95=5, cpu=1, rps=1500.0, kind="static")
    previous = {"ratios": [{"page": "home", "ratio": 0.012}]}

    [ratio] = run.ratios([home, static], previous)

    assert ratio["ratio"] == 0.02
    assert ratio["goal"] == 0.5
    assert ratio["goal_met"] is False
    assert ratio["previous_ratio"] == 0.012
    report = _report([home, static])
    report["ratios"] = [ratio]
    assert "| home | 30.0 | 1500.0 | 0.020 (1 : 50) | ≥ 0.5 missed | 0.012 |" in run.markdown(
        report
    )


def _write(directory: Path, name: str, db: str, started: str) -> None:
    report = {"db": db, "started_at": started, "results": [_row("home", p95=1, cpu=1)]}
    (directory / name).write_text(json.dumps(report))


def test_the_previous_run_is_the_newest_earlier_file_of_the_same_database(
    tmp_path: Path,
) -> None:
    _write(tmp_path, "2026-12-01-postgres.json", "postgres", "2026-12-01T10:00:00+00:00")
    _write(tmp_path, "2026-12-05-090000-postgres.json", "postgres", "2026-12-05T09:00:00+00:00")
    _write(tmp_path, "2026-12-05-100000-sqlite.json", "sqlite", "2026-12-05T10:00:00+00:00")
    _write(tmp_path, "2026-12-06-120000-postgres.json", "postgres", "2026-12-06T12:00:00+00:00")
    (tmp_path / "broken.json").write_text("{not json")

    found = run.previous_report("postgres", "2026-12-06T11:00:00+00:00", tmp_path)

    assert found is not None
    assert found["file"] == "2026-12-05-090000-postgres.json"
    assert run.previous_rows(found)["home"]["p95_ms"] == 1
    assert run.previous_report("sqlite", "2026-12-05T10:00:00+00:00", tmp_path) is None


def test_result_files_carry_date_and_time_so_no_run_overwrites_another(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(run, "RESULTS_DIR", tmp_path)
    report = _report([], started="2026-12-06T21:15:42+00:00")
    json_path, md_path = run.write_report(report)
    assert json_path.name == "2026-12-06-211542-postgres.json"
    assert md_path.name == "2026-12-06-211542-postgres.md"
    later = run.previous_report("postgres", "2026-12-06T22:00:00+00:00", tmp_path)
    assert later is not None and later["file"] == json_path.name


def test_resident_memory_is_read_for_the_process_and_its_children() -> None:
    master, workers = run.process_rss_mb(os.getpid())
    assert master > 0
    assert all(mb >= 0 for mb in workers)


def test_shared_and_private_memory_are_read_and_reported() -> None:
    master, _workers = run.process_memory_mb(os.getpid())
    assert 0 < master["private"] <= master["rss"]
    assert 0 < master["pss"] <= master["rss"]
    server = {
        **_report([])["server"],
        "worker_pss_mb": [60.5, 61.0, 70.2],
        "worker_private_mb": [40.1, 41.0, 50.3],
    }
    text = run.memory_summary(server)
    assert "(PSS) 60.5, 61, 70.2 MB, private 40.1, 41, 50.3 MB per worker" in text


def test_every_goal_key_is_one_the_report_knows() -> None:
    for target in scenarios.TARGETS:
        assert set(target.goals()) <= {"p95_ms", "cpu_ms", "static_ratio"}
        if target.target_static_ratio is not None:
            assert target.static_copy, target.name


def test_the_varied_catalogue_search_never_repeats_a_search_state() -> None:
    target = next(t for t in scenarios.TARGETS if t.name == "catalogue-search-varied")
    warmup = target.paths(0, run.VARIANTS_WARMUP) or []
    measured = target.paths(run.VARIANTS_WARMUP, 17_000) or []
    assert len(set(warmup + measured)) == len(warmup) + len(measured)
    with_facet = [path for path in measured if "&" in path]
    assert len(with_facet) == len(measured) // 2
    assert target.target_p95_ms == 300
