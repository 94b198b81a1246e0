"""The client address behind reverse proxies: rate limits count what the trusted proxy saw."""

import importlib.util

import pytest
import time_machine
from django.test import Client, RequestFactory, override_settings

from lotse.core.clientip import UNKNOWN_ADDRESS, client_ip


def proxy_settings(monkeypatch, **environ) -> dict:
    """The rate-limit settings base.py derives from `environ` (the deployment's variables)."""
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    spec = importlib.util.find_spec("lotse.settings.base")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return {
        "RATELIMIT_IP_META_KEY": module.RATELIMIT_IP_META_KEY,
        "LOTSE_TRUSTED_PROXY_COUNT": getattr(module, "LOTSE_TRUSTED_PROXY_COUNT", 0),
    }


@pytest.fixture
def frozen_clock():
    with time_machine.travel("2026-03-02 10:00:30 +0100", tick=False):
        yield


def failed_login(client: Client, forwarded: str):
    return client.post(
        "/admin/login/",
        {"username": "redaktion", "password": "falsch"},
        HTTP_X_FORWARDED_FOR=forwarded,
    )


@pytest.mark.parametrize(
    "environ",
    [
        # The set-up docs/operations.md documented before: the header named as the address.
        {"LOTSE_RATELIMIT_IP_META_KEY": "HTTP_X_FORWARDED_FOR"},
        {"LOTSE_TRUSTED_PROXY_COUNT": "1"},
    ],
)
@pytest.mark.django_db
def test_a_rotating_forwarded_for_does_not_bypass_the_login_limit(
    monkeypatch, frozen_clock, environ
):
    client = Client(REMOTE_ADDR="10.0.0.2")  # the proxy
    with override_settings(**proxy_settings(monkeypatch, **environ)):
        # The client writes a new X-Forwarded-For each time; the proxy appends what it saw.
        for attempt in range(5):
            response = failed_login(client, f"198.51.100.{attempt}, 203.0.113.5")
            assert response.status_code == 200
        response = failed_login(client, "198.51.100.77, 203.0.113.5")
        assert response.status_code == 429
        # Another client behind the same proxy is not affected.
        assert failed_login(client, "198.51.100.1, 203.0.113.6").status_code == 200


@pytest.mark.django_db
def test_a_list_in_forwarded_for_counts_the_address_the_proxy_appended(monkeypatch, frozen_clock):
    client = Client(REMOTE_ADDR="10.0.0.2", raise_request_exception=False)
    settings = proxy_settings(monkeypatch, LOTSE_RATELIMIT_IP_META_KEY="HTTP_X_FORWARDED_FOR")
    with override_settings(**settings):
        for _attempt in range(5):
            assert failed_login(client, "1.2.3.4, 10.0.0.9").status_code == 200
        assert failed_login(client, "1.2.3.4, 10.0.0.9").status_code == 429
        # 10.0.0.9 is the address the proxy saw; the client's own "1.2.3.4" is not counted.
        assert failed_login(client, "10.0.0.9").status_code == 429
        assert failed_login(client, "5.6.7.8, 1.2.3.4").status_code == 200


def request_from(remote: str, forwarded: str | None = None):
    meta = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **meta)


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "1.2.3.4", "10.0.0.2"),  # no proxy: the header is the client's, ignored
        (1, "1.2.3.4, 10.0.0.9", "10.0.0.9"),
        (2, "1.2.3.4, 10.0.0.9", "1.2.3.4"),
        (2, "6.6.6.6, 1.2.3.4, 10.0.0.9", "1.2.3.4"),
        (1, " 203.0.113.5 ", "203.0.113.5"),
        (1, "203.0.113.5:41234", "203.0.113.5"),
        (1, "[2001:db8::1]:443", "2001:db8::1"),
        (1, "2001:db8::1", "2001:db8::1"),
        (2, "10.0.0.9", "10.0.0.2"),  # fewer entries than proxies: the last hop
        (1, "", "10.0.0.2"),
        (1, "unknown", "10.0.0.2"),
        (1, "1.2.3.4,,", "10.0.0.2"),
        (1, "999.1.1.1", "10.0.0.2"),
        (1, "1.2.3.4/8", "10.0.0.2"),
        (1, "x" * 10_000, "10.0.0.2"),
    ],
)
def test_client_ip(proxies, forwarded, expected):
    with override_settings(LOTSE_TRUSTED_PROXY_COUNT=proxies):
        assert client_ip(request_from("10.0.0.2", forwarded)) == expected


def test_client_ip_without_any_address():
    with override_settings(LOTSE_TRUSTED_PROXY_COUNT=1):
        assert client_ip(request_from("", None)) == UNKNOWN_ADDRESS
        assert client_ip(request_from("", "garbage")) == UNKNOWN_ADDRESS
