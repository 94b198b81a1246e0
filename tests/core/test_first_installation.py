"""A first installation as docs/operations.md describes it, on an empty PostgreSQL database.

Production settings and environment, every step a subprocess: `migrate`, `collectstatic`,
`load_initial_content`, then requests through Django's test client in a `manage.py shell`
process (home, legal pages, the directory with the real actors, a Tarifauskunft answer with the
statutory minimum wage), no user after the initial content, `createsuperuser` works, and
`check --deploy` is clean. The database is created for the test and dropped afterwards.

Runs whenever PostgreSQL answers: in the PostgreSQL pass of `make test` (DATABASE_URL), and in
the SQLite pass unless LOTSE_TEST_POSTGRES=1 says that the PostgreSQL pass follows. Where no
PostgreSQL answers it is skipped, except in CI (CI or LOTSE_E2E_REQUIRED set): there it fails.
"""

import json
import os
import secrets
import string
from pathlib import Path

import dj_database_url
import pytest

from tests import processes

BASE_DIR = Path(__file__).resolve().parents[2]
DEFAULT_SERVER = "postgres://postgres@127.0.0.1:5432/postgres"
HOST = "lotse.example"

PROBE = """
import json
from django.contrib.auth import get_user_model
from django.test import Client
from lotse.network.models import Actor

client = Client(HTTP_HOST="lotse.example")
pages = {}
for path in PATHS:
    response = client.get(path, secure=True)
    pages[path] = [response.status_code, response.content.decode()]
print(json.dumps({
    "pages": pages,
    "users": get_user_model().objects.count(),
    "actors": Actor.objects.filter(is_published=True, is_demo=False).count(),
}))
"""
PATHS = [
    "/",
    "/en/",
    "/impressum/",
    "/datenschutz/",
    "/barrierefreiheit/",
    "/netzwerk/",
    "/tarifauskunft/auskunft/?q=Friseur&stand=2026-03-01",
]


def _server_settings() -> dict | None:
    """Connection settings of the PostgreSQL server to use, or None (skip)."""
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith("postgres"):
        return dj_database_url.parse(url)
    if os.environ.get("LOTSE_TEST_POSTGRES") == "1":
        return None  # the PostgreSQL pass of `make test` runs this test
    return dj_database_url.parse(DEFAULT_SERVER)


def _connect(config: dict, dbname: str):
    import psycopg

    return psycopg.connect(
        dbname=dbname,
        user=config.get("USER") or "postgres",
        password=config.get("PASSWORD") or None,
        host=config.get("HOST") or "127.0.0.1",
        port=config.get("PORT") or 5432,
        autocommit=True,
        connect_timeout=5,
    )


@pytest.fixture
def empty_database():
    """A new, empty PostgreSQL database (its URL), dropped after the test."""
    config = _server_settings()
    if config is None:
        pytest.skip("runs in the PostgreSQL pass (LOTSE_TEST_POSTGRES=1)")
    try:
        admin = _connect(config, "postgres")
    except Exception as exc:  # noqa: BLE001 - any connection failure means: no server here
        if os.environ.get("CI") or os.environ.get("LOTSE_E2E_REQUIRED") == "1":
            pytest.fail(f"PostgreSQL is required in CI and does not answer: {exc}")
        pytest.skip(f"no PostgreSQL server answers: {exc}")
    name = f"lotse_first_installation_{os.getpid()}"
    with admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
        user = config.get("USER") or "postgres"
        password = f":{config['PASSWORD']}" if config.get("PASSWORD") else ""
        host = config.get("HOST") or "127.0.0.1"
        port = config.get("PORT") or 5432
        try:
            yield f"postgres://{user}{password}@{host}:{port}/{name}"
        finally:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def production_env(database_url: str, static_root: Path) -> dict[str, str]:
    """The environment of docs/operations.md; nothing of the test run's settings leaks in."""
    env = {
        key: value for key, value in os.environ.items() if not key.startswith(("LOTSE_", "DJANGO_"))
    }
    alphabet = string.ascii_letters + string.digits + "!@#%^&*(-_=+)"
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "lotse.settings.production",
            "DATABASE_URL": database_url,
            "LOTSE_SECRET_KEY": "".join(secrets.choice(alphabet) for _ in range(60)),
            "LOTSE_ALLOWED_HOSTS": HOST,
            "LOTSE_BASE_URL": f"https://{HOST}",
            "LOTSE_REDIS_URL": "redis://127.0.0.1:6379/0",
            "LOTSE_EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "LOTSE_DEFAULT_FROM_EMAIL": f"lotse@{HOST}",
            "LOTSE_STATIC_ROOT": str(static_root),
            "LOTSE_MEDIA_ROOT": str(static_root.parent / "media"),
            "LOTSE_TARIFF_DOCUMENT_ROOT": str(static_root.parent / "documents"),
            "LOTSE_LOG_LEVEL": "WARNING",
        }
    )
    return env


def manage(*args: str, env: dict[str, str]) -> str:
    completed = processes.manage(*args, env=env, timeout=900)
    assert completed.returncode == 0, (
        f"manage.py {' '.join(args)} failed:\n{completed.stdout}\n{completed.stderr}"
    )
    return completed.stdout


def test_first_installation_serves_real_content_without_any_user(empty_database, tmp_path):
    env = production_env(empty_database, tmp_path / "static")

    manage("migrate", "--noinput", "-v", "0", env=env)
    manage("collectstatic", "--noinput", "-v", "0", env=env)
    loaded = manage("load_initial_content", env=env)
    assert "Initial content for state 'sn' loaded." in loaded
    assert "skipped" not in loaded.replace("0 skipped", "")

    # The shell serves the requests without Redis: the shared cache plays no part in them.
    probe_env = {key: value for key, value in env.items() if key != "LOTSE_REDIS_URL"}
    output = manage("shell", "-v", "0", "-c", f"PATHS = {PATHS!r}\n{PROBE}", env=probe_env)
    probe = json.loads(output.strip().splitlines()[-1])
    pages = probe["pages"]
    for path, (status, _html) in pages.items():
        assert status == 200, f"{path} answered {status}"
    assert "Fachkräfte sichern" in pages["/"][1]
    assert "Securing skilled workers" in pages["/en/"][1]
    assert "[Straße und Hausnummer]" in pages["/impressum/"][1]  # the operator completes it
    assert "Datenschutz" in pages["/datenschutz/"][1]
    assert "Barrierefreiheit" in pages["/barrierefreiheit/"][1]
    assert probe["actors"] >= 60
    assert f"{probe['actors']} Akteure gefunden" in pages["/netzwerk/"][1]
    assert "13,90 €" in pages["/tarifauskunft/auskunft/?q=Friseur&stand=2026-03-01"][1]
    assert probe["users"] == 0

    manage(
        "createsuperuser",
        "--noinput",
        "--username",
        "betrieb",
        "--email",
        f"betrieb@{HOST}",
        env={**env, "DJANGO_SUPERUSER_PASSWORD": secrets.token_urlsafe(24)},
    )
    users = manage(
        "shell",
        "-v",
        "0",
        "-c",
        "from django.contrib.auth import get_user_model; "
        "print(list(get_user_model().objects.values_list('username', 'is_superuser')))",
        env=probe_env,
    )
    assert users.strip().splitlines()[-1] == "[('betrieb', True)]"

    manage("check", "--deploy", "--fail-level", "WARNING", env=env)
    # The demo (accounts with a published password) is not even installed in production.
    demo = processes.manage("load_demo", env=env)
    assert demo.returncode != 0
    assert "Unknown command: 'load_demo'" in demo.stderr
