"""`make cluster`: Lotse on two app servers behind nginx, proven on this machine (issue 16).

Starts on loopback only (any other address is refused): nginx (Debian's package, unprivileged,
its own prefix in a temporary directory) as the load balancer in front of two gunicorn app
servers A and B (production settings, DEBUG off), one PostgreSQL database `lotse_cluster`,
Redis database 5 as the shared cache, and two `db_worker` processes. Then:

1. the registration burst of bench/burst.py (400 attempts, 4 sites x 50 seats, 32 clients)
   through nginx: exactly 50 per site, no error;
2. the same burst while app server A is killed with SIGKILL half-way: every registration
   acknowledged to a client exists, the seat counters equal the rows, B keeps serving, and the
   only errors are requests that were in flight on A (nginx retries a request on the other
   server only when it was not sent yet, or when it is idempotent; a POST already sent is never
   repeated, it could register twice);
3. writes through server A's own port (a statutory minimum wage added to the Tarif register, a
   Wagtail page unpublished and published again, an event renamed and one seat taken) and reads
   each through server B at once, several times (every worker): never stale;
4. throughput with one and with two app servers (the registration burst and two pages).

Prints PASS/FAIL per step, writes bench/results/<date>-cluster.json and .md, and stops
everything it started (also on Ctrl-C, SIGTERM and failures: every process runs in its own
process group, stopped in `finally`); the temporary directory is removed.

Usage: .venv/bin/python bench/cluster.py [--workers 3] [--keep-temp]   (make cluster)
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import http.client
import ipaddress
import json
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode, urlsplit

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import burst, loadclient, run  # noqa: E402

HOST = "127.0.0.1"
# Overridable, so that several checkouts on one machine do not share (and drop) one database.
DATABASE = os.environ.get("LOTSE_CLUSTER_DB", "lotse_cluster")
# Redis database 5 belongs to this script (flushed at the start); bench/run.py uses 15.
REDIS_URL = os.environ.get("LOTSE_CLUSTER_REDIS_URL", "redis://127.0.0.1:6379/5")
NGINX = "/usr/sbin/nginx"
FIRST_PORT = 8900
# A request counts as in flight at the kill when it started before and ended after it; the
# log's clock has millisecond resolution, the kill and the log line are a few ms apart.
KILL_TOLERANCE_S = 0.25
ADMIN_USER = "cluster-admin"
MILOG_AMOUNT = "23.45"  # an amount no real register holds: its German form shows freshness
MILOG_SHOWN = "23,45"
# A check of step 3: what, path, and whether an answer (status, text) shows the change.
Expectation = tuple[str, str, Callable[[int, str], bool]]
FREE_AFTER = "9 von 10 Plätzen frei"  # the event of step 3 has one site of 10 seats


# --- Pure parts (unit-tested in bench/tests/test_cluster.py) ----------------------------------
def require_loopback(address: str) -> str:
    """The address itself when it is a loopback IP address; anything else is refused."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        raise ValueError(f"refusing {address!r}: only loopback IP addresses are allowed") from None
    if not ip.is_loopback:
        raise ValueError(f"refusing {address}: only loopback addresses are allowed")
    return address


def require_loopback_url(url: str) -> str:
    """A service URL (PostgreSQL, Redis) whose host is a loopback IP address."""
    require_loopback(urlsplit(url).hostname or "")
    return url


LOG_FORMAT = (
    '\'{"t":$msec,"rt":$request_time,"m":"$request_method","u":"$request_uri",'
    '"s":$status,"up":"$upstream_addr","us":"$upstream_status","sent":"$upstream_bytes_sent"}\''
)


def nginx_config(
    *, workdir: Path, two: tuple[str, int], one: tuple[str, int], upstreams: list[tuple[str, int]]
) -> str:
    """nginx.conf: `two` balances over every upstream, `one` sends everything to the first.

    Unprivileged: every path (pid, logs, temporary files) below `workdir`, ports above 1024.
    """
    for host, _port in [two, one, *upstreams]:
        require_loopback(host)
    servers = "\n".join(
        f"        server {host}:{port} max_fails=1 fail_timeout=10s;" for host, port in upstreams
    )
    first_host, first_port = upstreams[0]
    temp = {
        name: workdir / name
        for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")  # all must be writable
    }
    return f"""# Written by bench/cluster.py (the configuration docs/operations.md shows).
worker_processes 1;
daemon off;
pid {workdir}/nginx.pid;
error_log {workdir}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    client_body_temp_path {temp["client_body"]};
    proxy_temp_path {temp["proxy"]};
    fastcgi_temp_path {temp["fastcgi"]};
    uwsgi_temp_path {temp["uwsgi"]};
    scgi_temp_path {temp["scgi"]};
    log_format cluster escape=json {LOG_FORMAT};

    upstream lotse {{
{servers}
    }}
    upstream lotse_one {{
        server {first_host}:{first_port};
    }}

    proxy_set_header Host $host;
    proxy_set_header X-Forwarded-Proto $scheme;
    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
    # Try the next server only when the request could not be handed over (connection refused
    # or reset before sending, connect timeout). nginx never passes a request with a
    # non-idempotent method (POST, PATCH, LOCK) to another server once it was sent, unless
    # `non_idempotent` is listed here: it must not be, a repeated registration POST would
    # register twice. GETs in flight on a failed server are retried on the next one.
    proxy_next_upstream error timeout;
    proxy_next_upstream_tries 2;
    proxy_connect_timeout 2s;
    proxy_read_timeout 60s;
    client_max_body_size 12m;

    server {{
        listen {two[0]}:{two[1]};
        access_log {workdir}/access-two.log cluster;
        location / {{ proxy_pass http://lotse; }}
    }}
    server {{
        listen {one[0]}:{one[1]};
        access_log {workdir}/access-one.log cluster;
        location / {{ proxy_pass http://lotse_one; }}
    }}
}}
"""


