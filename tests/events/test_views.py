"""Public event pages, the registration form and the personal link, through the test client."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.core import mail, signing
from django.urls import reverse
from django.utils import timezone

from lotse.events import services
from lotse.events.models import (
    CustomQuestion,
    QuestionKind,
    Registration,
    RegistrationStatus,
    Session,
    Site,
    WorkingGroup,
)
from lotse.events.views import DONE_SALT

from .conftest import assert_counters

S = RegistrationStatus


def form_data(event, site=None, n=1, **extra):
    site = site or event.sites.first()
    data = {
        "site": site if isinstance(site, str) else str(site.pk),
        "first_name": f"Vor{n}",
        "last_name": f"Nach{n}",
        "email": f"p{n}@example.org",
        "organisation": "Landratsamt",
        "colleagues-TOTAL_FORMS": str(max(event.max_group_size - 1, 0)),
        "colleagues-INITIAL_FORMS": "0",
        "colleagues-MIN_NUM_FORMS": "0",
        "colleagues-MAX_NUM_FORMS": str(max(event.max_group_size - 1, 0)),
    }
    data.update(extra)
    return data


def test_list_shows_upcoming_and_past_and_filters(client, make_event):
    upcoming = make_event(title="Forum Zukunft", kind="fachforum")
    past = make_event(title="Rückblick Treffen", starts_in=timedelta(days=-30), status="documented")
    draft = make_event(title="Geheimer Entwurf", status="draft")
    response = client.get(reverse("events:list"))
    body = response.content.decode()
    assert response.status_code == 200
    assert upcoming.title in body and past.title in body and draft.title not in body
    assert (
        body.index("Kommende")
        < body.index(upcoming.title)
        < body.index("Vergangene")
        < body.index(past.title)
    )
    filtered = client.get(reverse("events:list"), {"art": "workshop"}).content.decode()
    assert upcoming.title not in filtered
    filtered = client.get(reverse("events:list"), {"art": "fachforum"}).content.decode()
    assert upcoming.title in filtered


def test_list_query_count_is_constant(client, make_event, django_assert_max_num_queries):
    make_event()
    with django_assert_max_num_queries(12) as one:
        client.get(reverse("events:list"))
    for _ in range(6):
        make_event(capacities=(10, 20))
    with django_assert_max_num_queries(len(one.captured_queries)):
        client.get(reverse("events:list"))


def test_detail_page(client, make_event, django_assert_max_num_queries):
    event = make_event(capacities=(2, 3), online=True)
    site_a = event.sites.order_by("sort_order").first()
    site_a.accessibility_notes = "Rampe am Seiteneingang"
    site_a.step_free = True
    site_a.save()
    Session.objects.create(event=event, starts_at=event.starts_at, title="Begrüßung")
    Session.objects.create(
        event=event,
        starts_at=event.starts_at + timedelta(hours=1),
        title="AG vor Ort",
        site=site_a,
        speakers=[
            ("speaker", {"name": "Dr. Erika Muster", "organisation": "BA", "role": "Leitung"})
        ],
    )
    services.registrations_create(
        event=event, site=site_a, people=[services.Person("A", "B", "a@example.org")]
    )
    url = reverse("events:detail", args=[event.slug])
    with django_assert_max_num_queries(20) as captured:
        response = client.get(url)
    body = response.content.decode()
    assert response.status_code == 200
    assert "alle Standorte (Livestream)" in body and "Dr. Erika Muster" in body
    assert "1 von 2 Plätzen frei" in body and "Rampe am Seiteneingang" in body
    assert reverse("network:actor", args=[event.organiser.slug]) in body
    assert reverse("events:register", args=[event.slug]) in body
    for n in range(5):
        Session.objects.create(
            event=event, starts_at=event.starts_at, title=f"Parallel {n}", site=site_a
        )
    with django_assert_max_num_queries(len(captured.captured_queries)):
        client.get(url)


def test_detail_after_the_event_shows_documentation(client, make_event):
    event = make_event(
        starts_in=timedelta(days=-3), status="documented", documentation="<p>Ergebnisbericht</p>"
    )
    WorkingGroup.objects.create(event=event, title="AG Wohnen", results="<p>Drei Vorschläge</p>")
    body = client.get(reverse("events:detail", args=[event.slug])).content.decode()
    assert "Ergebnisbericht" in body and "Drei Vorschläge" in body
    assert "Jetzt anmelden" not in body


def test_unpublished_event_is_404(client, make_event):
    event = make_event(status="draft")
    assert client.get(reverse("events:detail", args=[event.slug])).status_code == 404
    assert client.get(reverse("events:register", args=[event.slug])).status_code == 404


def test_english_pages(client, make_event):
    event = make_event()
    response = client.get(f"/en/veranstaltungen/{event.slug}/")
    assert response.status_code == 200
    assert response.content.decode().count('lang="en"') >= 1


def test_ics_file_and_feed(client, make_event):
    event = make_event(title="Forum Kalender")
    make_event(title="Alt", starts_in=timedelta(days=-10), status="held")
    response = client.get(reverse("events:ics", args=[event.slug]))
    assert response["Content-Type"].startswith("text/calendar")
    assert b"SUMMARY:Forum Kalender" in response.content
    feed = client.get(reverse("events:calendar")).content
    assert b"Forum Kalender" in feed and b"SUMMARY:Alt" not in feed
    assert b"@" not in feed.split(b"ORGANIZER")[0] or b"example.org" not in feed


def _register(client, event, **extra):
    return client.post(reverse("events:register", args=[event.slug]), form_data(event, **extra))


def test_register_held_then_confirm_by_link(client, make_event, django_capture_on_commit_callbacks):
    event = make_event(capacities=(1,))
    with django_capture_on_commit_callbacks(execute=True):
        response = _register(client, event)
    assert response.status_code == 302
    registered = client.get(response["Location"])
    assert "Platz reserviert" in registered.content.decode()
    assert "no-store" in registered["Cache-Control"]
    registration = Registration.objects.get()
    assert registration.token not in registered.content.decode()  # only the e-mail has the link
    (message,) = mail.outbox
    confirm_url = reverse("events:confirm", args=[registration.token])
    assert confirm_url in message.body
    assert reverse("events:release", args=[registration.token]) in message.body
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(confirm_url, follow=True)
    assert "Ihre Anmeldung ist bestätigt" in response.content.decode()
    assert Registration.objects.get().status == S.CONFIRMED
    replay = client.post(confirm_url, follow=True).content.decode()
    assert "bereits bestätigt" in replay
    assert len(mail.outbox) == 2
    pdf = client.get(reverse("events:ticket_pdf", args=[registration.token]))
    assert pdf.content.startswith(b"%PDF") and "no-store" in pdf["Cache-Control"]
    svg = client.get(reverse("events:ticket_svg", args=[registration.token]))
    assert b"<svg" in svg.content


def test_expired_confirmation_link(client, make_event):
    event = make_event(capacities=(1,))
    _register(client, event)
    registration = Registration.objects.get()
    with time_machine.travel(timezone.now() + timedelta(hours=30)):
        page = client.get(reverse("events:confirm", args=[registration.token])).content.decode()
        body = client.post(
            reverse("events:confirm", args=[registration.token]), follow=True
        ).content.decode()
    assert "Frist zur Bestätigung ist abgelaufen" in page and "Teilnahme bestätigen" not in page
    assert "Frist zur Bestätigung ist abgelaufen" in body
    assert (
        Registration.objects.get().status == S.HELD
    )  # the task expires it; the link changed nothing
    assert_counters(event)


def test_unknown_token_is_404(client, db):
    assert client.get(reverse("events:manage", args=["nichtda"])).status_code == 404
    assert client.get(reverse("events:confirm", args=["x" * 80])).status_code == 404


def test_full_site_waitlist_with_position_and_alternatives(client, make_event):
    event = make_event(capacities=(1, 5))
    site_a = event.sites.order_by("sort_order").first()
    _register(client, event, site=site_a, n=1)
    response = _register(client, event, site=site_a, n=2)
    body = client.get(response["Location"]).content.decode()
    assert "Warteliste, Platz" in body and 'class="lotse-position">1<' in body
    assert "Standort 2" in body
    assert_counters(event)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"first_name": ""}, "Dieses Feld muss ausgefüllt werden"),
        ({"email": "keine-adresse"}, "gültige E-Mail-Adresse"),
        ({"last_name": "x" * 500}, "höchstens 100 Zeichen"),
        ({"site": "999999"}, "Bitte wählen Sie eine der angebotenen Möglichkeiten"),
    ],
)
def test_bad_input_changes_nothing(client, make_event, change, message):
    event = make_event()
    response = _register(client, event, **change)
    body = response.content.decode()
    assert response.status_code == 400
    assert message in body and "Bitte prüfen Sie Ihre Angaben" in body
    assert Registration.objects.count() == 0
    assert_counters(event)


def test_forged_site_of_another_event(client, make_event):
    event, other = make_event(), make_event()
    response = _register(client, event, site=other.sites.first())
    assert response.status_code == 400
    assert Registration.objects.count() == 0
    assert Site.objects.get(pk=other.sites.first().pk).booked == 0


def test_duplicate_email_registers_nothing_new(client, make_event):
    event = make_event()
    _register(client, event)
    response = _register(client, event)
    assert response.status_code == 302
    assert "bereits" not in client.get(response["Location"]).content.decode()
    assert Registration.objects.count() == 1


def test_group_registration_with_formset_and_questions(
    client, make_event, django_capture_on_commit_callbacks
):
    event = make_event(capacities=(10,), max_group_size=3)
    question = CustomQuestion.objects.create(
        event=event, label="Erwartungen?", kind=QuestionKind.TEXT, required=True
    )
    choice = CustomQuestion.objects.create(
        event=event,
        label="Mittag?",
        kind=QuestionKind.CHOICE,
        choices="vegetarisch\nvegan",
        required=False,
    )
    missing = _register(client, event)
    assert missing.status_code == 400 and Registration.objects.count() == 0
    extra = {
        f"question_{question.pk}": "Austausch",
        f"question_{choice.pk}": "vegan",
        "colleagues-0-first_name": "Kollege",
        "colleagues-0-last_name": "Eins",
        "colleagues-0-email": "k1@example.org",
        "consent_photos": "on",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = _register(client, event, **extra)
    assert response.status_code == 302
    lead, colleague = Registration.objects.order_by("pk")
    assert colleague.registered_by == lead and colleague.organisation == "Landratsamt"
    assert lead.answers == {"Erwartungen?": "Austausch", "Mittag?": "vegan"}
    assert lead.consent_photos and not colleague.consent_photos
    assert {m.to[0] for m in mail.outbox} == {"p1@example.org", "k1@example.org"}
    ids = signing.loads(response["Location"].rstrip("/").split("/")[-1], salt=DONE_SALT)
    assert ids == [lead.pk, colleague.pk]


def test_registration_closed_page(client, make_event):
    event = make_event(status="published")
    response = client.get(reverse("events:register", args=[event.slug]))
    assert "keine Anmeldung möglich" in response.content.decode()
    response = client.post(reverse("events:register", args=[event.slug]), form_data(event))
    assert Registration.objects.count() == 0


def test_form_shows_privacy_notice_with_retention(client, make_event):
    event = make_event(retention_days=60)
    body = client.get(reverse("events:register", args=[event.slug])).content.decode()
    assert "60 Tage nach der Veranstaltung" in body
    assert 'name="colleagues-TOTAL_FORMS"' in body


def test_manage_cancel_move_and_groups(client, make_event, django_capture_on_commit_callbacks):
    event = make_event(capacities=(1, 3))
    site_a, site_b = event.sites.order_by("sort_order")
    group = WorkingGroup.objects.create(event=event, title="AG Fachkräfte", capacity=5)
    _register(client, event, site=site_a, n=1)
    _register(client, event, site=site_a, n=2)
    first, second = Registration.objects.order_by("pk")
    url = reverse("events:manage", args=[first.token])
    page = client.get(url)
    assert page.status_code == 200 and "no-store" in page["Cache-Control"]
    response = client.post(url, {"action": "move", "site": str(site_b.pk)})
    assert response.status_code == 302
    assert Registration.objects.get(pk=first.pk).site_id == site_b.pk
    assert Registration.objects.get(pk=second.pk).status == S.OFFERED
    client.post(url, {"action": "groups", "working_groups": [str(group.pk)]})
    assert list(Registration.objects.get(pk=first.pk).working_groups.all()) == [group]
    assert_counters(event)
    bad = client.post(url, {"action": "move", "site": str(make_event().sites.first().pk)})
    assert bad.status_code == 400
    assert Registration.objects.get(pk=first.pk).site_id == site_b.pk
    offer_url = reverse("events:manage", args=[second.token])
    assert "Platz annehmen" in client.get(offer_url).content.decode()
    client.post(offer_url, {"action": "accept"})
    assert Registration.objects.get(pk=second.pk).status == S.CONFIRMED
    release = reverse("events:release", args=[first.token])
    assert "Ja, Platz freigeben" in client.get(release).content.decode()
    assert Registration.objects.get(pk=first.pk).status == S.HELD  # GET never cancels
    client.post(release)
    assert Registration.objects.get(pk=first.pk).status == S.CANCELLED
    again = client.post(release, follow=True).content.decode()
    assert "bereits storniert" in again
    assert_counters(event)


def test_csrf_is_enforced(make_event):
    from django.test import Client

    event = make_event()
    response = Client(enforce_csrf_checks=True).post(
        reverse("events:register", args=[event.slug]), form_data(event)
    )
    assert response.status_code == 403
    assert Registration.objects.count() == 0


def test_registration_posts_are_rate_limited(client, make_event, settings):
    settings.LOTSE_EVENT_REGISTRATION_RATE = "3/m"
    event = make_event(capacities=(10,))
    statuses = [_register(client, event, n=n).status_code for n in range(5)]
    assert statuses[:3] == [302, 302, 302] and statuses[3:] == [429, 429]
    assert Registration.objects.count() == 3


def test_register_page_query_count_constant(client, make_event, django_assert_max_num_queries):
    event = make_event(capacities=(5,))
    url = reverse("events:register", args=[event.slug])
    with django_assert_max_num_queries(15) as one:
        client.get(url)
    for n in range(5):  # each child bumps the event's version: the next GET reads them all
        WorkingGroup.objects.create(event=event, title=f"AG {n}", capacity=10)
        CustomQuestion.objects.create(event=event, label=f"Frage {n}")
        Site.objects.create(event=event, name=f"Ort {n}", capacity=3, sort_order=10 + n)
    with django_assert_max_num_queries(len(one.captured_queries)):
        body = client.get(url).content.decode()
    assert "Ort 4" in body and "AG 4" in body and "Frage 4" in body


def test_register_form_reads_only_event_and_counters_when_cached(
    client, make_event, django_assert_num_queries
):
    """Second visitor: the event's version with the seat counters, the group counters; no more."""
    event = make_event(capacities=(5, 5))
    WorkingGroup.objects.create(event=event, title="AG Recht", capacity=10)
    url = reverse("events:register", args=[event.slug])
    client.get(url)
    with django_assert_num_queries(2):
        body = client.get(url).content.decode()
    assert "AG Recht" in body and "Art der Organisation" in body


