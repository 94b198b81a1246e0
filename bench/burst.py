"""The registration burst: N registration attempts at S sites of C seats from K concurrent clients.

Each attempt is a full visitor registration: GET the form (CSRF cookie and token), POST it,
follow the redirect to the acknowledgement page. Reuses bench/run.py's helpers: a dedicated
database (var/bench-burst.sqlite3 or `lotse_bench_burst`), migrate, collectstatic, gunicorn
with production settings on loopback. The event is created through the ORM (`manage.py shell`).
The registration rate limit is switched off for this run (LOTSE_EVENT_REGISTRATION_RATE=off,
all clients come from 127.0.0.1); the e-mail hand-off is the database task queue (no worker).

Reports the time to drain, attempts/s, accepted (held) count per site, p50/p95 of one attempt
and errors; writes bench/results/<date>-burst-<db>.json and .md.

Also reports CPU per attempt (gunicorn, PostgreSQL backends, client) and the throughput that
CPU allows on this machine's cores: the steady figure when the machine is shared.

Usage: .venv/bin/python bench/burst.py [--db sqlite|postgres|both] [--attempts 400]
       [--sites 4] [--seats 50] [--clients 32] [--worker-class sync|gthread] [--workers W]
       [--threads T] [--keep-alive S] [--wait-quiet S]
"""

from __future__ import annotations

import argparse
import datetime
import http.client
import json
import os
import re
import sys
import threading
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlencode, urlsplit

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import loadclient, run  # noqa: E402

SLUG = "bench-burst"
TOKEN_RE = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
# "csrftoken" in development/test settings, "__Host-lotse_csrftoken" in production.
COOKIE_RE = re.compile(r"((?:__Host-)?[\w-]*csrftoken)=([^;,\s]+)")
SITE_RE = re.compile(r'name="site" value="(\d+)"')

CREATE_EVENT = """
from datetime import timedelta
from django.utils import timezone
from lotse.core.models import ActorType
from lotse.events.models import Event, Registration, Site
from lotse.network.models import Actor
actor, _ = Actor.objects.get_or_create(slug="bench-veranstalter", defaults={{
    "name": "Bench-Veranstalter", "actor_type": ActorType.objects.order_by("pk").first()}})
Registration.objects.filter(event__slug="{slug}").delete()
Event.objects.filter(slug="{slug}").delete()
start = timezone.now() + timedelta(days=30)
event = Event.objects.create(title="Burst-Forum", slug="{slug}", summary="Benchmark",
    kind="fachforum", status="registration_open", organiser=actor, starts_at=start,
    ends_at=start + timedelta(hours=6), max_group_size=1)
for n in range({sites}):
    Site.objects.create(event=event, name=f"Standort {{n + 1}}", city=f"Ort {{n + 1}}",
        capacity={seats}, sort_order=n)
print("ok")
"""

COUNT_RESULT = """
import json
from django.db.models import Count
from lotse.events.models import Registration, Site, SEAT_STATUSES
rows = {{}}
for site in Site.objects.filter(event__slug="{slug}").order_by("sort_order"):
    regs = Registration.objects.filter(site=site)
    rows[site.name] = {{
        "booked": site.booked,
        "capacity": site.capacity,
        "seated": regs.filter(status__in=SEAT_STATUSES).count(),
        "waitlisted": regs.filter(status="waitlisted").count(),
    }}
print(json.dumps(rows))
"""


def extract_form(headers: dict[str, str], body: str) -> tuple[str, str, list[str]]:
    """CSRF cookie ("name=value"), CSRF form token and the site ids of the registration form."""
    cookie = COOKIE_RE.search(headers.get("set-cookie", ""))
    token = TOKEN_RE.search(body)
    if not cookie or not token:
        raise ValueError("no CSRF cookie/token in the registration form")
    return f"{cookie.group(1)}={cookie.group(2)}", token.group(1), SITE_RE.findall(body)