def parse_access_log(text: str) -> list[dict]:
    """The JSON lines of the `cluster` log format (incomplete last line ignored)."""
    entries = []
    for line in text.splitlines():
        try:
            entries.append(json.loads(line))
        except json.JSONDecodeError:
            continue
    return entries


def sent_twice(entry: dict) -> bool:
    """Whether nginx handed the request to more than one server (bytes sent to each)."""
    counts = entry["sent"].split(", ")  # a log without the field is an error, not a pass
    return sum(1 for sent in counts if sent.strip() not in ("", "-", "0")) > 1


def in_flight(entry: dict, kill_at: float, tolerance: float = KILL_TOLERANCE_S) -> bool:
    """Whether a logged request was under way when the server was killed."""
    ended = float(entry["t"])
    started = ended - float(entry["rt"])
    return started <= kill_at + tolerance and ended >= kill_at - tolerance


@dataclass
class Step:
    """One step's verdict: PASS when no check failed."""

    name: str
    checks: dict[str, bool] = field(default_factory=dict)
    details: dict = field(default_factory=dict)

    @property
    def passed(self) -> bool:
        return bool(self.checks) and all(self.checks.values())

    def as_dict(self) -> dict:
        return {"name": self.name, "passed": self.passed, "checks": self.checks, **self.details}


def counters_match(counts: dict[str, dict]) -> bool:
    """Every site's seat counter equals its seated rows and stays within the capacity."""
    return all(
        row["booked"] == row["seated"] and row["seated"] <= row["capacity"]
        for row in counts.values()
    )


def evaluate_burst(summary: dict, counts: dict[str, dict], seats: int) -> Step:
    """Step 1: no error, exactly `seats` seated and counted per site."""
    step = Step("burst through nginx")
    step.checks = {
        "no errors": summary["errors"] == 0,
        f"exactly {seats} per site": bool(counts)
        and all(row["seated"] == seats for row in counts.values()),
        "counters equal rows": counters_match(counts),
    }
    return step


def evaluate_kill(
    *,
    results: list[dict],
    counts: dict[str, dict],
    emails: set[str],
    entries: list[dict],
    kill_at: float,
    killed: str,
    survivor: str,
    seats: int,
) -> Step:
    """Step 2: the burst with server `killed` (host:port) killed at `kill_at` (epoch seconds)."""
    acknowledged = [r for r in results if r.get("outcome")]
    missing = sorted(
        r["number"] for r in acknowledged if f"burst{r['number']}@example.org" not in emails
    )
    client_errors = [r for r in results if "error" in r]
    failed = [e for e in entries if int(e["s"]) >= 500]
    stray = [e for e in failed if e["up"] != killed or not in_flight(e, kill_at)]
    after = [e for e in entries if float(e["t"]) > kill_at + 1 and int(e["s"]) < 500]
    served_by_survivor = sum(1 for e in after if e["up"].split(", ")[-1] == survivor)
    retried = [e for e in entries if ", " in e["up"]]
    # A POST refused by the dead server (connection refused: nothing sent) may go to the next.
    resent_posts = [e for e in retried if e["m"] == "POST" and sent_twice(e)]
    step = Step("burst, one app server killed half-way")
    step.checks = {
        "every acknowledged registration exists": not missing,
        "counters equal rows": counters_match(counts),
        f"at most {seats} per site": all(row["seated"] <= seats for row in counts.values()),
        "the other server kept serving": served_by_survivor > 0
        and all(e["up"].split(", ")[-1] == survivor for e in after),
        "errors only for requests in flight on the killed server": not stray,
        "every client error is one of them": len(client_errors) == len(failed),
        "no POST sent to both servers": not resent_posts,
    }
    step.details = {
        "attempts": len(results),
        "acknowledged": len(acknowledged),
        "registrations_in_database": len(emails),
        "acknowledged_missing": missing,
        "client_errors": len(client_errors),
        "client_error_kinds": sorted({r["error"] for r in client_errors}),
        "failed_requests": [{key: e[key] for key in ("m", "u", "s", "up", "rt")} for e in failed],
        "retried_on_survivor": [
            {key: e.get(key) for key in ("m", "u", "s", "up", "us", "sent")} for e in retried
        ],
        "served_by_survivor_after_kill": served_by_survivor,
        "database_counts": counts,
    }
    return step


