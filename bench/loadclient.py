"""A small HTTP/1.1 load client for benchmarks on loopback.

N threads, each with its own keep-alive connection, send the same request for a fixed time (or
until a request budget is used up) and record every request's latency and status. The client
is deliberately lean (raw sockets, pre-built request bytes, minimal response parsing) so that
it takes as little CPU as possible from the server it measures on the same machine.

Only loopback addresses are accepted: this is a benchmark tool, not a load generator for
other people's servers.

Use as a module (`run_load`, `fetch`) or from the shell:
    .venv/bin/python bench/loadclient.py http://127.0.0.1:8700/ --concurrency 8 --duration 10
"""

from __future__ import annotations

import argparse
import ipaddress
import itertools
import json
import math
import socket
import threading
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from urllib.parse import urlsplit

MAX_DURATION_S = 600.0
MAX_REQUESTS = 5_000_000
MAX_CONCURRENCY = 256
RECV_SIZE = 256 * 1024


class ProtocolError(Exception):
    """The server's answer was not valid HTTP/1.x as far as this client understands it."""


class ConnectionClosed(ProtocolError):
    """The server closed the connection before a complete response arrived."""


@dataclass(frozen=True)
class Response:
    status: int
    headers: dict[str, str]
    body: bytes


def ensure_loopback(host: str) -> str:
    """Resolve `host` and refuse anything that is not a loopback address."""
    address = socket.gethostbyname(host)
    if not ipaddress.ip_address(address).is_loopback:
        raise ValueError(f"refusing to load-test {host} ({address}): only loopback is allowed")
    return address


