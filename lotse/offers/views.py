"""Public catalogue of offers: search page, htmx partial, detail page, CSV/XLSX export.

Thin views: the GET parameters are parsed by `OfferSearchForm` (bad input is ignored, never an
error), the reads live in `selectors.py`.
"""

from __future__ import annotations

import re
from urllib.parse import urlencode

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.formats import localize
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from wagtail.models import Page

from lotse.core.caching import anonymous_response_cache
from lotse.core.exports import dataset_response, new_dataset, spreadsheet_safe
from lotse.core.versioning import versioned

from .forms_search import CatalogueQueryForm, OfferSearchForm
from .models import Offer
from .selectors import (
    FACETS,
    FacetOption,
    OfferCard,
    OfferFilters,
    catalogue_reference,
    offer_public_detail,
    offers_export_rows,
    offers_related,
    offers_search,
)

# Paths below /angebote/ that are not offers (the coverage map, exports).
RESERVED_SLUGS = frozenset({"abdeckung", "export"})


def _facet_legends() -> dict[str, str]:
    """Each facet's legend in the active language (translated once per request)."""
    return {
        "topic_field": _("Themenfeld"),
        "target_group": _("Zielgruppe"),
        "kind": _("Art des Angebots"),
        "district": _("Region"),
        "language": _("Sprache"),
        "cost": _("Kosten"),
    }


_OPTION = (
    '\n        <div class="kern-form-check">\n'
    '          <input class="kern-form-check__checkbox" type="checkbox" name="{0}" '
    'value="{1}" id="f-{0}-{1}"{2}>\n'
    '          <label class="kern-label" for="f-{0}-{1}">{3} '
    '<span class="kern-sr-only">,</span>({4}<span id="fc-{0}-{1}">{5}</span>'
    '<span class="kern-sr-only"> {6}</span>)</label>\n'
    "        </div>"
)


def _count_text(count: int) -> str:
    """`localize(count)`: below 1000 an integer has no separator to localise."""
    return str(count) if 0 <= count < 1000 else escape(localize(count))


def facet_options_html(name: str, options: list[FacetOption], *, capped: bool) -> SafeString:
    """The checkboxes of one facet with their counts (what the facet's box and the htmx update
    of its options show). Built here rather than by a template: about sixty options on every
    search made the template the largest part of a search's CPU time; one string format per
    option, every value escaped, instead of `format_html` (decision 0034)."""
    if not options:
        return format_html(
            '\n        <p class="kern-body kern-body--small">{}</p>',
            _("Keine Werte bei der aktuellen Auswahl."),
        )
    at_least = escape(_("mindestens")) + " " if capped else ""
    hits = escape(_("Treffer"))
    name = escape(name)
    html = "".join(
        _OPTION.format(
            name,
            escape(option.value),
            " checked" if option.selected else "",
            escape(option.label),
            at_least,
            _count_text(option.count),
            hits,
        )
        for option in options
    )
    return mark_safe(html)  # noqa: S308 (every value escaped above)


# What `<slug:slug>` in the detail address accepts: such a slug is its own quoted form.
_PLAIN_SLUG = re.compile(r"[-a-zA-Z0-9_]+")

_CARD = (
    '\n    <li class="kern-card">\n'
    '      <div class="kern-card__container">\n'
    '        <div class="kern-card__header">\n'
    '          <p class="kern-preline">{kind} · {actor}</p>\n'
    '          <h3 class="kern-title"><a class="kern-link" href="{url}">{title}</a></h3>\n'
    "        </div>\n"
    '        <div class="kern-card__body">\n'
    '          <p class="kern-body">{summary}</p>\n'
    '          <p class="lotse-offer-meta">\n'
    "            {topics}\n"
    "            {cost}\n"
    "            {statewide}\n"
    "            {online}\n"
    "          </p>\n"
    "        </div>\n"
    "      </div>\n"
    "    </li>\n"
    "    "
)
_TOPIC = (
    '<span class="kern-badge kern-badge--info">'
    '<span class="kern-label kern-label--small">{}</span></span>'
)
_BADGE = '<span class="kern-badge"><span class="kern-label kern-label--small">{}</span></span>'


def offer_cards_html(cards: list[OfferCard]) -> SafeString:
    """The result list's cards (the items of its <ul>), from plain values: the labels of kinds,
    costs and flags are translated once per page, not once per card, and each card is one
    string format instead of a template loop with a dozen tags (decision 0034)."""
    english = (get_language() or "de").startswith("en")
    kinds = {value: escape(label) for value, label in Offer.Kind.choices}
    costs = {value: _BADGE.format(escape(label)) for value, label in Offer.Cost.choices}
    statewide = _BADGE.format(escape(_("landesweit")))
    online = _BADGE.format(escape(_("online")))
    prefix = reverse("offers:detail", args=["x"])[:-2]
    parts = []
    for card in cards:
        if _PLAIN_SLUG.fullmatch(card.slug):
            url = f"{prefix}{card.slug}/"
        else:
            url = escape(reverse("offers:detail", args=[card.slug]))
        topics = "".join(
            _TOPIC.format(escape(name_en if english and name_en else name))
            for name, name_en in card.topics
        )
        parts.append(
            _CARD.format(
                kind=kinds[card.kind] if card.kind in kinds else escape(card.kind),
                actor=escape(card.actor_display_name),
                url=url,
                title=escape(card.title),
                summary=escape(card.summary),
                topics=topics,
                cost=costs[card.cost] if card.cost in costs else _BADGE.format(escape(card.cost)),
                statewide=statewide if card.statewide else "",
                online=online if card.online else "",
            )
        )
    return mark_safe("".join(parts))  # noqa: S308 (every value escaped above)


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
        cards=True,
    )
    path = reverse("offers:catalogue")
    labels = {facet: dict(choices) for facet, choices in reference.choices().items()}
    legends = _facet_legends()
    remove_links = [
        {
            "label": f"{legends[facet]}: {labels[facet].get(value, value)}",
            "url": search_url(path, query=query, filters=filters.without(facet, value), sort=sort),
        }
        for facet, value in filters.active()
    ]
    facets = [
        {
            "name": facet,
            "legend": legends[facet],
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
        "offer_cards_html": offer_cards_html(result.page.object_list),
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
