"""Issue 11/18: no shared development key, and the acknowledgement page only for the browser
that sent the registration."""

import importlib
import stat
import sys

import pytest
from django.test import Client
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
