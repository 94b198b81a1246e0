"""Public pages of the figures app: the district profiles (/regionen/), the indicator CSV, the
desk statistics CSV and the open-data catalogue."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from django.core.cache import caches
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from lotse.core.caching import anonymous_response_cache
from lotse.core.exports import dataset_response, new_dataset
from lotse.desk.selectors import MIN_CELL, desk_report

from . import rdf, selectors
from .catalogue import catalogue_graph
from .charts import bar_chart, line_chart
from .models import IndicatorKey

if TYPE_CHECKING:
    import tablib


@anonymous_response_cache
def district_index(request: HttpRequest) -> HttpResponse:
    all_districts, comparisons, state_series = selectors.districts_comparison()
    return render(
        request,
        "figures/district_index.html",
        {
            "districts": all_districts,
            "comparisons": [
                (
                    comparison,
                    bar_chart([(district.label, value) for district, value in comparison.rows]),
                )
                for comparison in comparisons
            ],
            "state_series": [series for series in state_series if series.points],
        },
    )


@anonymous_response_cache
def district_detail(request: HttpRequest, slug: str) -> HttpResponse:
    district = selectors.district_by_slug(slug=slug)
    if district is None:
        raise Http404(_("Diesen Landkreis bzw. diese kreisfreie Stadt gibt es nicht."))
    profile = selectors.district_profile(district=district)
    return render(
        request,
        "figures/district_detail.html",
        {
            "profile": profile,
            "district": district,
            "labour_market": _labour_market_html(request, profile),
            "inquiry_rows": [
                (_("Gesamt"), profile.inquiries.recent),
                *((_("Themenfeld"), cell) for cell in profile.inquiries.recent_by_topic_field),
                *((_("Wer fragt"), cell) for cell in profile.inquiries.recent_by_requester_type),
                *((_("Kalenderjahr"), cell) for cell in profile.inquiries.by_year),
            ],
            "min_cell": MIN_CELL,
        },
    )


# Series drawn as a line chart on a profile (with two months or more).
CHART_KEYS = (IndicatorKey.UNEMPLOYED, IndicatorKey.UNEMPLOYMENT_RATE)
FRAGMENT_TIMEOUT = 6 * 60 * 60


def _labour_market_html(request: HttpRequest, profile: selectors.DistrictProfile) -> str:
    """The labour-market section (tables and SVG charts), rendered once per district, language
    and set of figures: cached in the worker's memory under the figures' fingerprint, so a new
    or corrected figure shows at once and the entry is never stale."""
    cache = caches["local"]
    key = f"figures:labour:{get_language()}:{profile.district.pk}:{profile.figures_digest}"
    html = cache.get(key)
    if html is None:
        charts = [
            (series, line_chart([(point.period, point.value) for point in series.points]))
            for series in profile.series_with_figures
            if len(series.points) > 1 and series.key in CHART_KEYS
        ]
        html = render_to_string(
            "figures/_labour_market.html",
            {"profile": profile, "district": profile.district, "charts": charts},
            request=request,
        )
        cache.set(key, html, FRAGMENT_TIMEOUT)
    return mark_safe(html)  # noqa: S308 - our own rendered template


def indicator_dataset() -> tablib.Dataset:
    data = new_dataset(
        headers=[
            "key",
            "ags",
            "region",
            "period",
            "value",
            "unit",
            "source",
            "source_url",
            "licence",
            "retrieved",
        ],
        title=_("Arbeitsmarktzahlen"),
    )
    for item in selectors.indicators_public():
        data.append(
            [
                item.key,
                item.region.code,
                item.region.name,
                item.period.strftime("%Y-%m"),
                str(item.value.normalize()),
                item.unit,
                item.source,
                item.source_url,
                item.licence,
                item.retrieved_on.isoformat(),
            ]
        )
    return data


@anonymous_response_cache
def indicators_export(request: HttpRequest, fmt: str) -> HttpResponse:
    return dataset_response(indicator_dataset(), fmt=fmt, basename="arbeitsmarktzahlen")


MONTH_RE = re.compile(r"(20[0-9][0-9]|2100)-(0[1-9]|1[0-2])")


def desk_statistics_dataset(*, month: str = "") -> tablib.Dataset:
    """The desk statistics of the open-data API `/api/v1/desk/statistics` as a table: the same
    report, the same suppressed cells (count empty and `suppressed` true below MIN_CELL)."""
    report = desk_report(month=month)
    data = new_dataset(
        headers=[
            "month",
            "dimension",
            "key",
            "label",
            "count",
            "suppressed",
            "first_response_met_share",
            "partner_acceptance_met_share",
            "turnaround_median",
        ],
        title=_("Statistik des Lotsendienstes"),
    )
    for dimension, cells in [("total", [report.total])] + [
        (name, cells) for name, _caption, cells in report.tables
    ]:
        for cell in cells:
            data.append(
                [
                    month,
                    dimension,
                    cell.key,
                    cell.label,
                    cell.count,
                    "true" if cell.count is None else "false",
                    cell.first_response_met_share,
                    cell.partner_acceptance_met_share,
                    cell.turnaround_median,
                ]
            )
    return data


@anonymous_response_cache
def desk_statistics_export(request: HttpRequest) -> HttpResponse:
    """`/regionen/lotsendienst-statistik.csv[?monat=JJJJ-MM]`: no personal data, small cells
    suppressed (the desk report's rule); a malformed month is a 400 with a German message."""
    month = request.GET.get("monat", "")
    if month and not MONTH_RE.fullmatch(month):
        return HttpResponseBadRequest(
            _("Bitte einen Monat im Format JJJJ-MM angeben."),
            content_type="text/plain; charset=utf-8",
        )
    return dataset_response(
        desk_statistics_dataset(month=month),
        fmt="csv",
        basename=f"lotsendienst-statistik-{month or 'gesamt'}",
    )


CATALOGUE_FORMATS = {
    "ttl": ("text/turtle; charset=utf-8", rdf.to_turtle),
    "rdf": ("application/rdf+xml; charset=utf-8", rdf.to_rdfxml),
    "jsonld": ("application/ld+json; charset=utf-8", rdf.to_jsonld),
}


@anonymous_response_cache
def catalogue(request: HttpRequest, fmt: str) -> HttpResponse:
    """The DCAT-AP.de catalogue of every public dataset as Turtle, RDF/XML or JSON-LD."""
    content_type, serialise = CATALOGUE_FORMATS[fmt]
    response = HttpResponse(serialise(catalogue_graph()), content_type=content_type)
    response["Access-Control-Allow-Origin"] = "*"
    return response
