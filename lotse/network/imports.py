"""Import of actors (Akteure) from CSV/XLSX; upsert by `external_id`. Columns: docs/import.md."""

from __future__ import annotations

from typing import Any

from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from lotse.core.audit import model_snapshot
from lotse.core.roles import ADMINISTRATION, EDITORS
from lotse.imports import reference
from lotse.imports.importing import Column, Importer, RowContext
from lotse.imports.kinds import ImportKind
from lotse.imports.reference import REFERENCE_COLUMNS, ReferenceLinks

from .models import Actor
from .search import actor_search_document

AUDIT_FIELDS = (
    "name",
    "short_name",
    "actor_type",
    "statewide",
    "description",
    "postcode",
    "town",
    "website",
    "email",
    "phone",
)
POSTCODE = RegexValidator(r"^\d{5}$")
PHONE = RegexValidator(r"^[0-9+()/ \-]{3,40}$")


class ActorImporter(Importer):
    label = "Akteure"
    columns = [
        Column("external_id", required=True, help="stabile Kennung aus dem Quellsystem"),
        Column("name", required=True),
        Column("short_name"),
        Column("actor_type", required=True, help="Kennung des Akteurstyps"),
        REFERENCE_COLUMNS["districts"],
        REFERENCE_COLUMNS["statewide"],
        REFERENCE_COLUMNS["topic_fields"],
        REFERENCE_COLUMNS["target_groups"],
        REFERENCE_COLUMNS["languages"],
        Column("description"),
        Column("postcode"),
        Column("town"),
        Column("website"),
        Column("email"),
        Column("phone"),
    ]

    def prepare(self, rows) -> None:
        self.links = ReferenceLinks()
        self.types = reference.actor_type_table()
        keys = [raw.get("external_id", "").strip() for _number, raw in rows]
        self.existing = {
            actor.external_id: actor
            for actor in Actor.objects.filter(external_id__in=[key for key in keys if key])
        }
        names = [raw.get("name", "").strip() for _number, raw in rows]
        # Natural key for records entered by hand before the first import: the name.
        self.by_name: dict[str, Actor] = {}
        for actor in Actor.objects.filter(name__in=[name for name in names if name]):
            self.by_name.setdefault(actor.name.lower(), actor)
        self.slugs: set[str] = set()

    def clean_row(self, row: RowContext) -> dict[str, Any] | None:
        data: dict[str, Any] = {
            "external_id": row.text("external_id", required=True, max_length=64),
            "name": row.text("name", required=True, max_length=200),
            "short_name": row.text("short_name", max_length=60),
            "statewide": row.boolean("statewide"),
            "description": row.text("description", max_length=4000),
            "postcode": row.text("postcode"),
            "town": row.text("town", max_length=80),
            "website": row.url("website"),
            "email": row.email("email"),
            "phone": row.text("phone"),
        }
        types = row.lookup("actor_type", self.types, what="Akteurstyp", required=True)
        if len(types) > 1:
            row.error("actor_type", "Bitte genau einen Akteurstyp angeben.")
        data["actor_type"] = types[0] if types else None
        self.links.clean(row, data)
        if data["postcode"] and not POSTCODE.regex.match(data["postcode"]):
            row.error("postcode", f"Ungültige Postleitzahl: „{data['postcode']}“ (fünf Ziffern).")
        if data["phone"] and not PHONE.regex.match(data["phone"]):
            row.error("phone", f"Ungültige Telefonnummer: „{data['phone']}“.")
        key = data["external_id"]
        other = self.by_name.get(data["name"].lower())
        if (
            key
            and key not in self.existing
            and other is not None
            and other.external_id not in (None, "", key)
        ):
            row.error(
                "name",
                f"Dublette: Ein Akteur „{other.name}“ existiert bereits mit der externen "
                f"Kennung „{other.external_id}“.",
            )
        return data

    def _target(self, data) -> Actor | None:
        actor = self.existing.get(data["external_id"])
        if actor is None:
            other = self.by_name.get(data["name"].lower())
            if other is not None and not other.external_id:
                actor = other  # adopt the hand-made record: it gets the external id
        return actor

    def exists(self, data) -> bool:
        return self._target(data) is not None

    def write_row(self, data: dict[str, Any], *, file_name: str) -> str:
        actor = self._target(data)
        created = actor is None
        if created:
            actor = Actor(
                slug=reference.unique_slug(Actor, data["name"], taken=self.slugs, max_length=120)
            )
            before = {}
        else:
            before = model_snapshot(actor, AUDIT_FIELDS)
        actor.external_id = data["external_id"]
        for name in AUDIT_FIELDS:
            setattr(actor, name, data[name])
        if len(data["districts"]) == 1 and actor.district_id is None:
            actor.district = data["districts"][0]
        self.links.assign(actor, data)
        actor.full_clean(exclude=["parent"])
        actor.search_document = actor_search_document(actor)
        actor.save()
        self.existing[actor.external_id] = actor
        return self.audit_written(
            actor, created=created, before=before, fields=AUDIT_FIELDS, file_name=file_name
        )


ACTOR_IMPORT = ImportKind(
    key="akteure",
    label=_("Akteure"),
    importer=ActorImporter,
    roles=(EDITORS, ADMINISTRATION),
    key_column="external_id",
    example="actors-example.csv",
)
