"""`make bench`: load-test Lotse under gunicorn on loopback, per database, into result files.

For each database (SQLite and/or PostgreSQL) this
  1. recreates a dedicated database (var/bench.sqlite3, or `lotse_bench` on PostgreSQL),
     migrates it and runs `manage.py generate_bench_data --scale N --seed S`, so every run
     measures the same data for the code at hand (`--reuse-db` skips the rebuild);
  2. starts gunicorn once to fetch the pages of bench/scenarios.py and writes their HTML into
     STATIC_ROOT/bench-static/ (WhiteNoise only serves files that exist when a worker starts);
  3. starts gunicorn again (production settings, loopback, free port >= 8700), warms up and
     drives each URL with bench/loadclient.py for a fixed time;
  4. writes bench/results/<date>-<time>-<db>.json and .md, with each target's goals and the
     previous run of the same database side by side, and always stops gunicorn.

Usage: .venv/bin/python bench/run.py [--db auto|sqlite|postgres|both] [--scale N]
       [--duration S] [--concurrency C] ...   (make bench BENCH_ARGS="--db sqlite")
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime
import hashlib
import json
import os
import platform
import secrets
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import loadclient, scenarios  # noqa: E402

VENV_BIN = Path(sys.executable).parent
RESULTS_DIR = ROOT / "bench" / "results"
WORK_DIR = ROOT / "var" / "bench"
STATIC_ROOT = WORK_DIR / "static"
SQLITE_PATH = ROOT / "var" / "bench.sqlite3"
POSTGRES_SERVER = "postgres://postgres@127.0.0.1:5432"
# LOTSE_BENCH_PG_DB: another benchmark database (e.g. one with a large generated register).
POSTGRES_DB = os.environ.get("LOTSE_BENCH_PG_DB", "lotse_bench")
FORBIDDEN_DATABASES = {"test", "test_test", "postgres", "template0", "template1"}
HOST = "127.0.0.1"
# Varied targets (scenarios.Target.variant): paths 0… for the warm-up, the next ones measured.
VARIANTS_WARMUP = 8_000
VARIANTS_MEASURED = 38_000
FIRST_PORT = 8700
# Settings of the management commands run here (production + the bench app).
BENCH_SETTINGS = "bench.settings"


# The gunicorn settings docs/operations.md recommends (the allocator, decision 0022).
GUNICORN_CONFIG = "python:lotse.gunicorn_conf"


@dataclass(frozen=True)
class ServerConfig:
    """How gunicorn runs (recorded in the results)."""

    worker_class: str
    workers: int
    threads: int
    keep_alive: int
    # The master imports and warms up the application once (lotse/core/warmup.py) and the
    # workers start from that copy, as docs/operations.md recommends for production.
    preload: bool = True

    def args(self) -> list[str]:
        args = ["--config", GUNICORN_CONFIG]
        args += ["--worker-class", self.worker_class, "--workers", str(self.workers)]
        if self.worker_class == "gthread":
            args += ["--threads", str(self.threads)]
        if self.preload:
            args.append("--preload")
        return [*args, "--keep-alive", str(self.keep_alive)]

    def describe(self) -> str:
        preload = ", preload" if self.preload else ""
        if self.worker_class == "gthread":
            return (
                f"gthread, {self.workers} workers x {self.threads} threads, "
                f"keep-alive {self.keep_alive} s{preload}"
            )
        return f"{self.worker_class}, {self.workers} workers{preload}"


def log(message: str) -> None:
    stamp = datetime.datetime.now(datetime.UTC).astimezone().strftime("%H:%M:%S")
    print(f"[bench {stamp}] {message}", flush=True)


# --- Databases ----------------------------------------------------------------------------------
def postgres_reachable() -> bool:
    """True when the benchmark PostgreSQL server answers."""
    try:
        import psycopg

        with psycopg.connect(f"{POSTGRES_SERVER}/postgres", connect_timeout=3):
            return True
    except Exception:  # noqa: BLE001 - any failure means "not available"
        return False


def postgres_version() -> str:
    import psycopg

    with psycopg.connect(f"{POSTGRES_SERVER}/postgres", connect_timeout=3) as connection:
        return str(connection.execute("SHOW server_version").fetchone()[0])


def prepare_database(db: str, *, fresh: bool) -> str:
    """Create (or reset with `fresh`) the benchmark database; returns its DATABASE_URL."""
    if db == "sqlite":
        SQLITE_PATH.parent.mkdir(parents=True, exist_ok=True)
        if fresh:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{SQLITE_PATH}{suffix}").unlink(missing_ok=True)
        return f"sqlite:///{SQLITE_PATH}"
    import psycopg
    from psycopg import sql

    if POSTGRES_DB in FORBIDDEN_DATABASES:  # pragma: no cover - guard against edits
        raise RuntimeError(f"refusing to use database {POSTGRES_DB}")
    with psycopg.connect(f"{POSTGRES_SERVER}/postgres", autocommit=True) as connection:
        name = sql.Identifier(POSTGRES_DB)
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [POSTGRES_DB]
        ).fetchone()
        if exists and fresh:
            connection.execute(sql.SQL("DROP DATABASE {} WITH (FORCE)").format(name))
            exists = None
        if not exists:
            connection.execute(sql.SQL("CREATE DATABASE {}").format(name))
    return f"{POSTGRES_SERVER}/{POSTGRES_DB}"


def analyze(db: str) -> None:
    """Refresh the planner statistics after the bulk load (PostgreSQL: and vacuum).

    PostgreSQL's autovacuum analyzes a freshly filled table only after a while, and SQLite never
    does on its own; without statistics the planners misjudge the full-text and facet queries
    (PostgreSQL estimated 439 full-text hits where 73 906 matched) and the run measures plans
    that a live database would not use. PostgreSQL also gets a VACUUM: a live database's
    autovacuum would have vacuumed the freshly loaded tables (visibility map for index-only
    scans, GIN pending lists merged into the full-text indexes), but the shared test server
    runs with `autovacuum = off`; with a long GIN pending list the planner preferred a
    sequential scan of 100 000 agreements (80 ms) over the full-text index.
    """
    if db == "sqlite":
        with sqlite3.connect(SQLITE_PATH) as connection:
            connection.execute("ANALYZE")
        return
    import psycopg

    with psycopg.connect(f"{POSTGRES_SERVER}/{POSTGRES_DB}", autocommit=True) as connection:
        connection.execute("VACUUM ANALYZE")


def database_version(db: str) -> str:
    if db == "sqlite":
        return f"SQLite {sqlite3.sqlite_version}"
    return f"PostgreSQL {postgres_version()}"


# --- Cache ------------------------------------------------------------------------------------
REDIS_BENCH_URL = "redis://127.0.0.1:6379/15"


def bench_cache_url() -> str:
    """The shared cache of the run: Redis (as in production) when it answers, else none.

    LOTSE_BENCH_REDIS_URL overrides; "none" runs with each worker's local memory cache.
    """
    url = os.environ.get("LOTSE_BENCH_REDIS_URL", REDIS_BENCH_URL)
    if url == "none":
        return ""
    try:
        import redis

        client = redis.Redis.from_url(url, socket_connect_timeout=2)
        client.flushdb()  # a cold cache for every run; database 15 belongs to the bench
    except Exception:  # noqa: BLE001 - any failure means "no Redis"
        return ""
    return url


# --- Django and gunicorn ------------------------------------------------------------------------
def django_env(database_url: str) -> dict[str, str]:
    """Environment for manage.py and gunicorn: production settings on loopback, plain HTTP."""
    env = dict(os.environ)
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "lotse.settings.production",
            "DATABASE_URL": database_url,
            "LOTSE_SECRET_KEY": secrets.token_urlsafe(64),
            "LOTSE_SECURE_SSL_REDIRECT": "0",
            "LOTSE_ALLOWED_HOSTS": HOST,
            "LOTSE_STATIC_ROOT": str(STATIC_ROOT),
            "LOTSE_LOG_LEVEL": env.get("LOTSE_BENCH_LOG_LEVEL", "WARNING"),
            "PYTHONUNBUFFERED": "1",
            # Every POST of the public Lotsendienst form comes from this one loopback address.
            "LOTSE_DESK_FORM_RATE": "off",
        }
    )
    env.pop("LOTSE_DEBUG", None)
    cache_url = bench_cache_url()
    if cache_url:
        env["LOTSE_REDIS_URL"] = cache_url
    else:
        env.pop("LOTSE_REDIS_URL", None)
    return env


def manage(env: dict[str, str], *args: str) -> str:
    """Run a management command; returns its output, raises with the output on failure.

    Commands run with bench/settings.py: the production settings plus the `bench` app, which
    brings `generate_bench_data` (the server itself runs the plain production settings).
    """
    command = [sys.executable, str(ROOT / "manage.py"), *args]
    env = {**env, "DJANGO_SETTINGS_MODULE": BENCH_SETTINGS}
    completed = subprocess.run(  # noqa: S603 - fixed command, our own interpreter
        command, cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    if completed.returncode != 0:
        raise RuntimeError(
            f"manage.py {' '.join(args)} failed:\n{completed.stdout}\n{completed.stderr}"
        )
    return completed.stdout.strip()


def free_port(start: int = FIRST_PORT) -> int:
    """The first port >= start that nobody listens on at 127.0.0.1."""
    for port in range(start, start + 200):
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
            try:
                probe.bind((HOST, port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"no free port in {start}..{start + 199}")


@dataclass(frozen=True)
class Server:
    base: str  # http://127.0.0.1:PORT
    pid: int  # the gunicorn master


@contextmanager
def gunicorn(env: dict[str, str], config: ServerConfig, log_path: Path, port: int | None = None):
    """Start gunicorn on `port` (default: a free loopback port); yields the `Server`; always
    stops it."""
    port = port or free_port()
    command = [
        str(VENV_BIN / "gunicorn"),
        "lotse.wsgi:application",
        "--bind",
        f"{HOST}:{port}",
        *config.args(),
        "--log-level",
        "warning",
        "--error-logfile",
        str(log_path),
        "--worker-tmp-dir",
        "/dev/shm" if Path("/dev/shm").is_dir() else "/tmp",  # noqa: S108
    ]
    log_path.parent.mkdir(parents=True, exist_ok=True)
    process = subprocess.Popen(  # noqa: S603 - our own gunicorn, fixed arguments
        command, cwd=ROOT, env=env, start_new_session=True
    )
    base = f"http://{HOST}:{port}"
    try:
        wait_ready(base, process, log_path)
        yield Server(base, process.pid)
    finally:
        stop(process)


def wait_ready(base: str, process: subprocess.Popen, log_path: Path, timeout: float = 60) -> None:
    """Poll /healthz until it answers 200 (or fail with the end of the gunicorn log)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            break
        try:
            if loadclient.fetch(f"{base}/healthz", timeout=5).status == 200:
                return
        except (OSError, loadclient.ProtocolError):
            pass
        time.sleep(0.2)
    tail = log_path.read_text(errors="replace")[-3000:] if log_path.exists() else ""
    raise RuntimeError(f"gunicorn did not become ready at {base}\n{tail}")


