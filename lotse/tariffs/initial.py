"""Initial content of the Tarifregister: the real sector minimum wages and the state's cases.

The statutory floors (MiLoG, § 17 BBiG) are loaded by migration 0002 from `data/*.csv`. This
loader adds, from `data/<state>/`: the parties (`parties.csv`), the real agreements with their
general-applicability procedures (`agreements.json`), and the sector minimum-wage ordinances
(`minimum_wage_ordinances.csv`) with their amounts (`minimum_wage_rates.csv`). Sources are cited in
each file. Agreements are keyed by register number, ordinances by title; see core/initial.py for
how editors' changes are kept.
"""

from __future__ import annotations

import datetime
import json
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

from django.db import transaction

from lotse.core.initial import LoadReport, data_dir, load_entry, read_csv, split

from . import services
from .models import AgreementParty, CollectiveAgreement, MinimumWageOrdinance, MinimumWageRate

APP_DIR = Path(__file__).resolve().parent
AGREEMENT_FIELDS = (
    "title",
    "kind",
    "level",
    "territory",
    "concluded_on",
    "valid_from",
    "valid_to",
    "sector_text",
    "personal_scope",
)


def _date(value: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


def _own_codes(owner) -> list[str]:
    return sorted(owner.codes.filter(derived=False).values_list("code", flat=True))


def party_snapshot(party: AgreementParty) -> dict:
    return {"address": party.address, "town": party.town}


def agreement_snapshot(agreement: CollectiveAgreement) -> dict:
    return {
        **{name: str(getattr(agreement, name) or "") for name in AGREEMENT_FIELDS},
        "parties": sorted(agreement.parties.values_list("name", flat=True)),
        "codes": _own_codes(agreement),
        "ave": [
            [ave.status, str(ave.valid_from or ""), str(ave.valid_to or "")]
            for ave in agreement.applicabilities.order_by("pk")
        ],
    }


def ordinance_snapshot(ordinance: MinimumWageOrdinance) -> dict:
    agreement = ordinance.agreement.register_number if ordinance.agreement_id else ""
    return {
        "title": ordinance.title,
        "basis": ordinance.basis,
        "sector_label": ordinance.sector_label,
        "agreement": agreement,
        "valid_from": str(ordinance.valid_from),
        "valid_to": str(ordinance.valid_to or ""),
        "source": ordinance.source,
        "codes": _own_codes(ordinance),
        "rates": [
            [rate.category, str(rate.amount), str(rate.valid_from), str(rate.valid_to or "")]
            for rate in MinimumWageRate.objects.filter(ordinance=ordinance).order_by(
                "category", "valid_from"
            )
        ],
    }


def _write_agreement(agreement, entry: dict, parties: dict[str, AgreementParty]):
    values = {name: entry[name] for name in AGREEMENT_FIELDS}
    for name in ("concluded_on", "valid_from", "valid_to"):
        values[name] = _date(values[name])
    chosen = [parties[key] for key in entry["parties"]]
    if agreement is not None:
        return services.agreement_correct(
            user=None,
            agreement=agreement,
            parties=chosen,
            codes=entry["codes"],
            note="load_initial_content",
            **values,
        )
    agreement = services.agreement_register(
        user=None,
        register_number=entry["register_number"],
        parties=chosen,
        codes=entry["codes"],
        note=entry.get("source", ""),
        **values,
    )
    ave_data = entry.get("ave")
    if ave_data:
        ave = services.ave_apply(
            user=None,
            agreement=agreement,
            applied_on=_date(ave_data["applied_on"]),
            announcement=ave_data.get("announcement", ""),
        )
        for step in ave_data["steps"]:
            ave = services.ave_transition(
                user=None,
                ave=ave,
                status=step["status"],
                on=_date(step["on"]),
                valid_from=_date(step.get("valid_from")),
                valid_to=_date(step.get("valid_to")),
                note=step.get("note", ""),
            )
    return agreement


def _write_ordinance(ordinance, row: dict, rates: list[dict]):
    agreement = (
        CollectiveAgreement.objects.filter(register_number=row["agreement"]).first()
        if row["agreement"]
        else None
    )
    values = {
        "title": row["title"],
        "basis": row["basis"],
        "sector_label": row["sector_label"],
        "valid_from": _date(row["valid_from"]),
        "valid_to": _date(row["valid_to"]),
        "agreement": agreement,
        "source": row["source"],
    }
    if ordinance is None:
        ordinance = services.ordinance_register(user=None, codes=split(row["codes"]), **values)
    else:
        MinimumWageRate.objects.filter(ordinance=ordinance).delete()
        MinimumWageOrdinance.objects.filter(pk=ordinance.pk).update(**values)
        services._set_codes(owner={"ordinance": ordinance}, codes=split(row["codes"]))
        ordinance.refresh_from_db()
    for rate in rates:
        services.rate_add(
            user=None,
            ordinance=ordinance,
            category=rate["category"],
            amount=Decimal(rate["amount"]),
            valid_from=_date(rate["valid_from"]),
            valid_to=_date(rate["valid_to"]),
        )
    return ordinance


@transaction.atomic
def load(*, state: str, report: LoadReport) -> None:
    folder = data_dir(APP_DIR, state)

    parties: dict[str, AgreementParty] = {}
    for row in read_csv(folder / "parties.csv"):
        existing = AgreementParty.objects.filter(name=row["name"], kind=row["kind"]).first()

        def write(party, row=row):
            if party is None:
                return services.party_create(
                    user=None,
                    name=row["name"],
                    kind=row["kind"],
                    address=row["address"],
                    town=row["town"],
                )
            AgreementParty.objects.filter(pk=party.pk).update(
                address=row["address"], town=row["town"]
            )
            party.refresh_from_db()
            return party

        load_entry(
            report=report,
            key=f"tariffs.party:{state}-{row['key']}",
            data=row,
            existing=existing,
            snapshot=party_snapshot,
            write=write,
        )
        # Edited or foreign parties are still the parties of the agreements below.
        parties[row["key"]] = AgreementParty.objects.get(name=row["name"], kind=row["kind"])

    entries = json.loads((folder / "agreements.json").read_text(encoding="utf-8"))["agreements"]
    for entry in entries:
        number = entry["register_number"]
        load_entry(
            report=report,
            key=f"tariffs.agreement:{number}",
            data=entry,
            existing=CollectiveAgreement.objects.filter(register_number=number).first(),
            snapshot=agreement_snapshot,
            write=lambda agreement, entry=entry: _write_agreement(agreement, entry, parties),
        )

    rates: dict[str, list[dict]] = defaultdict(list)
    for rate in read_csv(folder / "minimum_wage_rates.csv"):
        rates[rate["ordinance"]].append(rate)
    for row in read_csv(folder / "minimum_wage_ordinances.csv"):
        data = {**row, "rates": rates[row["key"]]}
        load_entry(
            report=report,
            key=f"tariffs.ordinance:{state}-{row['key']}",
            data=data,
            existing=MinimumWageOrdinance.objects.filter(title=row["title"]).first(),
            snapshot=ordinance_snapshot,
            write=lambda ordinance, row=row: _write_ordinance(ordinance, row, rates[row["key"]]),
        )
