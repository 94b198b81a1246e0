"""The search form of the actor directory (GET)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from lotse.core.forms import FilterForm, facet_field

from .selectors import Facet


class DirectoryFilterForm(FilterForm):
    """Renders the query and the facets of a directory result (`selectors.actors_directory`
    reads and cleans the same parameters); a facet without values is left out."""

    q = forms.CharField(
        label=_("Suchbegriff"), required=False, max_length=200, widget=forms.SearchInput
    )

    def __init__(self, data=None, *, facets: list[Facet]):
        super().__init__(data, auto_id="network-%s")
        for facet in facets:
            if facet.values:
                self.fields[facet.key] = facet_field(facet.label, facet.values)
