"""Public pages of the figures app: the district profiles (/regionen/) and the indicator CSV."""

from __future__ import annotations

import tablib
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from lotse.core.caching import anonymous_response_cache
from lotse.core.exports import dataset_response

from . import rdf, selectors
from .catalogue import catalogue_graph
from .charts import bar_chart, line_chart
from .models import IndicatorKey


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
    charts = [
        (series, line_chart([(point.period, point.value) for point in series.points]))
        for series in profile.series_with_figures
        if len(series.points) > 1
        and series.key in (IndicatorKey.UNEMPLOYED, IndicatorKey.UNEMPLOYMENT_RATE)
    ]
    return render(
        request,
        "figures/district_detail.html",
        {"profile": profile, "district": district, "charts": charts},
    )


def indicator_dataset() -> tablib.Dataset:
    data = tablib.Dataset(
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