def test_cached_register_form_shows_current_free_places(client, make_event):
    event = make_event(capacities=(2,))
    url = reverse("events:register", args=[event.slug])
    assert "2 freie Plätze" in client.get(url).content.decode()
    _register(client, event, n=1)
    assert "1 freie Plätze" in client.get(url).content.decode()
    _register(client, event, n=2)
    assert "ausgebucht – Warteliste" in client.get(url).content.decode()


def test_register_form_follows_changes_of_the_event(client, make_event):
    """Saving the event (as the back office does) or one of its children is seen at once."""
    event = make_event()
    url = reverse("events:register", args=[event.slug])
    body = client.get(url).content.decode()
    assert 'name="role"' in body and "Reisekosten" not in body
    CustomQuestion.objects.create(event=event, label="Reisekosten erstatten?")
    assert "Reisekosten erstatten?" in client.get(url).content.decode()
    event.refresh_from_db()
    event.ask_role = False
    event.save()
    body = client.get(url).content.decode()
    assert 'name="role"' not in body and "Reisekosten erstatten?" in body
    Site.objects.filter(event=event).first().delete()
    assert "Standort 1" not in client.get(url).content.decode()


def test_closing_or_unpublishing_a_cached_event_is_seen_at_once(client, make_event):
    event = make_event()
    url = reverse("events:register", args=[event.slug])
    assert 'name="first_name"' in client.get(url).content.decode()
    event.status = "closed"
    event.save()
    closed = client.get(url).content.decode()
    assert 'name="first_name"' not in closed and "Anmeldung" in closed
    event.status = "draft"
    event.save()
    assert client.get(url).status_code == 404


