"""The directory search shares the catalogue's compounds and synonyms (issue 11/8)."""

import pytest
from django.utils import translation

from lotse.network.selectors import ActorFilters, actors_directory, actors_search

pytestmark = pytest.mark.django_db


def names(query: str) -> list[str]:
    return [actor.name for actor in actors_search(query=query)]


def test_directory_search_finds_compounds_and_synonyms(make_actor):
    make_actor(name="Welcome Center", description="Beratung zur Fachkräfteeinwanderung.")
    make_actor(name="Ausländerbehörde Musterstadt", description="Visum und Aufenthaltstitel.")
    assert names("Einwanderung") == ["Welcome Center"]
    assert names("visa") == ["Ausländerbehörde Musterstadt"]
    directory = actors_directory(query="Einwanderung", filters=ActorFilters())
    assert directory.total == 1


def test_directory_finds_english_names_of_the_classification(make_actor):
    make_actor(name="IQ Beratung", groups=["internationale-fachkraefte"])
    make_actor(name="Kammer")
    with translation.override("en"):
        assert names("skilled workers") == ["IQ Beratung"]
