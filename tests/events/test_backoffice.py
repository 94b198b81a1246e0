"""Back-office screens: event editing (snippet), registrations list, exports, messages."""

import io
from datetime import timedelta

import openpyxl
import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from wagtail.documents.models import Document
from wagtail.models import ModelLogEntry
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from lotse.core import roles
from lotse.events.models import Event, EventMessage, RegistrationStatus, Session, WorkingGroup

from .factories import client_for, make_actor, make_event, make_registration, make_user

pytestmark = pytest.mark.django_db

EDIT = "wagtailsnippets_events_event:"
SITE_DETAILS = (
    "street",
    "postcode",
    "district",
    "room",
    "accessibility_notes",
    "arrival_info",
    "stream_url",
)


def _dt(value) -> str:
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M")


def event_form(event: Event | None = None, *, organiser=None, sessions=(), **changes) -> dict:
    """The event form as the browser posts it."""
    start = timezone.now() + timedelta(days=30)
    blank = dict.fromkeys(SITE_DETAILS, "")
    if event is not None:
        sites = [
            {
                **blank,
                "id": site.pk,
                "name": site.name,
                "capacity": site.capacity or "",
                "city": site.city,
                "venue": site.venue,
                **({"is_online": "on"} if site.is_online else {}),
            }
            for site in event.sites.all()
        ]
    else:
        sites = [{**blank, "name": "Chemnitz", "capacity": "80", "city": "Chemnitz", "venue": ""}]
    data = {
        "title": event.title if event else "Runder Tisch Fachkräfte",
        "slug": event.slug if event else "runder-tisch-fachkraefte",
        "summary": event.summary if event else "Austausch",
        "description": rich_text(""),
        "kind": event.kind if event else "runder_tisch",
        "status": event.status if event else "draft",
        "starts_at": _dt(event.starts_at if event else start),
        "ends_at": _dt(event.ends_at if event else start + timedelta(hours=3)),
        "organiser": (organiser or (event.organiser if event else None)).pk,
        "co_organisers": [],
        "registration_opens_at": "",
        "registration_closes_at": "",
        "ask_organisation": "on",
        "max_group_size": "5",
        "hold_hours": "24",
        "offer_hours": "48",
        "retention_days": "90",
        "documentation": rich_text(""),
        "sites": inline_formset(sites, min=1),
        "sessions": inline_formset(list(sessions)),
        "working_groups": inline_formset([]),
        "questions": inline_formset([]),
    }
    data.update(changes)
    return nested_form_data(data)


def test_team_creates_event_with_audited_status(team, team_user):
    organiser = make_actor("IHK Chemnitz")
    response = team.post(reverse(EDIT + "add"), event_form(organiser=organiser))
    assert response.status_code == 302, response.context["form"].errors if response.context else ""
    event = Event.objects.get(slug="runder-tisch-fachkraefte")
    assert event.sites.get().capacity == 80
    entry = ModelLogEntry.objects.filter(action="lotse.status", object_id=str(event.pk)).get()
    assert entry.data["changes"]["status"] == [None, "draft"]
    assert entry.user == team_user


def test_status_change_is_audited(team, event):
    response = team.post(
        reverse(EDIT + "edit", args=[event.pk]), event_form(event, status="closed")
    )
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.status == "closed"
    entry = ModelLogEntry.objects.get(action="lotse.status", object_id=str(event.pk))
    assert entry.data["changes"]["status"] == ["registration_open", "closed"]
    # an edit without a status change writes no status entry
    team.post(reverse(EDIT + "edit", args=[event.pk]), event_form(event, summary="Neu"))
    assert ModelLogEntry.objects.filter(action="lotse.status", object_id=str(event.pk)).count() == 1


def test_session_with_speakers_documents_and_results(team, event):
    document = Document.objects.create(title="Folien Keynote", file="documents/keynote.pdf")
    site = event.sites.get(name="Görlitz")
    session = {
        "starts_at": _dt(event.starts_at),
        "ends_at": "",
        "title": "Keynote",
        "description": "",
        "site": "",
        "working_group": "",
        "speakers": streamfield(
            [("speaker", {"name": "Dr. Ada Beispiel", "organisation": "BAMF", "role": "Referat"})]
        ),
    }
    data = event_form(event, sessions=[session])
    data["sessions-0-documents"] = [document.pk]
    data.update(
        nested_form_data(
            {
                "working_groups": inline_formset(
                    [
                        {
                            "title": "AG Anerkennung",
                            "description": "",
                            "site": site.pk,
                            "capacity": "20",
                            "results": rich_text("<p>Gemeinsame Lotsenstelle</p>"),
                        }
                    ]
                )
            }
        )
    )
    response = team.post(reverse(EDIT + "edit", args=[event.pk]), data)
    assert response.status_code == 302, response.context["form"].errors
    saved = Session.objects.get(event=event)
    assert saved.speakers[0].value["name"] == "Dr. Ada Beispiel"
    assert list(saved.documents.all()) == [document]
    group = WorkingGroup.objects.get(event=event)
    assert "Lotsenstelle" in group.results and group.site == site