def evaluate_fresh(checks: list[dict]) -> Step:
    """Step 3: no read through B showed the change before it, every read after it does."""
    step = Step("writes through A, reads through B")
    step.checks = {
        check["what"]: bool(check["fresh"])
        and all(check["fresh"])
        and not any(check["fresh_before"])
        for check in checks
    }
    step.details = {"reads": checks}
    return step


class FormScraper(HTMLParser):
    """The fields a browser would submit from each form of a page (as in `forms`).

    Inputs in <template> elements (the empty forms of inline panels) are not part of a form.
    """

    SKIPPED_TYPES = frozenset({"submit", "button", "image", "file", "reset"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: list[dict] = []
        self._form: dict | None = None
        self._template_depth = 0
        self._select: str | None = None
        self._textarea: str | None = None
        self._text: list[str] = []

    def _add(self, name: str | None, value: str) -> None:
        if self._form is not None and name and not self._template_depth:
            self._form["fields"].append((name, value))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {key: value or "" for key, value in attrs}
        if tag == "template":
            self._template_depth += 1
        elif tag == "form":
            self._form = {"action": a.get("action", ""), "method": a.get("method", "get").lower()}
            self._form["fields"] = []
            self.forms.append(self._form)
        elif tag == "input":
            kind = a.get("type", "text").lower()
            if kind in self.SKIPPED_TYPES or ("disabled" in a):
                return
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            self._add(a.get("name"), a.get("value", "on" if kind == "checkbox" else ""))
        elif tag == "select":
            self._select = a.get("name")
        elif tag == "option" and self._select and "selected" in a:
            self._add(self._select, a.get("value", ""))
        elif tag == "textarea":
            self._textarea, self._text = a.get("name"), []

    def handle_data(self, data: str) -> None:
        if self._textarea is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "template":
            self._template_depth = max(0, self._template_depth - 1)
        elif tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            self._add(self._textarea, "".join(self._text).removeprefix("\n"))
            self._textarea = None


def post_form(body: str, must_have: str = "csrfmiddlewaretoken") -> list[tuple[str, str]]:
    """The fields of the page's main POST form: the first with `must_have`, not the logout."""
    scraper = FormScraper()
    scraper.feed(body)
    for form in scraper.forms:
        names = {name for name, _value in form["fields"]}
        if form["method"] == "post" and "logout" not in form["action"] and must_have in names:
            return form["fields"]
    raise ValueError(f"no POST form with {must_have!r} on the page")


def replace_fields(fields: list[tuple[str, str]], changes: dict[str, str]) -> list[tuple[str, str]]:
    """The fields with the values of `changes` (added when absent)."""
    kept = [(name, changes.get(name, value)) for name, value in fields]
    present = {name for name, _value in fields}
    return kept + [(name, value) for name, value in changes.items() if name not in present]


def throughput_rows(runs: dict[str, dict]) -> list[dict]:
    """One row per measurement with one and with two app servers, and their ratio."""
    rows = []
    for name, pair in runs.items():
        one, two = pair.get("one"), pair.get("two")
        ratio = round(two / one, 2) if one and two else None
        rows.append({"what": name, "one_server": one, "two_servers": two, "two_to_one": ratio})
    return rows


def step_summary(step: dict) -> str:
    """The numbers behind one step's verdict, in one line."""
    parts = []
    summary = step.get("summary")
    if summary:
        parts.append(
            f"{summary['attempts']} attempts, {summary['attempts_per_s']}/s, p95 "
            f"{summary['p95_ms']} ms, {summary['errors']} errors"
        )
    if "server_cpu_ms_per_attempt" in step:
        parts.append(f"app-server CPU {step['server_cpu_ms_per_attempt']} ms/attempt")
    if "requests_per_app_server" in step:
        parts.append(f"requests per app server {step['requests_per_app_server']}")
    if "acknowledged" in step:
        parts.append(
            f"{step['acknowledged']} acknowledged, {step['registrations_in_database']} rows, "
            f"{len(step['failed_requests'])} requests failed in flight on the killed server, "
            f"{len(step['retried_on_survivor'])} passed on to the other server, "
            f"{step['served_by_survivor_after_kill']} answered by it after the kill"
        )
    if "database_counts" in step:
        seated = [row["seated"] for row in step["database_counts"].values()]
        booked = [row["booked"] for row in step["database_counts"].values()]
        parts.append(f"seated per site {seated}, counters {booked}")
    if "reads" in step:
        parts += [f"{r['what']}: {sum(r['fresh'])}/{len(r['fresh'])} fresh" for r in step["reads"]]
    if "error" in step:
        parts.append(step["error"])
    return "; ".join(parts)


def markdown(report: dict) -> str:
    """Short summary of one run."""
    lines = [
        f"# Lotse on two app servers — {report['date']}",
        "",
        f"- {report['setup']}",
        f"- Machine: {report['machine']['cores']} cores, {report['machine']['cpu']}; "
        f"CPU {report['cpu_busy_before_pct']} % busy before the run; revision "
        f"{report['machine']['git']}",
        f"- Tasks done per db_worker: {report.get('tasks_done_per_db_worker')}",
        "",
        "| step | result |",
        "|---|---|",
    ]
    for step in report["steps"]:
        failed = [name for name, ok in step["checks"].items() if not ok]
        verdict = "PASS" if step["passed"] else f"FAIL ({'; '.join(failed)})"
        lines.append(f"| {step['name']} | {verdict} |")
    lines.append("")
    lines += [f"- {step['name']}: {step_summary(step)}" for step in report["steps"]]
    if report.get("throughput"):
        lines += [
            "",
            "| throughput | one app server | two app servers | two / one |",
            "|---|---:|---:|---:|",
        ]
        for row in report["throughput"]:
            lines.append(
                f"| {row['what']} | {row['one_server']} | {row['two_servers']} | "
                f"{row['two_to_one']} |"
            )
    return "\n".join(lines) + "\n"


# --- Processes --------------------------------------------------------------------------------
def log(message: str) -> None:
    stamp = datetime.datetime.now(datetime.UTC).astimezone().strftime("%H:%M:%S")
    print(f"[cluster {stamp}] {message}", flush=True)


def stop_group(process: subprocess.Popen, sig: int = signal.SIGTERM) -> None:
    """Stop a process we started in its own session: `sig`, then SIGKILL to its group."""
    if process.poll() is None:
        process.send_signal(sig)
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=20)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)  # leftovers of the group we created
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=10)


