"""The desk's mails go through the outbox (core/mail.py): after the commit, recorded, retried."""

import datetime as dt

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from lotse.core.models import MailStatus, OutgoingMail
from lotse.desk import services
from lotse.desk.models import Inquiry, Status

from .conftest import BERLIN, make_inquiry

pytestmark = pytest.mark.django_db

FORM = {
    "sector": "Gebäudereinigung",
    "question_kind": "ave",
    "message": "Ist der Tarifvertrag allgemeinverbindlich?",
    "contact_name": "Erika Mustermann",
    "contact_email": "erika@example.org",
    "consent": True,
}


def test_answer_is_sent_by_the_worker_after_the_commit(
    tariff_staff, django_capture_on_commit_callbacks
):
    inquiry = make_inquiry(received_at=timezone.now())
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.inquiry_answer_send(inquiry=inquiry, answer_text="es gilt X.", user=tariff_staff)
    assert mail.outbox == []  # nothing sent in the request, the transaction or under the lock
    for callback in callbacks:
        callback()
    (message,) = mail.outbox
    assert message.to == ["erika@example.org"] and "es gilt X." in message.body
    record = OutgoingMail.objects.get(kind="desk.tarif.answer")
    assert (record.status, record.recipient, record.object_id) == (
        MailStatus.SENT,
        "erika@example.org",
        inquiry.pk,
    )


def test_answer_is_recorded_while_the_mail_server_is_down(
    tariff_staff, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.flaky_mail.BrokenBackend"
    inquiry = make_inquiry(received_at=timezone.now())
    with django_capture_on_commit_callbacks(execute=True):
        services.inquiry_answer_send(inquiry=inquiry, answer_text="es gilt X.", user=tariff_staff)
    inquiry.refresh_from_db()
    assert inquiry.status == Status.ANSWERED
    record = OutgoingMail.objects.get(kind="desk.tarif.answer")
    assert (record.status, record.attempts) == (MailStatus.QUEUED, 1)  # retried later
    assert "mail server down" in record.last_error


def test_confirmation_goes_through_the_outbox(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        inquiry = services.inquiry_submit(**FORM, language="en")
    assert mail.outbox == []
    for callback in callbacks:
        callback()
    record = OutgoingMail.objects.get(kind="desk.tarif.confirmation")
    assert (record.status, record.language) == (MailStatus.SENT, "en")
    assert mail.outbox[0].subject == f"Your inquiry {inquiry.reference}"


def test_no_confirmation_when_the_submission_rolls_back(django_capture_on_commit_callbacks):
    from django.db import transaction

    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        services.inquiry_submit(**FORM)
        raise RuntimeError
    assert mail.outbox == [] and not OutgoingMail.objects.exists()


def test_erasure_deletes_the_mail_records(tariff_staff, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        inquiry = services.inquiry_submit(**FORM)
        services.inquiry_answer_send(inquiry=inquiry, answer_text="es gilt X.", user=tariff_staff)
    assert OutgoingMail.objects.count() == 2
    services.inquiry_personal_data_erase(inquiry=inquiry, user=tariff_staff)
    assert not OutgoingMail.objects.exists()


def test_retention_deletes_the_mail_records(tariff_staff, django_capture_on_commit_callbacks):
    with time_machine.travel(dt.datetime(2025, 1, 6, 10, tzinfo=BERLIN), tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            inquiry = services.inquiry_submit(**FORM)
            services.inquiry_answer_send(
                inquiry=inquiry, answer_text="es gilt X.", user=tariff_staff
            )
        kept = make_inquiry(received_at=timezone.now())
    assert OutgoingMail.objects.filter(object_id=inquiry.pk).count() == 2
    with time_machine.travel(dt.datetime(2026, 2, 6, 10, tzinfo=BERLIN), tick=False):
        assert services.inquiries_personal_data_delete() == [inquiry.reference]
    assert not OutgoingMail.objects.filter(object_id=inquiry.pk).exists()
    assert Inquiry.objects.get(pk=kept.pk).contact_email


def test_a_confirmation_task_queued_before_the_outbox_adds_no_second_mail(
    django_capture_on_commit_callbacks,
):
    from lotse.desk.tasks import inquiry_confirmation_send

    with django_capture_on_commit_callbacks(execute=True):
        inquiry = services.inquiry_submit(**FORM)
        assert inquiry_confirmation_send.call(inquiry_id=inquiry.pk) == 0
    assert len(mail.outbox) == 1
    assert OutgoingMail.objects.filter(kind="desk.tarif.confirmation").count() == 1
