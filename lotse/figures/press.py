"""The fact box of a press release drafted from an event: straight from the structure report.

The figures are those of the report's tables (`events.backoffice.reports.structure_report`):
people present when the event was held (someone was checked in), otherwise confirmed
registrations; per site (online sites named as such), by actor type and by district. People
online are counted once: the sites' rows add up to the total.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from lotse.events.backoffice.reports import ReportRow, StructureReport


@dataclass
class FactGroup:
    title: str
    rows: list[tuple[str, int]] = field(default_factory=list)

    def as_block(self) -> dict:
        return {
            "title": self.title,
            "rows": [{"label": label, "value": value} for label, value in self.rows],
        }


def _metric(held: bool, row: ReportRow) -> int:
    return row.present if held else row.confirmed


def fact_groups(report: StructureReport) -> list[FactGroup]:
    """The fact box: totals, then per site, actor type and district (rows with people only)."""
    held = report.total.present > 0
    people = _metric(held, report.total)
    online = sum(_metric(held, row) for row in report.by_site if row.label in report.online_sites)
    totals = FactGroup(_("Teilnahme insgesamt"))
    totals.rows.append((_("Angemeldet"), report.total.registered))
    totals.rows.append((_("Bestätigt"), report.total.confirmed))
    if held:
        totals.rows.append((_("Anwesend"), people))
        totals.rows.append((_("davon vor Ort"), people - online))
        if online:
            totals.rows.append((_("davon online zugeschaltet"), online))
    elif online:
        totals.rows.append((_("davon vor Ort angemeldet"), people - online))
        totals.rows.append((_("davon für den Livestream angemeldet"), online))
    groups = [totals]
    sections = [
        (_("Nach Standort (anwesend)") if held else _("Nach Standort (bestätigt)"), report.by_site),
        (_("Nach Akteurstyp"), report.by_actor_type),
        (_("Nach Landkreis/kreisfreier Stadt"), report.by_district),
    ]
    for title, rows in sections:
        group = FactGroup(title)
        for row in rows:
            value = _metric(held, row)
            if not value:
                continue
            label = row.label
            if rows is report.by_site and row.label in report.online_sites:
                label = _("%(site)s (online)") % {"site": row.label}
            group.rows.append((label, value))
        if group.rows:
            groups.append(group)
    return groups
