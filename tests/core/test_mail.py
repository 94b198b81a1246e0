"""The mail outbox (core/mail.py): transactional enqueue, worker delivery, retries, records."""

import datetime as dt

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend as LocmemBackend
from django.core.management import call_command
from django.db import transaction
from django.test import Client, RequestFactory

from lotse.core import roles
from lotse.core.links import RequestBaseUrlMiddleware, absolute_url, url_base
from lotse.core.mail import (
    MailCancelled,
    MailDraft,
    mail_attachments,
    mail_enqueue,
    mail_progress,
    mails_delete_for,
    mails_enqueue,
    mails_queue_sweep,
    mails_retention_delete,
)
from lotse.core.models import MailStatus, OutgoingMail, TopicField
from lotse.core.periodic import DAILY_TASKS

pytestmark = pytest.mark.django_db

BERLIN = dt.timezone(dt.timedelta(hours=1))


def enqueue_one(**kwargs):
    defaults = {
        "to": "anna@example.org",
        "kind": "events.test",
        "template": "core/mail/test.txt",
        "context": {"name": "Anna", "link": absolute_url("/veranstaltungen/")},
        "subject": "Hallo",
    }
    return mail_enqueue(**{**defaults, **kwargs})


@pytest.fixture(autouse=True)
def _template(settings, tmp_path):
    """A small mail template of the test's own."""
    folder = tmp_path / "core" / "mail"
    folder.mkdir(parents=True)
    (folder / "test.txt").write_text(
        "{% load i18n %}{% get_current_language as lang %}Guten Tag {{ name }} ({{ lang }})\n"
        "{{ link }}\n"
    )
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [tmp_path, *settings.TEMPLATES[0]["DIRS"]]}
    ]


