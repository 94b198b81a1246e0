"""Form fields that several apps' forms ask for alike: a one-line text, an e-mail address and a
phone number, each with its autocomplete token and the same error texts everywhere."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from .validators import no_control_characters

EMAIL_ERRORS = {
    "required": _("Bitte geben Sie Ihre E-Mail-Adresse an."),
    "invalid": _("Bitte geben Sie eine gültige E-Mail-Adresse an, z. B. name@beispiel.de."),
}
PHONE_PATTERN = re.compile(r"[0-9+()/ \-]{5,40}")


def one_line_field(
    label, *, max_length: int, autocomplete: str = "off", required: bool = True, **options
) -> forms.CharField:
    """A one-line text field without control characters, with its autocomplete token."""
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=required,
        validators=[no_control_characters],
        widget=forms.TextInput(attrs={"autocomplete": autocomplete}),
        **options,
    )


def email_field(*, required: bool = True, **options) -> forms.EmailField:
    """The visitor's e-mail address."""
    return forms.EmailField(
        label=_("E-Mail-Adresse"),
        max_length=254,
        required=required,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages=EMAIL_ERRORS,
        **options,
    )


class PhoneField(forms.CharField):
    """An optional phone number: digits, spaces and + ( ) / - only."""

    def __init__(self, **options) -> None:
        options.setdefault("label", _("Telefon"))
        options.setdefault("required", False)
        super().__init__(
            max_length=40,
            widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
            **options,
        )

    def clean(self, value) -> str:
        value = super().clean(value)
        if value and not PHONE_PATTERN.fullmatch(value):
            raise forms.ValidationError(
                _("Bitte geben Sie nur Ziffern, Leerzeichen und + ( ) / - an.")
            )
        return value