def test_sessions_cannot_pick_a_site_of_another_event(team, event):
    foreign = make_event().sites.get()
    session = {
        "starts_at": _dt(event.starts_at),
        "ends_at": "",
        "title": "Keynote",
        "description": "",
        "site": foreign.pk,
        "working_group": "",
        "speakers": streamfield([]),
    }
    response = team.post(
        reverse(EDIT + "edit", args=[event.pk]), event_form(event, sessions=[session])
    )
    assert response.status_code == 200
    assert not Session.objects.filter(event=event).exists()


def test_partner_cannot_open_registration_nor_pick_another_organiser():
    own = make_actor("Welcome Center Görlitz")
    foreign = make_actor("Fremder Akteur")
    partner = make_user("paula", roles.PARTNER, actors=[own])
    client = client_for(partner)
    event = make_event(organiser=own, status="draft")
    response = client.post(
        reverse(EDIT + "edit", args=[event.pk]), event_form(event, status="registration_open")
    )
    assert response.status_code == 200
    event.refresh_from_db()
    assert event.status == "draft"
    response = client.post(
        reverse(EDIT + "edit", args=[event.pk]), event_form(event, status="published")
    )
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.status == "published"
    response = client.post(reverse(EDIT + "add"), event_form(organiser=foreign))
    assert response.status_code == 200
    assert not Event.objects.filter(slug="runder-tisch-fachkraefte").exists()


def test_list_filters_upcoming_and_past(team):
    make_event(title="Kommendes Treffen", days=10)
    make_event(title="Vergangenes Treffen", days=-10, status="held")
    body = team.get(reverse(EDIT + "list"), {"when": "upcoming"}).content.decode()
    assert "Kommendes Treffen" in body and "Vergangenes Treffen" not in body
    body = team.get(reverse(EDIT + "list"), {"when": "past"}).content.decode()
    assert "Vergangenes Treffen" in body and "Kommendes Treffen" not in body
    body = team.get(reverse(EDIT + "list"), {"status": "held"}).content.decode()
    assert "Vergangenes Treffen" in body and "Kommendes Treffen" not in body


# --- registrations list -----------------------------------------------------------------


def test_registrations_filters_and_search(team, event):
    goerlitz, riesa = event.sites.get(name="Görlitz"), event.sites.get(name="Riesa")
    make_registration(goerlitz, first_name="Xaverine", last_name="Alt", organisation="IHK")
    make_registration(goerlitz, first_name="Yvettchen", last_name="Bau", checked_in=True)
    make_registration(riesa, first_name="Zenzinia", last_name="Clever", consent_photos=True)
    make_registration(riesa, first_name="Quirinus", status=RegistrationStatus.CANCELLED)
    url = reverse("lotse_events:registrations", args=[event.pk])

    def names(**params):
        body = team.get(url, params).content.decode()
        return {name for name in ("Xaverine", "Yvettchen", "Zenzinia", "Quirinus") if name in body}

    assert names() == {"Xaverine", "Yvettchen", "Zenzinia"}
    assert names(status="all") == {"Xaverine", "Yvettchen", "Zenzinia", "Quirinus"}
    assert names(site=goerlitz.pk) == {"Xaverine", "Yvettchen"}
    assert names(checked_in="yes") == {"Yvettchen"}
    assert names(checked_in="no") == {"Xaverine", "Zenzinia"}
    assert names(consent="photos") == {"Zenzinia"}
    assert names(q="ihk") == {"Xaverine"}
    assert names(q="clever") == {"Zenzinia"}


