"""The register as a spreadsheet for the staff (Tarifregister, Administration): CSV and XLSX.

One row per agreement with its metadata: register number, title, kind, level, parties, scope
(territory, WZ classes of both versions, text), dates, status on the day of the export,
after-effect, links to predecessor/successor/amended agreement, the AVE procedures and the
confidential flag. No provisions and no original documents (only whether one is stored).

Company and confidential agreements are included: the export is only reachable from the
back-office listing, which only the two register roles open (see wagtail_hooks.py). Every cell
goes through `core.exports.spreadsheet_safe` (no formula injection). The rows are read in a
constant number of queries, however many agreements there are (`agreements_for_export`).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Prefetch, QuerySet
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lotse.core.exports import safe_dataset

from .models import AgreementParty, CollectiveAgreement, GeneralApplicability, SectorCode

if TYPE_CHECKING:
    import tablib

LIST_JOIN = " | "  # the import reads lists separated by "|" (spaces are trimmed)

EXPORT_COLUMNS = (
    ("register_number", gettext_lazy("Registernummer")),
    ("title", gettext_lazy("Titel")),
    ("kind", gettext_lazy("Art")),
    ("level", gettext_lazy("Ebene")),
    ("unions", gettext_lazy("Gewerkschaften")),
    ("employers", gettext_lazy("Arbeitgeberverbände/Arbeitgeber")),
    ("territory", gettext_lazy("Räumlicher Geltungsbereich")),
    ("states", gettext_lazy("Länder (AGS-Präfixe)")),
    ("regions", gettext_lazy("Regionen in Sachsen")),
    ("wz", gettext_lazy("WZ-Klassen (erfasst)")),
    ("wz2008", gettext_lazy("WZ 2008")),
    ("wz2025", gettext_lazy("WZ 2025")),
    ("sector_text", gettext_lazy("Fachlicher Geltungsbereich")),
    ("personal_scope", gettext_lazy("Persönlicher Geltungsbereich")),
    ("concluded_on", gettext_lazy("abgeschlossen am")),
    ("valid_from", gettext_lazy("in Kraft ab")),
    ("earliest_termination_on", gettext_lazy("frühestens kündbar zum")),
    ("terminated_on", gettext_lazy("gekündigt zum")),
    ("valid_to", gettext_lazy("abgelaufen am")),
    ("after_effect", gettext_lazy("Nachwirkung bis zur Ablösung")),
    ("status", gettext_lazy("Status am Tag des Exports")),
    ("predecessor", gettext_lazy("Vorgänger")),
    ("successor", gettext_lazy("Nachfolger")),
    ("amends", gettext_lazy("ändert")),
    ("ave_status", gettext_lazy("AVE: Stand")),
    ("ave_from", gettext_lazy("AVE: allgemeinverbindlich ab")),
    ("ave_to", gettext_lazy("AVE: allgemeinverbindlich bis")),
    ("ave_procedures", gettext_lazy("AVE: alle Verfahren")),
    ("confidential", gettext_lazy("vertraulich (§ 16 TVGDV)")),
    ("document", gettext_lazy("Originaldokument hinterlegt")),
)


STATUS_TEXTS = {
    "not_yet": gettext_lazy("noch nicht in Kraft"),
    "in_force": gettext_lazy("in Kraft"),
    "after_effect": gettext_lazy("abgelaufen, in Nachwirkung"),
    "ended": gettext_lazy("abgelaufen"),
}


def agreements_for_export(*, queryset: QuerySet | None = None) -> QuerySet:
    """`queryset` (default: every agreement) with all the export reads: 5 queries in all."""
    if queryset is None:
        queryset = CollectiveAgreement.objects.order_by("register_number")
    queryset = queryset.defer("search_document").select_related(
        "predecessor", "amends", "successor"
    )
    return queryset.prefetch_related(
        Prefetch("parties", queryset=AgreementParty.objects.order_by("name")),
        "regions",
        Prefetch("codes", queryset=SectorCode.objects.order_by("version", "code")),
        Prefetch(
            "applicabilities",
            queryset=GeneralApplicability.objects.order_by("applied_on", "valid_from", "pk"),
        ),
    )


def _yes_no(value: bool) -> str:
    return _("ja") if value else _("nein")


def _date(value: datetime.date | None) -> str:
    return date_format(value, "d.m.Y") if value else ""


def _related_number(agreement: CollectiveAgreement, name: str) -> str:
    try:
        other = getattr(agreement, name)
    except ObjectDoesNotExist:  # no successor: the reverse one-to-one raises
        return ""
    return other.register_number if other is not None else ""


def agreement_status(agreement: CollectiveAgreement, *, on: datetime.date) -> str:
    """The agreement's status on `on` (`CollectiveAgreement.status_on`) as export text."""
    try:
        successor = agreement.successor
    except ObjectDoesNotExist:
        successor = None
    status = agreement.status_on(on, successor=successor)
    if status == "replaced":
        return _("abgelaufen, abgelöst durch %(number)s") % {"number": successor.register_number}
    return str(STATUS_TEXTS[status])