def stop(process: subprocess.Popen) -> None:
    """Stop the gunicorn master we started (TERM, then KILL its own process group)."""
    if process.poll() is not None:
        return
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)  # the group of the master we started
        process.wait(timeout=10)


def snapshot(base: str, targets: list[scenarios.Target]) -> dict[str, int]:
    """Fetch each page once and write its HTML as a static file; returns sizes in bytes."""
    directory = STATIC_ROOT / scenarios.STATIC_SUBDIR
    directory.mkdir(parents=True, exist_ok=True)
    sizes = {}
    for target in targets:
        if not target.static_copy:
            continue
        response = loadclient.fetch(base + target.path)
        if response.status != 200:
            raise RuntimeError(f"{target.path} answered {response.status}, cannot snapshot it")
        (directory / scenarios.static_file_name(target)).write_bytes(response.body)
        sizes[target.name] = len(response.body)
    return sizes


def static_fingerprint() -> str:
    """A hash over what collectstatic's output depends on: our static sources, the npm packages,
    the settings and the versions of the installed packages that ship static files."""
    digest = hashlib.sha256()
    sources = [*sorted((ROOT / "lotse").glob("**/static")), ROOT / "node_modules"]
    for source in sources:
        for path in sorted(source.rglob("*")):
            if path.is_file():
                stat = path.stat()
                digest.update(f"{path}:{stat.st_size}:{stat.st_mtime_ns}\n".encode())
    for path in sorted((ROOT / "lotse" / "settings").glob("*.py")):
        digest.update(path.read_bytes())
    for distribution in sorted(
        f"{dist.metadata['Name']}=={dist.version}" for dist in metadata.distributions()
    ):
        digest.update(distribution.encode())
    return digest.hexdigest()


