"""Check-in at the door: services (conditional UPDATE), the staff page, the counter."""

import threading
import time

import pytest
from django.db import OperationalError, connection
from django.urls import reverse

from lotse.events.backoffice.checkin import (
    normalise_code,
    registration_check_in,
    registration_check_in_undo,
    site_attendance,
)
from lotse.events.models import Registration, RegistrationStatus

from .factories import make_registration

pytestmark = pytest.mark.django_db


def test_check_in_once_then_already(event, team_user):
    site = event.sites.get(name="Görlitz")
    registration = make_registration(site)
    first = registration_check_in(registration=registration, user=team_user, site=site)
    assert first.ok and first.outcome == "checked_in"
    assert first.registration.checked_in_by == team_user
    second = registration_check_in(registration=registration, user=team_user, site=site)
    assert not second.ok and second.outcome == "already"
    assert (
        Registration.objects.get(pk=registration.pk).checked_in_at
        == first.registration.checked_in_at
    )


def test_two_stale_forms_check_in_only_once(event, team_user):
    """Two staff loaded the same ticket before either pressed the button."""
    site = event.sites.get(name="Görlitz")
    registration = make_registration(site)
    stale_a = Registration.objects.get(pk=registration.pk)
    stale_b = Registration.objects.get(pk=registration.pk)
    results = [
        registration_check_in(registration=stale_a, user=team_user, site=site),
        registration_check_in(registration=stale_b, user=team_user, site=site),
    ]
    assert [result.ok for result in results] == [True, False]
    assert results[1].outcome == "already"


@pytest.mark.parametrize(
    "status",
    [
        RegistrationStatus.HELD,
        RegistrationStatus.WAITLISTED,
        RegistrationStatus.CANCELLED,
        RegistrationStatus.OFFERED,
    ],
)
def test_only_confirmed_people_get_in(event, team_user, status):
    site = event.sites.get(name="Görlitz")
    registration = make_registration(site, status=status)
    result = registration_check_in(registration=registration, user=team_user, site=site)
    assert not result.ok and result.outcome == "not_confirmed"
    assert Registration.objects.get(pk=registration.pk).checked_in_at is None


def test_ticket_of_another_site_is_refused(event, team_user):
    goerlitz, riesa = event.sites.get(name="Görlitz"), event.sites.get(name="Riesa")
    registration = make_registration(riesa)
    result = registration_check_in(registration=registration, user=team_user, site=goerlitz)
    assert result.outcome == "wrong_site"
    assert Registration.objects.get(pk=registration.pk).checked_in_at is None


def test_undo(event, team_user):
    site = event.sites.get(name="Görlitz")
    registration = make_registration(site)
    registration_check_in(registration=registration, user=team_user, site=site)
    undone = registration_check_in_undo(registration=registration, user=team_user)
    assert undone.ok and undone.registration.checked_in_at is None
    assert undone.registration.checked_in_by is None
    again = registration_check_in_undo(registration=registration, user=team_user)
    assert not again.ok and again.outcome == "not_checked_in"


def test_attendance_counts(event, team_user):
    site = event.sites.get(name="Görlitz")
    make_registration(site, checked_in=True)
    make_registration(site)
    make_registration(site, status=RegistrationStatus.HELD)
    make_registration(site, status=RegistrationStatus.WAITLISTED)
    make_registration(site, status=RegistrationStatus.CANCELLED)
    make_registration(event.sites.get(name="Riesa"), checked_in=True)
    attendance = site_attendance(site=site)
    assert (
        attendance.present,
        attendance.confirmed,
        attendance.registered,
        attendance.waiting,
    ) == (
        1,
        2,
        3,
        1,
    )


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("ab12cd", "AB12CD"),
        ("  AB12CD ", "AB12CD"),
        ("https://lotse.example/veranstaltungen/x/ticket/AB12CD/", "AB12CD"),
    ],
)
def test_normalise_code(raw, code):
    assert normalise_code(raw) == code


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_parallel_check_in_threads_let_in_once():
    """Eight threads press "Einlassen" for the same person at once: exactly one wins.

    SQLite's in-memory test database (shared cache) answers lock contention with "table is
    locked" instead of waiting like the WAL file database in production; such an attempt is
    simply repeated, as a second tap on the button would be. PostgreSQL never needs it.
    """
    from lotse.core import roles

    from .factories import make_event, make_user

    team_user = make_user("vera-threads", roles.EVENTS_TEAM)
    event = make_event()
    site = event.sites.get()
    registration = make_registration(site)
    barrier = threading.Barrier(8)
    outcomes = []
    lock = threading.Lock()

    def worker():
        try:
            stale = Registration.objects.get(pk=registration.pk)
            barrier.wait()
            for _attempt in range(100):
                try:
                    result = registration_check_in(registration=stale, user=team_user, site=site)
                    break
                except OperationalError as error:
                    if "locked" not in str(error):
                        raise
                    time.sleep(0.01)
            with lock:
                outcomes.append(result.outcome)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["already"] * 7 + ["checked_in"]


