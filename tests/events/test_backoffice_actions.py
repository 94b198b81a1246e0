"""Back office: staff add, cancel and move registrations by hand (issue 4, manual changes)."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from wagtail.models import ModelLogEntry

from lotse.core import roles
from lotse.core.models import ActorType, Region
from lotse.events.models import Registration, RegistrationStatus, WorkingGroup

from .conftest import assert_counters
from .factories import client_for, make_actor, make_event, make_registration, make_user

pytestmark = pytest.mark.django_db

S = RegistrationStatus


def add_url(event) -> str:
    return reverse("lotse_events:registration_add", args=[event.pk])


def cancel_url(registration) -> str:
    return reverse(
        "lotse_events:registration_cancel", args=[registration.event_id, registration.pk]
    )


def move_url(registration) -> str:
    return reverse("lotse_events:registration_move", args=[registration.event_id, registration.pk])


def person(site, **changes) -> dict:
    data = {
        "site": site.pk,
        "first_name": "Hanna",
        "last_name": "Bergmann",
        "email": "hanna.bergmann@example.org",
        "organisation": "IHK Chemnitz",
        "actor_type": ActorType.objects.get(slug="kammer").pk,
        "district": Region.objects.get(slug="chemnitz").pk,
        "role": "Referentin",
        "language": "de",
    }
    data.update(changes)
    return data


def flash(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


# --- add ------------------------------------------------------------------------------------


def test_add_form_shows_the_event_sites_and_groups(team, event):
    WorkingGroup.objects.create(event=event, title="AG Zuwanderung")
    other = make_event(sites=(("Fremdort", 10),))
    response = team.get(add_url(event))
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    html = response.content.decode()
    assert "Görlitz" in html and "Riesa" in html and "AG Zuwanderung" in html
    assert "Fremdort" not in html and other.title not in html
    assert 'name="csrfmiddlewaretoken"' in html


def test_team_adds_a_person_confirmed_with_mail_and_audit(
    team, team_user, event, django_capture_on_commit_callbacks
):
    site = event.sites.get(name="Görlitz")
    group = WorkingGroup.objects.create(event=event, title="AG Zuwanderung", capacity=5)
    with django_capture_on_commit_callbacks(execute=True):
        response = team.post(add_url(event), person(site, working_groups=[group.pk]), follow=True)
    assert response.redirect_chain[-1][0] == reverse("lotse_events:registrations", args=[event.pk])
    registration = Registration.objects.get(email="hanna.bergmann@example.org")
    assert registration.status == S.CONFIRMED and registration.confirmed_at is not None
    assert registration.site == site and registration.organisation == "IHK Chemnitz"
    assert registration.actor_type.slug == "kammer" and registration.district.slug == "chemnitz"
    assert list(registration.working_groups.all()) == [group]
    assert [m.to for m in mail.outbox] == [["hanna.bergmann@example.org"]]
    assert any("bestätigt" in text and "Hanna Bergmann" in text for text in flash(response))
    site.refresh_from_db()
    group.refresh_from_db()
    assert site.booked == 1 and group.booked == 1
    assert_counters(event)
    entry = ModelLogEntry.objects.get(action="lotse.create", object_id=str(registration.pk))
    assert entry.user == team_user


def test_add_to_a_full_site_goes_to_the_waiting_list(team, django_capture_on_commit_callbacks):
    event = make_event(sites=(("Riesa", 1),))
    site = event.sites.get()
    make_registration(site)
    with django_capture_on_commit_callbacks(execute=True):
        response = team.post(add_url(event), person(site), follow=True)
    registration = Registration.objects.get(email="hanna.bergmann@example.org")
    assert registration.status == S.WAITLISTED
    assert any("ausgebucht" in t and "Warteliste (Platz 1)" in t for t in flash(response))
    assert mail.outbox[0].to == ["hanna.bergmann@example.org"]
    site.refresh_from_db()
    assert site.booked == 1
    assert_counters(event)


def test_duplicate_email_is_refused_and_nothing_is_written(team, event):
    site = event.sites.get(name="Görlitz")
    existing = make_registration(site)
    before = Registration.objects.count()
    response = team.post(add_url(event), person(site, email=existing.email.upper()))
    assert response.status_code == 400
    assert "besteht bereits eine Anmeldung" in response.content.decode()
    assert Registration.objects.count() == before
    site.refresh_from_db()
    assert site.booked == 1
    assert not mail.outbox


def test_add_with_a_site_of_another_event_is_refused(team, event):
    other_site = make_event(sites=(("Fremdort", 10),)).sites.get()
    response = team.post(add_url(event), person(other_site))
    assert response.status_code == 400
    assert not Registration.objects.exists()
    other_site.refresh_from_db()
    assert other_site.booked == 0


def test_add_needs_names_and_a_valid_email(team, event):
    site = event.sites.get(name="Görlitz")
    response = team.post(add_url(event), person(site, first_name="", email="kein-mail"))
    assert response.status_code == 400
    assert not Registration.objects.exists()


# --- cancel ---------------------------------------------------------------------------------


def test_cancel_asks_first_and_get_changes_nothing(team, event):
    registration = make_registration(event.sites.get(name="Görlitz"), first_name="Jonas")
    response = team.get(cancel_url(registration))
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    html = response.content.decode()
    assert "Ja, Anmeldung stornieren" in html and 'method="post"' in html
    registration.refresh_from_db()
    assert registration.status == S.CONFIRMED


def test_cancel_promotes_the_first_waiting_person(
    team, team_user, django_capture_on_commit_callbacks
):
    event = make_event(sites=(("Görlitz", 1),))
    site = event.sites.get()
    seated = make_registration(site, first_name="Jonas", last_name="Kern")
    first = make_registration(site, status=S.WAITLISTED, first_name="Mira", last_name="Lang")
    second = make_registration(site, status=S.WAITLISTED, first_name="Olaf", last_name="Nagel")
    with django_capture_on_commit_callbacks(execute=True):
        response = team.post(cancel_url(seated), follow=True)
    seated.refresh_from_db()
    first.refresh_from_db()
    second.refresh_from_db()
    assert seated.status == S.CANCELLED
    assert first.status == S.OFFERED and second.status == S.WAITLISTED
    texts = flash(response)
    assert any("Jonas Kern" in t and "storniert" in t and "Mira Lang" in t for t in texts)
    assert sorted(m.to[0] for m in mail.outbox) == sorted([seated.email, first.email])
    assert_counters(event)
    entry = ModelLogEntry.objects.get(action="lotse.status", object_id=str(seated.pk))
    assert entry.user == team_user and entry.data["changes"]["status"] == ["confirmed", "cancelled"]


def test_cancel_twice_is_harmless(team, event, django_capture_on_commit_callbacks):
    registration = make_registration(event.sites.get(name="Görlitz"))
    team.post(cancel_url(registration))
    with django_capture_on_commit_callbacks(execute=True):
        response = team.post(cancel_url(registration), follow=True)
    assert any("bereits storniert" in t for t in flash(response))
    assert not mail.outbox
    assert_counters(event)


def test_cancel_of_another_events_registration_is_404(team, event):
    other = make_registration(make_event().sites.get())
    response = team.post(reverse("lotse_events:registration_cancel", args=[event.pk, other.pk]))
    assert response.status_code == 404
    other.refresh_from_db()
    assert other.status == S.CONFIRMED


# --- move -----------------------------------------------------------------------------------


def test_move_to_a_site_with_room(team, team_user, event, django_capture_on_commit_callbacks):
    goerlitz, riesa = event.sites.get(name="Görlitz"), event.sites.get(name="Riesa")
    registration = make_registration(goerlitz, first_name="Jonas", last_name="Kern")
    page = team.get(move_url(registration))
    assert page.status_code == 200 and page["Cache-Control"] == "no-store"
    assert "Riesa" in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = team.post(move_url(registration), {"site": riesa.pk}, follow=True)
    registration.refresh_from_db()
    assert registration.site == riesa and registration.status == S.CONFIRMED
    assert any("Jonas Kern" in t and "Riesa" in t for t in flash(response))
    assert [m.to[0] for m in mail.outbox] == [registration.email]
    goerlitz.refresh_from_db()
    riesa.refresh_from_db()
    assert (goerlitz.booked, riesa.booked) == (0, 1)
    assert_counters(event)
    entry = ModelLogEntry.objects.get(action="lotse.update", object_id=str(registration.pk))
    assert entry.user == team_user and entry.data["changes"]["site"] == ["Görlitz", "Riesa"]


def test_move_to_a_full_site_waitlists_and_promotes_at_the_old_one(
    team, django_capture_on_commit_callbacks
):
    event = make_event(sites=(("Görlitz", 1), ("Riesa", 1)))
    goerlitz, riesa = event.sites.get(name="Görlitz"), event.sites.get(name="Riesa")
    moving = make_registration(goerlitz, first_name="Jonas", last_name="Kern")
    waiting = make_registration(goerlitz, status=S.WAITLISTED, first_name="Mira", last_name="Lang")
    make_registration(riesa)
    with django_capture_on_commit_callbacks(execute=True):
        response = team.post(move_url(moving), {"site": riesa.pk}, follow=True)
    moving.refresh_from_db()
    waiting.refresh_from_db()
    assert moving.site == riesa and moving.status == S.WAITLISTED
    assert waiting.status == S.OFFERED
    texts = flash(response)
    assert any(
        "ausgebucht" in t and "Warteliste (Platz 1)" in t and "Mira Lang" in t for t in texts
    )
    assert sorted(m.to[0] for m in mail.outbox) == sorted([moving.email, waiting.email])
    assert_counters(event)


def test_move_to_a_forged_site_of_another_event_changes_nothing(team, event):
    goerlitz = event.sites.get(name="Görlitz")
    registration = make_registration(goerlitz)
    foreign = make_event(sites=(("Fremdort", 10),)).sites.get()
    response = team.post(move_url(registration), {"site": foreign.pk})
    assert response.status_code == 400
    registration.refresh_from_db()
    foreign.refresh_from_db()
    goerlitz.refresh_from_db()
    assert registration.site == goerlitz and registration.status == S.CONFIRMED
    assert foreign.booked == 0 and goerlitz.booked == 1
    assert not ModelLogEntry.objects.filter(action="lotse.update").exists()


def test_move_of_a_cancelled_registration_is_refused(team, event):
    registration = make_registration(event.sites.get(name="Görlitz"), status=S.CANCELLED)
    riesa = event.sites.get(name="Riesa")
    response = team.post(move_url(registration), {"site": riesa.pk})
    assert response.status_code == 400
    assert "nicht mehr gültig" in response.content.decode()
    registration.refresh_from_db()
    assert registration.site.name == "Görlitz"
    assert_counters(event)


# --- who may -------------------------------------------------------------------------------


@pytest.fixture
def own_event():
    actor = make_actor("Handwerkskammer Dresden")
    event = make_event(organiser=actor, sites=(("Görlitz", 5), ("Riesa", 5)))
    return actor, event


def _action_requests(event, registration):
    riesa = event.sites.get(name="Riesa")
    site = event.sites.get(name="Görlitz")
    return [
        ("get", add_url(event), {}),
        ("post", add_url(event), person(site)),
        ("get", cancel_url(registration), {}),
        ("post", cancel_url(registration), {}),
        ("get", move_url(registration), {}),
        ("post", move_url(registration), {"site": riesa.pk}),
    ]


@pytest.mark.parametrize("who", ["partner", "desk", "editor"])
def test_partner_and_other_roles_get_403(own_event, who):
    actor, event = own_event
    registration = make_registration(event.sites.get(name="Görlitz"))
    user = {
        "partner": lambda: make_user("paula", roles.PARTNER, actors=[actor]),
        "desk": lambda: make_user("lars", roles.DESK),
        "editor": lambda: make_user("rita", roles.EDITORS),
    }[who]()
    client = client_for(user)
    for method, url, data in _action_requests(event, registration):
        response = getattr(client, method)(url, data)
        if method == "get" and response.status_code == 302:  # no admin access at all
            assert response["Location"] == "/admin/", url
        else:
            assert response.status_code == 403, (method, url)
    registration.refresh_from_db()
    assert registration.status == S.CONFIRMED and registration.site.name == "Görlitz"
    assert Registration.objects.count() == 1
    assert not mail.outbox


def test_partner_sees_no_action_links(own_event):
    actor, event = own_event
    make_registration(event.sites.get(name="Görlitz"))
    client = client_for(make_user("paula", roles.PARTNER, actors=[actor]))
    response = client.get(reverse("lotse_events:registrations", args=[event.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Stornieren" not in html and "Person hinzufügen" not in html


def test_anonymous_is_sent_to_the_login(own_event):
    _actor, event = own_event
    registration = make_registration(event.sites.get(name="Görlitz"))
    client = Client()
    for method, url, data in _action_requests(event, registration):
        response = getattr(client, method)(url, data)
        assert response.status_code == 302 and "/login/" in response["Location"], url
    assert Registration.objects.count() == 1


def test_posts_need_the_csrf_token(team_user, event):
    registration = make_registration(event.sites.get(name="Görlitz"))
    client = Client(enforce_csrf_checks=True)
    client.force_login(team_user)
    assert client.post(cancel_url(registration)).status_code == 403
    assert client.post(add_url(event), person(event.sites.get(name="Riesa"))).status_code == 403
    registration.refresh_from_db()
    assert registration.status == S.CONFIRMED
    assert Registration.objects.count() == 1


def test_admin_may_act_too(event):
    client = client_for(make_user("ada", roles.ADMINISTRATION))
    registration = make_registration(event.sites.get(name="Görlitz"))
    response = client.post(cancel_url(registration))
    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.status == S.CANCELLED


# --- list -----------------------------------------------------------------------------------


def test_list_shows_actions_for_active_rows_only(team, event):
    site = event.sites.get(name="Görlitz")
    active = make_registration(site)
    cancelled = make_registration(site, status=S.CANCELLED)
    url = reverse("lotse_events:registrations", args=[event.pk])
    html = team.get(url, {"status": "all"}).content.decode()
    assert add_url(event) in html
    assert cancel_url(active) in html and move_url(active) in html
    assert cancel_url(cancelled) not in html


def test_registrations_list_query_count_stays_constant(team, event, django_assert_max_num_queries):
    site = event.sites.get(name="Görlitz")
    group = WorkingGroup.objects.create(event=event, title="AG 1")
    make_registration(site).working_groups.add(group)
    url = reverse("lotse_events:registrations", args=[event.pk])
    team.get(url)
    with django_assert_max_num_queries(40) as one:
        team.get(url)
    for index in range(30):
        registration = make_registration(site, status=S.WAITLISTED if index % 3 else S.CONFIRMED)
        registration.working_groups.add(group)
    with django_assert_max_num_queries(len(one.captured_queries)):
        response = team.get(url)
    assert response.content.decode().count("/stornieren/") == 31
