"""Every participant mail goes through the outbox (core/mail.py): registration mails, the
reminder, messages to participants (batched, with progress) and the thank-you mail."""

from datetime import datetime, timedelta

import pytest
import time_machine
from django.core import mail
from django.db import transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from lotse.core.mail import mails_queue_sweep
from lotse.core.models import MailStatus, OutgoingMail
from lotse.events import tasks
from lotse.events.after import event_thanks_send
from lotse.events.backoffice.services import event_message_send
from lotse.events.models import Registration, RegistrationStatus
from lotse.events.retention import event_personal_data_delete
from lotse.events.selectors import message_batch, messages_with_progress
from tests.events.factories import event_with_confirmed_person, register_person

from .factories import make_event as backoffice_event
from .factories import make_registration

pytestmark = pytest.mark.django_db
BERLIN = timezone.get_default_timezone()


def test_registration_mail_is_sent_after_the_commit_and_recorded(
    make_event, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        registration = register_person(make_event())
    assert mail.outbox == []
    for callback in callbacks:
        callback()
    (message,) = mail.outbox
    assert message.to == ["p1@example.org"]
    record = OutgoingMail.objects.get()
    assert (record.kind, record.status, record.object_id) == (
        "events.registration.held",
        MailStatus.SENT,
        registration.pk,
    )


def test_confirmation_ticket_is_made_by_the_worker(make_event, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        registration = register_person(make_event(), confirm=True)
    confirmation = mail.outbox[-1]
    names = [a[0] for a in confirmation.attachments if isinstance(a, tuple)]
    assert f"ticket-{registration.code}.pdf" in names and "veranstaltung.ics" in names
    assert confirmation.alternatives  # the HTML part with the QR code
    assert OutgoingMail.objects.get(kind="events.registration.confirmed").status == "sent"


def test_registration_links_use_the_request_host_in_development(
    client, make_event, settings, django_capture_on_commit_callbacks
):
    from .test_views import form_data

    settings.DEBUG = True
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"
    event = make_event()
    with django_capture_on_commit_callbacks(execute=True):
        response = Client(HTTP_HOST="127.0.0.1:8042").post(
            reverse("events:register", args=[event.slug]), form_data(event)
        )
    assert response.status_code == 302
    registration = Registration.objects.get()
    (message,) = mail.outbox
    confirm = reverse("events:confirm", args=[registration.token])
    assert f"http://127.0.0.1:8042{confirm}" in message.body
    assert "127.0.0.1:8000" not in message.body


def test_registration_links_use_the_base_url_in_production(
    make_event, settings, django_capture_on_commit_callbacks
):
    from .test_views import form_data

    settings.DEBUG = False
    settings.WAGTAILADMIN_BASE_URL = "https://lotse.example"
    event = make_event()
    with django_capture_on_commit_callbacks(execute=True):
        Client(HTTP_HOST="127.0.0.1:8042").post(
            reverse("events:register", args=[event.slug]), form_data(event)
        )
    (message,) = mail.outbox
    assert "https://lotse.example/veranstaltungen/" in message.body
    assert "8042" not in message.body


def test_reminder_is_claimed_and_queued_while_the_mail_server_is_down(
    make_event, flaky, django_capture_on_commit_callbacks
):
    starts = datetime(2027, 3, 10, 9, 0, tzinfo=BERLIN)
    with time_machine.travel(datetime(2027, 3, 1, 12, 0, tzinfo=BERLIN)):
        event, site, confirmed = event_with_confirmed_person(make_event, starts)
    flaky.works_for = 0
    with (
        time_machine.travel(datetime(2027, 3, 9, 6, 0, tzinfo=BERLIN)),
        django_capture_on_commit_callbacks(execute=True),
    ):
        assert tasks.reminders_send.call() == 1
        assert tasks.reminders_send.call() == 0
    assert Registration.objects.get(pk=confirmed.pk).reminder_sent_at is not None
    reminder = OutgoingMail.objects.get(kind="events.registration.reminder")
    assert (reminder.status, reminder.attempts) == (MailStatus.QUEUED, 1)
    flaky.works_for = None
    with time_machine.travel(datetime(2027, 3, 9, 7, 0, tzinfo=BERLIN)):
        mails_queue_sweep.call()
    reminder.refresh_from_db()
    assert reminder.status == MailStatus.SENT
    reminders = [m for m in mail.outbox if m.subject.startswith("Erinnerung")]
    assert [m.to for m in reminders] == [["p1@example.org"]]


# --- messages to participants ---------------------------------------------------------------


@pytest.fixture
def event_with_people(db):
    event = backoffice_event(sites=(("Görlitz", 50),))
    site = event.sites.get()
    people = [make_registration(site) for _n in range(7)]
    return event, people


def test_message_is_queued_in_batches_and_a_failure_half_way_neither_loses_nor_repeats(
    event_with_people,
    team_user,
    settings,
    flaky,
    django_capture_on_commit_callbacks,
    django_assert_max_num_queries,
):
    event, people = event_with_people
    settings.LOTSE_MAIL_BATCH_SIZE = 3
    flaky.works_for = 4
    start = datetime(2027, 3, 1, 12, 0, tzinfo=BERLIN)
    with time_machine.travel(start, tick=False):
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            message = event_message_send(
                event=event, user=team_user, subject="Raumänderung", body="Raum 2"
            )
        assert mail.outbox == []  # nothing goes out in the request
        assert len(callbacks) == 3  # 7 recipients in batches of 3
        for callback in callbacks:
            callback()
    assert message.recipient_count == 7
    assert len(mail.outbox) == 4
    (listed,) = messages_with_progress(event=event)
    assert listed.progress == {"sent": 4, "waiting": 3, "failed": 0}

    flaky.works_for = None
    with time_machine.travel(start + timedelta(hours=1), tick=False):
        mails_queue_sweep.call()
    assert sorted(m.to[0] for m in mail.outbox) == sorted(p.email for p in people)
    assert OutgoingMail.objects.filter(batch=message_batch(message)).count() == 7
    (listed,) = messages_with_progress(event=event)
    assert listed.progress == {"sent": 7, "waiting": 0, "failed": 0}


def test_message_rolled_back_leaves_no_mail(
    event_with_people, team_user, django_capture_on_commit_callbacks
):
    event, _people = event_with_people
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        event_message_send(event=event, user=team_user, subject="Raumänderung", body="Raum 2")
        raise RuntimeError
    assert mail.outbox == [] and not OutgoingMail.objects.exists()


def test_message_screen_shows_the_progress(
    event_with_people, team, django_capture_on_commit_callbacks, django_assert_max_num_queries
):
    event, _people = event_with_people
    url = reverse("lotse_events:message", args=[event.pk])
    with django_capture_on_commit_callbacks(execute=False):
        response = team.post(url, {"subject": "Programm", "body": "Neu"})
    assert response.status_code == 302 and response["Location"] == url
    with django_assert_max_num_queries(30):
        page = team.get(url).content.decode()
    assert "Versand der letzten Nachrichten" in page
    assert "<td>7</td>" in page  # recipients; all still waiting
    assert mail.outbox == []


# --- thank-you mails ---------------------------------------------------------------------------


def test_thanks_go_through_the_outbox_once(db, django_capture_on_commit_callbacks):
    event = backoffice_event(days=-2, status="documented")
    site = event.sites.get()
    present = make_registration(site, checked_in=True)
    make_registration(site)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        assert event_thanks_send(event=event) == 2
    assert mail.outbox == []
    for callback in callbacks:
        callback()
    assert len(mail.outbox) == 2
    certificate = next(m for m in mail.outbox if m.to == [present.email])
    assert certificate.attachments[0][0].startswith("teilnahmebescheinigung-")
    with django_capture_on_commit_callbacks(execute=True):
        assert event_thanks_send(event=event) == 0
    assert len(mail.outbox) == 2
    assert set(OutgoingMail.objects.values_list("kind", "status")) == {("events.thanks", "sent")}


def test_anonymisation_deletes_the_mail_records(db, django_capture_on_commit_callbacks):
    event = backoffice_event(days=-200, status="documented")
    registration = make_registration(event.sites.get())
    with django_capture_on_commit_callbacks(execute=True):
        event_thanks_send(event=event)
    assert OutgoingMail.objects.filter(object_id=registration.pk).exists()
    event_personal_data_delete(event=event)
    assert not OutgoingMail.objects.exists()


def test_queued_mail_of_an_anonymised_registration_is_not_sent(
    make_event, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        registration = register_person(make_event(), confirm=True)
    Registration.objects.filter(pk=registration.pk).update(
        anonymised_at=timezone.now(), status=RegistrationStatus.CONFIRMED
    )
    for callback in callbacks:
        callback()
    confirmed = OutgoingMail.objects.get(kind="events.registration.confirmed")
    assert confirmed.status == MailStatus.CANCELLED
    assert all(m.subject.startswith("Bitte bestätigen") for m in mail.outbox)
