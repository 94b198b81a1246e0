"""Participant structure report (Teilnehmendenstruktur): selectors, chart geometry, press facts.

Counts only fields the retention task keeps (site, status, actor type, district, check-in time),
so the report is the same before and after the personal data has been anonymised. Each
dimension is one `values().annotate(Count)` query: the report costs a fixed number of queries
whatever the number of registrations.
"""

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext as _

from lotse.core.exports import new_dataset

from ..models import ACTIVE_STATUSES, Event, Registration, RegistrationStatus

if TYPE_CHECKING:
    import tablib


@dataclass
class ReportRow:
    label: str
    registered: int = 0
    confirmed: int = 0
    present: int = 0
    key: str = ""


@dataclass
class StructureReport:
    event: Event
    total: ReportRow
    by_site: list[ReportRow] = field(default_factory=list)
    by_actor_type: list[ReportRow] = field(default_factory=list)
    by_district: list[ReportRow] = field(default_factory=list)
    online_sites: set[str] = field(default_factory=set)

    @property
    def sections(self) -> list[tuple[str, str, list[ReportRow]]]:
        return [
            ("standorte", _("Nach Standort"), self.by_site),
            ("akteurstypen", _("Nach Akteurstyp"), self.by_actor_type),
            ("regionen", _("Nach Landkreis/kreisfreier Stadt"), self.by_district),
        ]


COUNTS = {
    "registered": Count("id", filter=Q(status__in=ACTIVE_STATUSES)),
    "confirmed": Count("id", filter=Q(status=RegistrationStatus.CONFIRMED)),
    "present": Count("id", filter=Q(checked_in_at__isnull=False)),
}


def _rows(
    queryset: QuerySet[Registration], key: str, label: str, order: tuple[str, ...], unknown: str
) -> list[ReportRow]:
    rows = []
    for item in queryset.values(key, label).annotate(**COUNTS).order_by(*order):
        if not (item["registered"] or item["confirmed"] or item["present"]):
            continue
        rows.append(
            ReportRow(
                label=item[label] or unknown,
                key=str(item[key] or ""),
                registered=item["registered"],
                confirmed=item["confirmed"],
                present=item["present"],
            )
        )
    return rows


def structure_report(*, event: Event) -> StructureReport:
    """Counts of registered, confirmed and present people by site, actor type and district."""
    base = Registration.objects.filter(event=event)
    total = base.aggregate(**COUNTS)
    by_site = []
    online = set()
    for item in (
        base.values("site_id", "site__name", "site__sort_order", "site__is_online")
        .annotate(**COUNTS)
        .order_by("site__sort_order", "site_id")
    ):
        by_site.append(
            ReportRow(
                label=item["site__name"],
                key=str(item["site_id"]),
                registered=item["registered"],
                confirmed=item["confirmed"],
                present=item["present"],
            )
        )
        if item["site__is_online"]:
            online.add(item["site__name"])
    return StructureReport(
        event=event,
        total=ReportRow(label=_("Insgesamt"), **total),
        by_site=by_site,
        by_actor_type=_rows(
            base,
            "actor_type__slug",
            "actor_type__name",
            ("-registered", "actor_type__order", "actor_type__name"),
            _("ohne Angabe"),
        ),
        by_district=_rows(
            base,
            "district__slug",
            "district__name",
            ("-registered", "district__name"),
            _("ohne Angabe"),
        ),
        online_sites=online,
    )


# --- charts ---------------------------------------------------------------------------------

BAR_HEIGHT = 22
LABEL_WIDTH = 230
CHART_WIDTH = 640


def chart(rows: list[ReportRow], *, metric: str = "registered") -> dict:
    """Geometry of a horizontal bar chart (server-rendered SVG) for one metric."""
    biggest = max((getattr(row, metric) for row in rows), default=0) or 1
    space = CHART_WIDTH - LABEL_WIDTH - 60
    bars = []
    for index, row in enumerate(rows):
        value = getattr(row, metric)
        bars.append(
            {
                "label": row.label,
                "value": value,
                "y": index * (BAR_HEIGHT + 8),
                "text_y": index * (BAR_HEIGHT + 8) + BAR_HEIGHT - 6,
                "width": max(round(space * value / biggest), 1 if value else 0),
                "value_x": LABEL_WIDTH + max(round(space * value / biggest), 0) + 6,
            }
        )
    return {
        "bars": bars,
        "height": max(len(rows) * (BAR_HEIGHT + 8), BAR_HEIGHT),
        "width": CHART_WIDTH,
        "label_width": LABEL_WIDTH,
        "summary": "; ".join(f"{row.label}: {getattr(row, metric)}" for row in rows),
    }