# --- the page ---------------------------------------------------------------------------


def test_page_finds_by_code_and_checks_in_by_post(event, team):
    site = event.sites.get(name="Görlitz")
    registration = make_registration(site, first_name="Frieda", last_name="Fröhlich")
    url = reverse("lotse_events:checkin", args=[site.pk])
    page = team.get(url, {"q": registration.code.lower()})
    assert page.status_code == 200
    body = page.content.decode()
    assert "Frieda Fröhlich" in body
    assert "Bestätigt – noch nicht eingelassen" in body
    assert page["Cache-Control"] == "no-store"
    # GET never checks in
    assert Registration.objects.get(pk=registration.pk).checked_in_at is None
    response = team.post(reverse("lotse_events:checkin_do", args=[site.pk, registration.pk]))
    assert response.status_code == 302
    assert Registration.objects.get(pk=registration.pk).checked_in_at is not None
    body = team.get(url, {"q": registration.code}).content.decode()
    assert "Bereits eingelassen um" in body
    assert "Vera" in body
    assert "Einlass zurücknehmen" in body
    team.post(reverse("lotse_events:checkin_undo", args=[site.pk, registration.pk]))
    assert Registration.objects.get(pk=registration.pk).checked_in_at is None


def test_page_search_by_name(event, team):
    site = event.sites.get(name="Görlitz")
    make_registration(site, first_name="Anton", last_name="Zabel")
    make_registration(site, first_name="Berta", last_name="Zabel")
    make_registration(event.sites.get(name="Riesa"), first_name="Carla", last_name="Zabel")
    body = team.get(reverse("lotse_events:checkin", args=[site.pk]), {"q": "zabel"}).content
    body = body.decode()
    assert "Anton Zabel" in body and "Berta Zabel" in body
    assert "Carla Zabel" not in body


def test_page_shows_waitlisted_and_cancelled(event, team):
    site = event.sites.get(name="Görlitz")
    waiting = make_registration(site, status=RegistrationStatus.WAITLISTED)
    body = team.get(reverse("lotse_events:checkin", args=[site.pk]), {"q": waiting.code})
    assert "Warteliste" in body.content.decode()
    assert "Einlassen</button>" not in body.content.decode().replace("<span", "</button><span")


def test_checkin_post_needs_csrf(event, team_user):
    from django.test import Client

    site = event.sites.get(name="Görlitz")
    registration = make_registration(site)
    client = Client(enforce_csrf_checks=True)
    client.force_login(team_user)
    response = client.post(reverse("lotse_events:checkin_do", args=[site.pk, registration.pk]))
    assert response.status_code == 403
    assert Registration.objects.get(pk=registration.pk).checked_in_at is None


def test_counter_fragment_and_json(event, team):
    site = event.sites.get(name="Görlitz")
    make_registration(site, checked_in=True)
    make_registration(site)
    url = reverse("lotse_events:counter", args=[site.pk])
    assert "<strong>1</strong> / 2" in team.get(url).content.decode()
    assert team.get(url, {"format": "json"}).json() == {
        "present": 1,
        "confirmed": 2,
        "registered": 2,
    }


def test_page_query_count_is_constant(event, team, django_assert_max_num_queries):
    site = event.sites.get(name="Görlitz")
    make_registration(site, last_name="Zorn")
    url = reverse("lotse_events:checkin", args=[site.pk])
    team.get(url, {"q": "Zorn"})
    with django_assert_max_num_queries(25) as one:
        team.get(url, {"q": "Zorn"})
    for _ in range(15):
        make_registration(site, last_name="Zorn")
    with django_assert_max_num_queries(len(one.captured_queries)):
        team.get(url, {"q": "Zorn"})
