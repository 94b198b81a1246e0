"""Correctness under load: real HTTP against a real server process (gunicorn) on the test DB.

The server runs the test settings in its own processes (2 workers x 8 threads) against the
committed test database (`transactional_db`; on SQLite a file, see lotse/settings/test.py).
Each simulated visitor GETs the form (CSRF cookie + token), then all POST at once.
"""

from __future__ import annotations

import http.client
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlencode

import pytest
from django.core import signing
from django.db import connection

from lotse.events.models import SEAT_STATUSES, Registration, RegistrationStatus, Site
from lotse.events.views import DONE_SALT

from .conftest import assert_counters, create_event

ROOT = Path(__file__).resolve().parents[2]
HOST = "127.0.0.1"
TOKEN_RE = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
POSITION_RE = re.compile(r'class="lotse-position">(\d+)<')


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def _database_url() -> str:
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{settings['NAME']}"
    user = settings.get("USER") or "postgres"
    password = f":{settings['PASSWORD']}" if settings.get("PASSWORD") else ""
    host = settings.get("HOST") or "127.0.0.1"
    port = settings.get("PORT") or 5432
    return f"postgres://{user}{password}@{host}:{port}/{settings['NAME']}"


class LiveServer:
    """gunicorn (gthread) on a free loopback port, in its own process group."""

    def __init__(self, app: str = "lotse.wsgi:application", **env):
        self.app = app
        self.port = _free_port()
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "lotse.settings.test",
            "DATABASE_URL": _database_url(),
            "LOTSE_EVENT_REGISTRATION_RATE": "off",
            "PYTHONUNBUFFERED": "1",
            **env,
        }
        self.process: subprocess.Popen | None = None

    def start(self) -> LiveServer:
        command = [
            str(Path(sys.executable).parent / "gunicorn"),
            self.app,
            "--bind",
            f"{HOST}:{self.port}",
            "--worker-class",
            "gthread",
            "--workers",
            "2",
            "--threads",
            "8",
            "--timeout",
            "60",
            "--log-level",
            "warning",
        ]
        self.process = subprocess.Popen(  # noqa: S603 - our gunicorn, fixed arguments
            command, cwd=ROOT, env=self.env, start_new_session=True
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                status, _headers, _body = request(self.port, "GET", "/healthz")
                if status == 200:
                    return self
            except OSError:
                time.sleep(0.2)
        self.kill()
        raise RuntimeError("gunicorn did not start")

    def kill(self) -> None:
        """SIGKILL the process group of the server we started (the crash)."""
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=20)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill()


def request(port, method, path, *, body=None, headers=None, timeout=60):
    conn = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        headers = dict(response.getheaders())
        cookies = [c.split(";")[0] for c in response.msg.get_all("Set-Cookie") or []]
        headers["Cookies"] = "; ".join(cookies)  # every Set-Cookie, as a Cookie header
        return (response.status, headers, response.read().decode("utf-8", "replace"))
    finally:
        conn.close()


class Visitor:
    """One registration attempt: GET form, (wait for the start), POST, follow the redirect."""

    def __init__(self, port: int, event, site, number: int):
        self.port, self.event, self.site, self.number = port, event, site, number
        self.email = f"besucher{number}@example.org"
        self.result: dict = {"number": number, "email": self.email}

    def prepare(self) -> None:
        path = f"/veranstaltungen/{self.event.slug}/anmelden/"
        status, headers, body = request(self.port, "GET", path)
        assert status == 200, status
        cookie = re.search(r"csrftoken=([^;]+)", headers.get("Set-Cookie", "")).group(1)
        self.cookie = f"csrftoken={cookie}"
        self.token = TOKEN_RE.search(body).group(1)
        self.path = path

    def post(self) -> dict:
        data = {
            "csrfmiddlewaretoken": self.token,
            "site": str(self.site.pk),
            "first_name": "Test",
            "last_name": f"Person {self.number}",
            "email": self.email,
            "colleagues-TOTAL_FORMS": "0",
            "colleagues-INITIAL_FORMS": "0",
            "colleagues-MIN_NUM_FORMS": "0",
            "colleagues-MAX_NUM_FORMS": "0",
        }
        try:
            status, headers, _body = request(
                self.port,
                "POST",
                self.path,
                body=urlencode(data),
                headers={
                    "Content-Type": "application/x-www-form-urlencoded",
                    "Cookie": self.cookie,
                },
            )
            self.result["post_status"] = status
            if status == 302:
                location = headers["Location"]
                # The acknowledgement shows the registration only to the browser that sent it.
                follow_status, _h, page = request(
                    self.port,
                    "GET",
                    location,
                    headers={"Cookie": f"{self.cookie}; {headers['Cookies']}"},
                )
                self.result["follow_status"] = follow_status
                if follow_status == 200:
                    signed = location.rstrip("/").split("/")[-1]
                    self.result["ids"] = signing.loads(signed, salt=DONE_SALT)
                    position = POSITION_RE.search(page)
                    self.result["position"] = int(position.group(1)) if position else None
        except (OSError, http.client.HTTPException) as error:
            self.result["error"] = repr(error)
        self.result["done_at"] = time.monotonic()
        return self.result


