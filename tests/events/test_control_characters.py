"""Issue 11/10: names with control characters are refused on save, and the .ics writer and the
mails survive such data anyway (written by a bulk update that bypasses validation)."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from lotse.events.mails import registration_mail
from lotse.events.models import CustomQuestion, Event, Registration, Site, WorkingGroup
from lotse.network.models import Actor

from .factories import make_event, make_registration

pytestmark = pytest.mark.django_db

BAD = "Kammer\r\nX-INJECTED:1"


@pytest.mark.parametrize(
    ("model", "field"),
    [
        (Actor, "name"),
        (Actor, "short_name"),
        (Event, "title"),
        (Event, "summary"),
        (Site, "name"),
        (Site, "venue"),
        (Site, "street"),
        (Site, "city"),
        (Site, "room"),
        (WorkingGroup, "title"),
        (CustomQuestion, "label"),
        (Registration, "first_name"),
        (Registration, "last_name"),
        (Registration, "organisation"),
        (Registration, "role"),
    ],
)
def test_name_fields_refuse_control_characters(model, field):
    model_field = model._meta.get_field(field)
    with pytest.raises(ValidationError) as info:
        model_field.clean(BAD, None)
    assert "Zeilenumbrüche" in " ".join(info.value.messages)
    good = "Handwerkskammer Chemnitz – Görlitz"
    assert model_field.clean(good, None) == good


def test_site_full_clean_refuses_a_tab_and_an_escape():
    event = make_event()
    site = event.sites.get()
    for value in ("Görlitz\tSaal", "Riesa\x1b[31m", "Zwickau\u2028"):
        site.name = value
        with pytest.raises(ValidationError):
            site.full_clean()


def _poison(event):
    """Write CR/LF into every name that ends up in the calendar, bypassing validation."""
    Actor.objects.filter(pk=event.organiser_id).update(name=BAD)
    Event.objects.filter(pk=event.pk).update(title="Forum\r\nX-TITLE:1", summary="Kurz\rX:2")
    Site.objects.filter(event=event).update(
        name="Ort\nX-SITE:1", venue="Saal\r\nX-VENUE:1", city="Riesa\n", room="R\r1"
    )


def test_ics_file_and_feed_survive_control_characters(client):
    event = make_event()
    _poison(event)
    for url in (reverse("events:ics", args=[event.slug]), reverse("events:calendar")):
        response = client.get(url)
        assert response.status_code == 200
        lines = response.content.split(b"\r\n")
        injected = (b"X-INJECTED", b"X-TITLE", b"X-SITE", b"X-VENUE", b"X:2")
        assert not any(line.startswith(injected) for line in lines)
        assert all(b"\n" not in line and b"\r" not in line for line in lines)
        assert b"ORGANIZER" in response.content and b"Kammer X-INJECTED:1" in response.content


def test_mails_survive_control_characters(django_capture_on_commit_callbacks):
    event = make_event()
    registration = make_registration(event.sites.get())
    _poison(event)
    registration = Registration.objects.select_related("event", "event__organiser", "site").get(
        pk=registration.pk
    )
    for kind in ("held", "confirmed", "reminder"):
        message = registration_mail(registration, kind)
        assert "\n" not in message.subject and "\r" not in message.subject
        message.send()
    assert len(mail.outbox) == 3
    assert "Forum X-TITLE:1" in mail.outbox[1].subject


def test_registration_form_refuses_a_line_break_in_a_name(client):
    event = make_event()
    data = {
        "site": str(event.sites.get().pk),
        "first_name": "Erika",
        "last_name": "Muster\r\nBcc: x@example.org",
        "email": "erika@example.org",
        "colleagues-TOTAL_FORMS": "0",
        "colleagues-INITIAL_FORMS": "0",
        "colleagues-MIN_NUM_FORMS": "0",
        "colleagues-MAX_NUM_FORMS": "0",
    }
    response = client.post(reverse("events:register", args=[event.slug]), data)
    assert response.status_code == 400
    assert "ohne Zeilenumbrüche" in response.content.decode()
    assert not Registration.objects.exists()
