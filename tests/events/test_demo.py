"""Demo events: loaded idempotently, counters consistent, structure complete."""

import pytest
from django.db.models import Count, Q

from lotse.demo import events as events_demo
from lotse.events.backoffice.reports import structure_report
from lotse.events.models import SEAT_STATUSES, Event, Registration, Site, WorkingGroup

from .press import press_sentences

pytestmark = pytest.mark.django_db

EIGHT_TYPES = {
    "arbeitsverwaltung",
    "kommunalverwaltung",
    "kammer",
    "wirtschaftsfoerderung",
    "bildungseinrichtung",
    "verein-verband",
    "landesbehoerde",
    "bundesbehoerde",
}


@pytest.fixture
def loaded(db):
    from lotse.demo.loaders import network_load

    network_load()
    events_demo.load()


def assert_counters_consistent():
    for site in Site.objects.annotate(
        n=Count("registrations", filter=Q(registrations__status__in=SEAT_STATUSES))
    ):
        assert site.booked == site.n, site
        assert site.capacity is None or site.booked <= site.capacity
    for group in WorkingGroup.objects.annotate(
        n=Count("registrations", filter=Q(registrations__status__in=SEAT_STATUSES))
    ):
        assert group.booked == group.n, group


def test_demo_events_and_counters(loaded):
    meeting = Event.objects.get(slug="demo-netzwerktreffen-arbeitsmarktintegration")
    assert meeting.registrations.count() >= 150
    assert meeting.organiser.external_id == "sn-zefas"
    types = set(meeting.registrations.values_list("actor_type__slug", flat=True))
    assert types >= EIGHT_TYPES
    assert meeting.registrations.filter(checked_in_at__isnull=False).count() >= 130
    assert meeting.working_groups.exclude(results="").count() == 3

    forum = Event.objects.get(slug="demo-fachforum-gute-arbeit-vier-standorte")
    names = set(forum.sites.values_list("name", flat=True))
    assert {"Görlitz", "Riesa", "Chemnitz", "Zwickau"} <= names
    assert forum.sites.filter(is_online=True).exists()
    assert 150 <= forum.registrations.count() <= 190
    report = structure_report(event=forum)
    assert len(report.by_site) == 5 and all(row.present for row in report.by_site)
    assert "vier Standorten" in " ".join(press_sentences(report))

    upcoming = Event.objects.filter(status="registration_open", starts_at__gt=meeting.ends_at)
    assert upcoming.count() == 2
    assert Registration.objects.filter(event__in=upcoming, status="waitlisted").exists()
    assert Site.objects.filter(event__in=upcoming, booked__lt=models_capacity()).exists()
    assert all(e.email.endswith("@example.org") for e in Registration.objects.only("email"))
    assert_counters_consistent()


def models_capacity():
    from django.db.models import F

    return F("capacity")


def test_demo_is_idempotent(loaded):
    before = Registration.objects.count()
    events_demo.load()
    assert Registration.objects.count() == before
    assert Event.objects.filter(slug__startswith="demo-").count() == 4
    assert_counters_consistent()
