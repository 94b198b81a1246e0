"""After the event: thank-you mail once per person, certificate for those checked in."""

import pytest
from django.core import mail
from django.test import override_settings
from django.urls import reverse
from wagtail.documents.models import Document

from lotse.core.periodic import DAILY_TASKS
from lotse.events.after import (
    event_public_url,
    event_thanks_send,
    events_thanks_send,
)
from lotse.events.certificates import certificate_html
from lotse.events.models import RegistrationStatus, Session

from .factories import make_event, make_registration

pytestmark = pytest.mark.django_db


@pytest.fixture
def documented(db):
    event = make_event(days=-2, status="documented", title="Netzwerktreffen Integration")
    session = Session.objects.create(event=event, title="Keynote", starts_at=event.starts_at)
    document = Document.objects.create(title="Folien Keynote", file="documents/keynote.pdf")
    session.documents.add(document)
    session.save()
    return event


@override_settings(WAGTAILADMIN_BASE_URL="https://lotse.example")
def test_public_url():
    from types import SimpleNamespace

    assert (
        event_public_url(SimpleNamespace(slug="forum-2026"))
        == "https://lotse.example/veranstaltungen/forum-2026/"
    )


def test_thanks_once_with_certificate_for_those_present(
    documented, django_capture_on_commit_callbacks
):
    site = documented.sites.get()
    present = make_registration(site, first_name="Petra", checked_in=True)
    absent = make_registration(site, first_name="Anton")
    make_registration(site, status=RegistrationStatus.CANCELLED)
    make_registration(site, status=RegistrationStatus.WAITLISTED)
    with django_capture_on_commit_callbacks(execute=True):  # the worker sends after the commit
        assert event_thanks_send(event=documented) == 2
    by_address = {message.to[0]: message for message in mail.outbox}
    assert set(by_address) == {present.email, absent.email}
    thanks = by_address[present.email]
    assert "Folien Keynote" in thanks.body and "/veranstaltungen/" in thanks.body
    assert "/documents/" in thanks.body
    (name, content, mimetype) = thanks.attachments[0]
    assert mimetype == "application/pdf" and content.startswith(b"%PDF-")
    assert name.startswith("teilnahmebescheinigung-")
    assert by_address[absent.email].attachments == []
    # idempotent
    assert event_thanks_send(event=documented) == 0
    assert len(mail.outbox) == 2


def test_certificate_text(documented):
    registration = make_registration(
        documented.sites.get(), first_name="Petra", last_name="Probst", checked_in=True
    )
    html = certificate_html(registration=registration)
    assert "Teilnahmebescheinigung" in html and "Petra Probst" in html
    assert "Netzwerktreffen Integration" in html and documented.organiser.name in html


def test_daily_task_only_for_documented_events(documented):
    make_registration(documented.sites.get())
    held = make_event(days=-2, status="held")
    make_registration(held.sites.get())
    upcoming = make_event(days=5, status="documented")
    make_registration(upcoming.sites.get())
    assert events_thanks_send.call() == 1
    assert "lotse.events.after.events_thanks_send" in DAILY_TASKS


def test_thanks_button(team, documented, django_capture_on_commit_callbacks):
    make_registration(documented.sites.get())
    with django_capture_on_commit_callbacks(execute=True):
        response = team.post(reverse("lotse_events:thanks", args=[documented.pk]))
    assert response.status_code == 302
    assert len(mail.outbox) == 1
