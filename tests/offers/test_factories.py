"""OfferFactory gives an offer in each state the catalogue and the review workflow know."""

import pytest
from django.core import mail

from lotse.offers.models import Offer
from lotse.offers.search import offer_search_document
from tests.offers.factories import OfferFactory

pytestmark = pytest.mark.django_db


def test_published_offer_is_public_with_its_facets_and_search_document():
    offer = OfferFactory(
        title="Anerkennungsberatung Pflege",
        topic_fields=["integration-fachkraefteeinwanderung"],
        target_groups=["unternehmen"],
        districts=["chemnitz"],
        languages=["de", "en"],
    )
    assert Offer.objects.public().filter(pk=offer.pk).exists()
    assert list(offer.topic_fields.values_list("slug", flat=True)) == [
        "integration-fachkraefteeinwanderung"
    ]
    assert list(offer.districts.values_list("slug", flat=True)) == ["chemnitz"]
    assert set(offer.languages.values_list("code", flat=True)) == {"de", "en"}
    assert offer.search_document == offer_search_document(offer)
    assert "pfleg" in offer.search_document.split()
    assert offer.confirmation_status() == "ok"


@pytest.mark.parametrize(
    ("status", "public", "expired", "due", "label"),
    [
        ("due", True, False, True, "due"),
        ("expired", False, True, False, "expired"),
        ("draft", False, False, False, "draft"),
        ("in_review", False, False, False, "draft"),
        ("rejected", False, False, False, "rejected"),
    ],
)
def test_each_status_lands_in_its_queries(status, public, expired, due, label):
    offer = OfferFactory(status=status)
    assert Offer.objects.public().filter(pk=offer.pk).exists() is public
    assert Offer.objects.confirmation_expired().filter(pk=offer.pk).exists() is expired
    assert Offer.objects.confirmation_due().filter(pk=offer.pk).exists() is due
    assert offer.confirmation_status() == label


def test_in_review_offer_is_in_the_workflow_submitted_by_a_partner():
    offer = OfferFactory(status="in_review")
    assert offer.workflow_in_progress
    requester = offer.current_workflow_state.requested_by
    assert requester.memberships.filter(actor=offer.actor).exists()


def test_rejected_offer_keeps_the_reason_and_tells_the_provider(
    django_capture_on_commit_callbacks,
):
    # The rejection mail goes through the outbox: the worker sends it after the commit.
    with django_capture_on_commit_callbacks(execute=True):
        offer = OfferFactory(status="rejected", actor__email="info@anbieter.example")
    assert offer.rejected_at is not None
    assert offer.rejection_reason
    assert not offer.live
    assert any("abgelehnt" in message.subject for message in mail.outbox)


def test_unknown_status_is_refused():
    with pytest.raises(ValueError, match="unknown offer status"):
        OfferFactory(status="archived")
