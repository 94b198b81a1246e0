"""`run.measure` checks a POST target with its own method and body before the load."""

import argparse
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import SimpleNamespace

import pytest

from bench import run, scenarios


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args: object) -> None:
        pass

    def _answer(self, status: int, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        self._answer(405, b"method not allowed")

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", 0))
        received = self.rfile.read(length)
        self._answer(200, b'{"status": "open", "echo": ' + received + b"}")


@pytest.fixture
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_a_post_target_is_checked_with_its_method_and_body(server: str) -> None:
    target = scenarios.Target(
        "post",
        "/evaluate",
        method="POST",
        headers={"Content-Type": "application/json"},
        body=b'{"a": 1}',
        expect_text='"echo": {"a": 1}',
    )
    args = argparse.Namespace(concurrency=1, warmup=0, duration=5, max_requests=3)
    fake = SimpleNamespace(base=server, pid=os.getpid())
    [row] = run.measure(fake, [target], args)
    assert row["check_ok"] is True
    assert row["errors"] == 0


def test_each_row_records_the_workers_memory_after_its_target(server: str) -> None:
    """The VmRSS of every child of the server process after the target's load (which target
    makes the workers grow); here the child is a sleeping process of the test."""
    target = scenarios.Target("post", "/evaluate", method="POST", body=b"{}")
    args = argparse.Namespace(concurrency=1, warmup=0, duration=5, max_requests=1)
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        [row] = run.measure(SimpleNamespace(base=server, pid=os.getpid()), [target], args)
    finally:
        child.kill()
        child.wait()
    assert row["worker_rss_mb_after"], row
    assert row["worker_rss_mb_after"] == sorted(row["worker_rss_mb_after"])
    assert all(megabytes > 0 for megabytes in row["worker_rss_mb_after"])


def test_the_workers_range_in_the_log() -> None:
    assert run.worker_range([141.2, 150.3, 144.0]) == "141.2–150.3"
    assert run.worker_range([]) == "-"
