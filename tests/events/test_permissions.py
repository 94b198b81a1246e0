"""Who may do what: a URL walk over every events back-office URL for every kind of user."""

import pytest
from django.test import Client
from django.urls import reverse

from lotse.core import roles
from lotse.events.models import Event, EventStatus
from lotse.events.permissions import (
    EventPermissionPolicy,
    allowed_statuses,
    events_visible_to,
)

from .factories import client_for, make_actor, make_event, make_registration, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    own_actor = make_actor("Handwerkskammer Dresden")
    co_actor = make_actor("IHK Chemnitz")
    other_actor = make_actor("Agentur für Arbeit Riesa", "arbeitsverwaltung")
    own = make_event(organiser=own_actor, title="Eigenes Treffen", status=EventStatus.DRAFT)
    co = make_event(organiser=other_actor, title="Gemeinsames Forum")
    co.co_organisers.add(co_actor)
    co.save()
    other = make_event(organiser=other_actor, title="Fremdes Treffen")
    site = other.sites.get()
    registration = make_registration(site)
    return {
        "own": own,
        "co": co,
        "other": other,
        "site": site,
        "registration": registration,
        "partner": make_user("paula", roles.PARTNER, actors=[own_actor, co_actor]),
        "team": make_user("vera", roles.EVENTS_TEAM),
        "admin": make_user("ada", roles.ADMINISTRATION),
        "desk": make_user("lars", roles.DESK),
        "editor": make_user("rita", roles.EDITORS),
    }


def staff_urls(world) -> list[str]:
    event, site, _registration = world["other"], world["site"], world["registration"]
    return [
        reverse("wagtailsnippets_events_event:list"),
        reverse("wagtailsnippets_events_event:edit", args=[event.pk]),
        reverse("wagtailsnippets_events_event:add"),
        reverse("lotse_events:overview", args=[event.pk]),
        reverse("lotse_events:registrations", args=[event.pk]),
        reverse("lotse_events:registrations", args=[event.pk]) + "?export=csv",
        reverse("lotse_events:badges", args=[event.pk]),
        reverse("lotse_events:participants", args=[event.pk]),
        reverse("lotse_events:message", args=[event.pk]),
        reverse("lotse_events:report", args=[event.pk]),
        reverse("lotse_events:report", args=[event.pk]) + "?format=csv",
        reverse("lotse_events:checkin_list", args=[site.pk]),
        reverse("lotse_events:checkin", args=[site.pk]),
        reverse("lotse_events:counter", args=[site.pk]),
        reverse("lotse_events:retention"),
    ]


def post_urls(world) -> list[str]:
    event, site, registration = world["other"], world["site"], world["registration"]
    return [
        reverse("lotse_events:checkin_do", args=[site.pk, registration.pk]),
        reverse("lotse_events:checkin_undo", args=[site.pk, registration.pk]),
        reverse("lotse_events:thanks", args=[event.pk]),
        reverse("lotse_events:retention_run", args=[event.pk]),
        reverse("lotse_events:message", args=[event.pk]),
    ]


def test_anonymous_is_sent_to_the_login(world):
    client = Client()
    for url in staff_urls(world) + post_urls(world):
        response = client.get(url) if url not in post_urls(world) else client.post(url)
        assert response.status_code == 302, url
        assert "/login/" in response["Location"], url


@pytest.mark.parametrize("who", ["desk", "editor"])
def test_other_roles_get_403(world, who):
    _assert_refused(client_for(world[who]), staff_urls(world), post_urls(world))
    assert (
        world["registration"].__class__.objects.get(pk=world["registration"].pk).checked_in_at
        is None
    )


def test_partner_of_another_organisation_gets_403(world):
    # Partners list and add their own events.
    own = [reverse(f"wagtailsnippets_events_event:{name}") for name in ("list", "add")]
    shown = [url for url in staff_urls(world) if url not in own]
    _assert_refused(client_for(world["partner"]), shown, post_urls(world))


def _assert_refused(client, urls, actions) -> None:
    """Every page answers 403 (or sends back to the dashboard), every action 403."""
    for url in urls:
        response = client.get(url)
        assert response.status_code in (403, 302), url
        if response.status_code == 302:
            assert response["Location"] == "/admin/", url
    for url in actions:
        assert client.post(url).status_code == 403, url


@pytest.mark.parametrize("who", ["team", "admin"])
def test_team_and_admin_reach_everything(world, who):
    client = client_for(world[who])
    for url in staff_urls(world):
        assert client.get(url).status_code == 200, url


def test_partner_lists_only_own_and_co_organised_events(world):
    page = client_for(world["partner"]).get(reverse("wagtailsnippets_events_event:list"))
    body = page.content.decode()
    assert "Eigenes Treffen" in body
    assert "Gemeinsames Forum" in body
    assert "Fremdes Treffen" not in body
    assert set(events_visible_to(world["partner"])) == {world["own"], world["co"]}


def test_partner_sees_own_registrations_and_report_but_not_check_in(world):
    client = client_for(world["partner"])
    co = world["co"]
    make_registration(co.sites.get(), first_name="Grete")
    assert client.get(reverse("lotse_events:registrations", args=[co.pk])).status_code == 200
    assert (
        "Grete" in client.get(reverse("lotse_events:registrations", args=[co.pk])).content.decode()
    )
    assert client.get(reverse("lotse_events:report", args=[co.pk])).status_code == 200
    assert client.get(reverse("lotse_events:checkin", args=[co.sites.get().pk])).status_code == 403
    assert client.get(reverse("lotse_events:badges", args=[co.pk])).status_code == 403
    assert client.get(reverse("lotse_events:message", args=[co.pk])).status_code == 403
    assert client.get(reverse("lotse_events:retention")).status_code == 403


