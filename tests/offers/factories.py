"""Offer factories: an offer in each state, with its topic fields, target groups, districts and
languages (slugs; languages: codes) and a right search document.

`OfferFactory(status=...)`:
- "published" (default): live, published through a revision (`offer_published` confirms and
  indexes it), in the catalogue;
- "due": published, confirmation runs out within the reminder window;
- "expired": published, not confirmed for more than the confirmation period (out of the catalogue);
- "draft": saved as a revision, never published;
- "in_review": a draft submitted to the moderation workflow by `submitter`;
- "rejected": finally rejected by an editor through `offer_reject`.
"""

from datetime import timedelta

import factory
from django.conf import settings
from django.utils import timezone
from factory.django import DjangoModelFactory

from lotse.core import roles
from lotse.core.models import Language, Region, TargetGroup, TopicField
from lotse.offers.models import Offer
from lotse.offers.services import offer_reject, offer_search_refresh
from tests.core.factories import partner_user, role_user
from tests.network.factories import ActorFactory

STATUSES = ("published", "due", "expired", "draft", "in_review", "rejected")


class OfferFactory(DjangoModelFactory):
    class Meta:
        model = Offer

    title = factory.Sequence(lambda n: f"Angebot {n}")
    slug = factory.Sequence(lambda n: f"angebot-{n}")
    summary = factory.LazyAttribute(lambda offer: f"Kurzbeschreibung zu {offer.title}")
    actor = factory.SubFactory(ActorFactory)
    kind = Offer.Kind.ADVICE

    @classmethod
    def _create(
        cls,
        model_class,
        *,
        status: str = "published",
        topic_fields=(),
        target_groups=(),
        districts=(),
        languages=(),
        submitter=None,
        reviewer=None,
        **fields,
    ):
        if status not in STATUSES:
            raise ValueError(f"unknown offer status {status!r}; one of {STATUSES}")
        if status == "in_review" and submitter is None:
            submitter = partner_user(fields["actor"])
        if status == "rejected" and reviewer is None:
            reviewer = role_user(roles.EDITORS)
        offer = model_class(live=False, **fields)
        offer.save()
        offer.topic_fields.set(TopicField.objects.filter(slug__in=topic_fields))
        offer.target_groups.set(TargetGroup.objects.filter(slug__in=target_groups))
        offer.districts.set(Region.objects.filter(slug__in=districts))
        offer.languages.set(Language.objects.filter(code__in=languages))
        offer.save()
        revision = offer.save_revision(user=submitter)
        if status in ("published", "due", "expired"):
            revision.publish(user=None)  # the publish signal confirms and indexes
            offer.refresh_from_db()
            age = {
                "published": 0,
                "due": settings.LOTSE_OFFER_CONFIRMATION_DAYS - 1,
                "expired": settings.LOTSE_OFFER_CONFIRMATION_DAYS + 1,
            }[status]
            if age:
                Offer.objects.filter(pk=offer.pk).update(
                    confirmed_at=timezone.now() - timedelta(days=age)
                )
                offer.refresh_from_db()
        elif status == "in_review":
            offer.get_workflow().start(offer, submitter)
        elif status == "rejected":
            offer_reject(offer=offer, user=reviewer, reason="Kein Angebot für Unternehmen.")
        offer_search_refresh(offer=offer)
        offer.refresh_from_db()
        return offer
