"""Bulk import of register entries (agreements) from CSV/XLSX, on the project's import framework
(`lotse.imports.importing`: dry run with an error report, all-or-nothing or valid-only).

Reached from the back office (Tarifregister → Import: `AGREEMENT_IMPORT`, registered with the
import framework in `TariffsConfig.ready`, for the roles Tarifregister and Administration) and
from `manage.py import_agreements`. Upsert by register number; every write goes through the
services (validated, audited, with the file name as note). Parties missing from the party index
are added. Columns: docs/import.md.

An existing entry is only changed in the columns the file has: a column left out of the file
keeps the stored values, an empty cell in a column that is there clears the value. A row that
holds exactly the stored values is reported as "unverändert" and writes nothing.
"""

from __future__ import annotations

import re
from typing import Any

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from lotse.core.roles import ADMINISTRATION, TARIFF_REGISTER
from lotse.imports import reference
from lotse.imports.importing import Column, Importer, RowContext
from lotse.imports.kinds import ImportKind

from . import services, wz
from .models import AgreementParty, CollectiveAgreement, SectorCode

# Fields of the agreement the file sets, each read from the column of the same name: the audited
# fields of the register except the key and the links to other agreements.
FIELDS = tuple(
    name
    for name in services.AGREEMENT_FIELDS
    if name not in {"register_number", "predecessor", "amends"}
)
STATE_CODES = {f"{number:02d}" for number in range(1, 17)}
STATE_SEPARATORS = re.compile(r"[,|]")
PARTY_NAME_MAX = 200


