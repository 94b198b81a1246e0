"""Validation of the catalogue's GET parameters: bad input is cleaned or ignored, never an error.

The same `OfferSearchForm` parses the public page, the CSV/XLSX export and (via `parse_search`)
the API. Unknown facet values are dropped and reported in `ignored` (the API answers 422 for them,
the page simply ignores them).
"""

from __future__ import annotations

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from lotse.core.forms import FilterForm, Form

from .selectors import FACETS, SORTS, OfferFilters, facet_choices

MAX_QUERY_LENGTH = 200
MAX_VALUES_PER_FACET = 30
_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f]")


class QueryField(forms.CharField):
    """Free text: control characters removed, whitespace collapsed, cut to MAX_QUERY_LENGTH."""

    def to_python(self, value):
        value = value if isinstance(value, str) else ""
        value = _CONTROL_RE.sub(" ", value)
        return " ".join(value.split())[:MAX_QUERY_LENGTH]


class LenientMultipleChoiceField(forms.MultipleChoiceField):
    """Keeps the known values (in the given order, each once) and remembers the rest."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("widget", forms.CheckboxSelectMultiple)
        super().__init__(**kwargs)

    def clean(self, value):
        value = value if isinstance(value, list | tuple) else ([value] if value else [])
        valid = {str(key) for key, _label in self.choices}
        kept: dict[str, None] = {}
        self.unknown = []
        for item in value[: MAX_VALUES_PER_FACET * 2]:
            item = str(item)
            if item in valid:
                kept.setdefault(item, None)
            else:
                self.unknown.append(item)
        return list(kept)[:MAX_VALUES_PER_FACET]


class OfferSearchForm(Form):
    q = QueryField(label=_("Suchbegriff"), required=False)
    topic_field = LenientMultipleChoiceField(label=_("Themenfeld"))
    target_group = LenientMultipleChoiceField(label=_("Zielgruppe"))
    kind = LenientMultipleChoiceField(label=_("Art"))
    district = LenientMultipleChoiceField(label=_("Region"))
    language = LenientMultipleChoiceField(label=_("Sprache"))
    cost = LenientMultipleChoiceField(label=_("Kosten"))
    sort = forms.CharField(label=_("Sortierung"), required=False)

    def __init__(self, data=None, *, choices: dict[str, list[tuple[str, str]]] | None = None):
        super().__init__(data)
        choices = choices if choices is not None else facet_choices()
        for name in FACETS:
            self.fields[name].choices = choices[name]

    def clean_sort(self) -> str:
        value = self.cleaned_data.get("sort") or ""
        return value if value in SORTS else ""

    @property
    def ignored(self) -> dict[str, list[str]]:
        """Unknown facet values per facet (after `is_valid()`)."""
        return {
            name: self.fields[name].unknown
            for name in FACETS
            if getattr(self.fields[name], "unknown", None)
        }

    def search_arguments(self) -> tuple[str, OfferFilters, str]:
        """(query, filters, sort) from a bound form; anything invalid counts as not given."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        filters = OfferFilters(**{name: tuple(data.get(name) or ()) for name in FACETS})
        return data.get("q") or "", filters, data.get("sort") or ""


SORT_CHOICES = [
    ("relevance", _("Relevanz")),
    ("newest", _("Neueste zuerst")),
    ("title", _("Titel A–Z")),
]


class CatalogueQueryForm(FilterForm):
    """The search term and the order as the catalogue shows them: bound to what the search
    used (`OfferSearchForm` reads the request). The facets, whose counts htmx updates in
    place, are rendered by views.facet_options_html."""

    q = forms.CharField(
        label=_("Suchbegriff"),
        required=False,
        max_length=MAX_QUERY_LENGTH,
        widget=forms.SearchInput(attrs={"autocomplete": "off"}),
    )
    sort = forms.ChoiceField(label=_("Sortieren nach"), required=False, choices=SORT_CHOICES)