class Client:
    """One keep-alive connection; each attempt is a new visitor (fresh cookies)."""

    def __init__(self, base: str):
        parts = urlsplit(base)
        loadclient.ensure_loopback(parts.hostname or "")
        self.host, self.port = parts.hostname, parts.port
        self.conn: http.client.HTTPConnection | None = None

    def request(self, method: str, path: str, body: str | None = None, headers=None):
        for attempt in range(2):
            if self.conn is None:
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=120)
            try:
                self.conn.request(method, path, body=body, headers=headers or {})
                response = self.conn.getresponse()
                data = response.read().decode("utf-8", "replace")
                headers: dict[str, str] = {}
                for name, value in response.getheaders():  # several Set-Cookie headers
                    key = name.lower()
                    headers[key] = f"{headers[key]}, {value}" if key in headers else value
                return response.status, headers, data
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                self.conn.close()
                self.conn = None
                if attempt:
                    raise
        raise RuntimeError("unreachable")

    def attempt(self, number: int, site_index: int) -> dict:
        """One full visitor registration; returns timing and outcome."""
        path = f"/veranstaltungen/{SLUG}/anmelden/"
        started = time.perf_counter()
        result: dict = {"number": number, "steps": {}}
        steps = result["steps"]
        try:
            status, headers, body = self.request("GET", path)
            steps["form"] = time.perf_counter() - started
            if status != 200:
                raise ValueError(f"GET form answered {status}")
            cookie, token, sites = extract_form(headers, body)
            site = sites[site_index % len(sites)]
            form = {
                "csrfmiddlewaretoken": token,
                "site": site,
                "first_name": "Bench",
                "last_name": f"Person {number}",
                "email": f"burst{number}@example.org",
                "colleagues-TOTAL_FORMS": "0",
                "colleagues-INITIAL_FORMS": "0",
                "colleagues-MIN_NUM_FORMS": "0",
                "colleagues-MAX_NUM_FORMS": "0",
            }
            posted = time.perf_counter()
            status, headers, _body = self.request(
                "POST",
                path,
                body=urlencode(form),
                headers={
                    "Content-Type": "application/x-www-form-urlencoded",
                    "Cookie": cookie,
                },
            )
            steps["post"] = time.perf_counter() - posted
            result["post_status"] = status
            if status != 302:
                raise ValueError(f"POST answered {status}")
            redirected = time.perf_counter()
            status, _headers, page = self.request("GET", headers["location"])
            steps["acknowledgement"] = time.perf_counter() - redirected
            result["final_status"] = status
            if status != 200:
                raise ValueError(f"acknowledgement answered {status}")
            result["outcome"] = "waitlisted" if 'data-status="waitlisted"' in page else "seated"
            result["site"] = site
        except (OSError, ValueError, http.client.HTTPException) as error:
            result["error"] = f"{type(error).__name__}: {error}"
        result["seconds"] = time.perf_counter() - started
        return result


def drive(base: str, *, attempts: int, clients: int) -> tuple[list[dict], float]:
    """Fire the attempts from `clients` threads; returns results and the time to drain."""
    counter = iter(range(attempts))
    lock = threading.Lock()
    results: list[dict] = []
    gate = threading.Barrier(clients + 1)

    def worker() -> None:
        client = Client(base)
        gate.wait()
        while True:
            with lock:
                number = next(counter, None)
            if number is None:
                return
            outcome = client.attempt(number, number)
            with lock:
                results.append(outcome)

    threads = [threading.Thread(target=worker) for _ in range(clients)]
    for thread in threads:
        thread.start()
    gate.wait()
    started = time.perf_counter()
    for thread in threads:
        thread.join()
    return results, time.perf_counter() - started


def step_percentiles(results: list[dict]) -> dict:
    """p50/p95 (ms) of each request of an attempt: the form GET, the POST, the acknowledgement."""
    report = {}
    for step in ("form", "post", "acknowledgement"):
        times = sorted(r["steps"][step] for r in results if step in r.get("steps", {}))
        if times:
            report[step] = {
                "count": len(times),
                "p50_ms": round(loadclient.percentile(times, 50) * 1000, 1),
                "p95_ms": round(loadclient.percentile(times, 95) * 1000, 1),
            }
    return report


def summarise(results: list[dict], drain_s: float) -> dict:
    """Attempts/s, per-attempt percentiles (nearest rank over all attempts), outcomes, errors."""
    times = sorted(r["seconds"] for r in results)
    errors = [r for r in results if "error" in r]
    outcomes = Counter(r.get("outcome", "error") for r in results)
    per_site = Counter(r["site"] for r in results if r.get("outcome") == "seated")
    return {
        "attempts": len(results),
        "drain_s": round(drain_s, 2),
        "attempts_per_s": round(len(results) / drain_s, 1) if drain_s else None,
        "p50_ms": round(loadclient.percentile(times, 50) * 1000, 1) if times else None,
        "p95_ms": round(loadclient.percentile(times, 95) * 1000, 1) if times else None,
        "max_ms": round(times[-1] * 1000, 1) if times else None,
        "steps": step_percentiles(results),
        "outcomes": dict(outcomes),
        "seated_per_site_seen_by_clients": dict(sorted(per_site.items())),
        "errors": len(errors),
        "error_kinds": dict(Counter(r["error"] for r in errors)),
    }