def build_request(
    *,
    host: str,
    port: int,
    path: str,
    method: str = "GET",
    headers: dict[str, str] | None = None,
    body: bytes | None = None,
) -> bytes:
    """The raw bytes of one HTTP/1.1 request (keep-alive, no compression)."""
    lines = [
        f"{method} {path} HTTP/1.1",
        f"Host: {host}:{port}",
        "User-Agent: lotse-bench/1",
        "Accept: text/html,application/json;q=0.9,*/*;q=0.8",
        "Accept-Encoding: identity",
        "Connection: keep-alive",
    ]
    for name, value in (headers or {}).items():
        lines.append(f"{name}: {value}")
    if body is not None:
        lines.append(f"Content-Length: {len(body)}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + (body or b"")


class Connection:
    """One keep-alive connection; reconnects when the server closed it."""

    def __init__(self, address: str, port: int, timeout: float = 30.0) -> None:
        self.address = address
        self.port = port
        self.timeout = timeout
        self.sock: socket.socket | None = None
        self.buffer = bytearray()
        self.connects = 0

    def close(self) -> None:
        if self.sock is not None:
            self.sock.close()
        self.sock = None
        self.buffer.clear()

    def _connect(self) -> socket.socket:
        sock = socket.create_connection((self.address, self.port), timeout=self.timeout)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.connects += 1
        self.sock = sock
        return sock

    def request(self, raw: bytes, *, want_body: bool = False) -> Response:
        """Send `raw` and read one response. A stale kept-alive connection is retried once."""
        reused = self.sock is not None
        try:
            return self._exchange(raw, want_body)
        except (ConnectionClosed, ConnectionResetError, BrokenPipeError):
            self.close()
            if not reused:
                raise
            return self._exchange(raw, want_body)

    def _exchange(self, raw: bytes, want_body: bool) -> Response:
        sock = self.sock or self._connect()
        sock.sendall(raw)
        status, headers, version = self._read_head(sock)
        if headers.get("transfer-encoding", "").lower() == "chunked":
            body = self._read_chunked(sock)
        elif "content-length" in headers:
            body = self._read_exact(sock, int(headers["content-length"]))
        else:
            body = self._read_until_close(sock)
        if headers.get("connection", "").lower() == "close" or version == "HTTP/1.0":
            self.close()
        return Response(status, headers if want_body else {}, body if want_body else b"")

    def _fill(self, sock: socket.socket) -> None:
        chunk = sock.recv(RECV_SIZE)
        if not chunk:
            raise ConnectionClosed("connection closed by the server")
        self.buffer += chunk

    def _read_head(self, sock: socket.socket) -> tuple[int, dict[str, str], str]:
        while (end := self.buffer.find(b"\r\n\r\n")) < 0:
            self._fill(sock)
        head = bytes(self.buffer[:end]).decode("latin-1")
        del self.buffer[: end + 4]
        status_line, *header_lines = head.split("\r\n")
        parts = status_line.split(" ", 2)
        if len(parts) < 2 or not parts[0].startswith("HTTP/"):
            raise ProtocolError(f"bad status line: {status_line!r}")
        headers = {}
        for line in header_lines:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
        return int(parts[1]), headers, parts[0]

    def _read_exact(self, sock: socket.socket, length: int) -> bytes:
        while len(self.buffer) < length:
            self._fill(sock)
        body = bytes(self.buffer[:length])
        del self.buffer[:length]
        return body

    def _read_line(self, sock: socket.socket) -> bytes:
        while (end := self.buffer.find(b"\r\n")) < 0:
            self._fill(sock)
        line = bytes(self.buffer[:end])
        del self.buffer[: end + 2]
        return line

    def _read_chunked(self, sock: socket.socket) -> bytes:
        parts = []
        while True:
            size = int(self._read_line(sock).split(b";", 1)[0], 16)
            if size == 0:
                while self._read_line(sock):  # trailers end with an empty line
                    pass
                return b"".join(parts)
            parts.append(self._read_exact(sock, size))
            self._read_exact(sock, 2)

    def _read_until_close(self, sock: socket.socket) -> bytes:
        while True:
            chunk = sock.recv(RECV_SIZE)
            if not chunk:
                break
            self.buffer += chunk
        body = bytes(self.buffer)
        self.close()
        return body


def fetch(
    url: str,
    *,
    method: str = "GET",
    headers: dict[str, str] | None = None,
    body: bytes | None = None,
    timeout: float = 30.0,
) -> Response:
    """One request on a fresh connection (for snapshots and readiness checks)."""
    parts = urlsplit(url)
    if parts.scheme != "http" or not parts.hostname:
        raise ValueError(f"only http:// URLs are supported: {url}")
    address = ensure_loopback(parts.hostname)
    port = parts.port or 80
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    raw = build_request(
        host=parts.hostname, port=port, path=path, method=method, headers=headers, body=body
    )
    connection = Connection(address, port, timeout)
    try:
        return connection.request(raw, want_body=True)
    finally:
        connection.close()


def percentile(sorted_values: list[float], percent: float) -> float:
    """Nearest-rank percentile of an ascending list (0.0 for an empty list)."""
    if not sorted_values:
        return 0.0
    rank = max(1, math.ceil(percent / 100 * len(sorted_values)))
    return sorted_values[min(rank, len(sorted_values)) - 1]


@dataclass
class LoadResult:
    """What one URL under load gave: counts, throughput, latency percentiles (ms)."""

    url: str
    method: str
    concurrency: int
    duration_s: float
    requests: int
    ok: int
    errors: int
    rps: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    max_ms: float
    mean_ms: float
    statuses: dict[str, int] = field(default_factory=dict)
    error_kinds: dict[str, int] = field(default_factory=dict)
    connections: int = 0
    client_cpu_s: float = 0.0  # CPU time this process spent (all threads) during the run

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass
class _WorkerState:
    latencies: list[float] = field(default_factory=list)
    statuses: Counter = field(default_factory=Counter)
    error_kinds: Counter = field(default_factory=Counter)
    requests: int = 0
    connections: int = 0
    finished_at: float = 0.0


def _worker(
    *,
    address: str,
    port: int,
    raws: list[bytes],
    picks: itertools.count,
    expect_status: int,
    timeout: float,
    start: threading.Barrier,
    deadline: list[float],
    budget: itertools.count,
    max_requests: int,
    state: _WorkerState,
) -> None:
    connection = Connection(address, port, timeout)
    clock = time.perf_counter
    start.wait()
    end = deadline[0]
    try:
        while clock() < end and next(budget) < max_requests:
            raw = raws[next(picks) % len(raws)] if len(raws) > 1 else raws[0]
            began = clock()
            try:
                response = connection.request(raw)
            except (OSError, ProtocolError, ValueError) as exc:
                state.requests += 1
                state.error_kinds[type(exc).__name__] += 1
                connection.close()
                continue
            elapsed = clock() - began
            state.requests += 1
            state.statuses[str(response.status)] += 1
            if response.status == expect_status:
                state.latencies.append(elapsed)
    finally:
        state.finished_at = clock()
        state.connections = connection.connects
        connection.close()


def run_load(
    url: str,
    *,
    method: str = "GET",
    headers: dict[str, str] | None = None,
    body: bytes | None = None,
    expect_status: int = 200,
    concurrency: int = 8,
    duration: float = 15.0,
    max_requests: int = MAX_REQUESTS,
    timeout: float = 30.0,
    paths: list[str] | None = None,
) -> LoadResult:
    """Drive `url` with `concurrency` keep-alive clients for `duration` seconds.

    With `paths`, the requests go to these paths of `url`'s server in turn (each request the
    next one, shared by all clients), e.g. to measure answers that are not cached yet.
    Latency percentiles cover the responses with `expect_status`; every other status and every
    transport failure counts as an error. Requests/s = successful responses / wall time.
    """
    if not 1 <= concurrency <= MAX_CONCURRENCY:
        raise ValueError(f"concurrency must be between 1 and {MAX_CONCURRENCY}")
    if not 0 < duration <= MAX_DURATION_S:
        raise ValueError(f"duration must be between 0 and {MAX_DURATION_S} s")
    max_requests = min(max_requests, MAX_REQUESTS)
    parts = urlsplit(url)
    if parts.scheme != "http" or not parts.hostname:
        raise ValueError(f"only http:// URLs are supported: {url}")
    address = ensure_loopback(parts.hostname)
    port = parts.port or 80
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    raws = [
        build_request(
            host=parts.hostname, port=port, path=item, method=method, headers=headers, body=body
        )
        for item in (paths or [path])
    ]

    states = [_WorkerState() for _ in range(concurrency)]
    deadline = [0.0]
    budget = itertools.count()
    picks = itertools.count()

    def set_deadline() -> None:
        deadline[0] = time.perf_counter() + duration

    start = threading.Barrier(concurrency + 1, action=set_deadline)
    threads = [
        threading.Thread(
            target=_worker,
            kwargs={
                "address": address,
                "port": port,
                "raws": raws,
                "picks": picks,
                "expect_status": expect_status,
                "timeout": timeout,
                "start": start,
                "deadline": deadline,
                "budget": budget,
                "max_requests": max_requests,
                "state": state,
            },
            name=f"load-{number}",
            daemon=True,
        )
        for number, state in enumerate(states)
    ]
    for thread in threads:
        thread.start()
    cpu_before = time.process_time()
    start.wait()
    began = deadline[0] - duration
    for thread in threads:
        thread.join(duration + timeout + 5)
    client_cpu = time.process_time() - cpu_before

    latencies = sorted(value for state in states for value in state.latencies)
    statuses: Counter = Counter()
    error_kinds: Counter = Counter()
    for state in states:
        statuses.update(state.statuses)
        error_kinds.update(state.error_kinds)
    requests = sum(state.requests for state in states)
    wall = max(max(state.finished_at for state in states) - began, 1e-9)
    ok = len(latencies)

    def ms(value: float) -> float:
        return round(value * 1000, 2)

    return LoadResult(
        url=url,
        method=method,
        concurrency=concurrency,
        duration_s=round(wall, 3),
        requests=requests,
        ok=ok,
        errors=requests - ok,
        rps=round(ok / wall, 1),
        p50_ms=ms(percentile(latencies, 50)),
        p95_ms=ms(percentile(latencies, 95)),
        p99_ms=ms(percentile(latencies, 99)),
        max_ms=ms(latencies[-1] if latencies else 0.0),
        mean_ms=ms(sum(latencies) / ok if ok else 0.0),
        statuses=dict(sorted(statuses.items())),
        error_kinds=dict(sorted(error_kinds.items())),
        connections=sum(state.connections for state in states),
        client_cpu_s=round(client_cpu, 2),
    )


def main(argv: list[str] | None = None) -> int:
    """Command line: load one loopback URL and print the result as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url", help="http://127.0.0.1:PORT/path (loopback only)")
    parser.add_argument("--concurrency", "-c", type=int, default=8)
    parser.add_argument("--duration", "-d", type=float, default=10.0)
    parser.add_argument("--max-requests", type=int, default=MAX_REQUESTS)
    parser.add_argument("--expect-status", type=int, default=200)
    args = parser.parse_args(argv)
    result = run_load(
        args.url,
        concurrency=args.concurrency,
        duration=args.duration,
        max_requests=args.max_requests,
        expect_status=args.expect_status,
    )
    print(json.dumps(result.as_dict(), indent=2))
    return 0 if result.errors == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
