"""Public pages of the network: directory, actor page, network structure (thin views)."""

from urllib.parse import urlencode

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from wagtail.models import Page

from lotse.core.caching import anonymous_response_cache

from . import selectors
from .forms import DirectoryFilterForm
from .models import Actor


def _intro_page():
    """The Wagtail page "netzwerk" of the active language (its intro is shown above the list)."""
    page = (
        Page.objects.live()
        .public()
        .filter(slug="netzwerk", locale__language_code=get_language() or "de")
        .specific()
        .first()
    )
    return page


@anonymous_response_cache
def directory(request: HttpRequest) -> HttpResponse:
    options = selectors.facet_options()
    filters = selectors.filters_from_params(request.GET, options)
    query = selectors.clean_query(request.GET.get("q", ""))
    result = selectors.actors_directory(
        query=query, filters=filters, page_number=request.GET.get("seite", 1), options=options
    )
    params: list[tuple[str, str]] = [("q", query)] if query else []
    for key, values in filters.by_key().items():
        params.extend((key, value) for value in values)
    return render(
        request,
        "network/directory.html",
        {
            "intro_page": _intro_page(),
            "result": result,
            "query": query,
            "form": DirectoryFilterForm(request.GET, facets=result.facets),
            "page_obj": result.page,
            "filters_active": bool(query) or filters.active,
            "base_query": urlencode(params),
        },
    )


def actor_page(request: HttpRequest, slug: str) -> HttpResponse:
    try:
        actor = selectors.actor_detail(slug=slug)
    except Actor.DoesNotExist as exc:
        raise Http404 from exc
    return render(request, "network/actor_detail.html", {"actor": actor})


def structure(request: HttpRequest) -> HttpResponse:
    return render(request, "network/structure.html", {"structure": selectors.network_structure()})