def test_form_with_errors_keeps_the_entered_values(client, make_event):
    """The cached empty form is never used for a form with input."""
    event = make_event()
    response = _register(client, event, email="keine-adresse", organisation="Landratsamt Meißen")
    body = response.content.decode()
    assert response.status_code == 400
    assert 'value="Landratsamt Meißen"' in body and 'value="keine-adresse"' in body


def test_mail_links_are_absolute_and_in_the_language(
    client, make_event, django_capture_on_commit_callbacks
):
    event = make_event()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/en/veranstaltungen/{event.slug}/anmelden/", form_data(event))
    registration = Registration.objects.get()
    assert registration.language == "en"
    assert re.search(
        r"http://testserver/en/veranstaltungen/anmeldung/[\w-]+/bestaetigen/", mail.outbox[0].body
    )


def test_confirm_link_get_only_shows_and_post_confirms(
    client, make_event, django_capture_on_commit_callbacks
):
    """Issue 12: a mail scanner that opens the double opt-in link confirms nothing."""
    event = make_event(capacities=(2,))
    _register(client, event)
    registration = Registration.objects.get()
    confirm_url = reverse("events:confirm", args=[registration.token])
    page = client.get(confirm_url)
    body = page.content.decode()
    assert page.status_code == 200 and "no-store" in page["Cache-Control"]
    assert "Teilnahme bestätigen" in body and 'method="post"' in body
    assert event.title in body and "Vor1 Nach1" in body
    assert client.head(confirm_url).status_code == 200
    assert Registration.objects.get().status == S.HELD
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(confirm_url)
    assert response.status_code == 302 and response["Location"].endswith(
        reverse("events:manage", args=[registration.token])
    )
    assert Registration.objects.get().status == S.CONFIRMED
    again = client.get(confirm_url).content.decode()
    assert "bereits bestätigt" in again and 'method="post"' not in again


