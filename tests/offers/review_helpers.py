"""Shared set-up for the review-workflow tests: actors, partner users, published offers."""

from datetime import UTC, datetime, timedelta

import time_machine
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from django.utils.text import slugify

from lotse.core import roles
from lotse.core.models import ActorType
from lotse.network.models import Actor, Membership
from lotse.offers.models import Offer

# The day the review tests' offer was published and confirmed (the yearly reminder counts from it).
START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def make_actor(name: str, **extra) -> Actor:
    slug = name.lower().replace(" ", "-")
    return Actor.objects.create(name=name, slug=slug, actor_type=ActorType.objects.first(), **extra)


def make_user(username: str, role: str, *, actors=(), email: str | None = None):
    user = get_user_model().objects.create_user(
        username=username,
        email=email if email is not None else f"{username}@example.org",
        password="test-pass-123",
    )
    user.groups.add(Group.objects.get(name=role))
    for actor in actors:
        Membership.objects.create(user=user, actor=actor)
    return user


def make_partner(username: str, actor: Actor, **kwargs):
    return make_user(username, roles.PARTNER, actors=[actor], **kwargs)


def make_editor(username: str = "rita"):
    return make_user(username, roles.EDITORS)


def make_offer(actor: Actor, title: str, *, publish: bool = True, user=None, **extra) -> Offer:
    slug = slugify(title)
    offer = Offer(
        title=title,
        slug=slug,
        summary=f"{title} – kurz",
        actor=actor,
        kind=Offer.Kind.ADVICE,
        live=False,
        **extra,
    )
    offer.save()
    revision = offer.save_revision(user=user)
    if publish:
        revision.publish(user=user)
    offer.refresh_from_db()
    return offer


def days_ago(days: float):
    return timezone.now() - timedelta(days=days)


def assert_denied(response) -> None:
    """Wagtail answers a refused admin request with 403 or a redirect to the dashboard."""
    assert response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == "/admin/"
    ), (response.status_code, response.get("Location"))


def make_leipzig_offer() -> Offer:
    """A published offer of the Agentur für Arbeit Leipzig (partner user paula), made on START."""
    actor = make_actor("Agentur für Arbeit Leipzig", email="leipzig@arbeitsagentur.example")
    make_partner("paula", actor)
    with time_machine.travel(START, tick=False):
        return make_offer(actor, "Arbeitgeberservice")
