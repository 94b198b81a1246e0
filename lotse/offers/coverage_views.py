"""Versorgungslandkarte: public coverage page (table + schematic SVG map) and staff exports."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from lotse.core.exports import dataset_response, new_dataset
from lotse.core.forms import FilterForm, slug_choices
from lotse.core.roles import ADMINISTRATION, EDITORS, user_has_role

from .coverage import CoverageMatrix, coverage_matrix, coverage_matrix_cached
from .coverage_layers import coverage_layers

if TYPE_CHECKING:
    import tablib

# Schematic map: seat coordinates projected linearly (equirectangular, scaled for ~51° N).
MAP_WIDTH = 640
MAP_HEIGHT = 440
MAP_PADDING = 60
MIN_RADIUS = 7
MAX_RADIUS = 22
# Colour steps from light to dark blue; gaps get their own (grey, dashed) look and a text mark.
COLOURS = ("#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c")
GAP_COLOUR = "#e5e5e5"


class CoverageFilterForm(FilterForm):
    thema = forms.ChoiceField(label=gettext_lazy("Themenfeld"), required=False)

    def __init__(self, data=None, *, matrix: CoverageMatrix):
        super().__init__(data)
        self.fields["thema"].choices = slug_choices(matrix.topic_fields, _("Alle Themenfelder"))


def _selected_topic(form: CoverageFilterForm, matrix: CoverageMatrix):
    slug = form.filters["thema"]
    return next((topic for topic in matrix.topic_fields if slug and topic.slug == slug), None)


# Where a district's label goes, relative to its circle ("below" unless listed): the seats of
# Dresden, Meißen, Pirna and Freiberg are close together. Keyed by AGS (Saxony).
LABEL_PLACES = {
    "14511": "above",  # Chemnitz
    "14522": "below",  # Mittelsachsen (Freiberg)
    "14612": "left",  # Dresden
    "14627": "above",  # Meißen
    "14628": "below-right",  # Sächsische Schweiz-Osterzgebirge (Pirna)
    "14625": "above",  # Bautzen
    "14713": "above",  # Leipzig
    "14524": "above",  # Zwickau
}


def _label_position(point: dict) -> dict:
    x, y, r = point["x"], point["y"], point["r"]
    place = LABEL_PLACES.get(point["district"].code, "below")
    if place == "above":
        return {"label_x": x, "label_y": round(y - r - 6, 1), "anchor": "middle"}
    if place == "left":
        return {"label_x": round(x - r - 4, 1), "label_y": round(y + 4, 1), "anchor": "end"}
    if place == "below-right":
        return {"label_x": round(x - r / 2, 1), "label_y": round(y + r + 14, 1), "anchor": "start"}
    return {"label_x": x, "label_y": round(y + r + 14, 1), "anchor": "middle"}


def map_points(matrix: CoverageMatrix, topic=None) -> list[dict]:
    """Position, size and colour of one circle per district (those without seat are left out)."""
    located = [
        d for d in matrix.districts if d.seat_latitude is not None and d.seat_longitude is not None
    ]
    if not located:
        return []
    lats = [float(d.seat_latitude) for d in located]
    lons = [float(d.seat_longitude) for d in located]
    lon_factor = math.cos(math.radians(sum(lats) / len(lats)))
    span_x = max((max(lons) - min(lons)) * lon_factor, 0.01)
    span_y = max(max(lats) - min(lats), 0.01)
    scale = min((MAP_WIDTH - 2 * MAP_PADDING) / span_x, (MAP_HEIGHT - 2 * MAP_PADDING) / span_y)
    counts = {d.pk: matrix.district_count(d, topic) for d in located}
    highest = max(counts.values()) or 1
    points = []
    for district in located:
        number = counts[district.pk]
        share = number / highest
        x = MAP_PADDING + (float(district.seat_longitude) - min(lons)) * lon_factor * scale
        y = MAP_PADDING + (max(lats) - float(district.seat_latitude)) * scale
        radius = MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * math.sqrt(share)
        points.append(
            {
                "district": district,
                "count": number,
                "gap": number == 0,
                "x": round(x, 1),
                "y": round(y, 1),
                "r": round(radius, 1),
                "fill": GAP_COLOUR
                if number == 0
                else COLOURS[min(int(share * len(COLOURS)), len(COLOURS) - 1)],
            }
        )
    for point in points:
        point.update(_label_position(point))
    return points


@require_safe
def coverage(request: HttpRequest) -> HttpResponse:
    matrix = coverage_matrix_cached()
    form = CoverageFilterForm(request.GET, matrix=matrix)
    topic = _selected_topic(form, matrix)
    points = map_points(matrix, topic)
    context = {
        "matrix": matrix,
        "rows": matrix.rows(),
        "gap_count": len(matrix.gaps),
        "topic": topic,
        "form": form,
        "points": points,
        "map_width": MAP_WIDTH,
        "map_height": MAP_HEIGHT,
        "statewide_cells": [matrix.statewide.get(t.pk, 0) for t in matrix.topic_fields],
        "online_cells": [matrix.online.get(t.pk, 0) for t in matrix.topic_fields],
        "can_export": user_has_role(request.user, EDITORS, ADMINISTRATION),
        "layers": coverage_layers(request.user),
    }
    return render(request, "offers/coverage.html", context)


def coverage_dataset(matrix: CoverageMatrix) -> tablib.Dataset:
    """The matrix as a table: one row per district, then the statewide and online rows."""
    headers = [_("AGS"), _("Landkreis / Kreisfreie Stadt")]
    headers += [topic.name for topic in matrix.topic_fields]
    headers += [_("Alle Themenfelder")]
    data = new_dataset(headers=headers, title=_("Abdeckung"))
    for row in matrix.rows():
        data.append(
            [row["district"].code, row["district"].name]
            + [cell["count"] for cell in row["cells"]]
            + [row["total"]]
        )
    data.append(
        ["", _("landesweit")]
        + [matrix.statewide.get(t.pk, 0) for t in matrix.topic_fields]
        + [matrix.statewide_total]
    )
    data.append(
        ["", _("online")]
        + [matrix.online.get(t.pk, 0) for t in matrix.topic_fields]
        + [matrix.online_total]
    )
    return data


def _require_staff(request: HttpRequest) -> None:
    if not user_has_role(request.user, EDITORS, ADMINISTRATION):
        raise PermissionDenied


@require_safe
def coverage_export(request: HttpRequest, fmt: str) -> HttpResponse:
    """Staff-only download (Redaktion, Administration) as CSV or XLSX; anonymous users get 403."""
    _require_staff(request)
    data = coverage_dataset(coverage_matrix())
    response = dataset_response(data, fmt=fmt, basename="abdeckung")
    response["Cache-Control"] = "no-store"
    return response


def coverage_export_csv(request: HttpRequest) -> HttpResponse:
    return coverage_export(request, "csv")


def coverage_export_xlsx(request: HttpRequest) -> HttpResponse:
    return coverage_export(request, "xlsx")
