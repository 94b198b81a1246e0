"""Services of the review workflow: publication bookkeeping, confirmation, rejection."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse
from wagtail.models import ModelLogEntry

from lotse.offers.models import Offer
from lotse.offers.services import (
    offer_confirm,
    offer_published,
    offer_recipients,
    offer_reject,
)

from .review_helpers import days_ago, make_actor, make_editor, make_offer, make_partner

pytestmark = pytest.mark.django_db


@pytest.fixture
def actor():
    return make_actor("Welcome Center Sachsen", email="Kontakt@welcome.example")


def test_first_publication_confirms_and_indexes(actor):
    offer = make_offer(actor, "Welcome-Center-Beratung")
    assert offer.live
    assert offer.confirmed_at is not None
    assert "welcom" in offer.search_document
    assert Offer.objects.public().filter(pk=offer.pk).exists()
    assert ModelLogEntry.objects.filter(
        action="lotse.status", object_id=str(offer.pk), data__note="Veröffentlicht"
    ).exists()


def test_republication_keeps_the_confirmation_date(actor):
    offer = make_offer(actor, "Tarifauskunft")
    confirmed = days_ago(100)
    Offer.objects.filter(pk=offer.pk).update(confirmed_at=confirmed, reminder_sent_at=days_ago(1))
    offer.refresh_from_db()
    offer.summary = "Neue Kurzbeschreibung"
    offer.save_revision().publish()
    offer.refresh_from_db()
    assert offer.summary == "Neue Kurzbeschreibung"
    assert offer.confirmed_at == confirmed
    assert offer.reminder_sent_at is not None


def test_publishing_an_old_revision_never_rolls_back_state(actor):
    """Revisions store every field; confirmation and rejection belong to the offer as a whole."""
    offer = make_offer(actor, "Arbeitsschutz-Beratung")
    old_revision = offer.latest_revision
    editor = make_editor()
    offer_confirm(offer=offer, user=editor)
    confirmed = Offer.objects.get(pk=offer.pk).confirmed_at
    Offer.objects.filter(pk=offer.pk).update(reminder_sent_at=days_ago(2))
    old_revision.publish()
    offer.refresh_from_db()
    assert offer.confirmed_at == confirmed
    assert offer.reminder_sent_at is not None


def test_offer_published_is_idempotent(actor):
    offer = make_offer(actor, "IQ Beratung")
    before = Offer.objects.get(pk=offer.pk).confirmed_at
    offer_published(offer=offer, user=None)
    assert Offer.objects.get(pk=offer.pk).confirmed_at == before


def test_partner_confirms_own_offer(actor):
    partner = make_partner("paula", actor)
    offer = make_offer(actor, "Anerkennungsberatung")
    Offer.objects.filter(pk=offer.pk).update(
        confirmed_at=days_ago(340), reminder_sent_at=days_ago(5)
    )
    offer.refresh_from_db()

    offer_confirm(offer=offer, user=partner)

    offer.refresh_from_db()
    assert offer.confirmed_at > days_ago(0.01)
    assert offer.reminder_sent_at is None
    entry = ModelLogEntry.objects.get(action="lotse.status", user=partner)
    assert entry.data["note"] == "Angebot bestätigt"
    assert "confirmed_at" in entry.data["changes"]


def test_other_partners_cannot_confirm(actor):
    other = make_partner("otto", make_actor("Andere Kammer"))
    offer = make_offer(actor, "Verbundausbildung")
    with pytest.raises(PermissionDenied):
        offer_confirm(offer=offer, user=other)


def test_rejected_offer_cannot_be_confirmed(actor):
    offer = make_offer(actor, "Werbung")
    offer_reject(offer=offer, user=make_editor(), reason="Werbung")
    with pytest.raises(ValidationError):
        offer_confirm(offer=offer, user=make_editor("erik"))


def test_reject_is_for_the_redaktion_only(actor):
    partner = make_partner("paula", actor)
    offer = make_offer(actor, "Teilqualifizierung")
    with pytest.raises(PermissionDenied):
        offer_reject(offer=offer, user=partner, reason="x")
    with pytest.raises(ValidationError):
        offer_reject(offer=offer, user=make_editor(), reason="")


def test_publishing_lifts_a_rejection(actor):
    editor = make_editor()
    offer = make_offer(actor, "Förderprogramm")
    offer_reject(offer=offer, user=editor, reason="Falsches Programm")
    offer.refresh_from_db()
    assert offer.rejected_at is not None and not offer.live
    offer.save_revision(user=editor).publish(user=editor)
    offer.refresh_from_db()
    assert offer.live and offer.rejected_at is None and offer.rejection_reason == ""


def test_recipients_are_members_and_public_address(actor):
    make_partner("paula", actor, email="paula@welcome.example")
    make_partner("peter", actor, email="")
    offer = make_offer(actor, "Sprachkurs")
    assert offer_recipients(offer=offer) == ["paula@welcome.example", "kontakt@welcome.example"]


def test_confirm_view_needs_post_with_csrf(actor):
    partner = make_partner("paula", actor)
    offer = make_offer(actor, "Arbeitsschutz")
    Offer.objects.filter(pk=offer.pk).update(confirmed_at=days_ago(400))
    url = reverse("wagtailsnippets_offers_offer:confirm", args=[offer.pk])
    client = Client(enforce_csrf_checks=True)
    client.force_login(partner)
    page = client.get(url)
    assert page.status_code == 200
    assert "Angebot bestätigen" in page.content.decode()
    assert client.post(url).status_code == 403  # no CSRF token
    assert Offer.objects.get(pk=offer.pk).confirmed_at < days_ago(399)
    token = page.cookies["csrftoken"].value
    response = client.post(url, {"csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert Offer.objects.public().filter(pk=offer.pk).exists()