def _procedure_text(procedure: GeneralApplicability) -> str:
    parts = [procedure.get_status_display()]
    if procedure.applied_on:
        parts.append(_("beantragt am %(date)s") % {"date": _date(procedure.applied_on)})
    if procedure.valid_from:
        parts.append(
            _("gültig %(start)s – %(end)s")
            % {"start": _date(procedure.valid_from), "end": _date(procedure.valid_to) or "…"}
        )
    if procedure.announcement:
        parts.append(procedure.announcement)
    return ", ".join(parts)


def agreement_row(agreement: CollectiveAgreement, *, on: datetime.date) -> dict[str, object]:
    """The export's values of one agreement (prefetched by `agreements_for_export`)."""
    parties = list(agreement.parties.all())
    codes = list(agreement.codes.all())
    procedures = list(agreement.applicabilities.all())
    latest = procedures[-1] if procedures else None
    with_period = [item for item in procedures if item.valid_from is not None]
    period = with_period[-1] if with_period else None
    return {
        "register_number": agreement.register_number,
        "title": agreement.title,
        "kind": agreement.get_kind_display(),
        "level": agreement.get_level_display(),
        "unions": LIST_JOIN.join(p.name for p in parties if p.kind == "union"),
        "employers": LIST_JOIN.join(p.name for p in parties if p.kind != "union"),
        "territory": agreement.get_territory_display(),
        "states": agreement.states,
        "regions": LIST_JOIN.join(sorted(region.name for region in agreement.regions.all())),
        "wz": LIST_JOIN.join(sorted({item.code for item in codes if not item.derived})),
        "wz2008": LIST_JOIN.join(item.code for item in codes if item.version == "2008"),
        "wz2025": LIST_JOIN.join(item.code for item in codes if item.version == "2025"),
        "sector_text": agreement.sector_text,
        "personal_scope": agreement.personal_scope,
        "concluded_on": agreement.concluded_on,
        "valid_from": agreement.valid_from,
        "earliest_termination_on": agreement.earliest_termination_on,
        "terminated_on": agreement.terminated_on,
        "valid_to": agreement.valid_to,
        "after_effect": _yes_no(agreement.after_effect),
        "status": agreement_status(agreement, on=on),
        "predecessor": _related_number(agreement, "predecessor"),
        "successor": _related_number(agreement, "successor"),
        "amends": _related_number(agreement, "amends"),
        "ave_status": latest.get_status_display() if latest else "",
        "ave_from": period.valid_from if period else None,
        "ave_to": period.valid_to if period else None,
        "ave_procedures": "; ".join(_procedure_text(item) for item in procedures),
        "confidential": _yes_no(agreement.confidential),
        "document": _yes_no(bool(agreement.document)),
    }


def register_dataset(
    *, agreements: Iterable[CollectiveAgreement], on: datetime.date
) -> tablib.Dataset:
    """The spreadsheet: German headings, one row per agreement, every cell formula-safe.

    Dates stay dates (typed cells in XLSX, ISO dates in CSV); empty values are empty cells.
    """
    keys = [key for key, _label in EXPORT_COLUMNS]
    rows = []
    for agreement in agreements:
        values = agreement_row(agreement, on=on)
        rows.append(["" if values[key] is None else values[key] for key in keys])
    return safe_dataset(
        headers=[str(label) for _key, label in EXPORT_COLUMNS], rows=rows, title="Tarifregister"
    )
