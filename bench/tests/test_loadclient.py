"""The load client against a tiny local HTTP server (no timing assertions)."""

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from bench import loadclient, scenarios


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    seen: list[str] = []

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        _Handler.seen.append(self.path)
        if self.path == "/chunked":
            self.send_response(200)
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            for part in (b"hello ", b"world"):
                self.wfile.write(b"%x\r\n%s\r\n" % (len(part), part))
            self.wfile.write(b"0\r\n\r\n")
            return
        status = 500 if self.path == "/fail" else 200
        body = b"x" * 1000
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        if self.path == "/close":
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_percentile_nearest_rank() -> None:
    values = [float(n) for n in range(1, 101)]
    assert loadclient.percentile(values, 50) == 50.0
    assert loadclient.percentile(values, 99) == 99.0
    assert loadclient.percentile(values, 100) == 100.0
    assert loadclient.percentile([], 50) == 0.0


def test_refuses_non_loopback_targets() -> None:
    with pytest.raises(ValueError, match="loopback"):
        loadclient.ensure_loopback("192.0.2.1")
    with pytest.raises(ValueError, match="loopback"):
        loadclient.run_load("http://192.0.2.1/", duration=1, max_requests=1)


def test_fetch_reads_length_and_chunked_bodies(server: str) -> None:
    assert loadclient.fetch(server + "/").body == b"x" * 1000
    response = loadclient.fetch(server + "/chunked")
    assert (response.status, response.body) == (200, b"hello world")


def test_keep_alive_reuses_one_connection_per_client(server: str) -> None:
    result = loadclient.run_load(server + "/", concurrency=2, duration=30, max_requests=40)
    assert result.requests == 40
    assert result.ok == 40
    assert result.errors == 0
    assert result.connections == 2
    assert 0 < result.p50_ms <= result.p95_ms <= result.p99_ms <= result.max_ms


def test_reconnects_when_the_server_closes(server: str) -> None:
    result = loadclient.run_load(server + "/close", concurrency=1, duration=30, max_requests=5)
    assert (result.ok, result.errors, result.connections) == (5, 0, 5)


def test_unexpected_status_counts_as_error(server: str) -> None:
    result = loadclient.run_load(server + "/fail", concurrency=1, duration=30, max_requests=3)
    assert (result.ok, result.errors, result.statuses) == (0, 3, {"500": 3})
    assert result.rps == 0


def test_scenarios_pair_pages_with_static_twins() -> None:
    plan = scenarios.selected(["home"])
    assert [target.name for target in plan] == ["home", "home-static"]
    assert plan[1].path == "/static/bench-static/home.html"
    assert plan[1].kind == "static"
    with pytest.raises(ValueError, match="unknown"):
        scenarios.selected(["nope"])


def test_varied_paths_are_sent_in_turn(server: str) -> None:
    _Handler.seen.clear()
    paths = [f"/v?n={n}" for n in range(6)]
    result = loadclient.run_load(
        server + "/", concurrency=2, duration=30, max_requests=6, paths=paths
    )
    assert result.ok == 6
    assert sorted(_Handler.seen) == sorted(paths)


def test_uncached_tariff_targets_never_repeat_a_path() -> None:
    target = next(t for t in scenarios.TARGETS if t.name == "tariff-lookup-uncached")
    warm = target.paths(0, 1000)
    measured = target.paths(1000, 38_000)
    assert len(set(measured)) == 38_000
    assert not set(warm) & set(measured)
    assert measured[0].endswith("?wz=25.11.0&stand=2011-05-06")  # n = 1000: sector 0, day 125
    assert all("stand=20" in path for path in measured)
    assert scenarios.Target("home", "/").paths(0, 10) is None