def test_partner_may_only_draft_or_publish(world):
    assert allowed_statuses(world["partner"]) == ["draft", "published"]
    assert set(allowed_statuses(world["team"])) == set(EventStatus.values)
    policy = EventPermissionPolicy(Event)
    assert policy.user_has_permission_for_instance(world["partner"], "change", world["own"])
    # co-organised event with open registration belongs to the team now
    assert not policy.user_has_permission_for_instance(world["partner"], "change", world["co"])
    assert not policy.user_has_permission_for_instance(world["partner"], "delete", world["own"])
    assert policy.user_has_permission_for_instance(world["team"], "delete", world["other"])


# --- The event form enforces the policy on the server (issue 11, point 2) ----------------------


def _post_edit(client, event, **changes):
    from .test_backoffice import event_form

    return client.post(
        reverse("wagtailsnippets_events_event:edit", args=[event.pk]), event_form(event, **changes)
    )


def _snapshot(event):
    event = Event.objects.get(pk=event.pk)
    return (
        event.title,
        event.status,
        event.organiser_id,
        set(event.co_organisers.values_list("pk", flat=True)),
        event.retention_days,
    )


def test_partner_cannot_post_changes_to_an_event_the_team_runs(world):
    """The co-organised event has open registration: the team runs it now."""
    co = world["co"]
    before = _snapshot(co)
    own_actor = world["partner"].memberships.first().actor
    client = client_for(world["partner"])
    response = _post_edit(
        client,
        co,
        title="Übernommen",
        status="draft",
        organiser=own_actor,
        retention_days="30000",
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("lotse_events:overview", args=[co.pk])
    assert _snapshot(co) == before
    # GET goes the same way (no form that would be refused on saving).
    response = client.get(reverse("wagtailsnippets_events_event:edit", args=[co.pk]))
    assert response.status_code == 302


def test_co_organising_partner_edits_content_but_not_organiser_status_or_retention(world):
    co = world["co"]
    co.status = EventStatus.DRAFT
    co.save()
    own_actor = world["partner"].memberships.first().actor
    title, status, organiser, co_organisers, retention = _snapshot(co)
    client = client_for(world["partner"])
    page = client.get(reverse("wagtailsnippets_events_event:edit", args=[co.pk]))
    assert page.status_code == 200
    for name in ("organiser", "co_organisers", "status", "retention_days"):
        assert name not in page.context["form"].fields, name
    response = _post_edit(
        client,
        co,
        title="Neuer Titel",
        status="published",
        organiser=own_actor,
        co_organisers=[],
        retention_days="30000",
    )
    assert response.status_code == 302, response.context["form"].errors
    assert _snapshot(co) == ("Neuer Titel", status, organiser, co_organisers, retention)


def test_organising_partner_sets_status_but_not_retention(world):
    own = world["own"]
    client = client_for(world["partner"])
    response = _post_edit(client, own, status="published", retention_days="30000")
    assert response.status_code == 302, response.context["form"].errors
    own.refresh_from_db()
    assert own.status == EventStatus.PUBLISHED
    assert own.retention_days == 90
    # The team's statuses stay the team's.
    response = _post_edit(client, own, status="registration_open")
    assert response.status_code == 200
    own.refresh_from_db()
    assert own.status == EventStatus.PUBLISHED


@pytest.mark.parametrize("days", ["731", "30000"])
def test_retention_period_is_bounded_for_the_team_too(world, settings, days):
    settings.LOTSE_EVENT_RETENTION_MAX_DAYS = 730
    event = world["other"]
    response = _post_edit(client_for(world["team"]), event, retention_days=days)
    assert response.status_code == 200
    errors = response.context["form"].errors["retention_days"]
    assert errors == [
        "Die Löschfrist darf höchstens 730 Tage nach der Veranstaltung betragen "
        "(Datenschutz: personenbezogene Daten nur so lange wie nötig)."
    ]
    event.refresh_from_db()
    assert event.retention_days == 90


def test_team_sets_a_retention_period_up_to_the_maximum(world, settings):
    settings.LOTSE_EVENT_RETENTION_MAX_DAYS = 730
    event = world["other"]
    response = _post_edit(client_for(world["team"]), event, retention_days="730")
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.retention_days == 730


def test_partner_creating_an_event_gets_the_default_retention(world):
    from .test_backoffice import event_form

    own_actor = world["partner"].memberships.first().actor
    response = client_for(world["partner"]).post(
        reverse("wagtailsnippets_events_event:add"),
        event_form(organiser=own_actor, retention_days="30000"),
    )
    assert response.status_code == 302, response.context["form"].errors
    created = Event.objects.get(slug="runder-tisch-fachkraefte")
    assert created.retention_days == 90
    assert created.status == EventStatus.DRAFT


def test_retention_message_in_english(settings):
    from django.core.exceptions import ValidationError
    from django.utils import translation

    from lotse.events.backoffice.forms import validate_retention_days

    settings.LOTSE_EVENT_RETENTION_MAX_DAYS = 730
    validate_retention_days(730)
    with translation.override("en"):
        with pytest.raises(ValidationError) as error:
            validate_retention_days(731)
        messages = error.value.messages
    assert messages == [
        "The deletion period may be at most 730 days after the event (data protection: "
        "personal data only as long as necessary)."
    ]
