"""The offers demo loads (alone and on top of the network demo)."""

import pytest

from lotse.offers.models import Offer

from .review_helpers import make_actor

pytestmark = pytest.mark.django_db


def test_demo_loader_without_network_actors_is_robust():
    from lotse.demo.offers import load

    assert "keine Akteure" in load()[0]
    make_actor("Einziger Akteur")
    first = load()
    assert Offer.objects.filter(is_demo=True).count() >= len(
        __import__("lotse.demo.offers", fromlist=["SPECS"]).SPECS
    )
    count = Offer.objects.count()
    assert "angelegt" in first[0]
    load()
    assert Offer.objects.count() == count  # idempotent


def test_demo_loader_with_the_network_demo():
    from lotse.demo.accounts import load as load_users
    from lotse.demo.loaders import network_load as load_network
    from lotse.demo.offers import load

    load_users()
    load_network()
    load()
    offers = Offer.objects.filter(is_demo=True)
    assert 100 <= offers.count() <= 160
    public = Offer.objects.public().filter(is_demo=True)
    assert public.count() > offers.count() * 0.6
    assert Offer.objects.confirmation_expired().filter(is_demo=True).exists()
    assert Offer.objects.confirmation_due().filter(is_demo=True).exists()
    in_review = [o for o in offers if o.workflow_in_progress]
    assert len(in_review) >= 4
    requesters = {
        getattr(o.current_workflow_state.requested_by, "username", None) for o in in_review
    }
    assert "partner" in requesters
    assert offers.filter(statewide=True).exists() and offers.filter(online=True).exists()
    assert all(o.search_document for o in offers)
