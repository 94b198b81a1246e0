"""Writes of the network: actors, cooperations, memberships (one function per use case)."""

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from lotse.core.audit import audit_changes, audit_log, model_snapshot
from lotse.core.types import AnyUser

from .models import Actor, Cooperation, Membership
from .search import actor_search_document

# Plain fields a service may set on an actor, and its many-to-many relations (each an iterable
# of related objects; a relation not passed, or passed as None, is left as it is).
ACTOR_FIELDS = (
    "external_id",
    "name",
    "short_name",
    "slug",
    "actor_type",
    "statewide",
    "description",
    "street",
    "postcode",
    "town",
    "district",
    "website",
    "email",
    "phone",
    "parent",
    "is_published",
    "is_demo",
)
ACTOR_RELATIONS = ("districts", "topic_fields", "target_groups", "languages")
AUDITED_FIELDS = tuple(name for name in ACTOR_FIELDS if name != "is_demo")


def _split_fields(fields: dict[str, Any]) -> dict[str, Iterable | None]:
    """Take the relations out of a service call's keyword `fields`; refuse unknown names."""
    unknown = set(fields) - set(ACTOR_FIELDS) - set(ACTOR_RELATIONS)
    if unknown:
        raise TypeError(f"Unknown actor fields: {', '.join(sorted(unknown))}")
    return {name: fields.pop(name) for name in ACTOR_RELATIONS if name in fields}


def _unique_slug(name: str, *, exclude_pk: int | None = None) -> str:
    base = slugify(name)[:100] or "akteur"
    slug, number = base, 2
    others = Actor.objects.exclude(pk=exclude_pk) if exclude_pk else Actor.objects.all()
    while others.filter(slug=slug).exists():
        slug = f"{base}-{number}"
        number += 1
    return slug


def _set_relations(actor: Actor, relations: dict[str, Iterable | None]) -> None:
    for name in ACTOR_RELATIONS:
        items = relations.get(name)
        if items is not None:
            getattr(actor, name).set(list(items))
    # ParentalManyToManyField keeps the values in memory until the actor is saved.
    actor.save()


def actor_index_refresh(*, actor: Actor) -> str:
    """Recompute the actor's search_document from the database (after every edit)."""
    fresh = (
        Actor.objects.select_related("actor_type")
        .prefetch_related("topic_fields", "target_groups", "districts")
        .get(pk=actor.pk)
    )
    document = actor_search_document(fresh)
    Actor.objects.filter(pk=actor.pk).update(search_document=document)
    actor.search_document = document
    return document


def _save_and_index(actor: Actor, **relations: Iterable | None) -> None:
    """Validate and save the actor, set the given relations, then refresh its search index."""
    actor.full_clean(exclude=["search_document"])
    actor.save()
    _set_relations(actor, relations)
    actor_index_refresh(actor=actor)


@transaction.atomic
def actor_create(*, user: AnyUser | None, name: str, **fields: Any) -> Actor:
    """Create an actor; `fields` are model fields and relations (ACTOR_FIELDS, ACTOR_RELATIONS).
    Staff writes are audited."""
    relations = _split_fields(fields)
    actor = Actor(name=name, **fields)
    if not actor.slug:
        actor.slug = _unique_slug(name)
    _save_and_index(actor, **relations)
    if user is not None:
        audit_log(user=user, action="lotse.create", instance=actor)
    return actor


@transaction.atomic
def actor_update(*, actor: Actor, user: AnyUser | None, **fields: Any) -> Actor:
    """Change an actor's fields and (if given) its relations (ACTOR_FIELDS, ACTOR_RELATIONS);
    audited, index refreshed."""
    relations = _split_fields(fields)
    before = model_snapshot(actor, AUDITED_FIELDS)
    for name, value in fields.items():
        setattr(actor, name, value)
    if "slug" in fields and not actor.slug:
        actor.slug = _unique_slug(actor.name, exclude_pk=actor.pk)
    _save_and_index(actor, **relations)
    changes = audit_changes(before, model_snapshot(actor, AUDITED_FIELDS))
    if user is not None and changes:
        audit_log(user=user, action="lotse.update", instance=actor, changes=changes)
    return actor


@transaction.atomic
def cooperation_create(
    *,
    user: AnyUser | None,
    source: Actor,
    target: Actor,
    kind: str,
    start_date: date,
    note: str = "",
) -> Cooperation:
    """Link two actors. The same pair and kind exists at most once; no self-links."""
    if source.pk == target.pk:
        raise ValidationError(_("Ein Akteur kann nicht mit sich selbst kooperieren."))
    if kind not in Cooperation.Kind.values:
        raise ValidationError(_("Unbekannte Art der Kooperation."))
    try:
        with transaction.atomic():
            cooperation = Cooperation.objects.create(
                source=source, target=target, kind=kind, start_date=start_date, note=note
            )
    except IntegrityError as exc:
        raise ValidationError(
            _("Diese Kooperation zwischen %(source)s und %(target)s ist schon erfasst.")
            % {"source": source, "target": target}
        ) from exc
    if user is not None:
        audit_log(user=user, action="lotse.create", instance=cooperation)
    return cooperation


@transaction.atomic
def membership_add(*, user: AnyUser | None, member: AbstractBaseUser, actor: Actor) -> Membership:
    """Let `member` (a partner account) edit `actor`. Idempotent: an existing one is returned."""
    membership, created = Membership.objects.get_or_create(user=member, actor=actor)
    if created and user is not None:
        audit_log(user=user, action="lotse.create", instance=membership)
    return membership
