from django import forms
from django.utils.translation import gettext_lazy as _

from lotse.core.forms import Form

from .selectors import MAX_QUERY_LENGTH


class SiteSearchForm(Form):
    """The search box of the results page (the header's box sends the same `q`)."""

    q = forms.CharField(
        label=_("Suchbegriff"),
        required=False,
        help_text=_(
            "Zum Beispiel „Ausbildung“, „Anerkennung Pflege“ oder „Mindestlohn Gerüstbau“."
        ),
        widget=forms.TextInput(
            attrs={"type": "search", "maxlength": MAX_QUERY_LENGTH, "enterkeyhint": "search"}
        ),
    )
