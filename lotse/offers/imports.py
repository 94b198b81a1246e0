"""Import of offers (Angebote) from CSV/XLSX; upsert by `external_id`. Columns: docs/import.md.

Imported offers go through the Redaktion's review like every other offer: a new offer is created
as an unpublished draft (live=False, with a first revision), and a change to a published offer is
saved as a new draft revision while the published version stays online. Only a user with the role
Redaktion or Administration may tick "direkt veröffentlichen" (`publish=True`); then every imported
offer is published at once and counts as confirmed today.
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lotse.core.audit import model_snapshot
from lotse.core.roles import ADMINISTRATION, EDITORS, user_has_role
from lotse.imports import reference
from lotse.imports.importing import Column, Importer, RowContext
from lotse.imports.kinds import ImportKind
from lotse.imports.reference import REFERENCE_COLUMNS, ReferenceLinks
from lotse.network.models import Actor

from .models import Offer
from .search import offer_search_document

AUDIT_FIELDS = (
    "title",
    "summary",
    "description",
    "actor",
    "kind",
    "statewide",
    "online",
    "cost",
    "link",
    "valid_from",
    "valid_until",
)


class OfferImporter(Importer):
    label = "Angebote"
    columns = [
        Column("external_id", required=True, help="stabile Kennung aus dem Quellsystem"),
        Column("title", required=True),
        Column("summary", required=True),
        Column("description"),
        Column("actor_external_id", required=True, help="externe Kennung des Anbieters"),
        Column("kind", required=True, help="Art des Angebots"),
        REFERENCE_COLUMNS["topic_fields"],
        REFERENCE_COLUMNS["target_groups"],
        REFERENCE_COLUMNS["districts"],
        REFERENCE_COLUMNS["statewide"],
        Column("online", help="ja/nein"),
        REFERENCE_COLUMNS["languages"],
        Column("cost", help="kostenfrei, kostenpflichtig, gefoerdert"),
        Column("link"),
        Column("valid_from", help="TT.MM.JJJJ oder JJJJ-MM-TT"),
        Column("valid_until", help="TT.MM.JJJJ oder JJJJ-MM-TT"),
    ]

    def __init__(self, *, user=None, publish: bool = False):
        super().__init__(user=user, publish=publish)

    @property
    def may_publish(self) -> bool:
        return (
            self.publish
            and self.user is not None
            and user_has_role(self.user, EDITORS, ADMINISTRATION)
        )

    def prepare(self, rows) -> None:
        self.links = ReferenceLinks()
        keys = [raw.get("external_id", "").strip() for _number, raw in rows]
        self.existing = {
            offer.external_id: offer
            for offer in Offer.objects.select_related("actor").filter(
                external_id__in=[key for key in keys if key]
            )
        }
        actor_keys = {raw.get("actor_external_id", "").strip() for _number, raw in rows}
        self.actors = {
            actor.external_id: actor
            for actor in Actor.objects.filter(external_id__in=[key for key in actor_keys if key])
        }
        self.slugs: set[str] = set()

    def clean_row(self, row: RowContext) -> dict[str, Any] | None:
        data: dict[str, Any] = {
            "external_id": row.text("external_id", required=True, max_length=64),
            "title": row.text("title", required=True, max_length=200),
            "summary": row.text("summary", required=True, max_length=400),
            "description": row.text("description", max_length=8000),
            "kind": row.choice("kind", Offer.Kind.choices, required=True),
            "statewide": row.boolean("statewide"),
            "online": row.boolean("online"),
            "cost": row.choice("cost", Offer.Cost.choices) or Offer.Cost.FREE,
            "link": row.url("link"),
            "valid_from": row.date("valid_from"),
            "valid_until": row.date("valid_until"),
        }
        actor_key = row.text("actor_external_id", required=True)
        data["actor"] = self.actors.get(actor_key)
        if actor_key and data["actor"] is None:
            row.error(
                "actor_external_id",
                f"Unbekannter Anbieter: Kein Akteur mit der externen Kennung „{actor_key}“.",
            )
        self.links.clean(row, data)
        if (
            not data["districts"]
            and not data["statewide"]
            and not data["online"]
            and not [error for error in row.errors if error.field == "districts"]
        ):
            row.error(
                "districts",
                "Wo ist das Angebot verfügbar? Bitte Landkreise angeben oder „statewide“ bzw. "
                "„online“ auf „ja“ setzen.",
            )
        if data["valid_from"] and data["valid_until"] and data["valid_until"] < data["valid_from"]:
            row.error("valid_until", "„gültig bis“ liegt vor „gültig ab“.")
        return data

    def exists(self, data) -> bool:
        return data["external_id"] in self.existing

    def _apply(self, offer: Offer, data: dict[str, Any]) -> None:
        offer.external_id = data["external_id"]
        for name in AUDIT_FIELDS:
            setattr(offer, name, data[name])
        self.links.assign(offer, data)

    def write_row(self, data: dict[str, Any], *, file_name: str) -> str:
        offer = self.existing.get(data["external_id"])
        created = offer is None
        before = {} if created else model_snapshot(offer, AUDIT_FIELDS)
        if created:
            offer = Offer(
                slug=reference.unique_slug(Offer, data["title"], taken=self.slugs, max_length=200),
                live=False,
                has_unpublished_changes=True,
            )
        self._apply(offer, data)
        offer.full_clean(exclude=["contact", "slug"])
        if self.may_publish or not offer.live:
            # The row holds the draft (new, unpublished) or is about to be published.
            offer.search_document = offer_search_document(offer)
            offer.save()
            revision = offer.save_revision(user=self.user, clean=False)
            if self.may_publish:
                revision.publish(user=self.user)
                if offer.confirmed_at is None:
                    offer.confirmed_at = timezone.now()
                    Offer.objects.filter(pk=offer.pk).update(confirmed_at=offer.confirmed_at)
        else:
            # A published offer: the change waits for review as a draft revision; the public
            # row (and its search document) stays as it is until the Redaktion publishes it.
            offer.save_revision(user=self.user, clean=False)
        self.existing[offer.external_id] = offer
        return self.audit_written(
            offer,
            created=created,
            before=before,
            fields=AUDIT_FIELDS,
            file_name=file_name,
            detail="veröffentlicht" if self.may_publish else "als Entwurf zur Prüfung",
        )


OFFER_IMPORT = ImportKind(
    key="angebote",
    label=_("Angebote"),
    importer=OfferImporter,
    roles=(EDITORS, ADMINISTRATION),
    key_column="external_id",
    example="offers-example.csv",
)