class AgreementImporter(Importer):
    label = "Tarifverträge"
    columns = [
        Column("register_number", required=True, help="Registernummer (eindeutig)"),
        Column("title", required=True),
        Column("kind", required=True, help="framework, pay, trainee_pay, amendment, other"),
        Column("level", required=True, help="sector oder company"),
        Column("territory", required=True, help="federal, states, saxony, regions"),
        Column("states", help="AGS-Präfixe der Länder, z. B. 14,15"),
        Column("regions", help="Landkreise/Städte (AGS oder Kennung), getrennt durch |"),
        Column("unions", help="Gewerkschaften, getrennt durch |"),
        Column("employers", help="Arbeitgeberverbände bzw. Arbeitgeber, getrennt durch |"),
        Column("wz", help="WZ-Codes (2008 oder 2025), getrennt durch |"),
        Column("sector_text"),
        Column("personal_scope"),
        Column("concluded_on", required=True),
        Column("valid_from", required=True),
        Column("valid_to"),
        Column("earliest_termination_on"),
        Column("terminated_on"),
        Column("after_effect", help="ja/nein (Standard: ja)"),
        Column("confidential", help="ja/nein"),
    ]

    def prepare(self, rows) -> None:
        numbers = [raw.get("register_number", "").strip() for _number, raw in rows]
        self.existing = {
            item.register_number: item
            for item in CollectiveAgreement.objects.filter(
                register_number__in=[number for number in numbers if number]
            ).prefetch_related(
                "parties",
                "regions",
                Prefetch(
                    "codes",
                    queryset=SectorCode.objects.filter(derived=False),
                    to_attr="entered_codes",
                ),
            )
        }
        self.districts = reference.district_table()
        self.seen: dict[str, int] = {}

    def clean_row(self, row: RowContext) -> dict[str, Any] | None:
        number = row.text("register_number", required=True, max_length=40)
        if number in self.seen:
            row.error(
                "register_number",
                f"Doppelte Registernummer „{number}“: "
                f"kommt schon in Zeile {self.seen[number]} vor.",
            )
        elif number:
            self.seen[number] = row.row_number
        data: dict[str, Any] = {
            "external_id": number,
            "register_number": number,
            "columns": set(row.raw),
            "title": row.text("title", required=True, max_length=300),
            "kind": row.choice("kind", CollectiveAgreement.Kind.choices, required=True),
            "level": row.choice("level", CollectiveAgreement.Level.choices, required=True),
            "territory": row.choice(
                "territory", CollectiveAgreement.Territory.choices, required=True
            ),
            "states": self._states(row),
            "regions": row.lookup("regions", self.districts, what="Landkreis/Stadt"),
            "sector_text": row.text("sector_text", max_length=4000),
            "personal_scope": row.text("personal_scope", max_length=300),
            "concluded_on": row.date("concluded_on"),
            "valid_from": row.date("valid_from"),
            "valid_to": row.date("valid_to"),
            "earliest_termination_on": row.date("earliest_termination_on"),
            "terminated_on": row.date("terminated_on"),
            "after_effect": True
            if not (row.raw.get("after_effect") or "").strip()
            else row.boolean("after_effect"),
            "confidential": row.boolean("confidential"),
            "unions": row.items("unions"),
            "employers": row.items("employers"),
            "codes": sorted({wz.normalise(code) for code in row.items("wz")}),
        }
        for name in ("concluded_on", "valid_from"):
            if data[name] is None and (row.raw.get(name) or "").strip() == "":
                row.error(name, f"Pflichtfeld „{name}“ fehlt.")
        if data["valid_from"] and data["valid_to"] and data["valid_to"] < data["valid_from"]:
            row.error("valid_to", "Das Ende darf nicht vor dem Beginn liegen.")
        unknown = [code for code in data["codes"] if not wz.versions_of(code)]
        if unknown:
            row.error("wz", f"Unbekannter WZ-Code: {', '.join(unknown)}.")
        self._check_territory(row, data)
        for column in ("unions", "employers"):
            for name in data[column]:
                if len(name) > PARTY_NAME_MAX:
                    row.error(
                        column,
                        f"Name der Partei zu lang: höchstens {PARTY_NAME_MAX} Zeichen "
                        f"(hier {len(name)}).",
                    )
        return data

    @staticmethod
    def _states(row: RowContext) -> str:
        value = row.text("states", max_length=100)
        codes = [item.strip() for item in STATE_SEPARATORS.split(value) if item.strip()]
        wrong = [code for code in codes if code not in STATE_CODES]
        if wrong:
            row.error(
                "states",
                f"Unbekannte Länderkennung: {', '.join(wrong)} "
                "(zweistellige AGS-Präfixe 01 bis 16, z. B. 14 für Sachsen).",
            )
        return ",".join(codes)

    def _check_territory(self, row: RowContext, data: dict[str, Any]) -> None:
        """States only with "states", regions only with "regions", and then at least one.

        A column the file leaves out keeps the stored value, so the rules apply to that.
        """
        territory = data["territory"]
        if not territory:  # unknown or missing: reported already
            return
        existing = self.existing.get(data["register_number"])
        states = data["states"]
        if "states" not in row.raw:
            states = existing.states if existing is not None else ""
        regions = data["regions"]
        if "regions" not in row.raw:
            regions = list(existing.regions.all()) if existing is not None else []
        failed = {error.field for error in row.errors}
        if territory == "states" and not states and "states" not in failed:
            row.error("states", "Bei „mehrere Länder“ bitte die Länder angeben.")
        if territory != "states" and states:
            row.error("states", "Länder nur bei territory „states“ (mehrere Länder) angeben.")
        if territory == "regions" and not regions and "regions" not in failed:
            row.error("regions", "Bei „Regionen in Sachsen“ bitte die Landkreise/Städte angeben.")
        if territory != "regions" and regions:
            row.error(
                "regions", "Landkreise/Städte nur bei territory „regions“ (Regionen) angeben."
            )

    def exists(self, cleaned: dict[str, Any]) -> bool:
        return cleaned["register_number"] in self.existing

    # -- what the row sets -----------------------------------------------------------------
    @staticmethod
    def _employer_kind(cleaned: dict[str, Any]) -> str:
        return "employer" if cleaned["level"] == "company" else "employers_association"

    def _wanted_parties(self, cleaned: dict[str, Any]) -> list[tuple[str, str]] | None:
        """(name, kind) of the parties the row names; None if the file has no party column."""
        if not {"unions", "employers"} & cleaned["columns"]:
            return None
        employer_kind = self._employer_kind(cleaned)
        return [(name, "union") for name in cleaned["unions"]] + [
            (name, employer_kind) for name in cleaned["employers"]
        ]

    @staticmethod
    def _fields(cleaned: dict[str, Any], *, new: bool) -> dict[str, Any]:
        """The agreement's fields: all for a new entry, only the file's columns for an update."""
        return {name: cleaned[name] for name in FIELDS if new or name in cleaned["columns"]}

    def planned(self, cleaned: dict[str, Any]) -> str:
        existing = self.existing.get(cleaned["register_number"])
        if existing is None:
            return "created"
        if any(
            getattr(existing, name) != value
            for name, value in self._fields(cleaned, new=False).items()
        ):
            return "updated"
        parties = self._wanted_parties(cleaned)
        if parties is not None and set(parties) != {
            (party.name, party.kind) for party in existing.parties.all()
        }:
            return "updated"
        if "regions" in cleaned["columns"] and {region.pk for region in cleaned["regions"]} != {
            region.pk for region in existing.regions.all()
        }:
            return "updated"
        if "wz" in cleaned["columns"] and set(cleaned["codes"]) != {
            item.code for item in existing.entered_codes
        }:
            return "updated"
        return "unchanged"

    def write_row(self, cleaned: dict[str, Any], *, file_name: str) -> str:
        outcome = self.planned(cleaned)
        if outcome == "unchanged":
            return outcome
        note = f"importiert aus {file_name}"
        wanted = self._wanted_parties(cleaned)
        parties: list[AgreementParty] | None = (
            None
            if wanted is None
            else [
                services.party_create(user=self.user, name=name, kind=kind, note=note)
                for name, kind in wanted
            ]
        )
        existing = self.existing.get(cleaned["register_number"])
        if existing is not None:
            services.agreement_correct(
                user=self.user,
                agreement=existing,
                codes=cleaned["codes"] if "wz" in cleaned["columns"] else None,
                parties=parties,
                regions=cleaned["regions"] if "regions" in cleaned["columns"] else None,
                note=note,
                **self._fields(cleaned, new=False),
            )
            return "updated"
        services.agreement_register(
            user=self.user,
            register_number=cleaned["register_number"],
            parties=parties or [],
            codes=cleaned["codes"],
            regions=cleaned["regions"],
            note=note,
            **self._fields(cleaned, new=True),
        )
        return "created"


# Reached from the Tarifregister's own menu group (its submenu hook, `wagtail_hooks.SUBMENU_HOOK`),
# not from the main menu's "Datenimport".
AGREEMENT_IMPORT = ImportKind(
    key="tarifvertraege",
    label=_("Tarifverträge"),
    importer=AgreementImporter,
    roles=(TARIFF_REGISTER, ADMINISTRATION),
    key_column="register_number",
    example="agreements-example.csv",
    menu_hook="register_tariff_register_menu_item",
    menu_name="tariffs-import",
)
