"""The yearly re-confirmation: reminder mails (frozen clock) and the public cut-off."""

from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.test import Client, TestCase
from django.urls import reverse
from wagtail.models import ModelLogEntry

from lotse.core.periodic import DAILY_TASKS, periodic_tasks_enqueue
from lotse.offers.models import Offer
from lotse.offers.services import offer_confirm
from lotse.offers.tasks import offers_confirmation_reminders

from .review_helpers import START, make_editor, make_leipzig_offer, make_offer

pytestmark = pytest.mark.django_db

REMINDER_AT = START + timedelta(days=365 - 30)


@pytest.fixture
def offer():
    return make_leipzig_offer()


def run_reminders() -> int:
    """The daily job, with the mails it puts into the outbox sent after its commit."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        return offers_confirmation_reminders.call()


def test_reminder_goes_out_exactly_once_30_days_before_expiry(offer):
    assert offer.confirmed_at == START
    with time_machine.travel(REMINDER_AT - timedelta(minutes=1), tick=False):
        assert run_reminders() == 0
    assert mail.outbox == []

    with time_machine.travel(REMINDER_AT, tick=False):
        assert run_reminders() == 1
    # one mail per provider address (nobody sees the other addresses)
    assert {m.to[0] for m in mail.outbox} == {"paula@example.org", "leipzig@arbeitsagentur.example"}
    assert all(len(m.to) == 1 for m in mail.outbox)
    message = mail.outbox[0]
    assert "Arbeitgeberservice" in message.subject
    assert "bestätigen" in message.body
    assert "1. März 2027" in message.body or "2. März 2027" in message.body
    assert f"/admin/snippets/offers/offer/confirm/{offer.pk}/" in message.body
    offer.refresh_from_db()
    assert offer.reminder_sent_at == REMINDER_AT
    assert ModelLogEntry.objects.filter(action="lotse.mail", object_id=str(offer.pk)).count() == 1

    for later in (timedelta(hours=1), timedelta(days=1), timedelta(days=40)):
        with time_machine.travel(REMINDER_AT + later, tick=False):
            assert run_reminders() == 0
    assert len(mail.outbox) == 2


def test_confirmation_starts_a_new_period(offer):
    with time_machine.travel(REMINDER_AT, tick=False):
        run_reminders()
    confirmed = REMINDER_AT + timedelta(days=3)
    with time_machine.travel(confirmed, tick=False):
        offer_confirm(offer=offer, user=make_editor())
    offer.refresh_from_db()
    assert offer.confirmed_at == confirmed and offer.reminder_sent_at is None
    with time_machine.travel(confirmed + timedelta(days=334), tick=False):
        assert run_reminders() == 0
    with time_machine.travel(confirmed + timedelta(days=335), tick=False):
        assert run_reminders() == 1
    assert len(mail.outbox) == 4  # two reminders, each to both provider addresses


def test_drafts_and_rejected_offers_get_no_reminder(offer):
    actor = offer.actor
    with time_machine.travel(START, tick=False):
        make_offer(actor, "Nur Entwurf", publish=False)
    with time_machine.travel(REMINDER_AT, tick=False):
        Offer.objects.filter(pk=offer.pk).update(rejected_at=REMINDER_AT, live=False)
        assert run_reminders() == 0


@pytest.mark.parametrize(("days", "public"), [(364, True), (365 - 1 / 24, True), (366, False)])
def test_unconfirmed_offers_drop_out_of_the_catalogue(offer, days, public):
    with time_machine.travel(START + timedelta(days=days), tick=False):
        assert Offer.objects.public().filter(pk=offer.pk).exists() is public
        expected = "due" if public else "expired"
        assert Offer.objects.get(pk=offer.pk).confirmation_status() == expected
        assert Offer.objects.confirmation_expired().filter(pk=offer.pk).exists() is not public


def test_staff_list_shows_expired_status(offer):
    editor = make_editor()
    client = Client()
    with time_machine.travel(START + timedelta(days=366), tick=True):
        client.force_login(editor)
        url = reverse("wagtailsnippets_offers_offer:list")
        page = client.get(url).content.decode()
        assert "abgelaufen – nicht öffentlich" in page
        filtered = client.get(url + "?confirmation=expired").content.decode()
        assert "Arbeitgeberservice" in filtered
        ok_only = client.get(url + "?confirmation=due").content.decode()
        assert "Arbeitgeberservice" not in ok_only


def test_reminder_task_is_a_daily_job():
    assert "lotse.offers.tasks.offers_confirmation_reminders" in DAILY_TASKS
    assert "lotse.offers.tasks.offers_confirmation_reminders" in periodic_tasks_enqueue()
