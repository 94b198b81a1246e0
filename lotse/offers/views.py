"""Public catalogue of offers: search page, htmx partial, detail page, CSV/XLSX export.

Thin views: the GET parameters are parsed by `OfferSearchForm` (bad input is ignored, never an
error), the reads live in `selectors.py`.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.formats import localize
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from wagtail.models import Page

from lotse.core.caching import anonymous_response_cache
from lotse.core.exports import dataset_response, new_dataset, spreadsheet_safe
from lotse.core.versioning import versioned

from .forms_search import CatalogueQueryForm, OfferSearchForm
from .selectors import (
    FACETS,
    FacetOption,
    OfferFilters,
    catalogue_reference,
    offer_public_detail,
    offers_export_rows,
    offers_related,
    offers_search,
)

# Paths below /angebote/ that are not offers (the coverage map, exports).
RESERVED_SLUGS = frozenset({"abdeckung", "export"})


def _facet_legend(facet: str) -> str:
    labels = {
        "topic_field": _("Themenfeld"),
        "target_group": _("Zielgruppe"),
        "kind": _("Art des Angebots"),
        "district": _("Region"),
        "language": _("Sprache"),
        "cost": _("Kosten"),
    }
    return labels[facet]


def facet_options_html(name: str, options: list[FacetOption], *, capped: bool) -> SafeString:
    """The checkboxes of one facet with their counts (what the facet's box and the htmx update
    of its options show). Built here rather than by a template: about sixty options on every
    search made the template the largest part of a search's CPU time."""
    if not options:
        return format_html(
            '\n        <p class="kern-body kern-body--small">{}</p>',
            _("Keine Werte bei der aktuellen Auswahl."),
        )
    at_least = format_html("{} ", _("mindestens")) if capped else ""
    hits = _("Treffer")
    return format_html_join(
        "",
        '\n        <div class="kern-form-check">\n'
        '          <input class="kern-form-check__checkbox" type="checkbox" name="{0}" '
        'value="{1}" id="f-{0}-{1}"{2}>\n'
        '          <label class="kern-label" for="f-{0}-{1}">{3} '
        '<span class="kern-sr-only">,</span>({4}<span id="fc-{0}-{1}">{5}</span>'
        '<span class="kern-sr-only"> {6}</span>)</label>\n'
        "        </div>",
        (
            (
                name,
                option.value,
                mark_safe(" checked") if option.selected else "",
                option.label,
                at_least,
                localize(option.count),
                hits,
            )
            for option in options
        ),
    )


def search_url(path: str, *, query: str, filters: OfferFilters, sort: str = "") -> str:
    """The shareable address of a search state (parameters in a stable order)."""
    params: list[tuple[str, str]] = []
    if query:
        params.append(("q", query))
    for facet, value in filters.active():
        params.append((facet, value))
    if sort and sort != "relevance":
        params.append(("sort", sort))
    return f"{path}?{urlencode(params)}" if params else path


def _read_intro_page() -> dict[str, str]:
    page = (
        Page.objects.live()
        .public()
        .filter(slug="angebote", locale__language_code=get_language() or "de")
        .select_related("content_type")
        .first()
    )
    if page is None:
        return {}  # kept too (None would be read again): the template shows "Angebote"
    specific = page.specific
    return {"title": specific.title, "intro": getattr(specific, "intro", "") or ""}


def _intro_page() -> dict[str, str]:
    """Title and intro of the Wagtail page "angebote" of the active language ({} if none): kept
    under the content version (every page write moves it), so a search does not read it again."""
    language = get_language() or "de"
    return versioned(f"offers:intro-page:v1:{language}", _read_intro_page)


