"""Issue 11/18: no shared development key, and the acknowledgement page only for the browser
that sent the registration."""

import importlib
import stat
import sys

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from lotse.events.models import Registration

from .test_views import form_data


def _dev_settings(monkeypatch, var_dir, key=""):
    monkeypatch.setenv("LOTSE_VAR_DIR", str(var_dir))
    monkeypatch.setenv("LOTSE_SECRET_KEY", key)
    sys.modules.pop("lotse.settings.dev", None)
    sys.modules.pop("lotse.settings.base", None)
    try:
        return importlib.import_module("lotse.settings.dev")
    finally:
        sys.modules.pop("lotse.settings.dev", None)
        sys.modules.pop("lotse.settings.base", None)


def test_dev_settings_make_a_key_per_installation(monkeypatch, tmp_path):
    first = _dev_settings(monkeypatch, tmp_path / "one" / "var")
    key_file = tmp_path / "one" / "var" / "secret-key"
    assert key_file.exists()
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert len(first.SECRET_KEY) >= 50 and "insecure" not in first.SECRET_KEY
    assert _dev_settings(monkeypatch, tmp_path / "one" / "var").SECRET_KEY == first.SECRET_KEY
    other = _dev_settings(monkeypatch, tmp_path / "two" / "var")
    assert other.SECRET_KEY != first.SECRET_KEY
    given = "k" * 60
    three = _dev_settings(monkeypatch, tmp_path / "three", key=given)
    assert given == three.SECRET_KEY
    assert not (tmp_path / "three" / "secret-key").exists()


@pytest.mark.django_db
def test_signed_address_from_another_browser_shows_no_personal_data(make_event):
    event = make_event()
    registrant = Client()
    response = registrant.post(reverse("events:register", args=[event.slug]), form_data(event))
    assert response.status_code == 302
    own = registrant.get(response["Location"])
    assert "Vor1 Nach1" in own.content.decode() and "Platz reserviert" in own.content.decode()
    stranger = Client().get(response["Location"])
    body = stranger.content.decode()
    assert stranger.status_code == 200 and "no-store" in stranger["Cache-Control"]
    assert "Vor1" not in body and "Nach1" not in body and "Platz reserviert" not in body
    assert "Link aus der E-Mail" in body
    assert Registration.objects.count() == 1


@pytest.mark.django_db
def test_acknowledgement_query_count_does_not_grow_with_the_group(make_event):
    event = make_event(capacities=(1,), max_group_size=4)
    client = Client()
    url = reverse("events:register", args=[event.slug])
    client.post(url, form_data(event, n=0))  # the only seat: everyone after waits
    single = client.post(url, form_data(event, n=1))["Location"]
    client.get(single)
    with CaptureQueriesContext(connection) as one:
        client.get(single)
    single_count = len(one.captured_queries)
    colleagues = {
        f"colleagues-{i}-{field}": value
        for i in range(3)
        for field, value in (
            ("first_name", f"K{i}"),
            ("last_name", "Kollegin"),
            ("email", f"k{i}@example.org"),
        )
    }
    group = client.post(url, form_data(event, n=2, **colleagues))["Location"]
    client.get(group)
    with CaptureQueriesContext(connection) as four:
        page = client.get(group)
    assert page.content.decode().count('<li data-status="waitlisted">') == 4
    assert 0 < len(four.captured_queries) <= single_count
