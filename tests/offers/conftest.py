"""Offer fixtures shared by the offers tests: `offer_factory(...)` creates a public offer quickly.

The offer row is written as published (live, first_published_at, confirmed now) with its
`search_document`, without going through a revision; `publish=True` goes the real way
(`save_revision().publish()`), as the back office does.
"""

import itertools
from datetime import timedelta

import pytest
from django.utils import timezone

from lotse.core.models import ActorType, Language, Region, TargetGroup, TopicField
from lotse.network.models import Actor
from lotse.offers.models import Offer
from lotse.offers.search import offer_search_document

_counter = itertools.count(1)


def create_actor(**kwargs) -> Actor:
    number = next(_counter)
    defaults = {
        "name": f"Anbieter {number}",
        "slug": f"anbieter-{number}",
        "actor_type": ActorType.objects.order_by("pk").first(),
        "is_published": True,
    }
    return Actor.objects.create(**{**defaults, **kwargs})


def create_offer(
    *,
    title: str = "",
    actor: Actor | None = None,
    topic_fields=(),
    target_groups=(),
    districts=(),
    languages=(),
    age_days: int = 0,
    publish: bool = False,
    **kwargs,
) -> Offer:
    """A public offer; M2M values are slugs (language: codes)."""
    number = next(_counter)
    now = timezone.now()
    title = title or f"Angebot {number}"
    offer = Offer(
        title=title,
        slug=kwargs.pop("slug", f"angebot-{number}"),
        summary=kwargs.pop("summary", f"Kurzbeschreibung zu {title}"),
        actor=actor or create_actor(),
        kind=kwargs.pop("kind", Offer.Kind.ADVICE),
        confirmed_at=now,
        live=kwargs.pop("live", not publish),
        first_published_at=None if publish else now - timedelta(days=age_days),
        **kwargs,
    )
    offer.save()
    offer.topic_fields.set(TopicField.objects.filter(slug__in=topic_fields))
    offer.target_groups.set(TargetGroup.objects.filter(slug__in=target_groups))
    offer.districts.set(Region.objects.filter(slug__in=districts))
    offer.languages.set(Language.objects.filter(code__in=languages))
    if publish:
        offer.save_revision().publish()
        offer.refresh_from_db()
        offer.confirmed_at = now
    offer.search_document = offer_search_document(offer)
    offer.save()
    return offer


@pytest.fixture
def offer_factory(db):
    return create_offer


@pytest.fixture
def actor_factory(db):
    return create_actor
