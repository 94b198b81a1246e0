"""Lookup tables of the reference data for importers (one query per table)."""

from django.utils.text import slugify

from lotse.core.models import ActorType, Language, Region, TargetGroup, TopicField


def district_table() -> dict[str, Region]:
    """Districts by AGS code, slug and (lower-case) name."""
    table: dict[str, Region] = {}
    for region in Region.objects.districts():
        table[region.code] = region
        table[region.slug.lower()] = region
        table.setdefault(region.name.lower(), region)
    return table


def slug_table(model) -> dict[str, object]:
    table: dict[str, object] = {}
    for item in model.objects.all():
        table[item.slug.lower()] = item
        table.setdefault(item.name.lower(), item)
    return table


def topic_table():
    return slug_table(TopicField)


def target_group_table():
    return slug_table(TargetGroup)


def actor_type_table():
    return slug_table(ActorType)


def language_table() -> dict[str, Language]:
    table: dict[str, Language] = {}
    for item in Language.objects.all():
        table[item.code.lower()] = item
        table.setdefault(item.name.lower(), item)
    return table


def unique_slug(model, text: str, *, taken: set[str], exclude_pk=None, max_length=100) -> str:
    """A slug not used by another row of `model` nor earlier in this import (`taken`)."""
    base = slugify(text)[: max_length - 8].strip("-") or "eintrag"
    candidate, number = base, 2
    while candidate in taken or (
        model.objects.filter(slug=candidate).exclude(pk=exclude_pk).exists()
    ):
        candidate = f"{base}-{number}"
        number += 1
    taken.add(candidate)
    return candidate