def test_exports_csv_and_xlsx(team, event):
    site = event.sites.get(name="Görlitz")
    make_registration(site, first_name="Jörg", last_name="Weiß", dietary_needs="vegan")
    url = reverse("lotse_events:registrations", args=[event.pk])
    csv = team.get(url, {"export": "csv"})
    assert csv["Content-Type"].startswith("text/csv")
    text = csv.content.decode("utf-8-sig")
    assert "Jörg;Weiß" in text and "vegan" in text
    xlsx = team.get(url, {"export": "xlsx", "site": site.pk})
    book = openpyxl.load_workbook(io.BytesIO(xlsx.content))
    rows = list(book.active.iter_rows(values_only=True))
    assert rows[0][0] == "Code"
    assert rows[1][3] == "Jörg"
    assert ModelLogEntry.objects.filter(action="lotse.export", object_id=str(event.pk)).count() == 2


def test_exports_never_run_what_the_public_typed_as_a_formula(team, event):
    site = event.sites.get(name="Görlitz")
    make_registration(
        site,
        organisation='=HYPERLINK("http://evil.example","x")',
        role="+49 371 1234",
    )
    url = reverse("lotse_events:registrations", args=[event.pk])
    text = team.get(url, {"export": "csv"}).content.decode("utf-8-sig")
    assert "'=HYPERLINK(" in text and ";'+49 371 1234;" in text
    assert ";=HYPERLINK" not in text and '"=HYPERLINK' not in text
    xlsx = team.get(url, {"export": "xlsx"})
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx.content)).active
    row = list(sheet.iter_rows(values_only=True))[1]
    assert row[6].startswith("'=HYPERLINK") and row[9] == "'+49 371 1234"


# --- messages ---------------------------------------------------------------------------


def test_message_to_one_site_goes_to_confirmed_people_of_that_site(
    team, team_user, event, django_capture_on_commit_callbacks
):
    goerlitz, riesa = event.sites.get(name="Görlitz"), event.sites.get(name="Riesa")
    one = make_registration(goerlitz)
    two = make_registration(goerlitz)
    make_registration(goerlitz, status=RegistrationStatus.WAITLISTED)
    make_registration(goerlitz, status=RegistrationStatus.CANCELLED)
    make_registration(riesa)
    with django_capture_on_commit_callbacks(execute=True):  # the worker sends after the commit
        response = team.post(
            reverse("lotse_events:message", args=[event.pk]),
            {"site": goerlitz.pk, "subject": "Raumänderung", "body": "Wir sind in Raum 2."},
        )
    assert response.status_code == 302
    assert sorted(m.to[0] for m in mail.outbox) == sorted([one.email, two.email])
    assert all(len(m.to) == 1 for m in mail.outbox)
    assert "Wir sind in Raum 2." in mail.outbox[0].body
    message = EventMessage.objects.get()
    assert (message.site, message.recipient_count, message.sent_by) == (goerlitz, 2, team_user)
    assert ModelLogEntry.objects.filter(action="lotse.mail", object_id=str(event.pk)).exists()


def test_message_to_all_including_waiting_list(team, event, django_capture_on_commit_callbacks):
    make_registration(event.sites.get(name="Görlitz"))
    make_registration(event.sites.get(name="Riesa"), status=RegistrationStatus.WAITLISTED)
    with django_capture_on_commit_callbacks(execute=True):
        team.post(
            reverse("lotse_events:message", args=[event.pk]),
            {"subject": "Programm", "body": "Neu", "include_waiting": "on"},
        )
    assert len(mail.outbox) == 2


def test_message_without_subject_is_refused(team, event):
    make_registration(event.sites.get(name="Görlitz"))
    response = team.post(
        reverse("lotse_events:message", args=[event.pk]), {"subject": "", "body": "x"}
    )
    assert response.status_code == 400
    assert (
        "error-message" in response.content.decode() or "erforderlich" in response.content.decode()
    )
    assert not mail.outbox and not EventMessage.objects.exists()


def test_overview_lists_sites_with_counts(team, event):
    make_registration(event.sites.get(name="Görlitz"), checked_in=True)
    body = team.get(reverse("lotse_events:overview", args=[event.pk])).content.decode()
    assert "Görlitz" in body and "Riesa" in body
    assert reverse("lotse_events:checkin", args=[event.sites.get(name="Görlitz").pk]) in body


def test_event_with_registrations_cannot_be_deleted(team, event):
    make_registration(event.sites.get(name="Görlitz"))
    response = team.post(reverse(EDIT + "delete", args=[event.pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse(EDIT + "edit", args=[event.pk])
    assert Event.objects.filter(pk=event.pk).exists()
    empty = make_event(title="Leer")
    team.post(reverse(EDIT + "delete", args=[empty.pk]))
    assert not Event.objects.filter(pk=empty.pk).exists()
