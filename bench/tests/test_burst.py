"""The burst client against a tiny fake registration server (no Django, no timing assertions)."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

import pytest

from bench import burst

FORM = (
    '<form><input type="hidden" name="csrfmiddlewaretoken" value="tok123">'
    '<input type="radio" name="site" value="11"><input type="radio" name="site" value="12">'
    "</form>"
)


class _Fake(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    seats = {"11": 1, "12": 1}
    lock = threading.Lock()
    posts: list = []

    def log_message(self, *args):
        pass

    def _send(self, status, body=b"", headers=None):
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        if self.path.endswith("/anmelden/"):
            self._send(200, FORM.encode(), {"Set-Cookie": "csrftoken=abc; Path=/"})
        elif self.path.startswith("/done/"):
            status = self.path.split("/")[2]
            self._send(200, f'<li data-status="{status}">'.encode())
        else:
            self._send(404)

    def do_POST(self):
        data = parse_qs(self.rfile.read(int(self.headers["Content-Length"])).decode())
        if data.get("csrfmiddlewaretoken") != ["tok123"] or "csrftoken=abc" not in self.headers.get(
            "Cookie", ""
        ):
            self._send(403)
            return
        with self.lock:
            site = data["site"][0]
            self.posts.append(site)
            seated = self.seats[site] > 0
            self.seats[site] -= int(seated)
        self._send(302, headers={"Location": f"/done/{'held' if seated else 'waitlisted'}/"})


@pytest.fixture
def fake_server():
    _Fake.seats = {"11": 1, "12": 1}
    _Fake.posts = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Fake)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_extract_form():
    cookie, token, sites = burst.extract_form({"set-cookie": "csrftoken=abc; Path=/"}, FORM)
    assert (cookie, token, sites) == ("csrftoken=abc", "tok123", ["11", "12"])
    production = {"set-cookie": "lang=de; Path=/, __Host-lotse_csrftoken=xyz; Secure; Path=/"}
    assert burst.extract_form(production, FORM)[0] == "__Host-lotse_csrftoken=xyz"
    with pytest.raises(ValueError):
        burst.extract_form({}, "<form></form>")


def _report(**changes) -> dict:
    """A burst report of four attempts by two clients on one seat (SQLite), one of them seated."""
    return {
        "date": "2026-12-06",
        "db": "sqlite",
        "attempts": 4,
        "sites": 1,
        "seats": 1,
        "clients": 2,
        "server": "gthread",
        "database_version": "SQLite 3",
        "machine": "2 cores",
        "summary": burst.summarise(
            [{"number": 1, "seconds": 0.2, "outcome": "seated", "site": "1"}], 1.0
        ),
        "database_counts": {
            "Standort 1": {"capacity": 1, "seated": 1, "booked": 1, "waitlisted": 0}
        },
        "exact": True,
        **changes,
    }


def test_drive_and_summarise(fake_server):
    results, drain = burst.drive(fake_server, attempts=8, clients=3)
    assert len(results) == 8 and all("error" not in r for r in results)
    assert sorted(_Fake.posts) == ["11"] * 4 + ["12"] * 4  # round robin over the sites
    summary = burst.summarise(results, drain)
    assert summary["outcomes"] == {"seated": 2, "waitlisted": 6}
    assert summary["seated_per_site_seen_by_clients"] == {"11": 1, "12": 1}
    assert summary["errors"] == 0 and summary["p95_ms"] >= summary["p50_ms"] > 0
    assert set(summary["steps"]) == {"form", "post", "acknowledgement"}
    assert all(row["count"] == 8 for row in summary["steps"].values())
    assert all(row["p95_ms"] >= row["p50_ms"] > 0 for row in summary["steps"].values())
    report = _report(attempts=8, sites=2, clients=3, server="sync", summary=summary)
    assert "| post |" in burst.markdown({**report, "database_counts": {}})


def test_errors_are_counted(fake_server):
    client = burst.Client(fake_server.replace("127.0.0.1", "localhost"))
    result = client.attempt(1, 0)
    assert "error" not in result
    summary = burst.summarise(
        [result, {"number": 2, "seconds": 0.1, "error": "ValueError: x"}], 1.0
    )
    assert summary["errors"] == 1 and summary["error_kinds"] == {"ValueError: x": 1}


def test_markdown_report():
    report = _report(date="2026-11-22", sites=2)
    text = burst.markdown(report)
    assert "| Standort 1 | 1 | 1 | 1 | 0 |" in text and "**True**" in text


def test_only_loopback():
    with pytest.raises(ValueError):
        burst.Client("http://192.0.2.1:80")


def test_cpu_costs_and_ceiling(monkeypatch):
    monkeypatch.setattr(burst.os, "cpu_count", lambda: 2)
    costs = burst.cpu_costs(attempts=100, server_s=1.5, db_s=0.3, client_s=0.2)
    assert costs == {
        "server_cpu_ms_per_attempt": 15.0,
        "db_cpu_ms_per_attempt": 3.0,
        "client_cpu_ms_per_attempt": 2.0,
        "total_cpu_ms_per_attempt": 20.0,
        "cpu_bound_ceiling_attempts_per_s": 100.0,
    }
    sqlite = burst.cpu_costs(attempts=10, server_s=0.2, db_s=None, client_s=0.0)
    assert sqlite["db_cpu_ms_per_attempt"] is None
    assert sqlite["total_cpu_ms_per_attempt"] == 20.0


def test_db_backend_cpu_of_an_unknown_database_is_zero():
    assert burst.db_backend_cpu_seconds("no-such-database-here") == 0


def test_markdown_shows_cpu_per_attempt():
    report = _report(
        db="postgres",
        database_version="PostgreSQL 15",
        cpu=burst.cpu_costs(attempts=4, server_s=0.08, db_s=0.02, client_s=0.0),
        cpu_busy_before_pct=3.5,
    )
    text = burst.markdown(report)
    assert "3.5 % busy" in text and "| 20.0 | 5.0 | 0.0 | 25.0 |" in text


def test_server_config_preloads_by_default():
    from bench import run

    config = run.ServerConfig("gthread", 4, 8, 5)
    assert config.args() == [
        "--config", "python:lotse.gunicorn_conf",
        "--worker-class", "gthread", "--workers", "4", "--threads", "8", "--preload",
        "--keep-alive", "5",
    ]  # fmt: skip
    assert "preload" in config.describe()
    plain = run.ServerConfig("sync", 3, 1, 0, preload=False)
    assert "--preload" not in plain.args() and "--threads" not in plain.args()
    assert plain.args()[:2] == ["--config", "python:lotse.gunicorn_conf"]