@contextlib.contextmanager
def started(command: list[str], *, env: dict[str, str], log_path: Path, stop_signal: int):
    """Run a command in its own process group, output to `log_path`; always stop it."""
    with log_path.open("ab") as output:
        process = subprocess.Popen(  # noqa: S603 - our own binaries, fixed arguments
            command, cwd=ROOT, env=env, stdout=output, stderr=output, start_new_session=True
        )
    try:
        yield process
    finally:
        stop_group(process, stop_signal)


def wait_http(url: str, process: subprocess.Popen, log_path: Path, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        try:
            if loadclient.fetch(url, timeout=5).status == 200:
                return
        except (OSError, loadclient.ProtocolError):
            pass
        time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer\n{log_path.read_text(errors='replace')[-2000:]}")


def cluster_env(database_url: str) -> dict[str, str]:
    """bench/run.py's production environment with this script's database and Redis."""
    os.environ["LOTSE_BENCH_REDIS_URL"] = REDIS_URL  # run.bench_cache_url flushes this one
    env = run.django_env(database_url)
    if env.get("LOTSE_REDIS_URL") != REDIS_URL:
        raise RuntimeError(f"Redis at {REDIS_URL} does not answer: the cluster needs it")
    env["LOTSE_EVENT_REGISTRATION_RATE"] = "off"  # every client is 127.0.0.1
    env["LOTSE_TRUSTED_PROXY_COUNT"] = "1"  # nginx in front (direct requests: no header)
    env["LOTSE_EMAIL_BACKEND"] = "django.core.mail.backends.console.EmailBackend"
    return env


# --- HTTP with cookies (the back office through server A) -------------------------------------
class Browser:
    """Cookies and one connection per request; enough for the back office's forms."""

    def __init__(self, base: str):
        parts = urlsplit(base)
        self.host, self.port = require_loopback(parts.hostname or ""), parts.port
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, fields=None) -> tuple[int, dict[str, str], str]:
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if fields is not None:
            body = urlencode(fields)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection = http.client.HTTPConnection(self.host, self.port, timeout=60)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            text = response.read().decode("utf-8", "replace")
            for header in response.headers.get_all("Set-Cookie") or []:
                for name, morsel in SimpleCookie(header).items():
                    self.cookies[name] = morsel.value
            return response.status, {k.lower(): v for k, v in response.getheaders()}, text
        finally:
            connection.close()

    def submit(self, path: str, changes: dict[str, str], must_have: str = "csrfmiddlewaretoken"):
        """GET the form at `path`, POST its fields with `changes`; returns status, body."""
        status, _headers, body = self.request("GET", path)
        if status != 200:
            raise RuntimeError(f"GET {path} answered {status}")
        fields = replace_fields(post_form(body, must_have), changes)
        status, headers, body = self.request("POST", path, fields)
        if status != 302:
            errors = re.findall(r'class="[^"]*error-message[^"]*"[^>]*>\s*<[^>]*>([^<]+)', body)
            raise RuntimeError(f"POST {path} answered {status}: {errors or body[:500]}")
        return status, headers


