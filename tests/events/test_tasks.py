"""Periodic jobs: hold and offer expiry, the reminder the day before (idempotent), mail task."""

from datetime import datetime, timedelta

import time_machine
from django.core import mail
from django.utils import timezone

from lotse.core.periodic import DAILY_TASKS
from lotse.events import services, tasks
from lotse.events.models import Registration, RegistrationStatus
from tests.events.factories import event_with_confirmed_person, person

from .conftest import assert_counters

S = RegistrationStatus
BERLIN = timezone.get_default_timezone()


def test_daily_tasks_are_listed():
    for name in ("holds_expire_task", "offers_expire_task", "reminders_send"):
        assert f"lotse.events.tasks.{name}" in DAILY_TASKS


def test_holds_and_offers_expire_tasks(make_event):
    event = make_event(capacities=(1,))
    site = event.sites.get()
    (first,) = services.registrations_create(event=event, site=site, people=[person(1)])
    (second,) = services.registrations_create(event=event, site=site, people=[person(2)])
    (third,) = services.registrations_create(event=event, site=site, people=[person(3)])
    start = timezone.now()
    with time_machine.travel(start + timedelta(hours=25)):
        assert tasks.holds_expire_task.enqueue().return_value == 1
    assert Registration.objects.get(pk=second.pk).status == S.OFFERED
    with time_machine.travel(start + timedelta(hours=25 + 47)):
        assert tasks.offers_expire_task.enqueue().return_value == 0
    with time_machine.travel(start + timedelta(hours=25 + 49)):
        assert tasks.offers_expire_task.enqueue().return_value == 1
    assert Registration.objects.get(pk=third.pk).status == S.OFFERED
    assert_counters(event)


def test_reminder_the_day_before_once(make_event, django_capture_on_commit_callbacks):
    starts = datetime(2027, 3, 10, 9, 0, tzinfo=BERLIN)
    with time_machine.travel(datetime(2027, 3, 1, 12, 0, tzinfo=BERLIN)):
        event, site, confirmed = event_with_confirmed_person(make_event, starts)
        services.registrations_create(event=event, site=site, people=[person(2)])  # held only
        mail.outbox.clear()
    with time_machine.travel(datetime(2027, 3, 8, 6, 0, tzinfo=BERLIN)):
        assert tasks.reminders_send.enqueue().return_value == 0  # two days before: not yet
    with (
        time_machine.travel(datetime(2027, 3, 9, 6, 0, tzinfo=BERLIN)),
        django_capture_on_commit_callbacks(execute=True),  # the outbox sends after the commit
    ):
        assert tasks.reminders_send.enqueue().return_value == 1
        assert tasks.reminders_send.enqueue().return_value == 0  # idempotent
    (message,) = mail.outbox
    assert message.to == ["p1@example.org"] and "Erinnerung" in message.subject
    assert any(a[0].endswith(".pdf") for a in message.attachments if isinstance(a, tuple))
    assert Registration.objects.get(pk=confirmed.pk).reminder_sent_at is not None


def test_mail_task_skips_missing_registration(db):
    assert (
        tasks.registration_mail_send.enqueue(registration_id=999999, kind="held").return_value == 0
    )
    assert mail.outbox == []


def test_release_link_in_every_mail(make_event, django_capture_on_commit_callbacks):
    event = make_event(capacities=(1,))
    site = event.sites.get()
    (first,) = services.registrations_create(event=event, site=site, people=[person(1)])
    services.registrations_create(event=event, site=site, people=[person(2)])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        for registration in Registration.objects.all():
            for kind in ("held", "waitlisted", "confirmed", "offered", "moved", "reminder"):
                tasks.registration_mail_send.enqueue(registration_id=registration.pk, kind=kind)
    assert len(mail.outbox) == 12
    for message in mail.outbox:
        assert "/freigeben/" in message.body, message.subject
