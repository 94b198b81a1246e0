"""'Plan per E-Mail senden' (outbox, PDF attached by the worker, address not on the check, rate
limits per client and per plan) and 'Mit dem Lotsendienst besprechen' (an inquiry of the desk
with consent recorded, without the personal link)."""

import pytest
from django.core import mail
from django.urls import reverse

from lotse.core.models import OutgoingMail
from lotse.desk.models import Channel, Inquiry, RequesterType, Topic
from lotse.guidance.models import CompanyCheck
from lotse.guidance.selectors import check_by_token
from lotse.guidance.services import check_delete, check_module_answer, checks_retention_delete

from .conftest import module_answers, start_check

pytestmark = pytest.mark.django_db

ADDRESS = "inhaberin@beispiel.de"


@pytest.fixture
def answered(version, zwickau):
    check, token = start_check(version, zwickau, modules=("arbeitsschutz",))
    answers = module_answers(version, "arbeitsschutz", gefaehrdungsbeurteilung="nein")
    check_module_answer(check=check, module_key="arbeitsschutz", answers=answers)
    return check_by_token(token=token), token


def test_plan_mail_through_the_outbox_with_pdf(
    client, answered, django_capture_on_commit_callbacks
):
    check, token = answered
    url = reverse("guidance:mail", args=[token])
    assert client.get(url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"email": ADDRESS})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [ADDRESS]
    assert f"/wegweiser/plan/{token}/" in message.body
    assert "Gefährdungsbeurteilung" in message.body
    name, content, mimetype = message.attachments[0]
    assert mimetype == "application/pdf" and content.startswith(b"%PDF")
    row = OutgoingMail.objects.get()
    assert row.kind == "guidance.plan" and row.body == ""  # the text is gone once sent
    stored = CompanyCheck.objects.filter(pk=check.pk).values()[0]
    assert ADDRESS not in str(stored)
    # deleting the plan deletes the record of its mail
    check_delete(check=check)
    assert not OutgoingMail.objects.exists()


def test_retention_deletes_plan_mail_records(answered, django_capture_on_commit_callbacks):
    import datetime as dt

    from lotse.guidance.services import plan_mail_send

    check, token = answered
    with django_capture_on_commit_callbacks(execute=False):
        plan_mail_send(check=check, token=token, to=ADDRESS)
    assert OutgoingMail.objects.count() == 1
    checks_retention_delete(now=check.last_used_at + dt.timedelta(days=800))
    assert not OutgoingMail.objects.exists() and not CompanyCheck.objects.exists()


@pytest.mark.parametrize("address", ["", "kein-at", "a@b.de\r\nBcc: x@y.de", "x" * 300 + "@a.de"])
def test_plan_mail_refuses_bad_addresses(client, answered, address):
    _check, token = answered
    response = client.post(reverse("guidance:mail", args=[token]), {"email": address})
    assert response.status_code == 400
    assert "E-Mail-Adresse" in response.content.decode()
    assert not OutgoingMail.objects.exists()


def test_plan_mail_rate_limits_per_plan_and_per_client(
    client, answered, settings, version, zwickau
):
    _check, token = answered
    settings.LOTSE_GUIDANCE_MAIL_PLAN_RATE = "2/d"
    settings.LOTSE_GUIDANCE_MAIL_RATE = "3/h"
    url = reverse("guidance:mail", args=[token])
    assert client.post(url, {"email": ADDRESS}).status_code == 302
    assert client.post(url, {"email": ADDRESS}).status_code == 302
    assert client.post(url, {"email": ADDRESS}).status_code == 429  # this plan: 2 a day
    assert OutgoingMail.objects.count() == 2
    _other, other_token = start_check(version, zwickau)
    other = reverse("guidance:mail", args=[other_token])
    assert client.post(other, {"email": ADDRESS}).status_code == 429  # this client: 3 an hour
    assert OutgoingMail.objects.count() == 2


def test_plan_to_desk_with_consent(client, answered, django_capture_on_commit_callbacks):
    _check, token = answered
    url = reverse("guidance:desk", args=[token])
    assert client.get(url).status_code == 200
    refused = client.post(url, {"email": ADDRESS, "note": "Bitte um Rückruf"})
    assert refused.status_code == 400 and not Inquiry.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url,
            {
                "email": ADDRESS,
                "name": "Frau Muster",
                "note": "Bitte um Rückruf",
                "consent": "on",
                "consent_version": "1",
            },
        )
    assert response.status_code == 302
    inquiry = Inquiry.objects.get()
    # A general inquiry of the Lotsendienst from the check's district, the plan attached.
    assert inquiry.topic == Topic.GENERAL and inquiry.channel == Channel.GUIDANCE
    assert inquiry.requester_type == RequesterType.COMPANY
    assert inquiry.district == _check.district
    assert inquiry.consent is True and inquiry.consent_text.version == 1
    assert inquiry.contact_email == ADDRESS and inquiry.message == "Bitte um Rückruf"
    assert "Wegweiser für Betriebe" in inquiry.attachment_text
    assert "Gefährdungsbeurteilung" in inquiry.attachment_text
    assert token not in inquiry.attachment_text and token not in inquiry.message
    assert mail.outbox and mail.outbox[0].to == [ADDRESS]  # the desk's confirmation


def test_plan_to_desk_needs_a_known_consent_version(client, answered):
    _check, token = answered
    response = client.post(
        reverse("guidance:desk", args=[token]),
        {"email": ADDRESS, "consent": "on", "consent_version": "999"},
    )
    assert response.status_code == 400 and not Inquiry.objects.exists()


def test_forged_token_gets_404(client, version):
    for name in ("guidance:mail", "guidance:desk"):
        response = client.post(reverse(name, args=["x" * 43]), {"email": ADDRESS, "consent": "on"})
        assert response.status_code == 404
    assert not OutgoingMail.objects.exists() and not Inquiry.objects.exists()