def reads(base: str, path: str, times: int) -> list[tuple[int, str]]:
    """`times` GETs of `path` (new connection each, so every worker gets some)."""
    out = []
    for _ in range(times):
        response = loadclient.fetch(base + path, timeout=60)
        out.append((response.status, response.body.decode("utf-8", "replace")))
    return out


# --- Steps -------------------------------------------------------------------------------------
def shell(env: dict[str, str], code: str) -> str:
    return run.manage(env, "shell", "-v", "0", "-c", code).splitlines()[-1]


def new_burst_event(env: dict[str, str], *, sites: int, seats: int) -> None:
    shell(env, burst.CREATE_EVENT.format(slug=burst.SLUG, sites=sites, seats=seats))


def burst_counts(env: dict[str, str]) -> dict[str, dict]:
    return json.loads(shell(env, burst.COUNT_RESULT.format(slug=burst.SLUG)))


EMAILS = (
    "import json; from lotse.events.models import Registration;"
    f"print(json.dumps(list(Registration.objects.filter(event__slug='{burst.SLUG}')"
    ".values_list('email', flat=True))))"
)


def per_upstream(entries: list[dict]) -> dict[str, int]:
    """Requests answered by each app server (the last one nginx tried)."""
    return dict(Counter(e["up"].split(", ")[-1] for e in entries))


def step_burst(
    env: dict[str, str], base: str, log_path: Path, pids: list[int], args: argparse.Namespace
) -> Step:
    new_burst_event(env, sites=args.sites, seats=args.seats)
    offset = len(log_path.read_text())
    cpu_before = sum(run.tree_cpu_seconds(pid) for pid in pids)
    results, drain = burst.drive(base, attempts=args.attempts, clients=args.clients)
    cpu = sum(run.tree_cpu_seconds(pid) for pid in pids) - cpu_before
    summary = burst.summarise(results, drain)
    counts = burst_counts(env)
    step = evaluate_burst(summary, counts, args.seats)
    step.details = {
        "summary": summary,
        "server_cpu_ms_per_attempt": round(1000 * cpu / len(results), 1),
        "requests_per_app_server": per_upstream(parse_access_log(log_path.read_text()[offset:])),
        "database_counts": counts,
    }
    return step


def kill_half_way(log_path: Path, posts: int, pid: int, done: threading.Event, out: dict) -> None:
    """Watch nginx's access log; after `posts` POSTs kill the app server `pid` (its group)."""
    seen = 0
    with log_path.open() as lines:
        while not done.is_set():
            seen += lines.read().count('"m":"POST"')
            if seen >= posts:
                out["kill_at"] = time.time()
                os.killpg(pid, signal.SIGKILL)
                return
            time.sleep(0.01)


def step_kill(
    env: dict[str, str],
    base: str,
    log_path: Path,
    server_a: run.Server,
    ports: dict[str, int],
    args: argparse.Namespace,
) -> Step:
    """The burst again; app server A's process group gets SIGKILL after half of its POSTs."""
    new_burst_event(env, sites=args.sites, seats=args.seats)
    offset = len(log_path.read_text())
    done, out = threading.Event(), {}
    posts = log_path.read_text().count('"m":"POST"') + args.attempts // 2
    watcher = threading.Thread(
        target=kill_half_way, args=(log_path, posts, server_a.pid, done, out), daemon=True
    )
    watcher.start()
    try:
        results, drain = burst.drive(base, attempts=args.attempts, clients=args.clients)
    finally:
        done.set()
        watcher.join()
    if "kill_at" not in out:
        raise RuntimeError("the burst ended before half of its POSTs: nothing was killed")
    time.sleep(0.5)  # nginx writes its last lines
    entries = parse_access_log(log_path.read_text()[offset:])
    step = evaluate_kill(
        results=results,
        counts=burst_counts(env),
        emails=set(json.loads(shell(env, EMAILS))),
        entries=entries,
        kill_at=out["kill_at"],
        killed=f"{HOST}:{ports['a']}",
        survivor=f"{HOST}:{ports['b']}",
        seats=args.seats,
    )
    step.details["summary"] = burst.summarise(results, drain)
    return step