def collect_static(*, force: bool) -> None:
    """collectstatic into var/bench/static, skipped when nothing it depends on has changed."""
    marker = STATIC_ROOT / ".bench-fingerprint"
    fingerprint = static_fingerprint()
    manifest = STATIC_ROOT / "staticfiles.json"
    if not force and manifest.exists() and marker.exists() and marker.read_text() == fingerprint:
        log(f"{STATIC_ROOT.relative_to(ROOT)} is up to date (no collectstatic)")
        return
    log(f"collectstatic into {STATIC_ROOT.relative_to(ROOT)}")
    manage(django_env(f"sqlite:///{SQLITE_PATH}"), "collectstatic", "--noinput")
    marker.write_text(fingerprint)


# --- Measuring ----------------------------------------------------------------------------------
CLOCK_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def tree_cpu_seconds(root_pid: int) -> float:
    """CPU seconds (user + system) of a process and its direct children (gunicorn workers),
    each with the CPU of the children it has waited for: the short-lived processes a worker
    forks for a PDF or a calendar (lotse.core.isolated, decision 0031) count as its own."""
    total = 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(entry.name) == root_pid or int(fields[1]) == root_pid:
            total += sum(int(field) for field in fields[11:15])  # utime, stime, cutime, cstime
    return total / CLOCK_TICKS


def process_rss_mb(root_pid: int) -> tuple[float, list[float]]:
    """Resident memory (MB, VmRSS) of a process and of each of its direct children: gunicorn's
    master and its workers. Read from /proc (psutil is not a dependency)."""
    master, workers = process_memory_mb(root_pid)
    return master["rss"], sorted(worker["rss"] for worker in workers)


def _smaps_rollup_kb(pid: str) -> dict[str, int]:
    """Pss and Private_* of /proc/<pid>/smaps_rollup in kB ({} where the kernel has none)."""
    try:
        text = (Path("/proc") / pid / "smaps_rollup").read_text()
    except OSError:
        return {}
    values = {}
    for line in text.splitlines():
        name, _, rest = line.partition(":")
        if name in ("Pss", "Private_Clean", "Private_Dirty") and rest.strip().endswith("kB"):
            values[name] = int(rest.split()[0])
    return values


def process_memory_mb(root_pid: int) -> tuple[dict[str, float], list[dict[str, float]]]:
    """Memory (MB) of gunicorn's master and of each worker: `rss` (VmRSS, which counts the
    pages a worker shares copy-on-write with the master in full, in every worker), `pss` (the
    shared pages divided among the processes sharing them) and `private` (pages only this
    process has: what one more worker costs)."""

    def read(entry: Path, status: dict[str, str]) -> dict[str, float]:
        rollup = _smaps_rollup_kb(entry.name)
        rss_kb = int(status.get("VmRSS", "0 kB").split()[0])
        private_kb = rollup.get("Private_Clean", 0) + rollup.get("Private_Dirty", 0)
        return {
            "rss": round(rss_kb / 1024, 1),
            "pss": round(rollup.get("Pss", 0) / 1024, 1),
            "private": round(private_kb / 1024, 1),
        }

    master: dict[str, float] = {"rss": 0.0, "pss": 0.0, "private": 0.0}
    workers = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            text = (entry / "status").read_text()
        except OSError:
            continue
        status = dict(line.split(":", 1) for line in text.splitlines() if ":" in line)
        if int(entry.name) == root_pid:
            master = read(entry, status)
        elif status.get("PPid", "").strip() == str(root_pid):
            workers.append(read(entry, status))
    return master, sorted(workers, key=lambda worker: worker["rss"])


