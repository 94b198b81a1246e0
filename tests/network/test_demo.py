"""The network demo (real actors from the initial content plus demo contacts) loads."""

import pytest

from lotse.network.models import Actor, Contact, Cooperation, Membership

pytestmark = pytest.mark.django_db


def test_demo_load_is_idempotent(network_demo):
    from lotse.demo.loaders import network_load as load

    count = Actor.objects.count()
    links = Cooperation.objects.count()
    contacts = Contact.objects.count()
    assert count >= 60
    load()
    assert Actor.objects.count() == count
    assert Cooperation.objects.count() == links
    assert Contact.objects.count() == contacts
    assert Actor.objects.filter(search_document="").count() == 0
    assert (
        Actor.objects.filter(
            actor_type__slug="arbeitsverwaltung", name__startswith="Jobcenter"
        ).count()
        == 13
    )
    assert Actor.objects.filter(name__startswith="Agentur für Arbeit").count() == 11
    assert not Contact.objects.filter(is_demo=True).exclude(name__contains="(Demo)").exists()
    assert not Contact.objects.exclude(email__endswith="@demo.lotse.example").exists()
    assert Contact.objects.filter(is_public=False).exists()
    ihk = Actor.objects.get(slug="ihk-leipzig")
    assert set(ihk.districts.values_list("code", flat=True)) == {"14713", "14729", "14730"}
    assert Membership.objects.filter(user__username="partner", actor__slug="iq-sachsen").exists()
