"""The event factories keep the counter invariant the services keep."""

import pytest

from lotse.events.models import RegistrationStatus, Site

from .conftest import assert_counters
from .factories import EventFactory, RegistrationFactory, SiteFactory

pytestmark = pytest.mark.django_db


def test_event_factory_makes_its_sites():
    event = EventFactory(sites=[("Görlitz", 2), ("Online", None)])
    sites = list(Site.objects.filter(event=event).order_by("sort_order"))
    assert [(site.name, site.capacity, site.is_online) for site in sites] == [
        ("Görlitz", 2, False),
        ("Online", None, True),
    ]
    assert event.organiser.actor_type.slug == "kammer"


def test_event_factory_without_sites_makes_none():
    assert not EventFactory(sites=()).sites.exists()
    site = SiteFactory(name="Riesa")
    assert list(site.event.sites.all()) == [site]


def test_registrations_holding_a_place_count_and_others_do_not():
    event = EventFactory(sites=[("Riesa", 3)])
    site = Site.objects.get(event=event)
    RegistrationFactory(site=site)
    RegistrationFactory(site=site)
    RegistrationFactory(site=site, status=RegistrationStatus.CANCELLED)
    site.refresh_from_db()
    assert site.booked == 2
    assert_counters(event)