def cpu_busy_percent(seconds: float = 2.0) -> float | None:
    """How busy all CPUs are (100 = every core busy), sampled from /proc/stat."""

    def sample() -> tuple[int, int]:
        values = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
        idle = values[3] + (values[4] if len(values) > 4 else 0)
        return sum(values), idle

    try:
        total_before, idle_before = sample()
        time.sleep(seconds)
        total_after, idle_after = sample()
    except (OSError, ValueError, IndexError):
        return None
    total = total_after - total_before
    return round(100 * (1 - (idle_after - idle_before) / total), 1) if total else None


def wait_for_quiet(limit_s: float) -> float | None:
    """Sample how busy the CPUs are; with `limit_s`, wait up to that long for a quiet machine."""
    deadline = time.monotonic() + limit_s
    busy = cpu_busy_percent()
    while busy is not None and busy > NOISY_BUSY_PCT and time.monotonic() < deadline:
        log(f"CPU {busy} % busy, waiting for a quieter machine")
        time.sleep(3)
        busy = cpu_busy_percent()
    return busy


def worker_range(megabytes: list[float]) -> str:
    """The smallest and largest worker as "141.2–150.3"; "-" without workers."""
    return f"{min(megabytes):g}–{max(megabytes):g}" if megabytes else "-"


def measure(
    server: Server,
    targets: list[scenarios.Target],
    args: argparse.Namespace,
    previous: dict[str, dict] | None = None,
) -> list:
    """Warm up and load every target in turn; returns one result dict per target.

    `previous`: the rows of the previous run by target name; each row records the goals of its
    target and that run's p95, CPU and req/s next to its own (see `compared`).
    """
    base = server.base
    results = []
    for target in targets:
        options = {
            "method": target.method,
            "headers": target.headers,
            "body": target.body,
            "expect_status": target.expect_status,
            "concurrency": args.concurrency,
        }
        try:
            first = loadclient.fetch(
                base + target.path,
                method=target.method,
                headers=target.headers,
                body=target.body,
            )
        except (OSError, loadclient.ProtocolError) as error:
            # One hopeless URL (e.g. slower than the client's timeout) must not end the run.
            log(f"  WARNING {target.name}: {target.path} failed: {error!r}; skipped")
            results.append(
                {
                    "name": target.name,
                    "path": target.path,
                    "kind": target.kind,
                    "module": target.module,
                    "skipped": repr(error),
                }
            )
            continue
        size = len(first.body)
        check_ok = first.status == target.expect_status and (
            not target.expect_text or target.expect_text.encode() in first.body
        )
        if not check_ok:
            log(
                f"  WARNING {target.name}: {target.path} answered {first.status} "
                f"({size} bytes) without {target.expect_text!r}"
            )
        if args.warmup > 0:
            loadclient.run_load(
                base + target.path,
                duration=args.warmup,
                paths=target.paths(0, VARIANTS_WARMUP),
                **options,
            )
        server_cpu_before = tree_cpu_seconds(server.pid)
        result = loadclient.run_load(
            base + target.path,
            duration=args.duration,
            max_requests=args.max_requests,
            paths=target.paths(VARIANTS_WARMUP, VARIANTS_MEASURED),
            **options,
        )
        server_cpu = tree_cpu_seconds(server.pid) - server_cpu_before
        _master, workers_memory = process_memory_mb(server.pid)
        row = {
            "name": target.name,
            "path": target.path,
            "kind": target.kind,
            "module": target.module,
            "varied": target.variant is not None,
            "bytes": size,
            "check_ok": check_ok,
            **result.as_dict(),
            "server_cpu_s": round(server_cpu, 2),
            "server_cpu_ms_per_request": (
                round(1000 * server_cpu / result.requests, 3) if result.requests else None
            ),
            # Which target makes the workers grow (VmRSS of each worker after it, ascending).
            "worker_rss_mb_after": [worker["rss"] for worker in workers_memory],
        }
        row.update(compared(row, target.goals(), (previous or {}).get(target.name)))
        log(
            f"  {target.name:<14} {row['rps']:>8.1f} req/s  p50 {row['p50_ms']:>7.2f}  "
            f"p95 {row['p95_ms']:>7.2f}  p99 {row['p99_ms']:>7.2f} ms  "
            f"server CPU {row['server_cpu_ms_per_request']} ms/req  errors {row['errors']}"
            f"{goal_summary(row)}  workers {worker_range(row['worker_rss_mb_after'])} MB"
        )
        results.append(row)
    return results


# --- Goals and the previous run ----------------------------------------------------------------
# What a row is compared on: (goal key of scenarios.Target.goals, result key, "below"/"at least").
GOAL_MEASURES = {
    "p95_ms": ("p95_ms", "below"),
    "cpu_ms": ("server_cpu_ms_per_request", "below"),
}
PREVIOUS_KEYS = ("rps", "p95_ms", "server_cpu_ms_per_request")


def goal_met(value: float | None, goal: float, *, at_least: bool = False) -> bool:
    """Whether a measured value reaches its goal (below it; or at least it, for ratios)."""
    if value is None:
        return False
    return value >= goal if at_least else value < goal


