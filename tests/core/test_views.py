"""Platform views: the health check and the error pages."""

import pytest
from django.db import OperationalError
from django.test import override_settings
from django_tasks import task
from django_tasks_db.models import DBTaskResult

from lotse.core import selectors

pytestmark = pytest.mark.django_db

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@task()
def noop_task() -> None:
    """A task that does nothing (module level, as task backends require)."""


def test_healthz_reports_database_and_tasks(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert body["status"] == "ok"
    assert body["database"]["ok"] is True
    assert body["database"]["vendor"] in {"sqlite", "postgresql"}
    assert body["database"]["latency_ms"] >= 0
    # The test settings run tasks immediately; there is no queue to report on.
    assert body["tasks"] == {"ok": True, "backend": "ImmediateBackend"}


def test_healthz_is_never_cached(client):
    response = client.get("/healthz")
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"no-store", "no-cache", "private"} <= cache_control


def test_healthz_answers_head_and_refuses_post(client):
    assert client.head("/healthz").status_code == 200
    assert client.post("/healthz").status_code == 405


def test_healthz_counts_the_database_queue(client):
    with override_settings(TASKS=DATABASE_TASKS):
        response = client.get("/healthz")
        assert response.status_code == 200
        tasks = response.json()["tasks"]
        assert tasks["backend"] == "DatabaseBackend"
        assert tasks["counts"] == {}
        assert tasks["oldest_ready_age_seconds"] is None

        noop_task.using(backend="default").enqueue()
        noop_task.enqueue()
        assert DBTaskResult.objects.count() == 2
        DBTaskResult.objects.filter(pk=DBTaskResult.objects.values("pk")[:1]).update(
            status="FAILED"
        )
        tasks = client.get("/healthz").json()["tasks"]
    assert tasks["ok"] is True
    assert tasks["counts"] == {"ready": 1, "failed": 1}
    assert 0 <= tasks["oldest_ready_age_seconds"] < 60


class BrokenConnection:
    """Stands in for the database connection: the server is gone."""

    vendor = "postgresql"

    def cursor(self):
        raise OperationalError("could not connect to server: secret-host:5432")


def test_healthz_answers_503_when_the_database_is_down(client, monkeypatch):
    monkeypatch.setattr(selectors, "connection", BrokenConnection())
    response = client.get("/healthz")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "error"
    assert body["database"] == {"ok": False, "vendor": "postgresql", "error": "OperationalError"}
    assert body["tasks"]["ok"] is False
    # The exception's text (host names, credentials) never leaves the server.
    assert "secret-host" not in response.content.decode()
    assert "no-store" in response["Cache-Control"]


def test_healthz_answers_503_when_the_task_table_is_unreadable(client, monkeypatch):
    def broken_values(*args, **kwargs):
        raise OperationalError("no such table: django_tasks_database_dbtaskresult")

    monkeypatch.setattr(DBTaskResult.objects, "values", broken_values)
    with override_settings(TASKS=DATABASE_TASKS):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["tasks"] == {
        "ok": False,
        "backend": "DatabaseBackend",
        "error": "OperationalError",
    }


def test_healthz_needs_no_session_or_login(client):
    response = client.get("/healthz")
    assert "sessionid" not in response.cookies
    assert "Set-Cookie" not in response


@pytest.mark.parametrize(
    ("url", "status", "text"),
    [
        ("/gibt-es-nicht/", 404, "Seite nicht gefunden"),
        ("/en/does-not-exist/", 404, 'lang="en"'),
    ],
)
def test_not_found_page(client, portal_module, url, status, text):
    response = client.get(url)
    assert response.status_code == status
    assert text in response.content.decode()
