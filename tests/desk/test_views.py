"""The public Tarif inquiry form and its confirmation page."""

import datetime as dt

import pytest
import time_machine
from django.core import mail
from django.test import Client

from lotse.desk.models import Inquiry

pytestmark = pytest.mark.django_db

URL = "/tarifauskunft/anfrage/"
URL_EN = "/en/tarifauskunft/anfrage/"
VALID = {
    "sector": "Friseurhandwerk",
    "wz_code": "96.02",
    "question_kind": "entgelt",
    "message": "Welcher Mindestlohn gilt für Friseurinnen?",
    "contact_name": "Erika Mustermann",
    "contact_email": "erika@example.org",
    "contact_phone": "+49 341 123456",
    "contact_organisation": "",
    "consent": "on",
}


def test_form_page_explains_limits_and_privacy(client):
    response = client.get(URL)
    assert response.status_code == 200
    text = response.content.decode()
    assert "keine vollständigen Texte von Tarifverträgen" in text
    assert "Firmen- oder Haustarifverträgen" in text
    assert "keine individuelle Rechtsberatung" in text
    assert "12 Monate nach der Beantwortung" in text
    # The empty form is cacheable (the page cache fills in each visitor's CSRF token); the
    # answer to a POST is not.
    assert "no-store" not in response.get("Cache-Control", "")
    assert "no-store" in client.post(URL, {})["Cache-Control"]


def test_submit_redirects_to_confirmation_with_reference(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, VALID)
    assert response.status_code == 302
    assert response["Location"] == "/tarifauskunft/anfrage/danke/"
    inquiry = Inquiry.objects.get()
    assert inquiry.language == "de"
    assert inquiry.contact_phone == "+49 341 123456"
    confirmation = client.get(response["Location"])
    assert inquiry.reference in confirmation.content.decode()
    assert "no-store" in confirmation["Cache-Control"]
    assert len(mail.outbox) == 1
    assert inquiry.reference in mail.outbox[0].body


def test_confirmation_without_submission_goes_to_the_form(client):
    response = client.get("/tarifauskunft/anfrage/danke/")
    assert response.status_code == 302
    assert response["Location"] == URL


def test_errors_are_german_and_nothing_is_saved(client):
    data = {**VALID, "contact_email": "keine-adresse", "consent": "", "message": "", "wz_code": "x"}
    del data["consent"]
    response = client.post(URL, data)
    assert response.status_code == 200
    text = response.content.decode()
    assert "Bitte geben Sie eine gültige E-Mail-Adresse an" in text
    assert "Ohne Ihre Einwilligung können wir die Anfrage nicht bearbeiten." in text
    assert "Bitte schreiben Sie Ihre Frage." in text
    assert "WZ-Code in der Form 96.02" in text
    assert 'aria-invalid="true"' in text
    assert not Inquiry.objects.exists()
    assert not mail.outbox


def test_overlong_question_is_refused(client):
    response = client.post(URL, {**VALID, "message": "x" * 4001})
    assert response.status_code == 200
    assert not Inquiry.objects.exists()


def test_english_form_and_errors(client, django_capture_on_commit_callbacks):
    response = client.post(URL_EN, {**VALID, "contact_email": ""})
    assert response.status_code == 200
    assert "Please enter your e-mail address." in response.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL_EN, VALID)
    assert response["Location"] == "/en/tarifauskunft/anfrage/danke/"
    assert Inquiry.objects.get().language == "en"
    assert mail.outbox[0].subject.startswith("Your inquiry")


def test_csrf_is_enforced():
    client = Client(enforce_csrf_checks=True)
    response = client.post(URL, VALID)
    assert response.status_code == 403
    assert not Inquiry.objects.exists()


def test_rate_limited_after_five_posts(client, settings):
    settings.LOTSE_DESK_FORM_RATE = "5/m"
    # A frozen clock: the limit counts in fixed one-minute windows, and a slow machine must not
    # let the six posts straddle two windows.
    with time_machine.travel(dt.datetime(2026, 3, 2, 10, 0, 5, tzinfo=dt.UTC), tick=False):
        for _ in range(5):
            assert client.post(URL, {**VALID, "message": ""}).status_code == 200
        response = client.post(URL, VALID)
    assert response.status_code == 429
    assert not Inquiry.objects.exists()
