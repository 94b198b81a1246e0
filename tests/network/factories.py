"""Network factories: actors (through `actor_create`, so slug and search document are right),
contacts, memberships and cooperations. M2M values are slugs (languages: codes)."""

import datetime

import factory
from factory.django import DjangoModelFactory

from lotse.core.models import ActorType, Language, Region, TargetGroup, TopicField
from lotse.network.models import Actor, Contact, Cooperation, Membership
from lotse.network.services import actor_create, cooperation_create, membership_add


class ActorFactory(DjangoModelFactory):
    """`ActorFactory(name=..., districts=["chemnitz"], topic_fields=[...], type_slug="kammer")`."""

    class Meta:
        model = Actor

    name = factory.Sequence(lambda n: f"Beratungsstelle Nummer {n}")
    slug = factory.Sequence(lambda n: f"beratungsstelle-nummer-{n}")
    is_published = True

    @classmethod
    def _create(cls, model_class, *args, type_slug="beratungsstelle", **kwargs):
        relations = {
            "districts": Region.objects.filter(slug__in=kwargs.pop("districts", ())),
            "topic_fields": TopicField.objects.filter(slug__in=kwargs.pop("topic_fields", ())),
            "target_groups": TargetGroup.objects.filter(slug__in=kwargs.pop("target_groups", ())),
            "languages": Language.objects.filter(code__in=kwargs.pop("languages", ())),
        }
        kwargs.setdefault("actor_type", ActorType.objects.get(slug=type_slug))
        return actor_create(user=None, **relations, **kwargs)


class ContactFactory(DjangoModelFactory):
    class Meta:
        model = Contact

    actor = factory.SubFactory(ActorFactory)
    name = factory.Sequence(lambda n: f"Kontakt {n}")
    role = "Beratung"
    email = factory.Sequence(lambda n: f"kontakt{n}@example.org")
    is_public = True


class MembershipFactory(DjangoModelFactory):
    """A partner account's membership of an actor (through `membership_add`)."""

    class Meta:
        model = Membership

    user = factory.SubFactory("tests.core.factories.UserFactory", roles=["Partner"])
    actor = factory.SubFactory(ActorFactory)

    @classmethod
    def _create(cls, model_class, *, user, actor):
        return membership_add(user=None, member=user, actor=actor)


class CooperationFactory(DjangoModelFactory):
    class Meta:
        model = Cooperation

    source = factory.SubFactory(ActorFactory)
    target = factory.SubFactory(ActorFactory)
    kind = Cooperation.Kind.values[0]
    start_date = datetime.date(2024, 1, 1)
    note = ""

    @classmethod
    def _create(cls, model_class, **kwargs):
        return cooperation_create(user=None, **kwargs)
