"""The shared test data: factory accounts per role and the initial-content fixtures."""

import pytest

from lotse.core import roles
from lotse.core.roles import user_has_role
from lotse.network.models import Actor, Membership
from tests.core.factories import STAFF_ACCOUNTS, partner_user, role_user
from tests.network.factories import ActorFactory

pytestmark = pytest.mark.django_db


def test_role_user_is_in_the_group_of_the_roles_migration():
    user = role_user(roles.EDITORS)
    assert list(user.groups.values_list("name", flat=True)) == [roles.EDITORS]
    assert user_has_role(user, roles.EDITORS)
    assert not user_has_role(user, roles.TARIFF_REGISTER)


def test_partner_user_is_a_member_of_its_actor():
    actor = ActorFactory(name="Welcome Center Test")
    user = partner_user(actor)
    assert user_has_role(user, roles.PARTNER)
    assert list(Membership.objects.filter(user=user).values_list("actor", flat=True)) == [actor.pk]


def test_staff_users_hold_one_role_each_and_the_admin_is_superuser(staff_users, user_password):
    assert set(staff_users) == set(STAFF_ACCOUNTS)
    for username, (role, _first_name) in STAFF_ACCOUNTS.items():
        assert user_has_role(staff_users[username], role), username
    assert staff_users["admin"].is_superuser
    assert not any(user.is_superuser for name, user in staff_users.items() if name != "admin")
    assert staff_users["redaktion"].check_password(user_password)


def test_role_client_is_logged_in_with_that_role(role_client):
    response = role_client(roles.EDITORS).get("/admin/")
    assert response.status_code == 200
    assert user_has_role(response.wsgi_request.user, roles.EDITORS)
    user = role_client(roles.PARTNER).get("/admin/").wsgi_request.user
    assert user.is_authenticated
    assert user_has_role(user, roles.PARTNER)
    assert not user_has_role(user, roles.EDITORS)


def test_actors_are_the_real_network_from_the_initial_content(actors):
    real = Actor.objects.filter(external_id__startswith="sn-", is_demo=False)
    assert real.count() >= 60
    assert not Actor.objects.filter(is_demo=True).exists()
    assert Actor.objects.filter(search_document="").count() == 0


def test_site_pages_give_the_german_and_english_home(client, site_pages):
    assert client.get("/").status_code == 200
    assert client.get("/en/").status_code == 200
