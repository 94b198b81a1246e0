"""Bulk import of register entries (agreements) from CSV/XLSX, on the project's import framework
(`lotse.imports.importing`: dry run with an error report, all-or-nothing or valid-only).

Kept inside the Tarifregister app: the general import screen is for the Redaktion, register
entries are the Tarifregister's. Upsert by register number; every write goes through the
services (validated, audited). Parties missing from the party index are added.
"""

from __future__ import annotations

from typing import Any

from lotse.imports.importing import Column, Importer, RowContext

from . import services, wz
from .models import AgreementParty, CollectiveAgreement


class AgreementImporter(Importer):
    label = "Tarifverträge"
    columns = [
        Column("register_number", required=True, help="Registernummer (eindeutig)"),
        Column("title", required=True),
        Column("kind", required=True, help="framework, pay, trainee_pay, amendment, other"),
        Column("level", required=True, help="sector oder company"),
        Column("territory", required=True, help="federal, states, saxony, regions"),
        Column("states", help="AGS-Präfixe der Länder, z. B. 14,15"),
        Column("unions", help="Gewerkschaften, getrennt durch |"),
        Column("employers", help="Arbeitgeberverbände bzw. Arbeitgeber, getrennt durch |"),
        Column("wz", help="WZ-Codes (2008 oder 2025), getrennt durch |"),
        Column("sector_text"),
        Column("personal_scope"),
        Column("concluded_on", required=True),
        Column("valid_from", required=True),
        Column("valid_to"),
        Column("earliest_termination_on"),
        Column("after_effect", help="ja/nein (Standard: ja)"),
        Column("confidential", help="ja/nein"),
    ]

    def prepare(self, rows) -> None:
        numbers = [raw.get("register_number", "").strip() for _number, raw in rows]
        self.existing = {
            item.register_number: item
            for item in CollectiveAgreement.objects.filter(register_number__in=numbers)
        }
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
            "title": row.text("title", required=True, max_length=300),
            "kind": row.choice("kind", CollectiveAgreement.Kind.choices, required=True),
            "level": row.choice("level", CollectiveAgreement.Level.choices, required=True),
            "territory": row.choice(
                "territory", CollectiveAgreement.Territory.choices, required=True
            ),
            "states": row.text("states", max_length=100),
            "sector_text": row.text("sector_text", max_length=4000),
            "personal_scope": row.text("personal_scope", max_length=300),
            "concluded_on": row.date("concluded_on"),
            "valid_from": row.date("valid_from"),
            "valid_to": row.date("valid_to"),
            "earliest_termination_on": row.date("earliest_termination_on"),
            "after_effect": True
            if not (row.raw.get("after_effect") or "").strip()
            else row.boolean("after_effect"),
            "confidential": row.boolean("confidential"),
            "unions": row.items("unions"),
            "employers": row.items("employers"),
            "codes": row.items("wz"),
        }
        for name in ("concluded_on", "valid_from"):
            if data[name] is None and (row.raw.get(name) or "").strip() == "":
                row.error(name, f"Pflichtfeld „{name}“ fehlt.")
        if data["valid_from"] and data["valid_to"] and data["valid_to"] < data["valid_from"]:
            row.error("valid_to", "Das Ende darf nicht vor dem Beginn liegen.")
        unknown = [code for code in data["codes"] if not wz.versions_of(code)]
        if unknown:
            row.error("wz", f"Unbekannter WZ-Code: {', '.join(unknown)}.")
        if data["territory"] == "states" and not data["states"]:
            row.error("states", "Bei „mehrere Länder“ bitte die Länder angeben.")
        return data

    def exists(self, cleaned: dict[str, Any]) -> bool:
        return cleaned["register_number"] in self.existing

    def _parties(self, cleaned) -> list[AgreementParty]:
        employer_kind = "employer" if cleaned["level"] == "company" else "employers_association"
        parties = [
            services.party_create(user=self.user, name=name, kind="union")
            for name in cleaned["unions"]
        ]
        parties += [
            services.party_create(user=self.user, name=name, kind=employer_kind)
            for name in cleaned["employers"]
        ]
        return parties

    def write_row(self, cleaned: dict[str, Any], *, file_name: str) -> str:
        fields = {
            key: cleaned[key]
            for key in (
                "title",
                "kind",
                "level",
                "territory",
                "states",
                "sector_text",
                "personal_scope",
                "concluded_on",
                "valid_from",
                "valid_to",
                "earliest_termination_on",
                "after_effect",
                "confidential",
            )
        }
        parties = self._parties(cleaned)
        existing = self.existing.get(cleaned["register_number"])
        if existing is not None:
            agreement = services.agreement_correct(
                user=self.user, agreement=existing, codes=cleaned["codes"], **fields
            )
            agreement.parties.set(parties)
            return "updated"
        services.agreement_register(
            user=self.user,
            register_number=cleaned["register_number"],
            parties=parties,
            codes=cleaned["codes"],
            **fields,
        )
        return "created"