def test_confirm_post_needs_csrf(make_event):
    from django.test import Client

    event = make_event()
    Client().post(reverse("events:register", args=[event.slug]), form_data(event))
    registration = Registration.objects.get()
    response = Client(enforce_csrf_checks=True).post(
        reverse("events:confirm", args=[registration.token])
    )
    assert response.status_code == 403
    assert Registration.objects.get().status == S.HELD


def test_manage_page_asks_before_cancelling(client, make_event):
    """Issue 11/21: 'Anmeldung stornieren' on the personal page asks first, like the mail link."""
    event = make_event()
    _register(client, event)
    registration = Registration.objects.get()
    url = reverse("events:manage", args=[registration.token])
    release = reverse("events:release", args=[registration.token])
    body = client.get(url).content.decode()
    assert 'value="cancel"' not in body and f'href="{release}"' in body
    response = client.post(url, {"action": "cancel"})
    assert response.status_code == 302 and response["Location"].endswith(release)
    assert Registration.objects.get().status == S.HELD
    client.post(release)
    assert Registration.objects.get().status == S.CANCELLED


def test_rate_limit_counts_successful_registrations_per_event(client, make_event, settings):
    """Issue 11/19: failed submissions do not count, each event counts on its own, the 429
    keeps the typed data, says how long, and Retry-After tells the truth."""
    settings.LOTSE_EVENT_REGISTRATION_RATE = "2/h"
    event, other = make_event(capacities=(10,)), make_event(capacities=(10,))
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        for n in range(4):
            assert _register(client, event, n=n, email="kaputt").status_code == 400
        assert [_register(client, event, n=n).status_code for n in (1, 2)] == [302, 302]
        blocked = _register(client, event, n=3, organisation="Jobcenter Zwickau")
        body = blocked.content.decode()
        assert blocked.status_code == 429
        wait = int(blocked["Retry-After"])
        assert 0 < wait <= 3600
        assert 'value="Vor3"' in body and 'value="p3@example.org"' in body
        assert 'value="Jobcenter Zwickau"' in body
        minutes = -(-wait // 60)
        assert f"in {minutes} Minute" in body
        assert Registration.objects.filter(event=event).count() == 2
        assert _register(client, other, n=1).status_code == 302  # another event: its own count
        clock.shift(wait - 1)
        assert _register(client, event, n=3).status_code == 429
        clock.shift(1)
        assert _register(client, event, n=3).status_code == 302
    assert Registration.objects.filter(event=event).count() == 3


def test_rate_limit_message_in_english(client, make_event, settings):
    settings.LOTSE_EVENT_REGISTRATION_RATE = "1/h"
    event = make_event(capacities=(10,))
    url = "/en" + reverse("events:register", args=[event.slug])
    assert client.post(url, form_data(event, n=1)).status_code == 302
    blocked = client.post(url, form_data(event, n=2))
    assert blocked.status_code == 429
    assert "Please try again in" in blocked.content.decode()


def _answer(client, event, **extra):
    """What the visitor sees: status code, and the acknowledgement page (registration rows)."""
    response = _register(client, event, **extra)
    if response.status_code != 302:
        return response.status_code, response.content.decode()
    page = client.get(response["Location"]).content.decode()
    rows = re.search(r'<ul class="kern-list" id="registration-results">(.*?)</ul>', page, re.S)
    return response.status_code, " ".join(rows.group(1).split())


def test_known_address_gets_its_link_again_with_the_same_answer(
    client, make_event, django_capture_on_commit_callbacks
):
    """Issue 11/20: no 'already registered' for anyone to read; the owner gets the link."""
    event = make_event(capacities=(5,))
    with django_capture_on_commit_callbacks(execute=True):
        _register(client, event, n=1)
    known = Registration.objects.get()
    mail.outbox.clear()
    with time_machine.travel(timezone.now(), tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            known_answer = _answer(client, event, n=1, email="P1@Example.org")
        new_answer = _answer(client, event, n=1, email="neu@example.org")
    assert known_answer[0] == new_answer[0] == 302
    assert known_answer[1] == new_answer[1]
    assert "bereits" not in known_answer[1]
    assert Registration.objects.filter(email="p1@example.org").count() == 1
    (message,) = [m for m in mail.outbox if m.to == ["p1@example.org"]]
    assert reverse("events:manage", args=[known.token]) in message.body
    assert reverse("events:confirm", args=[known.token]) in message.body
    assert "bereits" in message.body
    assert Site.objects.get(pk=known.site_id).booked == 2
    assert_counters(event)


def test_link_resends_are_limited(client, make_event, django_capture_on_commit_callbacks):
    event = make_event(capacities=(5,))
    _register(client, event, n=1)
    known = Registration.objects.get()
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        for _ in range(3):
            with django_capture_on_commit_callbacks(execute=True):
                assert _register(client, event, n=1).status_code == 302
        clock.shift(timedelta(minutes=11))
        with django_capture_on_commit_callbacks(execute=True):
            assert _register(client, event, n=1).status_code == 302
    resent = [m for m in mail.outbox if reverse("events:manage", args=[known.token]) in m.body]
    assert len(resent) == 2
    assert Registration.objects.count() == 1


def test_group_with_a_known_colleague_registers_the_others(
    client, make_event, django_capture_on_commit_callbacks
):
    event = make_event(capacities=(10,), max_group_size=3)
    _register(client, event, n=9, email="k1@example.org")
    mail.outbox.clear()
    extra = {
        "colleagues-0-first_name": "Kollege",
        "colleagues-0-last_name": "Eins",
        "colleagues-0-email": "k1@example.org",
    }
    with django_capture_on_commit_callbacks(execute=True):
        status, rows = _answer(client, event, n=1, **extra)
    assert status == 302 and "Vor1 Nach1" in rows and "Kollege Eins" in rows
    assert sorted(Registration.objects.values_list("email", flat=True)) == [
        "k1@example.org",
        "p1@example.org",
    ]
    assert {m.to[0] for m in mail.outbox} == {"p1@example.org", "k1@example.org"}
    assert_counters(event)


def test_link_mail_in_english(make_event):
    from lotse.events.mails import registration_mail

    event = make_event()
    from django.test import Client

    _register(Client(), event)
    registration = Registration.objects.get()
    registration.language = "en"
    message = registration_mail(registration, "link")
    assert message.subject.startswith("Your personal registration link")
    assert "no second registration was made" in message.body
    assert reverse("events:manage", args=[registration.token]) in message.body
