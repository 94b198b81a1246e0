from datetime import date

import pytest

from lotse.network.models import Contact
from lotse.network.selectors import (
    ActorFilters,
    actor_detail,
    actors_directory,
    actors_search,
    filters_from_params,
    network_structure,
)
from lotse.network.services import cooperation_create

pytestmark = pytest.mark.django_db


def test_district_filter_includes_statewide(make_actor):
    local = make_actor("Beratung Chemnitz", districts=["chemnitz"])
    state = make_actor("Landesstelle", statewide=True)
    make_actor("Beratung Leipzig", districts=["leipzig"])
    found = set(actors_search(filters=ActorFilters(districts=("chemnitz",))))
    assert found == {local, state}


def test_query_and_facets_combine(make_actor):
    a = make_actor("Anerkennung Beratung", type_slug="beratungsstelle", topics=["tarifvertraege"])
    make_actor("Anerkennung Kammer", type_slug="kammer")
    make_actor("Etwas anderes", type_slug="beratungsstelle")
    result = actors_directory(
        query="Anerkennungen", filters=ActorFilters(types=("beratungsstelle",))
    )
    assert list(result.page) == [a]
    types = {value.key: value.count for value in result.facets[0].values}
    # disjunctive counts: the type facet ignores its own selection
    assert types == {"beratungsstelle": 1, "kammer": 1}


def test_unpublished_never_found(make_actor):
    make_actor("Versteckt", is_published=False)
    assert not actors_search(query="versteckt").exists()


def test_filters_drop_unknown_values():
    filters = filters_from_params({"typ": ["kammer", "<script>"], "kreis": "nowhere"})
    assert filters.types == ("kammer",)
    assert filters.districts == ()


def test_actor_detail_public_contacts_only(make_actor):
    actor = make_actor("Mit Kontakten")
    Contact.objects.create(actor=actor, name="Öffentlich (Demo)", is_public=True)
    Contact.objects.create(actor=actor, name="Intern (Demo)", is_public=False)
    child = make_actor("Kind", parent=actor)
    make_actor("Verstecktes Kind", parent=actor, is_published=False)
    detail = actor_detail(slug=actor.slug)
    assert [c.name for c in detail.public_contacts] == ["Öffentlich (Demo)"]
    assert detail.published_children == [child]
    assert detail.public_offers == []


def test_network_structure_counts(make_actor, django_assert_max_num_queries):
    a = make_actor(type_slug="kammer", districts=["chemnitz", "zwickau"])
    b = make_actor(type_slug="kammer", districts=["chemnitz"])
    make_actor(type_slug="landesbehoerde", statewide=True)
    cooperation_create(
        user=None, source=a, target=b, kind="joint_project", start_date=date(2024, 1, 1)
    )
    with django_assert_max_num_queries(5):
        structure = network_structure()
    kammer = [t.slug for t in structure.actor_types].index("kammer")
    by_district = {row["district"].slug: row["counts"][kammer] for row in structure.rows}
    assert by_district["chemnitz"] == 2
    assert by_district["zwickau"] == 1
    assert structure.statewide_row["total"] == 1
    assert len(structure.nodes) == 2
    assert len(structure.edges) == 1
