"""User factories: accounts per role, partner accounts with a membership.

Tests log in with `client.force_login(user)`; factory users have a known test password only for the
browser tests, which log in through the form (`TEST_PASSWORD`).
"""

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from factory.django import DjangoModelFactory

from lotse.core import roles

TEST_PASSWORD = "factory-pass-4711"

# The staff accounts every portal test may log in as: username -> (role, first name).
STAFF_ACCOUNTS = {
    "admin": (roles.ADMINISTRATION, "Ada"),
    "redaktion": (roles.EDITORS, "Rita"),
    "tarifregister": (roles.TARIFF_REGISTER, "Tom"),
    "veranstaltung": (roles.EVENTS_TEAM, "Vera"),
    "lotsendienst": (roles.DESK, "Lars"),
    "partner": (roles.PARTNER, "Paula"),
}


class UserFactory(DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"nutzer{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    first_name = factory.LazyAttribute(lambda user: user.username.capitalize())
    last_name = "Test"
    is_active = True

    @factory.post_generation
    def password(user, create, extracted, **kwargs):
        user.set_password(extracted or TEST_PASSWORD)
        if create:
            user.save(update_fields=["password"])

    @factory.post_generation
    def roles(user, create, extracted, **kwargs):
        """`UserFactory(roles=["Redaktion"])`: groups from the roles migration."""
        if create and extracted:
            user.groups.add(*[Group.objects.get(name=name) for name in extracted])

    @factory.post_generation
    def actors(user, create, extracted, **kwargs):
        """`UserFactory(actors=[actor])`: memberships (for partner accounts)."""
        if create and extracted:
            from lotse.network.services import membership_add

            for actor in extracted:
                membership_add(user=None, member=user, actor=actor)


class SuperuserFactory(UserFactory):
    is_superuser = True
    is_staff = True


def role_user(role: str, username: str | None = None, **fields):
    """A user in the group `role` (a name from `lotse.core.roles`): `role_user("Redaktion")`."""
    if username is not None:
        fields["username"] = username
    return UserFactory(roles=[role], **fields)


def partner_user(actor, username: str | None = None, **fields):
    """A partner account that is a member of `actor`."""
    return role_user(roles.PARTNER, username, actors=[actor], **fields)


def staff_users_create() -> dict:
    """One account per role (usernames of STAFF_ACCOUNTS); the administrator is a superuser."""
    users = {}
    for username, (role, first_name) in STAFF_ACCOUNTS.items():
        factory_class = SuperuserFactory if role == roles.ADMINISTRATION else UserFactory
        users[username] = factory_class(username=username, first_name=first_name, roles=[role])
    return users


def client_for(user, **client_kwargs) -> Client:
    client = Client(**client_kwargs)
    client.force_login(user)
    return client
