"""Lookup tables of the reference data for importers (one query per table)."""

from typing import Any

from django.utils.text import slugify

from lotse.core.models import ActorType, Language, Region, TargetGroup, TopicField

from .importing import Column, RowContext


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


#: Columns that place a row in the reference data (actors, offers); keys separated by "|".
REFERENCE_COLUMNS: dict[str, Column] = {
    "districts": Column("districts", help="AGS oder Kennungen, getrennt durch |"),
    "statewide": Column("statewide", help="ja/nein"),
    "topic_fields": Column("topic_fields", help="Kennungen, getrennt durch |"),
    "target_groups": Column("target_groups", help="Kennungen, getrennt durch |"),
    "languages": Column("languages", help="Sprachcodes, getrennt durch |"),
}


class ReferenceLinks:
    """The many-to-many links of an imported row to the reference data: districts, topic
    fields, target groups and languages (each a model field and a column of the same name)."""

    WHAT = {
        "districts": "Landkreis/Stadt",
        "topic_fields": "Themenfeld",
        "target_groups": "Zielgruppe",
        "languages": "Sprache",
    }

    def __init__(self) -> None:
        """Loads the four tables, one query each, once for the whole file."""
        self.tables: dict[str, dict[str, Any]] = {
            "districts": district_table(),
            "topic_fields": topic_table(),
            "target_groups": target_group_table(),
            "languages": language_table(),
        }

    def clean(self, row: RowContext, data: dict[str, Any]) -> None:
        """Puts the referenced objects of the row into `data` (unknown keys are row errors)."""
        for name, what in self.WHAT.items():
            data[name] = row.lookup(name, self.tables[name], what=what)

    def assign(self, instance: Any, data: dict[str, Any]) -> None:
        """Sets the links of a saved `instance` to what `clean` found."""
        for name in self.WHAT:
            getattr(instance, name).set(data[name])