# --- press facts ----------------------------------------------------------------------------

NUMBER_WORDS = {
    2: "zwei",
    3: "drei",
    4: "vier",
    5: "fünf",
    6: "sechs",
    7: "sieben",
    8: "acht",
    9: "neun",
    10: "zehn",
    11: "elf",
    12: "zwölf",
}

# Dative plural of the actor types, as a press release says it ("aus Kammern, ...").
ACTOR_TYPE_PHRASES = {
    "arbeitsverwaltung": "Arbeitsverwaltung",
    "kommunalverwaltung": "Kommunalverwaltung",
    "kammer": "Kammern",
    "wirtschaftsfoerderung": "Wirtschaftsförderung",
    "bildungseinrichtung": "Bildungseinrichtungen",
    "verein-verband": "Vereinen und Verbänden",
    "landesbehoerde": "Landesbehörden",
    "bundesbehoerde": "Bundesbehörden",
    "arbeitgeberverband": "Arbeitgeberverbänden",
    "gewerkschaft": "Gewerkschaften",
    "unternehmen": "Unternehmen",
    "wissenschaft": "Wissenschaft",
    "politik": "Politik",
    "personalvermittlung": "Personalvermittlung",
    "beratungsstelle": "Beratungsstellen",
    "fachkraefteallianz": "Fachkräfteallianzen",
}


def rounded_figure(number: int) -> tuple[int, bool]:
    """(150, True) for 163 ("über 150"), (40, True) for 47; small or round figures exactly."""
    step = 50 if number >= 100 else 10
    if number < 20 or number % step == 0:
        return number, False
    return number - number % step, True


@dataclass(frozen=True)
class PressFacts:
    """The figures of a press release, straight from the report; the sentences are written in
    the template events/admin/_press_sentences.html (page and PDF)."""

    title: str
    starts_at: datetime
    held: bool  # people were checked in: the sentences speak of the past
    people: int  # present (held) or confirmed
    figure: int  # `people`, rounded down when `rounded`
    rounded: bool
    origins: list[str] = field(default_factory=list)  # at most six, when there are 10+ people
    more_origins: bool = False
    places: list[str] = field(default_factory=list)  # the sites that are not online
    places_word: str = ""  # "vier" for four places
    on_site_people: int = 0
    online_people: int = 0
    districts: int = 0
    registered: int = 0  # confirmed in total


def press_facts(report: StructureReport) -> PressFacts:
    """What the press sentences say. People online are counted once: on site + online = the
    people of the first sentence and of the table."""
    event = report.event
    held = report.total.present > 0
    people = report.total.present if held else report.total.confirmed
    types = [row for row in report.by_actor_type if (row.present if held else row.confirmed)]
    phrases = [ACTOR_TYPE_PHRASES.get(row.key, row.label) for row in types if row.key]
    if people < 10:
        phrases = []
    places = [row.label for row in report.by_site if row.label not in report.online_sites]
    online = [row for row in report.by_site if row.label in report.online_sites]
    online_people = sum((row.present if held else row.confirmed) for row in online)
    figure, rounded = rounded_figure(people)
    return PressFacts(
        title=event.title,
        starts_at=event.starts_at,
        held=held,
        people=people,
        figure=figure,
        rounded=rounded,
        origins=phrases[:6],
        more_origins=len(phrases) > 6,
        places=places,
        places_word=NUMBER_WORDS.get(len(places), str(len(places))),
        on_site_people=people - online_people,
        online_people=online_people,
        districts=len([row for row in report.by_district if row.key]),
        registered=report.total.confirmed,
    )


def report_dataset(report: StructureReport) -> "tablib.Dataset":
    """The report as one table (section, label, registered, confirmed, present) for CSV."""
    data = new_dataset(
        headers=[_("Bereich"), _("Gruppe"), _("Angemeldet"), _("Bestätigt"), _("Anwesend")]
    )
    for _key, title, rows in report.sections:
        for row in rows:
            data.append([title, row.label, row.registered, row.confirmed, row.present])
    total = report.total
    data.append([_("Insgesamt"), "", total.registered, total.confirmed, total.present])
    return data
