import itertools

import pytest

from lotse.core.models import ActorType, Language, Region, TargetGroup, TopicField
from lotse.network.services import actor_create

_numbers = itertools.count(1)


@pytest.fixture
def make_actor(db):
    """Create an actor through the service: make_actor(name=..., districts=["chemnitz"], ...)."""

    def _make(
        name: str | None = None,
        *,
        type_slug: str = "beratungsstelle",
        districts=(),
        topics=(),
        groups=(),
        languages=(),
        **fields,
    ):
        number = next(_numbers)
        return actor_create(
            user=None,
            name=name or f"Beratungsstelle Nummer {number}",
            actor_type=ActorType.objects.get(slug=type_slug),
            districts=list(Region.objects.filter(slug__in=districts)),
            topic_fields=list(TopicField.objects.filter(slug__in=topics)),
            target_groups=list(TargetGroup.objects.filter(slug__in=groups)),
            languages=list(Language.objects.filter(code__in=languages)),
            **fields,
        )

    return _make


@pytest.fixture
def network_demo(db):
    from lotse.demo.accounts import load as load_users
    from lotse.demo.loaders import network_load as load

    load_users()
    load()