FRESH_SETUP = """
import json
from lotse.content.models import ArticlePage
from django.contrib.auth import get_user_model
User = get_user_model()
User.objects.filter(username="{user}").delete()
User.objects.create_superuser("{user}", "cluster@example.org", "{password}")
page = ArticlePage.objects.live().public().order_by("pk").first()
from lotse.events.models import Event
event = Event.objects.get(slug="{slug}")
print(json.dumps({{"page_id": page.pk, "page_url": page.url, "page_title": page.title,
    "event_id": event.pk}}))
"""


def login(browser: Browser, password: str) -> None:
    browser.submit(
        "/admin/login/", {"username": ADMIN_USER, "password": password}, must_have="username"
    )


def step_fresh(env: dict[str, str], a: str, b: str, args: argparse.Namespace) -> Step:
    """Per check: read through B (warms every worker), write through A, read through B again.

    Each check passes when no read before the write and every read after it shows the change
    (`args.reads` reads each, new connections, so all of B's workers answer some).
    """
    new_burst_event(env, sites=1, seats=10)
    password = secrets.token_urlsafe(24)
    facts = json.loads(
        shell(env, FRESH_SETUP.format(user=ADMIN_USER, password=password, slug=burst.SLUG))
    )
    browser = Browser(a)
    login(browser, password)
    checks: list[dict] = []

    def check(write: Callable[[], object], *expectations: Expectation) -> None:
        before = [reads(b, path, args.reads) for _what, path, _shows in expectations]
        write()
        for (what, path, shows), earlier in zip(expectations, before, strict=True):
            later = reads(b, path, args.reads)
            checks.append(
                {
                    "what": what,
                    "path": path,
                    "fresh_before": [bool(shows(*answer)) for answer in earlier],
                    "fresh": [bool(shows(*answer)) for answer in later],
                }
            )

    # Tarif register: a statutory minimum wage from today on, through the snippet form.
    today = datetime.datetime.now(datetime.UTC).astimezone().date().isoformat()
    check(
        lambda: browser.submit(
            "/admin/snippets/tariffs/statutoryminimumwage/add/",
            {"valid_from": today, "amount": MILOG_AMOUNT, "source": "bench/cluster.py"},
        ),
        (
            "Tarif register: new statutory minimum wage (wage check)",
            "/tarifauskunft/lohncheck/?betrag=30&einheit=hourly",
            lambda status, text: MILOG_SHOWN in text,
        ),
    )
    # A Wagtail page: unpublished (B answers 404), then published again (B shows it).
    page, pk = facts["page_url"], facts["page_id"]
    check(
        lambda: browser.submit(f"/admin/pages/{pk}/unpublish/", {}),
        ("Wagtail page unpublished", page, lambda status, text: status == 404),
    )
    check(
        lambda: browser.submit(f"/admin/bulk/wagtailcore/page/publish/?id={pk}", {}),
        ("Wagtail page published again", page, lambda status, text: status == 200),
    )
    # An event: renamed in the back office (B's detail page and registration form), and a
    # seat taken through A's registration form (B's free places).
    detail = f"/veranstaltungen/{burst.SLUG}/"
    title = f"Cluster-Forum {secrets.token_hex(3)}"
    check(
        lambda: browser.submit(
            f"/admin/snippets/events/event/edit/{facts['event_id']}/",
            {"title": title, "speakers-count": "0"},  # the event has no speakers (StreamField)
            must_have="title",
        ),
        ("event renamed: detail page", detail, lambda status, text: title in text),
        ("event renamed: registration form", f"{detail}anmelden/", lambda s, t: title in t),
    )

    def register() -> None:
        outcome = burst.Client(a).attempt(10_000, 0)
        if "error" in outcome:
            raise RuntimeError(f"registration through A failed: {outcome['error']}")

    check(register, ("event: a seat taken through A", detail, lambda s, t: FREE_AFTER in t))
    return evaluate_fresh(checks)


def step_throughput(
    env: dict[str, str], ports: dict[str, int], pids: list[int], args: argparse.Namespace
) -> dict:
    """Registration burst and two pages through nginx: A only, then A and B.

    Besides the rate, the app servers' CPU per request (both gunicorn trees; B idles while
    only A serves): the steadier figure when other work shares the cores.
    """
    runs: dict[str, dict] = {}
    for label in ("one", "two"):
        base = f"http://{HOST}:{ports[label]}"
        new_burst_event(env, sites=args.sites, seats=args.seats)
        cpu = sum(run.tree_cpu_seconds(pid) for pid in pids)
        results, drain = burst.drive(base, attempts=args.attempts, clients=args.clients)
        cpu = sum(run.tree_cpu_seconds(pid) for pid in pids) - cpu
        rate = burst.summarise(results, drain)["attempts_per_s"]
        measured = {"registration burst, attempts/s": (rate, cpu, len(results))}
        for name, path in (
            ("home page, req/s", "/"),
            ("event page, req/s", f"/veranstaltungen/{burst.SLUG}/"),
        ):
            cpu = sum(run.tree_cpu_seconds(pid) for pid in pids)
            result = loadclient.run_load(
                base + path, concurrency=args.concurrency, duration=args.duration
            )
            cpu = sum(run.tree_cpu_seconds(pid) for pid in pids) - cpu
            measured[name] = (round(result.rps, 1), cpu, result.requests)
        for name, (rate, cpu, count) in measured.items():
            runs.setdefault(name, {})[label] = rate
            cpu_name = name.split(",")[0] + ", app-server CPU ms per request"
            runs.setdefault(cpu_name, {})[label] = round(1000 * cpu / count, 1) if count else None
    return {"rows": throughput_rows(runs)}