def test_mail_goes_out_only_after_the_commit_and_is_recorded(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        row = enqueue_one()
        assert mail.outbox == []  # nothing is sent inside the deciding transaction
        assert row.status == MailStatus.QUEUED
    (message,) = mail.outbox
    assert message.to == ["anna@example.org"]
    assert message.subject == "Hallo"
    assert "Guten Tag Anna" in message.body
    row.refresh_from_db()
    assert row.status == MailStatus.SENT
    assert row.sent_at is not None and row.attempts == 1
    assert row.body == ""  # the text is not kept once it went out


def test_rollback_of_the_deciding_transaction_leaves_no_mail(django_capture_on_commit_callbacks):
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        enqueue_one()
        raise RuntimeError("the decision fails")
    assert mail.outbox == []
    assert not OutgoingMail.objects.exists()


def test_the_same_key_never_mails_twice(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = enqueue_one(key="events.test:1")
        second = enqueue_one(key="events.test:1")
    with django_capture_on_commit_callbacks(execute=True):
        enqueue_one(key="events.test:1")
    assert first is not None and second is None  # the decision had its mail already
    assert len(mail.outbox) == 1
    assert OutgoingMail.objects.count() == 1


def test_mail_is_rendered_in_the_recipients_language(django_capture_on_commit_callbacks):
    from django.utils.translation import get_language

    with django_capture_on_commit_callbacks(execute=True):
        row = enqueue_one(language="en", subject=lambda: f"Hello ({get_language()})")
    (message,) = mail.outbox
    assert message.subject == "Hello (en)"
    assert "(en)" in message.body
    assert row.language == "en"


def test_five_thousand_recipients_with_a_failure_half_way_neither_lose_nor_repeat(
    flaky, django_capture_on_commit_callbacks, django_assert_max_num_queries
):
    flaky.works_for = 2345
    drafts = [
        MailDraft(to=f"p{n}@example.org", subject="Nachricht", body=f"Text {n}", key=f"m:{n}")
        for n in range(5000)
    ]
    with time_machine.travel(dt.datetime(2026, 5, 4, 10, tzinfo=BERLIN), tick=False):
        with (
            django_capture_on_commit_callbacks(execute=True) as callbacks,
            django_assert_max_num_queries(200),  # batches, not one query per recipient
        ):
            created = mails_enqueue(kind="events.message", drafts=drafts, batch="msg:1")
        assert created == 5000
        assert len(callbacks) == 25  # one send task per batch of 200
        assert len(mail.outbox) == 2345
        progress = mail_progress(batches=["msg:1"])["msg:1"]
        assert progress == {"sent": 2345, "queued": 5000 - 2345}

        # The mail server is back; the retry (the sweep here: the immediate test queue cannot
        # defer tasks) sends exactly the rest.
        flaky.works_for = None
    with time_machine.travel(dt.datetime(2026, 5, 4, 11, tzinfo=BERLIN), tick=False):
        assert mails_queue_sweep.call() == 5000 - 2345
    recipients = [message.to[0] for message in mail.outbox]
    assert len(recipients) == 5000
    assert len(set(recipients)) == 5000
    assert mail_progress(batches=["msg:1"])["msg:1"] == {"sent": 5000}

    # Enqueuing the same drafts again (a repeated request) adds nothing.
    with django_capture_on_commit_callbacks(execute=True):
        assert mails_enqueue(kind="events.message", drafts=drafts[:10], batch="msg:1") == 0
    assert len(mail.outbox) == 5000


def test_retries_are_bounded_and_the_record_shows_the_failure(
    flaky, settings, django_capture_on_commit_callbacks
):
    settings.LOTSE_MAIL_MAX_ATTEMPTS = 3
    flaky.works_for = 0
    start = dt.datetime(2026, 5, 4, 10, tzinfo=BERLIN)
    with time_machine.travel(start, tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            row = enqueue_one()
        row.refresh_from_db()
        assert (row.status, row.attempts) == (MailStatus.QUEUED, 1)
        assert row.next_attempt_at == start + dt.timedelta(seconds=60)
        assert mails_queue_sweep.call() == 0  # not due yet
    for hours in range(1, 8):
        with time_machine.travel(start + dt.timedelta(hours=hours), tick=False):
            mails_queue_sweep.call()
    row.refresh_from_db()
    assert row.status == MailStatus.FAILED
    assert row.attempts == 3
    assert "mail server went away" in row.last_error
    assert mail.outbox == []


def test_a_transient_failure_is_sent_on_the_next_attempt(flaky, django_capture_on_commit_callbacks):
    flaky.works_for = 0
    start = dt.datetime(2026, 5, 4, 10, tzinfo=BERLIN)
    with (
        time_machine.travel(start, tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        row = enqueue_one()
    flaky.works_for = None
    with time_machine.travel(start + dt.timedelta(minutes=2), tick=False):
        mails_queue_sweep.call()
    row.refresh_from_db()
    assert (row.status, row.attempts, row.last_error) == (MailStatus.SENT, 2, "")
    assert len(mail.outbox) == 1


def test_database_queue_sends_in_the_worker_and_defers_retries(settings, flaky, monkeypatch):
    """The production path: the task row is written in the deciding transaction; the worker
    (db_worker) sends; a failure is retried by a deferred task, not at once."""
    from django_tasks_db.management.commands import db_worker
    from django_tasks_db.models import DBTaskResult

    # The worker closes "old" connections between tasks; here that is the test's transaction.
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    sends = DBTaskResult.objects.filter(task_path="lotse.core.mail.mails_send")
    with pytest.raises(RuntimeError), transaction.atomic():
        enqueue_one(to="rolled-back@example.org")
        raise RuntimeError("rolled back")
    assert sends.count() == 0

    row = enqueue_one()
    assert sends.count() == 1
    assert mail.outbox == []  # queued for the worker, not sent by the caller
    call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)
    row.refresh_from_db()
    assert row.status == MailStatus.SENT
    assert len(mail.outbox) == 1

    flaky.works_for = 0
    failing = enqueue_one(to="later@example.org")
    call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)
    failing.refresh_from_db()
    assert (failing.status, failing.attempts) == (MailStatus.QUEUED, 1)
    retry = sends.filter(status="READY").get()
    assert retry.args_kwargs["kwargs"]["mail_ids"] == [failing.pk]
    assert retry.run_after is not None and retry.run_after > failing.last_attempt_at


def test_a_cancelled_mail_is_not_sent(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        row = enqueue_one(attachments=cancel_always)
    row.refresh_from_db()
    assert row.status == MailStatus.CANCELLED
    assert mail.outbox == []


@mail_attachments
def cancel_always(*, mail, message):
    raise MailCancelled


@mail_attachments
def attach_link(*, mail, message):
    message.attach("link.txt", absolute_url("/ticket/"), "text/plain")


def test_unmarked_attachment_functions_are_refused():
    def not_marked(*, mail, message):  # pragma: no cover - never called
        pass

    from django.core.exceptions import ImproperlyConfigured

    with pytest.raises(ImproperlyConfigured):
        enqueue_one(attachments=not_marked)


# --- links -----------------------------------------------------------------------------------


def test_links_use_the_base_url_in_production(settings):
    settings.DEBUG = False
    settings.WAGTAILADMIN_BASE_URL = "https://lotse.example"
    request = RequestFactory().get("/", HTTP_HOST="evil.example")
    assert absolute_url("/a/", request) == "https://lotse.example/a/"
    middleware = RequestBaseUrlMiddleware(lambda request: url_base())
    assert middleware(request) == "https://lotse.example"


def test_links_use_the_request_host_in_development_also_in_the_worker(
    settings, django_capture_on_commit_callbacks
):
    settings.DEBUG = True
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"
    request = RequestFactory().get("/", HTTP_HOST="127.0.0.1:8042")
    assert absolute_url("/a/", request) == "http://127.0.0.1:8042/a/"

    def view(request):
        with django_capture_on_commit_callbacks(execute=True):
            return enqueue_one(attachments=attach_link)

    row = RequestBaseUrlMiddleware(view)(request)
    assert row.base_url == "http://127.0.0.1:8042"
    (message,) = mail.outbox
    assert "http://127.0.0.1:8042/veranstaltungen/" in message.body
    (attachment,) = message.attachments
    assert attachment[1] == "http://127.0.0.1:8042/ticket/"  # built later, by the worker
    assert url_base() == "http://127.0.0.1:8000"  # outside the request


# --- retention and erasure ---------------------------------------------------------------------


def test_records_are_deleted_after_the_retention_period(settings):
    settings.LOTSE_MAIL_RETENTION_DAYS = 30
    with time_machine.travel(dt.datetime(2026, 1, 1, 12, tzinfo=BERLIN), tick=False):
        enqueue_one(key="old")
    with time_machine.travel(dt.datetime(2026, 1, 20, 12, tzinfo=BERLIN), tick=False):
        enqueue_one(key="recent")
    with time_machine.travel(dt.datetime(2026, 2, 5, 12, tzinfo=BERLIN), tick=False):
        assert mails_retention_delete.call() == 1
    assert list(OutgoingMail.objects.values_list("key", flat=True)) == ["recent"]


def test_erasure_deletes_the_records_about_an_object():
    topic_field, other = TopicField.objects.all()[:2]
    enqueue_one(obj=topic_field)
    enqueue_one(obj=other)
    assert mails_delete_for(model=TopicField, ids=[topic_field.pk]) == 1
    assert list(OutgoingMail.objects.values_list("object_id", flat=True)) == [other.pk]


def test_stale_sending_rows_are_marked_failed_not_resent(django_capture_on_commit_callbacks):
    start = dt.datetime(2026, 5, 4, 10, tzinfo=BERLIN)
    with time_machine.travel(start, tick=False):
        row = enqueue_one()
        OutgoingMail.objects.filter(pk=row.pk).update(
            status=MailStatus.SENDING, attempts=1, last_attempt_at=start
        )
    with time_machine.travel(start + dt.timedelta(hours=2), tick=False):
        mails_queue_sweep.call()
    row.refresh_from_db()
    assert row.status == MailStatus.FAILED
    assert mail.outbox == []


def test_mail_jobs_are_daily_tasks():
    assert "lotse.core.mail.mails_retention_delete" in DAILY_TASKS
    assert "lotse.core.mail.mails_queue_sweep" in DAILY_TASKS


# --- back office -------------------------------------------------------------------------------


def _client(username, *role_names):
    user = get_user_model().objects.create_user(username, f"{username}@example.org", "x")
    for role in role_names:
        user.groups.add(Group.objects.get(name=role))
    client = Client()
    client.force_login(user)
    return client


def test_staff_see_the_mails_of_their_kinds_only(django_assert_max_num_queries):
    events_mail = enqueue_one(kind="events.message", to="teilnehmer@example.org")
    offers_mail = enqueue_one(kind="offers.rejected", to="anbieter@example.org")
    desk_mail = enqueue_one(kind="desk.tarif.answer", to="frager@example.org")
    index = "/admin/gesendete-emails/"

    team = _client("vera", roles.EVENTS_TEAM)
    with django_assert_max_num_queries(25):
        response = team.get(index)
    assert response.status_code == 200
    content = response.content.decode()
    assert "teilnehmer@example.org" in content
    assert "anbieter@example.org" not in content and "frager@example.org" not in content
    assert team.get(f"{index}inspect/{events_mail.pk}/").status_code == 200
    assert team.get(f"{index}inspect/{offers_mail.pk}/").status_code == 404

    register = _client("tina", roles.TARIFF_REGISTER)
    content = register.get(index).content.decode()
    assert "frager@example.org" in content and "teilnehmer@example.org" not in content

    admin = _client("ada", roles.ADMINISTRATION)
    content = admin.get(index).content.decode()
    assert all(
        address in content
        for address in ("teilnehmer@example.org", "anbieter@example.org", "frager@example.org")
    )
    assert admin.get(f"{index}inspect/{desk_mail.pk}/").status_code == 200


def test_partners_and_anonymous_users_see_no_mails():
    enqueue_one(kind="events.message")
    index = "/admin/gesendete-emails/"
    partner = _client("paula", roles.PARTNER)
    assert partner.get(index).status_code in (302, 403)
    assert Client().get(index).status_code == 302
    mail_row = OutgoingMail.objects.get()
    assert partner.get(f"{index}inspect/{mail_row.pk}/").status_code in (302, 403, 404)
    assert partner.get(f"{index}new/").status_code == 404


def test_a_long_subject_with_line_breaks_becomes_one_header_line(
    django_capture_on_commit_callbacks,
):
    title = "Angebot\nBcc: spam@example.org " + "x" * 400
    with django_capture_on_commit_callbacks(execute=True):
        mails_enqueue(
            kind="review.submitted", drafts=[MailDraft(to="a@example.org", subject=title, body="b")]
        )
    (message,) = mail.outbox
    assert "\n" not in message.subject and len(message.subject) == 255
    assert OutgoingMail.objects.get().status == MailStatus.SENT


class BadAddressBackend(LocmemBackend):
    """Refuses one address, delivers the others."""

    def send_messages(self, messages):
        if any("bad@example.org" in message.to for message in messages):
            raise ConnectionError("550 no such user")
        return super().send_messages(messages)


def test_one_bad_address_does_not_hold_up_the_rest_of_the_batch(
    settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.core.test_mail.BadAddressBackend"
    settings.LOTSE_MAIL_MAX_ATTEMPTS = 3
    addresses = ["bad@example.org", "b@example.org", "c@example.org"]
    start = dt.datetime(2026, 5, 4, 10, tzinfo=BERLIN)
    with (
        time_machine.travel(start, tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        mails_enqueue(
            kind="events.message",
            drafts=[MailDraft(to=a, subject="s", body="b", key=a) for a in addresses],
        )
    assert mail.outbox == []  # the batch stopped at its first row
    with time_machine.travel(start + dt.timedelta(minutes=2), tick=False):
        mails_queue_sweep.call()  # rows that never failed go first, then the bad one
    assert sorted(m.to[0] for m in mail.outbox) == ["b@example.org", "c@example.org"]
    bad = OutgoingMail.objects.get(recipient="bad@example.org")
    assert (bad.status, bad.attempts) == (MailStatus.QUEUED, 2)  # retried later, bounded