def compared(row: dict, goals: dict[str, float], previous: dict | None) -> dict:
    """The goals of a result row, whether they are met, and the previous run's figures."""
    met = {
        key: goal_met(row.get(result_key), goals[key])
        for key, (result_key, _kind) in GOAL_MEASURES.items()
        if key in goals
    }
    before = None
    if previous and "skipped" not in previous:
        before = {key: previous.get(key) for key in PREVIOUS_KEYS}
    return {"goals": goals, "goals_met": met, "previous": before}


def goal_summary(row: dict) -> str:
    """The log line's tail: goals with met/missed and the previous run's p95."""
    parts = []
    for key, (result_key, _kind) in GOAL_MEASURES.items():
        if key in row.get("goals", {}):
            state = "met" if row["goals_met"].get(key) else "missed"
            parts.append(f"{result_key} goal < {row['goals'][key]:g} {state}")
    if row.get("previous"):
        parts.append(f"before: p95 {fmt(row['previous'].get('p95_ms'))} ms")
    return "  (" + "; ".join(parts) + ")" if parts else ""


def fmt(value: float | None, digits: int = 1) -> str:
    """A figure for the tables ("–" when there is none)."""
    return "–" if value is None else f"{value:.{digits}f}"


def goal_cell(row: dict, key: str) -> str:
    """ "< 300 met" / "< 300 missed" for a goal of the row, "" when it has none."""
    goals = row.get("goals") or {}
    if key not in goals:
        return ""
    return f"< {goals[key]:g} {'met' if row.get('goals_met', {}).get(key) else 'missed'}"


def previous_report(db: str, before: str, results_dir: Path | None = None) -> dict | None:
    """The newest result of the same database that started before `before` (ISO time).

    Reads every `*.json` of bench/results/ (file names carry date and time, so no run
    overwrites an earlier one); unreadable files are ignored. Adds `file` (its name).
    """
    limit = datetime.datetime.fromisoformat(before)
    newest: tuple[datetime.datetime, dict] | None = None
    for path in sorted((results_dir or RESULTS_DIR).glob("*.json")):
        try:
            report = json.loads(path.read_text())
            started = datetime.datetime.fromisoformat(report["started_at"])
        except (OSError, ValueError, KeyError, TypeError):
            continue
        if report.get("db") != db or started >= limit:
            continue
        if newest is None or started > newest[0]:
            newest = (started, {**report, "file": path.name})
    return newest[1] if newest else None


def previous_rows(report: dict | None) -> dict[str, dict]:
    """A previous report's result rows by target name."""
    return {row["name"]: row for row in (report or {}).get("results", []) if "name" in row}


def previous_summary(report: dict | None) -> dict | None:
    """What the report records of the run it is compared with."""
    if not report:
        return None
    return {
        "file": report["file"],
        "started_at": report["started_at"],
        "git": (report.get("machine") or {}).get("git", "?"),
        "scale": (report.get("data") or {}).get("scale", "?"),
    }


def memory_summary(server: dict) -> str:
    """Resident memory per worker after the load, with the goal and the previous run's."""
    workers = server.get("worker_rss_mb") or []
    if not workers:
        return f"{server.get('rss_mb_after_load')} MB resident after the load (master + workers)"
    goal = scenarios.TARGET_WORKER_RSS_MB
    state = "met" if max(workers) < goal else "missed"
    text = (
        f"{server['rss_mb_after_load']} MB resident after the load: master "
        f"{server.get('master_rss_mb')} MB, workers {', '.join(f'{mb:g}' for mb in workers)} MB "
        f"(goal < {goal} MB per worker: {state}"
    )
    before = server.get("previous_worker_rss_mb")
    if before:
        text += f"; before: largest worker {max(before):g} MB"
    text += ")"
    pss, private = server.get("worker_pss_mb"), server.get("worker_private_mb")
    if pss and private:
        text += (
            f"; of that shared with the master copy-on-write (`--preload`): proportional share "
            f"(PSS) {', '.join(f'{mb:g}' for mb in pss)} MB, private "
            f"{', '.join(f'{mb:g}' for mb in private)} MB per worker"
        )
    return text


def ratios(results: list[dict], previous: dict | None = None) -> list[dict]:
    """Dynamic/static requests-per-second ratio for every page with a static twin, with the
    goal of the page (`target_static_ratio`) and the previous run's ratio."""
    by_name = {row["name"]: row for row in results}
    before = {row["page"]: row.get("ratio") for row in (previous or {}).get("ratios", [])}
    rows = []
    for row in results:
        twin = by_name.get(f"{row['name']}-static")
        if row["kind"] != "dynamic" or twin is None or "skipped" in row or "skipped" in twin:
            continue
        ratio = round(row["rps"] / twin["rps"], 4) if twin["rps"] else None
        goal = (row.get("goals") or {}).get("static_ratio")
        rows.append(
            {
                "page": row["name"],
                "dynamic_rps": row["rps"],
                "static_rps": twin["rps"],
                "ratio": ratio,
                "dynamic_p50_ms": row["p50_ms"],
                "static_p50_ms": twin["p50_ms"],
                "goal": goal,
                "goal_met": None if goal is None else goal_met(ratio, goal, at_least=True),
                "previous_ratio": before.get(row["name"]),
            }
        )
    return rows