# --- Main --------------------------------------------------------------------------------------
@dataclass
class Cluster:
    workdir: Path
    env: dict[str, str]
    ports: dict[str, int]
    stack: contextlib.ExitStack
    args: argparse.Namespace
    servers: dict[str, run.Server] = field(default_factory=dict)

    def app_server(self, name: str) -> run.Server:
        config = run.ServerConfig("sync", self.args.workers, 1, 5)
        log_path = self.workdir / f"gunicorn-{name}.log"
        server = self.stack.enter_context(
            run.gunicorn(self.env, config, log_path, port=self.ports[name])
        )
        self.servers[name] = server
        return server

    def base(self, name: str) -> str:
        return f"http://{HOST}:{self.ports[name]}"


def free_ports(names: list[str]) -> dict[str, int]:
    ports: dict[str, int] = {}
    start = FIRST_PORT
    for name in names:
        ports[name] = run.free_port(start)
        start = ports[name] + 1
    return ports


def start_cluster(cluster: Cluster) -> None:
    env, workdir, stack = cluster.env, cluster.workdir, cluster.stack
    for name in ("a", "b"):
        server = cluster.app_server(name)
        log(f"app server {name.upper()}: {server.base} (gunicorn pid {server.pid})")
    for n in (1, 2):
        stack.enter_context(
            started(
                [sys.executable, str(ROOT / "manage.py"), "db_worker", "--interval", "1"],
                env=env,
                log_path=workdir / f"db_worker-{n}.log",
                stop_signal=signal.SIGTERM,
            )
        )
    config = workdir / "nginx.conf"
    upstreams = [(HOST, cluster.ports["a"]), (HOST, cluster.ports["b"])]
    config.write_text(
        nginx_config(
            workdir=workdir,
            two=(HOST, cluster.ports["two"]),
            one=(HOST, cluster.ports["one"]),
            upstreams=upstreams,
        )
    )
    nginx_log = workdir / "nginx.out"
    nginx = stack.enter_context(
        started(
            [NGINX, "-p", str(workdir), "-c", str(config), "-e", str(workdir / "error.log")],
            env=env,
            log_path=nginx_log,
            stop_signal=signal.SIGQUIT,  # graceful shutdown
        )
    )
    wait_http(f"{cluster.base('two')}/healthz", nginx, nginx_log)
    log(f"nginx: {cluster.base('two')} (A and B), {cluster.base('one')} (A only)")


def report_step(name: str, steps: list[dict], action, *args) -> None:
    """Run one step; an exception is its failure (reported, the next steps still run)."""
    try:
        step = action(*args)
    except Exception as error:  # noqa: BLE001 - any failure fails the step, with its reason
        step = Step(name, {"ran to the end": False}, {"error": f"{type(error).__name__}: {error}"})
    step.name = name
    steps.append(step.as_dict())
    log(f"{'PASS' if step.passed else 'FAIL'}: step {len(steps)}, {name}")
    for check, ok in step.checks.items():
        log(f"    {'ok  ' if ok else 'FAIL'} {check}")
    if "error" in step.details:
        log(f"    {step.details['error']}")


def run_steps(cluster: Cluster, steps: list[dict]) -> dict:
    args, env = cluster.args, cluster.env
    two = cluster.base("two")
    log("step 1: registration burst through nginx")
    access = cluster.workdir / "access-two.log"
    pids = [server.pid for server in cluster.servers.values()]
    report_step("registration burst through nginx", steps, step_burst, env, two, access, pids, args)
    log("step 2: the same burst, app server A killed with SIGKILL half-way")
    report_step(
        "burst, app server A killed half-way",
        steps,
        step_kill,
        env,
        two,
        access,
        cluster.servers["a"],
        cluster.ports,
        args,
    )
    log("app server A: started again on its port")
    with contextlib.suppress(ProcessLookupError):
        os.killpg(cluster.servers["a"].pid, signal.SIGKILL)  # when step 2 failed before
    cluster.app_server("a")
    time.sleep(11)  # nginx's fail_timeout: A is tried again
    log("step 3: writes through A, reads through B")
    report_step(
        "writes through A, reads through B at once",
        steps,
        step_fresh,
        env,
        cluster.base("a"),
        cluster.base("b"),
        args,
    )
    log("step 4: throughput with one and with two app servers")
    try:
        pids = [server.pid for server in cluster.servers.values()]
        return step_throughput(env, cluster.ports, pids, args)
    except Exception as error:  # noqa: BLE001 - the numbers are missing, the proof stands
        log(f"throughput not measured: {type(error).__name__}: {error}")
        return {"rows": [], "error": f"{type(error).__name__}: {error}"}


