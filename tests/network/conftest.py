import itertools

import pytest

from tests.network.factories import ActorFactory

_numbers = itertools.count(1)


@pytest.fixture
def make_actor(db):
    """An actor through ActorFactory: make_actor(name=..., districts=["chemnitz"], ...)."""

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
        return ActorFactory(
            name=name or f"Beratungsstelle Nummer {number}",
            slug=fields.pop("slug", ""),  # empty: actor_create derives it from the name
            type_slug=type_slug,
            districts=districts,
            topic_fields=topics,
            target_groups=groups,
            languages=languages,
            **fields,
        )

    return _make


@pytest.fixture
def network_demo(db):
    """The real actors plus the demo contacts and accounts: only for tests/network/test_demo.py."""
    from lotse.demo.accounts import load as load_users
    from lotse.demo.loaders import network_load as load

    load_users()
    load()