def markdown(report: dict) -> str:
    s = report["summary"]
    lines = [
        f"# Lotse registration burst — {report['date']}, {run.DB_LABELS[report['db']]}",
        "",
        f"- {report['attempts']} attempts at {report['sites']} sites x {report['seats']} seats "
        f"from {report['clients']} concurrent clients; each attempt = GET form, POST, follow "
        "the redirect",
        f"- Server: gunicorn, production settings, {report['server']}; "
        f"{report['database_version']}; machine {report['machine']}",
        "",
        "| drain s | attempts/s | p50 ms | p95 ms | max ms | errors |",
        "|---:|---:|---:|---:|---:|---:|",
        f"| {s['drain_s']} | {s['attempts_per_s']} | {s['p50_ms']} | {s['p95_ms']} | "
        f"{s['max_ms']} | {s['errors']} |",
        "",
    ]
    if s.get("steps"):
        lines += [
            "| request | p50 ms | p95 ms |",
            "|---|---:|---:|",
            *(
                f"| {step} | {row['p50_ms']} | {row['p95_ms']} |"
                for step, row in s["steps"].items()
            ),
            "",
        ]
    cpu = report.get("cpu")
    if cpu:
        db_ms = "–" if cpu["db_cpu_ms_per_attempt"] is None else cpu["db_cpu_ms_per_attempt"]
        lines += [
            f"CPU per attempt (CPUs {report.get('cpu_busy_before_pct')} % busy before the "
            "burst): the steady figure on a shared machine",
            "",
            "| gunicorn ms | database ms | client ms | total ms | CPU-bound ceiling attempts/s |",
            "|---:|---:|---:|---:|---:|",
            f"| {cpu['server_cpu_ms_per_attempt']} | {db_ms} | "
            f"{cpu['client_cpu_ms_per_attempt']} | {cpu['total_cpu_ms_per_attempt']} | "
            f"{cpu['cpu_bound_ceiling_attempts_per_s']} |",
            "",
        ]
    lines += [
        "| site | capacity | seated (held) | booked counter | waiting list |",
        "|---|---:|---:|---:|---:|",
    ]
    for name, row in report["database_counts"].items():
        lines.append(
            f"| {name} | {row['capacity']} | {row['seated']} | {row['booked']} | "
            f"{row['waitlisted']} |"
        )
    lines += ["", f"Exactly {report['seats']} per site: **{report['exact']}**"]
    if s["errors"]:
        lines += ["", f"Errors: {s['error_kinds']}"]
    return "\n".join(lines) + "\n"


def db_backend_cpu_seconds(database: str) -> float:
    """CPU seconds (user + system) of the PostgreSQL backends connected to `database`.

    Only visible when the server runs on this machine; backends that end during the run take
    their CPU with them, so this is a lower bound (gunicorn keeps its connections open).
    """
    total = 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            if not cmdline.startswith("postgres:") or f" {database} " not in cmdline:
                continue
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / run.CLOCK_TICKS


def cpu_costs(*, attempts: int, server_s: float, db_s: float | None, client_s: float) -> dict:
    """CPU milliseconds per attempt by party, and the throughput the machine could reach.

    Busy shared machines distort attempts/s and latencies; CPU per attempt hardly changes, so
    `cores x 1000 / total` is the ceiling the same code would reach on idle cores.
    """
    per = {
        "server_cpu_ms_per_attempt": round(1000 * server_s / attempts, 2),
        "db_cpu_ms_per_attempt": None if db_s is None else round(1000 * db_s / attempts, 2),
        "client_cpu_ms_per_attempt": round(1000 * client_s / attempts, 2),
    }
    total = sum(value for value in per.values() if value is not None)
    per["total_cpu_ms_per_attempt"] = round(total, 2)
    cores = os.cpu_count() or 1
    per["cpu_bound_ceiling_attempts_per_s"] = round(cores * 1000 / total, 1) if total else None
    return per


def _patient_wait_ready(base, process, log_path, timeout: float = 180):
    """gunicorn may need longer than run.py's 60 s to start on a busy shared machine."""
    return _wait_ready(base, process, log_path, timeout=timeout)


_wait_ready = run.wait_ready