def worker_tasks(workdir: Path) -> list[int]:
    """Tasks each db_worker finished (from their logs)."""
    return [
        path.read_text(errors="replace").count("state=SUCCESSFUL")
        for path in sorted(workdir.glob("db_worker-*.log"))
    ]


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Lotse on two app servers behind nginx.")
    parser.add_argument("--workers", type=int, default=3, help="sync workers per app server")
    parser.add_argument("--attempts", type=int, default=400)
    parser.add_argument("--sites", type=int, default=4)
    parser.add_argument("--seats", type=int, default=50)
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--reads", type=int, default=6, help="reads through B per check")
    parser.add_argument("--concurrency", type=int, default=8, help="clients of the page loads")
    parser.add_argument("--duration", type=float, default=10.0, help="seconds per page load")
    parser.add_argument("--keep-temp", action="store_true", help="keep the temporary directory")
    args = parser.parse_args(argv)
    if min(args.workers, args.attempts, args.sites, args.seats, args.clients, args.reads) < 1:
        parser.error("all counts must be at least 1")
    return args


def terminate(signum, _frame) -> None:
    raise KeyboardInterrupt(f"signal {signum}")


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    require_loopback(HOST)
    require_loopback_url(run.POSTGRES_SERVER)
    require_loopback_url(REDIS_URL)
    if not re.fullmatch(r"[a-z_][a-z0-9_]{0,62}", DATABASE):
        raise SystemExit(f"LOTSE_CLUSTER_DB {DATABASE!r} is not a plain database name")
    if not Path(NGINX).exists():
        raise SystemExit(f"{NGINX} is missing: apt-get install nginx")
    signal.signal(signal.SIGTERM, terminate)
    run.POSTGRES_DB = DATABASE
    busy = run.cpu_busy_percent()
    steps: list[dict] = []
    throughput = None
    tasks: list[int] = []
    workdir = Path(tempfile.mkdtemp(prefix="lotse-cluster-"))
    try:
        with contextlib.ExitStack() as stack:
            run.collect_static(force=False)
            env = cluster_env(run.prepare_database("postgres", fresh=True))
            log(f"database {DATABASE}: migrate, initial content")
            run.manage(env, "migrate", "--noinput", "-v", "0")
            run.manage(env, "load_initial_content")
            ports = free_ports(["a", "b", "two", "one"])
            cluster = Cluster(workdir, env, ports, stack, args)
            start_cluster(cluster)
            throughput = run_steps(cluster, steps)
        tasks = worker_tasks(workdir)
    finally:
        if args.keep_temp:
            log(f"kept {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    report = {
        "schema": 1,
        "date": datetime.datetime.now(datetime.UTC).astimezone().date().isoformat(),
        "setup": (
            f"nginx {nginx_version()} -> 2 x gunicorn (sync x {args.workers}, preload, "
            f"production settings), PostgreSQL {run.postgres_version()} `{DATABASE}`, Redis "
            f"{REDIS_URL}, 2 x db_worker; burst {args.attempts} attempts, {args.sites} x "
            f"{args.seats} seats, {args.clients} clients"
        ),
        "machine": run.machine_info(),
        "cpu_busy_before_pct": busy,
        "steps": steps,
        "tasks_done_per_db_worker": tasks,
        "throughput": (throughput or {}).get("rows", []),
    }
    for row in report["throughput"]:
        log(f"throughput {row}")
    run.RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    stem = run.RESULTS_DIR / f"{report['date']}-cluster"
    Path(f"{stem}.json").write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    Path(f"{stem}.md").write_text(markdown(report))
    log(f"wrote {stem}.json and .md")
    log(f"tasks done per db_worker: {tasks}")
    passed = len(steps) == 3 and all(step["passed"] for step in steps)
    log("PASS" if passed else "FAIL")
    return 0 if passed else 1


def nginx_version() -> str:
    completed = subprocess.run([NGINX, "-v"], capture_output=True, text=True, check=False)  # noqa: S603
    return completed.stderr.strip().rsplit("/", 1)[-1]


if __name__ == "__main__":
    raise SystemExit(main())