def machine_info() -> dict:
    cpu_model = ""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                cpu_model = line.split(":", 1)[1].strip()
                break
    memory_gb = None
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        first = meminfo.read_text().splitlines()[0].split()
        memory_gb = round(int(first[1]) / 1024 / 1024, 1)

    def version(package: str) -> str:
        try:
            return metadata.version(package)
        except metadata.PackageNotFoundError:
            return "?"

    return {
        "cores": os.cpu_count(),
        "cpu": cpu_model,
        "memory_gb": memory_gb,
        "platform": platform.platform(),
        "python": platform.python_version(),
        "django": version("django"),
        "wagtail": version("wagtail"),
        "gunicorn": version("gunicorn"),
        "load_average_at_start": [round(value, 2) for value in os.getloadavg()],
        "git": git_revision(),
    }


def git_revision() -> str:
    git = shutil.which("git")
    if git is None:
        return "?"
    try:
        revision = subprocess.run(  # noqa: S603 - fixed read-only git command
            [git, "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip()
        dirty = subprocess.run(  # noqa: S603 - fixed read-only git command
            [git, "status", "--porcelain", "--untracked-files=no"],
            cwd=ROOT,
            capture_output=True,
            text=True,
        ).stdout.strip()
    except OSError:
        return "?"
    return f"{revision}{' (modified)' if dirty else ''}" if revision else "?"


# --- Reports ------------------------------------------------------------------------------------
DB_LABELS = {"sqlite": "SQLite", "postgres": "PostgreSQL"}
NOISY_BUSY_PCT = 25.0


def data_only(data: dict) -> str:
    """The `--only …` part of the generator call in the summary ("" when all modules ran)."""
    modules = data.get("modules", "all")
    return "" if modules == "all" else " --only " + " ".join(modules)


def markdown(report: dict) -> str:
    """The short human-readable summary of one run."""
    machine, load, server = report["machine"], report["load"], report["server"]
    busy = machine.get("cpu_busy_before_pct")
    lines = [
        f"# Lotse benchmark — {report['date']}, {DB_LABELS[report['db']]}",
        "",
        f"- Machine: {machine['cores']} cores ({machine['cpu'] or 'unknown CPU'}), "
        f"{machine['memory_gb']} GB RAM; CPU busy just before the load: {busy} %, "
        f"load average at start {machine['load_average_at_start']}",
        f"- Software: Python {machine['python']}, Django {machine['django']}, "
        f"Wagtail {machine['wagtail']}, gunicorn {machine['gunicorn']}, "
        f"{report['database']['version']}; revision {machine['git']}",
        f"- Server: gunicorn `lotse.wsgi` with production settings on {server['bind']}, "
        f"{server['description']}; cache: {server.get('cache', 'local memory per worker')}",
        f"- Memory: {memory_summary(server)}",
        f"- Load: {load['concurrency']} concurrent keep-alive clients (bench/loadclient.py, same "
        f"machine), {load['duration_s']:g} s per URL after {load['warmup_s']:g} s warm-up",
        f"- Data: `generate_bench_data --scale {report['data']['scale']} --seed "
        f"{report['data']['seed']}{data_only(report['data'])}` "
        f"({report['data']['articles']} live articles, all languages)",
    ]
    if busy is not None and busy > NOISY_BUSY_PCT:
        lines.append(
            f"- **Warning:** the machine was {busy} % busy before the load started; other "
            "processes competed for the CPU, so req/s and latencies are pessimistic and noisy. "
            "Server CPU per request is the steadier figure (`--wait-quiet S` waits for a "
            "quiet moment)."
        )
    if report["db"] == "postgres":
        lines.append(
            "- Server CPU counts gunicorn's processes only (with the children a worker forks "
            "for a PDF); PostgreSQL's own CPU time is not included (with SQLite the database "
            "work happens inside the workers)."
        )
    previous = report.get("previous")
    if previous:
        lines.append(
            f"- Before: the previous run of this database, `{previous['file']}` "
            f"(started {previous['started_at']}, revision {previous.get('git', '?')}, "
            f"scale {previous.get('scale', '?')})"
        )
    else:
        lines.append("- Before: no earlier result of this database in bench/results/")
    lines += [
        "",
        "| URL | kind | bytes | requests | errors | req/s | req/s before | p50 ms | p95 ms "
        "| p95 goal ms | p95 before | p99 ms | max ms | server CPU ms/req | CPU goal "
        "| CPU before |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---|---:|",
    ]
    for row in report["results"]:
        if "skipped" in row:
            lines.append(
                f"| `{row['path']}` ({row['name']}) | {row['kind']} | skipped: "
                f"{row['skipped']} |{' |' * 13}"
            )
            continue
        before = row.get("previous") or {}
        lines.append(
            f"| `{row['path']}` ({row['name']}) | {row['kind']} | {row['bytes']} | "
            f"{row['requests']} | {row['errors']} | {row['rps']:.1f} | {fmt(before.get('rps'))} | "
            f"{row['p50_ms']:.2f} | {row['p95_ms']:.2f} | {goal_cell(row, 'p95_ms')} | "
            f"{fmt(before.get('p95_ms'))} | {row['p99_ms']:.2f} | {row['max_ms']:.2f} | "
            f"{fmt(row.get('server_cpu_ms_per_request'), 2)} | {goal_cell(row, 'cpu_ms')} | "
            f"{fmt(before.get('server_cpu_ms_per_request'), 2)} |"
        )
    if report["ratios"]:
        lines += [
            "",
            "Dynamic page vs. the same HTML as a static file from the same server (ceiling):",
            "",
            "| page | dynamic req/s | static req/s | dynamic/static | goal | before |",
            "|---|---:|---:|---:|---|---:|",
        ]
        for row in report["ratios"]:
            ratio = row["ratio"]
            shown = "–" if not ratio else f"{ratio:.3f} (1 : {1 / ratio:.0f})"
            goal = row.get("goal")
            goal_text = (
                "" if goal is None else f"≥ {goal:g} {'met' if row.get('goal_met') else 'missed'}"
            )
            lines.append(
                f"| {row['page']} | {row['dynamic_rps']:.1f} | {row['static_rps']:.1f} | "
                f"{shown} | {goal_text} | {fmt(row.get('previous_ratio'), 3)} |"
            )
    errors = [row for row in report["results"] if row.get("errors")]
    if errors:
        lines += ["", "Errors:"]
        lines += [
            f"- {row['name']}: statuses {row['statuses']}, failures {row['error_kinds']}"
            for row in errors
        ]
    return "\n".join(lines) + "\n"


def write_report(report: dict) -> tuple[Path, Path]:
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    # Date and time in the name: a later run never overwrites an earlier one, which stays the
    # "before" of the next run (previous_report).
    started = datetime.datetime.fromisoformat(report["started_at"])
    stem = f"{started:%Y-%m-%d-%H%M%S}-{report['db']}"
    json_path = RESULTS_DIR / f"{stem}.json"
    md_path = RESULTS_DIR / f"{stem}.md"
    json_path.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    md_path.write_text(markdown(report))
    return json_path, md_path


# --- Main ---------------------------------------------------------------------------------------
def staff_login(env: dict[str, str], targets: list[scenarios.Target]) -> list:
    """Targets with `login=True`: fill their path placeholders and send a staff session cookie.

    The context (ids, session cookie of a bench staff user of the right role) comes from
    `bench.generators.<target.module>.bench_context()`, run once per module through manage.py
    after the data generation.
    """
    modules = sorted({target.module for target in targets if target.login})
    contexts = {}
    for module in modules:
        output = manage(
            env,
            "shell",
            "-v",
            "0",
            "-c",
            f"import json; from bench.generators.{module} import bench_context;"
            "print(json.dumps(bench_context()))",
        )
        contexts[module] = json.loads(output.splitlines()[-1])
    planned = []
    for target in targets:
        if not target.login:
            planned.append(target)
            continue
        context = dict(contexts[target.module])
        cookie = context.pop("cookie")
        planned.append(
            dataclasses.replace(
                target,
                path=target.path.format(**context),
                headers={**target.headers, "Cookie": cookie},
            )
        )
    return planned


def generate_command(args: argparse.Namespace) -> list[str]:
    """`manage.py generate_bench_data` arguments of a run (all modules or `--generate-only`)."""
    command = ["generate_bench_data", "--scale", str(args.scale), "--seed", str(args.seed)]
    if args.generate_only:
        command += ["--only", *args.generate_only]
    return command


def bench_database(db: str, args: argparse.Namespace, config: ServerConfig) -> dict:
    """Prepare one database, run every target against it, return the report."""
    started = datetime.datetime.now(datetime.UTC).astimezone()
    log(f"{DB_LABELS[db]}: preparing the database")
    env = django_env(prepare_database(db, fresh=not args.reuse_db))
    clock = time.monotonic()
    manage(env, "migrate", "--noinput", "-v", "0")
    migrate_s = round(time.monotonic() - clock, 1)
    clock = time.monotonic()
    if args.no_generate and args.reuse_db:
        generated = "generation skipped (--no-generate)"
    else:
        generated = manage(env, *generate_command(args))
    generate_s = round(time.monotonic() - clock, 1)
    log(f"{DB_LABELS[db]}: migrate {migrate_s} s, generate {generate_s} s: {generated}")
    clock = time.monotonic()
    analyze(db)
    analyze_s = round(time.monotonic() - clock, 1)
    log(f"{DB_LABELS[db]}: {'ANALYZE' if db == 'sqlite' else 'VACUUM ANALYZE'} {analyze_s} s")
    articles = int(
        manage(
            env,
            "shell",
            "-v",
            "0",
            "-c",
            "from lotse.content.models import ArticlePage;"
            "print(ArticlePage.objects.live().count())",
        ).splitlines()[-1]
    )
    targets = staff_login(env, scenarios.selected(args.only))
    log_path = WORK_DIR / f"gunicorn-{db}.log"
    log_path.unlink(missing_ok=True)
    snapshot_config = ServerConfig("sync", 1, 1, config.keep_alive)
    with gunicorn(env, snapshot_config, log_path) as server:
        sizes = snapshot(server.base, targets)
    log(f"{DB_LABELS[db]}: static copies written ({sizes})")
    busy_before = wait_for_quiet(args.wait_quiet)
    log(f"{DB_LABELS[db]}: CPU busy before the load: {busy_before} %; {config.describe()}")
    before = previous_report(db, started.isoformat(timespec="seconds"))
    if before:
        log(f"{DB_LABELS[db]}: compared with the previous run {before['file']}")
    with gunicorn(env, config, log_path) as server:
        results = measure(server, targets, args, previous_rows(before))
        master_memory, workers_memory = process_memory_mb(server.pid)
        bind = server.base.removeprefix("http://")
    master_mb = master_memory["rss"]
    workers_mb = [worker["rss"] for worker in workers_memory]
    log(
        f"{DB_LABELS[db]}: resident memory after the load: master {master_mb} MB, workers "
        f"{workers_mb} MB (goal < {scenarios.TARGET_WORKER_RSS_MB} MB per worker); "
        f"proportional (PSS) {[worker['pss'] for worker in workers_memory]} MB, private "
        f"{[worker['private'] for worker in workers_memory]} MB"
    )
    return {
        "schema": 1,
        "date": started.date().isoformat(),
        "db": db,
        "started_at": started.isoformat(timespec="seconds"),
        "finished_at": datetime.datetime.now(datetime.UTC)
        .astimezone()
        .isoformat(timespec="seconds"),
        "machine": {**machine_info(), "cpu_busy_before_pct": busy_before},
        "database": {"engine": db, "version": database_version(db)},
        "data": {
            "scale": args.scale,
            "seed": args.seed,
            "modules": args.generate_only or "all",
            "articles": articles,
            "generator": generated,
            "migrate_s": migrate_s,
            "generate_s": generate_s,
            "analyze_s": analyze_s,
        },
        "server": {
            "command": "gunicorn lotse.wsgi:application",
            "settings": "lotse.settings.production",
            "bind": bind,
            "worker_class": config.worker_class,
            "workers": config.workers,
            "threads": config.threads,
            "keep_alive_s": config.keep_alive,
            "description": config.describe(),
            "rss_mb_after_load": round(master_mb + sum(workers_mb), 1),
            "master_rss_mb": master_mb,
            "worker_rss_mb": workers_mb,
            "worker_pss_mb": [worker["pss"] for worker in workers_memory],
            "worker_private_mb": [worker["private"] for worker in workers_memory],
            "master_private_mb": master_memory["private"],
            "worker_rss_goal_mb": scenarios.TARGET_WORKER_RSS_MB,
            "previous_worker_rss_mb": ((before or {}).get("server") or {}).get("worker_rss_mb"),
            "cache": env.get("LOTSE_REDIS_URL") or "local memory per worker",
        },
        "load": {
            "client": "bench/loadclient.py (threads, keep-alive, same machine)",
            "concurrency": args.concurrency,
            "duration_s": args.duration,
            "warmup_s": args.warmup,
            "max_requests": args.max_requests,
            "percentiles": "nearest rank over successful responses",
        },
        "results": results,
        "ratios": ratios(results, before),
        "previous": previous_summary(before),
    }


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    cores = os.cpu_count() or 1
    parser = argparse.ArgumentParser(description="Load-test Lotse under gunicorn on loopback.")
    parser.add_argument(
        "--db",
        choices=["auto", "sqlite", "postgres", "both"],
        default="auto",
        help="auto = SQLite, plus PostgreSQL when it is reachable at 127.0.0.1:5432",
    )
    parser.add_argument("--scale", type=int, default=1, help="generate_bench_data --scale")
    parser.add_argument("--seed", type=int, default=2026, help="generate_bench_data --seed")
    parser.add_argument("--duration", type=float, default=15.0, help="seconds of load per URL")
    parser.add_argument("--warmup", type=float, default=3.0, help="warm-up seconds per URL")
    parser.add_argument("--concurrency", type=int, default=8, help="concurrent clients")
    parser.add_argument("--max-requests", type=int, default=1_000_000, help="cap per URL")
    parser.add_argument("--worker-class", choices=["gthread", "sync"], default="gthread")
    parser.add_argument("--workers", type=int, default=2 * cores + 1)
    parser.add_argument("--threads", type=int, default=2, help="threads per gthread worker")
    parser.add_argument("--keep-alive", type=int, default=5, help="gunicorn --keep-alive")
    parser.add_argument("--only", nargs="+", metavar="NAME", help="targets by name")
    parser.add_argument(
        "--generate-only",
        nargs="+",
        metavar="MODULE",
        help="generate only these modules' bench data (generate_bench_data --only), "
        "e.g. tariffs; default: every module",
    )
    parser.add_argument(
        "--wait-quiet",
        type=float,
        default=0,
        metavar="S",
        help=f"wait up to S seconds for the CPUs to be under {NOISY_BUSY_PCT:g} %% busy",
    )
    parser.add_argument(
        "--reuse-db",
        action="store_true",
        help="keep the benchmark database of the last run (default: drop and recreate it)",
    )
    parser.add_argument(
        "--no-generate",
        action="store_true",
        help="with --reuse-db: measure the data as it is (no generate_bench_data run)",
    )
    parser.add_argument(
        "--collectstatic",
        action="store_true",
        help="run collectstatic even when the static sources look unchanged",
    )
    args = parser.parse_args(argv)
    if not 0 < args.duration <= loadclient.MAX_DURATION_S:
        parser.error(f"--duration must be in (0, {loadclient.MAX_DURATION_S:g}]")
    if args.scale < 1 or args.concurrency < 1 or args.workers < 1 or args.threads < 1:
        parser.error("--scale, --concurrency, --workers and --threads must be at least 1")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    began = time.monotonic()
    if args.db == "auto":
        databases = ["sqlite", "postgres"] if postgres_reachable() else ["sqlite"]
        if databases == ["sqlite"]:
            log("PostgreSQL at 127.0.0.1:5432 is not reachable: SQLite only")
    elif args.db == "both":
        databases = ["sqlite", "postgres"]
    else:
        databases = [args.db]
    config = ServerConfig(args.worker_class, args.workers, args.threads, args.keep_alive)

    collect_static(force=args.collectstatic)
    written = []
    for db in databases:
        report = bench_database(db, args, config)
        written += write_report(report)
        for row in report["ratios"]:
            log(f"  {row['page']}: dynamic/static = {row['ratio']}")
    for path in written:
        log(f"wrote {path.relative_to(ROOT)}")
    log(f"done in {time.monotonic() - began:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
