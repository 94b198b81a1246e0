"""Deletion of participants' personal data after the retention period (frozen clock)."""

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from wagtail.models import ModelLogEntry

from lotse.core.periodic import DAILY_TASKS
from lotse.events.backoffice.reports import structure_report
from lotse.events.models import Registration, RegistrationStatus
from lotse.events.retention import (
    event_personal_data_delete,
    events_due_for_deletion,
    events_personal_data_retention,
)

from .factories import client_for, make_event, make_registration

pytestmark = pytest.mark.django_db


@pytest.fixture
def held(db):
    event = make_event(days=-1, status="held", sites=(("Görlitz", 50), ("Riesa", 50)))
    event.retention_days = 30
    event.save()
    goerlitz, riesa = event.sites.all()
    for index in range(6):
        make_registration(
            goerlitz,
            checked_in=index < 4,
            dietary_needs="vegan",
            accessibility_needs="Rollstuhl",
            role="Leitung",
            answers={"1": "ja"},
            consent_participant_list=True,
        )
    make_registration(riesa, actor_type="arbeitsverwaltung", district="meissen")
    make_registration(riesa, status=RegistrationStatus.CANCELLED)
    return event


def _report_numbers(event):
    report = structure_report(event=event)
    return [
        (section, [(r.label, r.registered, r.confirmed, r.present) for r in rows])
        for section, _title, rows in report.sections
    ] + [(report.total.registered, report.total.confirmed, report.total.present)]


def test_not_due_before_the_limit_due_at_and_after(held):
    deadline = held.ends_at + timedelta(days=30)
    with time_machine.travel(deadline - timedelta(minutes=1), tick=False):
        assert list(events_due_for_deletion()) == []
        assert events_personal_data_retention.call() == 0
        assert not Registration.objects.filter(anonymised_at__isnull=False).exists()
    with time_machine.travel(deadline, tick=False):
        assert list(events_due_for_deletion()) == [held]
    with time_machine.travel(deadline + timedelta(days=3), tick=False):
        assert events_personal_data_retention.call() == 8
    held.refresh_from_db()
    assert held.personal_data_deleted_at is not None


def test_anonymisation_blanks_personal_data_and_keeps_the_structure(held):
    before = _report_numbers(held)
    with time_machine.travel(held.ends_at + timedelta(days=31), tick=False):
        event_personal_data_delete(event=held)
    for registration in Registration.objects.filter(event=held):
        assert registration.first_name == registration.last_name == ""
        assert registration.email == f"anonym-{registration.pk}@anonymisiert.invalid"
        assert registration.organisation == registration.role == ""
        assert registration.dietary_needs == registration.accessibility_needs == ""
        assert registration.answers == {}
        assert not registration.consent_participant_list
        assert registration.anonymised_at is not None
        assert registration.site_id and registration.actor_type_id
    assert Registration.objects.filter(event=held, checked_in_at__isnull=False).count() == 4
    assert _report_numbers(held) == before
    entry = ModelLogEntry.objects.get(action="lotse.anonymise", object_id=str(held.pk))
    assert "8 Anmeldungen" in entry.data["note"]


def test_idempotent(held):
    with time_machine.travel(held.ends_at + timedelta(days=31), tick=False):
        assert events_personal_data_retention.call() == 8
        assert events_personal_data_retention.call() == 0
        assert event_personal_data_delete(event=held) == 0
    assert ModelLogEntry.objects.filter(action="lotse.anonymise").count() == 1


def test_daily_task_is_listed():
    assert "lotse.events.retention.events_personal_data_retention" in DAILY_TASKS


def test_staff_page_lists_due_events_and_runs_one(team_user, held):
    other = make_event(days=-2, status="held", title="Auch fällig")
    other.retention_days = 1
    other.save()
    make_registration(other.sites.get())
    with time_machine.travel(held.ends_at + timedelta(days=10), tick=False):
        team = client_for(team_user)
        body = team.get(reverse("lotse_events:retention")).content.decode()
        assert "Auch fällig" in body
        assert held.title not in body.split("In den nächsten 14 Tagen")[0]
        # too early for `held`: refused
        team.post(reverse("lotse_events:retention_run", args=[held.pk]))
        assert not Registration.objects.filter(event=held, anonymised_at__isnull=False).exists()
        response = team.post(reverse("lotse_events:retention_run", args=[other.pk]))
        assert response.status_code == 302
        assert Registration.objects.get(event=other).anonymised_at is not None
        body = team.get(reverse("lotse_events:retention")).content.decode()
        assert "Keine fälligen Löschungen." in body


def test_registrations_list_shows_anonymised_rows(team, held):
    event_personal_data_delete(event=held)
    body = team.get(reverse("lotse_events:registrations", args=[held.pk])).content.decode()
    assert "anonymisiert" in body and "@example.org" not in body
