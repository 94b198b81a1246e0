import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import ModelLogEntry

from lotse.core import roles
from lotse.network.models import Actor
from lotse.network.services import membership_add

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(make_actor, client):
    own = make_actor("Eigene Organisation")
    other = make_actor("Fremde Organisation")
    partner = get_user_model().objects.create_user("partner-x")
    partner.groups.add(Group.objects.get(name=roles.PARTNER))
    membership_add(user=None, member=partner, actor=own)
    editor = get_user_model().objects.create_user("editor-x")
    editor.groups.add(Group.objects.get(name=roles.EDITORS))
    return own, other, partner, editor


def test_partner_lists_only_own_actors(client, setup):
    own, other, partner, _editor = setup
    client.force_login(partner)
    body = client.get("/admin/snippets/network/actor/").content.decode()
    assert "Eigene Organisation" in body
    assert "Fremde Organisation" not in body


def test_partner_cannot_edit_other_actor(client, setup):
    own, other, partner, _editor = setup
    client.force_login(partner)
    assert client.get(f"/admin/snippets/network/actor/edit/{other.pk}/").status_code in (403, 404)
    response = client.post(f"/admin/snippets/network/actor/edit/{other.pk}/", {"name": "Gekapert"})
    assert response.status_code in (403, 404)
    other.refresh_from_db()
    assert other.name == "Fremde Organisation"
    assert client.get(f"/admin/snippets/network/actor/edit/{own.pk}/").status_code == 200
    for view in ("history", "usage"):
        url = f"/admin/snippets/network/actor/{view}/{other.pk}/"
        assert client.get(url).status_code in (403, 404)
    assert client.get("/admin/snippets/network/cooperation/").status_code in (302, 403)


def test_editor_sees_all_and_admin_edit_refreshes_index(client, setup):
    own, other, _partner, editor = setup
    client.force_login(editor)
    body = client.get("/admin/snippets/network/actor/").content.decode()
    assert "Eigene Organisation" in body and "Fremde Organisation" in body
    url = f"/admin/snippets/network/actor/edit/{other.pk}/"
    data = {
        "name": "Fremde Organisation Zukunftswerkstatt",
        "short_name": "",
        "slug": other.slug,
        "actor_type": other.actor_type_id,
        "description": "",
        "is_published": "on",
        "contacts-TOTAL_FORMS": "0",
        "contacts-INITIAL_FORMS": "0",
        "contacts-MIN_NUM_FORMS": "0",
        "contacts-MAX_NUM_FORMS": "1000",
    }
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    other.refresh_from_db()
    assert "zukunftswerkstatt" in other.search_document
    assert ModelLogEntry.objects.filter(object_id=str(other.pk), action="lotse.update").exists()


def test_policy_instances_for_partner(setup):
    from wagtail.permissions import policy_registry

    own, other, partner, editor = setup
    policy = policy_registry.get_by_type(Actor)
    assert list(policy.instances_user_has_permission_for(partner, "change")) == [own]
    assert policy.user_has_permission_for_instance(partner, "change", own)
    assert not policy.user_has_permission_for_instance(partner, "change", other)
    assert policy.user_has_permission_for_instance(editor, "change", other)


def _actor_post_data(actor, **changes):
    data = {
        "name": actor.name,
        "short_name": actor.short_name,
        "slug": actor.slug,
        "actor_type": actor.actor_type_id,
        "description": actor.description,
        "contacts-TOTAL_FORMS": "0",
        "contacts-INITIAL_FORMS": "0",
        "contacts-MIN_NUM_FORMS": "0",
        "contacts-MAX_NUM_FORMS": "1000",
    }
    data.update(changes)
    return data


def test_partner_cannot_change_publication_or_slug_of_own_actor(client, setup):
    own, _other, partner, _editor = setup
    Actor.objects.filter(pk=own.pk).update(is_published=False)
    own.refresh_from_db()
    slug = own.slug
    client.force_login(partner)
    url = f"/admin/snippets/network/actor/edit/{own.pk}/"

    body = client.get(url).content.decode()
    assert 'name="is_published"' not in body
    assert 'name="slug"' not in body
    assert 'name="name"' in body

    data = _actor_post_data(own, name="Eigene Organisation neu", is_published="on", slug="gekapert")
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    own.refresh_from_db()
    assert own.name == "Eigene Organisation neu"  # the partner's other changes are saved
    assert own.is_published is False
    assert own.slug == slug


def test_editor_can_change_publication_and_slug(client, setup):
    own, _other, _partner, editor = setup
    Actor.objects.filter(pk=own.pk).update(is_published=False)
    own.refresh_from_db()
    client.force_login(editor)
    url = f"/admin/snippets/network/actor/edit/{own.pk}/"
    body = client.get(url).content.decode()
    assert 'name="is_published"' in body and 'name="slug"' in body
    response = client.post(url, _actor_post_data(own, is_published="on", slug="neue-adresse"))
    assert response.status_code == 302, response.content.decode()[:3000]
    own.refresh_from_db()
    assert own.is_published is True
    assert own.slug == "neue-adresse"