def burst(port, event, site, count, *, workers=None, start_at=0):
    visitors = [Visitor(port, event, site, start_at + n) for n in range(count)]
    with ThreadPoolExecutor(max_workers=32) as pool:
        list(pool.map(lambda v: v.prepare(), visitors))
    gate = threading.Barrier(len(visitors))

    def go(visitor):
        if workers is None:
            gate.wait()
        return visitor.post()

    with ThreadPoolExecutor(max_workers=workers or len(visitors)) as pool:
        return list(pool.map(go, visitors))


@pytest.fixture
def event_50(transactional_db, django_db_serialized_rollback):
    """Committed data (the server reads it); the migrations' reference data comes back after
    the flush (`django_db_serialized_rollback`), so later tests still find it."""
    event = create_event(capacities=(50,), max_group_size=1)
    return event, event.sites.get()


def test_200_concurrent_registrations_for_50_seats(event_50):
    event, site = event_50
    server = LiveServer().start()
    try:
        results = burst(server.port, event, site, 200)
    finally:
        server.stop()
    errors = [r for r in results if r.get("post_status") != 302 or r.get("follow_status") != 200]
    assert errors == [], errors[:5]
    registrations = list(Registration.objects.filter(event=event).order_by("pk"))
    assert len(registrations) == 200  # no request lost
    seated = [r for r in registrations if r.status in SEAT_STATUSES]
    waiting = [r for r in registrations if r.status == RegistrationStatus.WAITLISTED]
    assert len(seated) == 50 and len(waiting) == 150
    assert {r.status for r in seated} == {RegistrationStatus.HELD}
    assert Site.objects.get(pk=site.pk).booked == 50
    assert_counters(event)
    # Arrival order: every seat went to an earlier arrival than every waiting person, and the
    # positions shown to the visitors are exactly 1..150 in the order of arrival (id).
    assert max(r.pk for r in seated) < min(r.pk for r in waiting)
    shown = {r["ids"][0]: r["position"] for r in results}
    assert [shown[r.pk] for r in waiting] == list(range(1, 151))
    assert all(shown[r.pk] is None for r in seated)


def test_control_without_the_guard_oversells(event_50):
    """The race control: the naive count-then-insert of tests/events/naive.py (served by this
    server only) sells too many, where the real service above sells exactly 50."""
    event, site = event_50
    server = LiveServer(app="tests.events.naive:application").start()
    try:
        results = burst(server.port, event, site, 200)
    finally:
        server.stop()
    assert all(r.get("post_status") == 302 for r in results)
    seated = Registration.objects.filter(site=site, status__in=SEAT_STATUSES).count()
    assert seated > 50, "expected the unguarded count-then-insert to oversell"


def test_production_code_has_no_switch_for_the_naive_path():
    """The count-then-insert control lives in tests only; no setting turns the guard off."""
    sources = (ROOT / "lotse").rglob("*.py")
    assert not [p for p in sources if "CAPACITY_GUARD" in p.read_text(encoding="utf-8")]


def test_crash_in_the_middle_loses_no_acknowledged_registration(event_50):
    event, site = event_50
    server = LiveServer().start()
    killer_done = threading.Event()

    def kill_after_some_answers():
        try:
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                if Registration.objects.filter(event=event).count() >= 40:
                    break
                time.sleep(0.01)
            server.kill()
            killer_done.set()
        finally:
            connection.close()  # this thread's own database connection

    killer = threading.Thread(target=kill_after_some_answers)
    try:
        killer.start()
        results = burst(server.port, event, site, 160, workers=16)
        killer.join(timeout=90)
    finally:
        server.kill()
    assert killer_done.is_set()
    acknowledged = [r for r in results if r.get("follow_status") == 200]
    failed = [r for r in results if "error" in r or r.get("post_status") not in (302, None)]
    assert acknowledged, "some registrations must have been acknowledged before the kill"
    assert failed, "the kill must have hit requests in flight"
    assert not [r for r in results if r.get("post_status") == 500]

    restarted = LiveServer().start()
    try:
        more = burst(restarted.port, event, site, 10, start_at=1000)
    finally:
        restarted.stop()
    assert all(r.get("follow_status") == 200 for r in more)
    for result in acknowledged:
        (registration_id,) = result["ids"]
        registration = Registration.objects.get(pk=registration_id)
        assert registration.email == result["email"]
        assert registration.status in (*SEAT_STATUSES, RegistrationStatus.WAITLISTED)
    assert_counters(event)
    assert Site.objects.get(pk=site.pk).booked == min(
        50, Registration.objects.filter(event=event).count()
    )
