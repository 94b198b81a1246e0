"""The offers' mails (final rejection, yearly reminder) go through the outbox (core/mail.py)."""

from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.db import transaction

from lotse.core.models import MailStatus, OutgoingMail
from lotse.offers.models import Offer
from lotse.offers.services import offer_reject, offer_reminder_send

from .review_helpers import (
    START,
    make_actor,
    make_editor,
    make_leipzig_offer,
    make_offer,
    make_partner,
)

pytestmark = pytest.mark.django_db

RECIPIENTS = {"paula@example.org", "leipzig@arbeitsagentur.example"}


@pytest.fixture
def offer():
    return make_leipzig_offer()


def test_rejection_mail_is_sent_by_the_worker_one_per_recipient(
    offer, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        offer_reject(offer=offer, user=make_editor(), reason="Werbung")
    assert mail.outbox == []  # not in the request, not under the offer's row lock
    for callback in callbacks:
        callback()
    assert sorted(message.to[0] for message in mail.outbox) == sorted(RECIPIENTS)
    assert all(len(message.to) == 1 and "Werbung" in message.body for message in mail.outbox)
    records = OutgoingMail.objects.filter(kind="offers.rejected")
    assert {record.recipient for record in records} == RECIPIENTS
    assert {record.status for record in records} == {MailStatus.SENT}
    assert {record.object_id for record in records} == {offer.pk}


def test_no_rejection_mail_when_the_transaction_rolls_back(
    offer, django_capture_on_commit_callbacks
):
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        offer_reject(offer=offer, user=make_editor(), reason="Werbung")
        raise RuntimeError
    assert mail.outbox == []
    assert not OutgoingMail.objects.exists()


def test_reminder_is_claimed_and_queued_even_when_the_mail_server_is_down(
    offer, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.flaky_mail.BrokenBackend"
    with (
        time_machine.travel(START + timedelta(days=340), tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        assert offer_reminder_send(offer=offer) is True
    assert Offer.objects.get(pk=offer.pk).reminder_sent_at is not None
    records = OutgoingMail.objects.filter(kind="offers.reminder")
    assert {record.recipient for record in records} == RECIPIENTS
    assert {(record.status, record.attempts) for record in records} <= {
        (MailStatus.QUEUED, 1),
        (MailStatus.QUEUED, 0),
    }
    with (
        time_machine.travel(START + timedelta(days=341), tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        assert offer_reminder_send(offer=offer) is False  # claimed once, no second mail
    assert records.count() == 2


def test_review_notifications_go_through_the_outbox(django_capture_on_commit_callbacks):
    """Wagtail's workflow notifications (submitted for review → the Redaktion) are outbox
    mails too: none is sent in the partner's request."""
    from .test_workflow import submit_change

    actor = make_actor("IQ Netzwerk Sachsen", email="info@iq-sachsen.example")
    partner = make_partner("paula", actor)
    make_editor("rita")
    offer = make_offer(actor, "Anerkennungsberatung")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        submit_change(partner, offer, summary="Neu")
    assert mail.outbox == []
    record = OutgoingMail.objects.get(recipient="rita@example.org")
    assert record.kind.startswith("review.") and record.status == MailStatus.QUEUED
    for callback in callbacks:
        callback()
    assert [m.to for m in mail.outbox] == [["rita@example.org"]]
    assert "Anerkennungsberatung" in mail.outbox[0].subject + mail.outbox[0].body
    record.refresh_from_db()
    assert record.status == MailStatus.SENT