def burst_database(db: str, args: argparse.Namespace) -> dict:
    run.wait_ready = _patient_wait_ready
    run.SQLITE_PATH = ROOT / "var" / "bench-burst.sqlite3"
    run.POSTGRES_DB = "lotse_bench_burst"
    env = run.django_env(run.prepare_database(db, fresh=True))
    env["LOTSE_EVENT_REGISTRATION_RATE"] = "off"
    run.log(f"burst {db}: migrate")
    run.manage(env, "migrate", "--noinput", "-v", "0")
    run.manage(
        env,
        "shell",
        "-v",
        "0",
        "-c",
        CREATE_EVENT.format(slug=SLUG, sites=args.sites, seats=args.seats),
    )
    config = run.ServerConfig(args.worker_class, args.workers, args.threads, args.keep_alive)
    log_path = run.WORK_DIR / f"gunicorn-burst-{db}.log"
    with run.gunicorn(env, config, log_path) as server:
        # One warm-up request per worker process (imports, templates), not counted.
        for _ in range(args.workers):
            loadclient.fetch(f"{server.base}/veranstaltungen/{SLUG}/")
        busy_before = run.wait_for_quiet(args.wait_quiet)
        run.log(f"burst {db}: {args.attempts} attempts from {args.clients} clients")
        server_before = run.tree_cpu_seconds(server.pid)
        db_before = db_backend_cpu_seconds(run.POSTGRES_DB) if db == "postgres" else None
        client_before = time.process_time()
        results, drain = drive(server.base, attempts=args.attempts, clients=args.clients)
        client_s = time.process_time() - client_before
        server_s = run.tree_cpu_seconds(server.pid) - server_before
        db_s = (
            db_backend_cpu_seconds(run.POSTGRES_DB) - db_before if db_before is not None else None
        )
    counts = json.loads(
        run.manage(env, "shell", "-v", "0", "-c", COUNT_RESULT.format(slug=SLUG)).splitlines()[-1]
    )
    exact = all(
        row["seated"] == args.seats and row["booked"] == args.seats for row in counts.values()
    )
    return {
        "schema": 1,
        "date": datetime.datetime.now(datetime.UTC).astimezone().date().isoformat(),
        "db": db,
        "database_version": run.database_version(db),
        "machine": f"{run.machine_info().get('cores')} cores",
        "server": config.describe(),
        "attempts": args.attempts,
        "sites": args.sites,
        "seats": args.seats,
        "clients": args.clients,
        "summary": summarise(results, drain),
        "cpu": cpu_costs(attempts=len(results), server_s=server_s, db_s=db_s, client_s=client_s),
        "cpu_busy_before_pct": busy_before,
        "database_counts": counts,
        "exact": exact,
    }


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Registration burst against gunicorn.")
    parser.add_argument("--db", choices=["sqlite", "postgres", "both"], default="sqlite")
    parser.add_argument("--attempts", type=int, default=400)
    parser.add_argument("--sites", type=int, default=4)
    parser.add_argument("--seats", type=int, default=50)
    parser.add_argument("--clients", type=int, default=32)
    # Sync workers, three per core (docs/operations.md): every request waits in the kernel's
    # accept queue in arrival order, so no client is stuck behind a busy worker's keep-alive
    # connections (gthread 4 x 8 with keep-alive gave the same throughput at twice the p95).
    parser.add_argument("--worker-class", choices=["gthread", "sync"], default="sync")
    parser.add_argument("--workers", type=int, default=3 * (os.cpu_count() or 1))
    parser.add_argument("--threads", type=int, default=8, help="threads per gthread worker")
    parser.add_argument("--keep-alive", type=int, default=5, help="gunicorn --keep-alive")
    parser.add_argument(
        "--wait-quiet",
        type=float,
        default=0,
        metavar="S",
        help="wait up to S seconds for the CPUs to be quiet before the burst",
    )
    args = parser.parse_args(argv)
    if min(args.attempts, args.sites, args.seats, args.clients, args.workers, args.threads) < 1:
        parser.error("all counts must be at least 1")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    databases = ["sqlite", "postgres"] if args.db == "both" else [args.db]
    run.collect_static(force=False)
    run.RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    for db in databases:
        report = burst_database(db, args)
        stem = run.RESULTS_DIR / f"{report['date']}-burst-{db}"
        Path(f"{stem}.json").write_text(json.dumps(report, indent=2) + "\n")
        Path(f"{stem}.md").write_text(markdown(report))
        run.log(f"burst {db}: {json.dumps(report['summary'])}; exact={report['exact']}")
        busy = report["cpu_busy_before_pct"]
        run.log(f"burst {db}: CPU {json.dumps(report['cpu'])}, busy before {busy} %")
        run.log(f"wrote {stem}.json and .md")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
