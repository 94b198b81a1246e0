from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from wagtail.models import ModelLogEntry

from lotse.core.models import ActorType, Region, TopicField
from lotse.network.models import Actor, Cooperation, Membership
from lotse.network.services import (
    actor_create,
    actor_index_refresh,
    actor_update,
    cooperation_create,
    membership_add,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff():
    return get_user_model().objects.create_user("staff", is_superuser=True)


def test_actor_create_sets_relations_index_and_audit(staff):
    actor = actor_create(
        user=staff,
        name="Welcome Center Musterstadt",
        actor_type=ActorType.objects.get(slug="beratungsstelle"),
        districts=[Region.objects.get(slug="chemnitz")],
        topic_fields=[TopicField.objects.get(slug="ausbildung-weiterbildung")],
        description="Wir beraten internationale Fachkräfte.",
    )
    actor.refresh_from_db()
    assert actor.slug == "welcome-center-musterstadt"
    assert list(actor.districts.values_list("slug", flat=True)) == ["chemnitz"]
    # stems of name, description, district and topic field are searchable
    for stem in ("welcom", "fachkraft", "chemnitz", "weiterbild"):
        assert stem in actor.search_document
    assert ModelLogEntry.objects.filter(object_id=str(actor.pk), action="lotse.create").exists()


def test_actor_create_unique_slug_and_reserved_slug(make_actor):
    first = make_actor("Gleicher Name")
    second = make_actor("Gleicher Name")
    assert first.slug != second.slug
    with pytest.raises(ValidationError):
        make_actor("Struktur", slug="struktur")


def test_actor_update_refreshes_index_after_relations(make_actor, staff):
    actor = make_actor("Beratung Ost", districts=["dresden"])
    assert "leipzig" not in actor.search_document
    actor_update(
        actor=actor,
        user=staff,
        description="Pflege und Handwerk",
        districts=[Region.objects.get(slug="leipzig")],
    )
    actor.refresh_from_db()
    assert "leipzig" in actor.search_document
    assert "dresd" not in actor.search_document
    assert "pfleg" in actor.search_document
    entry = ModelLogEntry.objects.get(object_id=str(actor.pk), action="lotse.update")
    assert "description" in entry.data["changes"]


def test_actor_update_rejects_unknown_fields(make_actor):
    with pytest.raises(TypeError):
        actor_update(actor=make_actor(), user=None, search_document="x")


def test_actor_index_refresh_after_direct_change(make_actor):
    actor = make_actor("Alpha")
    Actor.objects.filter(pk=actor.pk).update(name="Zukunftswerkstatt")
    assert "zukunftswerkstatt" in actor_index_refresh(actor=actor)


def test_cooperation_create_rules(make_actor, staff):
    a, b = make_actor(), make_actor()
    cooperation = cooperation_create(
        user=staff, source=a, target=b, kind="referral_partner", start_date=date(2024, 1, 1)
    )
    assert Cooperation.objects.get() == cooperation
    with pytest.raises(ValidationError):
        cooperation_create(
            user=staff, source=a, target=b, kind="referral_partner", start_date=date(2024, 1, 1)
        )
    with pytest.raises(ValidationError):
        cooperation_create(
            user=staff, source=a, target=a, kind="joint_project", start_date=date(2024, 2, 1)
        )
    with pytest.raises(ValidationError):
        cooperation_create(
            user=staff, source=a, target=b, kind="bogus", start_date=date(2024, 2, 1)
        )


def test_membership_add_is_idempotent(make_actor, staff):
    member = get_user_model().objects.create_user("p")
    actor = make_actor()
    first = membership_add(user=staff, member=member, actor=actor)
    second = membership_add(user=staff, member=member, actor=actor)
    assert first == second
    assert Membership.objects.count() == 1