@require_safe
@anonymous_response_cache
def catalogue(request: HttpRequest) -> HttpResponse:
    reference = catalogue_reference()
    form = OfferSearchForm(request.GET, choices=reference.choices())
    query, filters, sort = form.search_arguments()
    result = offers_search(
        query=query,
        filters=filters,
        sort=sort,
        page=request.GET.get("page") or 1,
        reference=reference,
    )
    path = reverse("offers:catalogue")
    labels = {facet: dict(choices) for facet, choices in reference.choices().items()}
    remove_links = [
        {
            "label": f"{_facet_legend(facet)}: {labels[facet].get(value, value)}",
            "url": search_url(path, query=query, filters=filters.without(facet, value), sort=sort),
        }
        for facet, value in filters.active()
    ]
    facets = [
        {
            "name": facet,
            "legend": _facet_legend(facet),
            "options": result.facets[facet],
            "options_html": facet_options_html(
                facet, result.facets[facet], capped=result.facets_capped
            ),
            "selected_count": len(getattr(filters, facet)),
        }
        for facet in FACETS
    ]
    suggestion_filters = OfferFilters() if result.suggestion_without_filters else filters
    context = {
        "form": form,
        "result": result,
        "offers": result.page.object_list,
        "page_obj": result.page,
        "query": query,
        "sort": result.sort,
        "filters": filters,
        "facets": facets,
        "remove_links": remove_links,
        "reset_url": search_url(path, query=query, filters=OfferFilters()),
        "without_query_url": search_url(path, query="", filters=filters, sort=sort),
        "suggestion_url": search_url(path, query=result.suggestion, filters=suggestion_filters)
        if result.suggestion
        else "",
        "export_params": search_url("", query=query, filters=filters, sort=sort),
        "catalogue_url": path,
        "query_form": CatalogueQueryForm({"q": query, "sort": result.sort}),
    }
    if request.headers.get("HX-Request") == "true" and not request.headers.get(
        "HX-History-Restore-Request"
    ):
        response = render(request, "offers/_results.html", {**context, "is_partial": True})
    else:
        context["intro_page"] = _intro_page()
        response = render(request, "offers/catalogue.html", context)
    patch_vary_headers(response, ["HX-Request"])
    return response


@require_safe
def offer_detail(request: HttpRequest, slug: str) -> HttpResponse:
    if slug in RESERVED_SLUGS:
        raise Http404
    offer = offer_public_detail(slug=slug)
    if offer is None:
        raise Http404
    context = {
        "offer": offer,
        "related": offers_related(offer=offer),
        "catalogue_url": reverse("offers:catalogue"),
    }
    return render(request, "offers/offer_detail.html", context)


EXPORT_HEADERS = [
    ("slug", "Kennung"),
    ("title", "Titel"),
    ("summary", "Kurzbeschreibung"),
    ("kind", "Art"),
    ("actor__name", "Anbieter"),
    ("topic_fields", "Themenfelder"),
    ("target_groups", "Zielgruppen"),
    ("statewide", "landesweit"),
    ("online", "online"),
    ("districts", "Landkreise/Städte"),
    ("languages", "Sprachen"),
    ("cost", "Kosten"),
    ("cost_note", "Hinweis zu Kosten"),
    ("valid_from", "gültig ab"),
    ("valid_until", "gültig bis"),
    ("link", "Link"),
    ("url", "Adresse im Portal"),
]


def _cell(value):
    if isinstance(value, list):
        return "; ".join(value)
    if isinstance(value, bool):
        return _("ja") if value else _("nein")
    if value is None:
        return ""
    # No formula injection when the file is opened in a spreadsheet program.
    return spreadsheet_safe(value)


@require_safe
def export(request: HttpRequest, fmt: str) -> HttpResponse:
    """The catalogue with the same filters as CSV (UTF-8 with BOM, ";") or XLSX; public fields."""
    form = OfferSearchForm(request.GET)
    query, filters, sort = form.search_arguments()
    rows = offers_export_rows(query=query, filters=filters, sort=sort or "title")
    base = request.build_absolute_uri(reverse("offers:catalogue"))
    data = new_dataset(headers=[label for _key, label in EXPORT_HEADERS], title="Angebote")
    for row in rows:
        row["url"] = f"{base}{row['slug']}/"
        data.append([_cell(row[key]) for key, _label in EXPORT_HEADERS])
    return dataset_response(data, fmt=fmt, basename="angebote")
