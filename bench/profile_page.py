"""CPU per request of one page rendered in full, and where it goes (cProfile), in one process.

Production settings (DEBUG off, cached template loader) against a database made like the
benchmark's; the page cache is bypassed (every request another `?kalt=n`), so each request is
a cold render. The first requests (template compilation, site root paths) are discarded.

Usage (from the project root, with the environment of `manage.py` for that database):
    DJANGO_SETTINGS_MODULE=bench.settings DATABASE_URL=sqlite:///var/prof.sqlite3 \\
    LOTSE_SECRET_KEY=... LOTSE_SECURE_SSL_REDIRECT=0 LOTSE_ALLOWED_HOSTS=testserver \\
    .venv/bin/python bench/profile_page.py / /wissen/tarifvertraege/ --requests 200
    (staff pages: `--login desk /admin/anfragen/` as the bench desk user)

`--target NAME` profiles a varied benchmark target (bench/scenarios.py) with its own addresses
instead (every request the next `variant(n)`, as `bench/run.py` asks them), e.g.
`--target tariff-lookup-uncached`.

`--wsgi` sends the requests through Django's WSGI handler as gunicorn calls it (with the load
client's headers), not through the test client, whose own work per request (about 0.15 ms:
building the request, cookies, the signals it listens to) is most of a page-cache hit's
(`--cached --wsgi`, decision 0040).
"""

import argparse
import cProfile
import io
import os
import pstats
import sys
import time
from pathlib import Path
from types import SimpleNamespace
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*")
    parser.add_argument("--target", action="append", default=[], help="a varied bench target")
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--warmup", type=int, default=20)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--cached", action="store_true", help="measure hits of the page cache")
    parser.add_argument(
        "--wsgi", action="store_true", help="through the WSGI handler, not the test client"
    )
    parser.add_argument(
        "--login",
        metavar="MODULE",
        help="as the bench staff user of bench.generators.MODULE (bench_context(); its "
        "placeholders, e.g. {desk_district}, are filled in the paths)",
    )
    args = parser.parse_args()

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    import django

    django.setup()
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from bench.scenarios import TARGETS

    variants = {target.name: target.variant for target in TARGETS if target.variant}
    client = WsgiClient() if args.wsgi else Client()
    paths = args.paths
    if args.login:
        from importlib import import_module

        context = import_module(f"bench.generators.{args.login}").bench_context()
        name, _sep, value = context.pop("cookie").partition("=")
        client.cookies[name] = value
        paths = [path.format(**context) for path in paths]
    for path in [*paths, *args.target]:
        separator = "&" if "?" in path else "?"

        def url(n: int, path=path, separator=separator) -> str:
            if path in args.target:
                return variants[path](n)
            return path if args.cached else f"{path}{separator}kalt={n}"

        for n in range(args.warmup):
            if client.get(url(n)).status_code != 200:
                raise SystemExit(f"{path}: not 200")
        with CaptureQueriesContext(connection) as context:
            client.get(url(args.warmup))
        queries = len(context.captured_queries)
        reset_queries()
        profile = cProfile.Profile(time.process_time)
        start = time.process_time()
        profile.enable()
        for n in range(args.warmup + 1, args.warmup + 1 + args.requests):
            client.get(url(n))
        profile.disable()
        cpu_ms = (time.process_time() - start) * 1000 / args.requests
        print(f"\n== {path}: {cpu_ms:.2f} ms CPU per request (with cProfile), {queries} queries")
        start = time.process_time()
        base = args.warmup + 1 + args.requests
        for n in range(base, base + args.requests):
            client.get(url(n))
        plain = (time.process_time() - start) * 1000 / args.requests
        print(f"   {plain:.3f} ms CPU per request without the profiler")
        stats = pstats.Stats(profile)
        stats.sort_stats("cumulative").print_stats(args.top)
        stats.sort_stats("tottime").print_stats(args.top)


class WsgiClient:
    """GETs through Django's WSGI application as gunicorn makes them (`--wsgi`): the load
    client's headers, the body read and the response closed (which sends request_finished)."""

    def __init__(self) -> None:
        from django.core.wsgi import get_wsgi_application

        self.application = get_wsgi_application()
        self.cookies: dict[str, str] = {}

    def get(self, url: str) -> SimpleNamespace:

        path, _sep, query = url.partition("?")
        environ = {
            "REQUEST_METHOD": "GET",
            "PATH_INFO": path,
            "QUERY_STRING": query,
            "SCRIPT_NAME": "",
            "SERVER_NAME": "testserver",
            "SERVER_PORT": "80",
            "SERVER_PROTOCOL": "HTTP/1.1",
            "REMOTE_ADDR": "127.0.0.1",
            "HTTP_HOST": "testserver",
            "HTTP_USER_AGENT": "lotse-bench/1",
            "HTTP_ACCEPT": "text/html,application/json;q=0.9,*/*;q=0.8",
            "HTTP_ACCEPT_ENCODING": "identity",
            "wsgi.url_scheme": "http",
            "wsgi.input": io.BytesIO(b""),
            "wsgi.errors": sys.stderr,
        }
        if self.cookies:
            environ["HTTP_COOKIE"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        status: list[str] = []

        def start_response(line: str, headers: object, exc_info: object = None) -> Any:
            status.append(line)
            return None

        body = self.application(environ, start_response)
        try:
            b"".join(body)
        finally:
            body.close()
        return SimpleNamespace(status_code=int(status[0].split()[0]))


if __name__ == "__main__":
    main()
