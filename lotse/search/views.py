"""The portal's search page `/suche/?q=…` (thin: clean the input, call the selector, render)."""

from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from wagtail.models import Locale

from lotse.core.caching import anonymous_response_cache

from . import selectors
from .forms import SiteSearchForm


def _labels() -> dict[str, str]:
    return {
        "seiten": _("Seiten und Artikel"),
        "angebote": _("Angebote"),
        "akteure": _("Akteure im Netzwerk"),
        "veranstaltungen": _("Veranstaltungen"),
        "tarifvertraege": _("Tarifverträge"),
    }


def _module_url(key: str, query: str) -> str:
    """The module's own search for the same words (where the module has one)."""
    names = {
        "angebote": "offers:catalogue",
        "akteure": "network:directory",
        "tarifvertraege": "tariffs:search",
    }
    if key not in names:
        return ""
    return f"{reverse(names[key])}?{urlencode({'q': query})}"


def _own_url(query: str, group: str = "", page: int = 1) -> str:
    params: list[tuple[str, str | int]] = [("q", query)]
    if group:
        params.append(("bereich", group))
    if page > 1:
        params.append(("seite", page))
    return f"{reverse('search:results')}?{urlencode(params)}"


def _page_number(value: str | None) -> int:
    try:
        return min(max(int(value or 1), 1), selectors.MAX_PAGE)
    except (TypeError, ValueError):
        return 1


@require_safe
@anonymous_response_cache
def results(request: HttpRequest) -> HttpResponse:
    raw = request.GET.get("q", "")
    query, problems = selectors.clean_query(raw)
    group = request.GET.get("bereich", "")
    group = group if group in selectors.GROUPS else ""
    page = _page_number(request.GET.get("seite"))
    form = SiteSearchForm({"q": query})
    form.is_valid()
    if "too_long" in problems:
        form.add_error(
            "q",
            _("Ihr Suchbegriff war länger als %(max)d Zeichen. Gesucht wird nur nach dem Anfang.")
            % {"max": selectors.MAX_QUERY_LENGTH},
        )
    if "control_characters" in problems:
        form.add_error(
            "q",
            _("Zeilenumbrüche und andere Steuerzeichen wurden aus Ihrem Suchbegriff entfernt."),
        )
    if query and not selectors.has_words(query):
        form.add_error(
            "q",
            _(
                "Bitte geben Sie ein aussagekräftiges Suchwort ein. Sehr häufige Wörter wie "
                "„und“, „der“ oder „für“ und einzelne Zeichen werden nicht gesucht."
            ),
        )
    result = selectors.site_search(query=query, locale=Locale.get_active(), group=group, page=page)
    labels = _labels()
    groups = [
        {
            "group": item,
            "label": labels[item.key],
            "module_url": _module_url(item.key, query),
            "all_url": _own_url(query, item.key),
            "previous_url": _own_url(query, item.key, item.page - 1) if item.page > 1 else "",
            "next_url": (
                _own_url(query, item.key, item.page + 1) if item.page < item.pages else ""
            ),
        }
        for item in result.groups
    ]
    context = {
        "form": form,
        "query": query,
        "searched": selectors.has_words(query),
        "result": result,
        "groups": groups,
        "group": group,
        "group_label": labels.get(group, ""),
        "overview_url": _own_url(query),
    }
    return render(request, "search/results.html", context)
