"""Amounts of money as the active language writes them: "1.234,50 €" in German, "€1,234.50" in
English. Digits and separators come from Django's localisation, the place of the sign from the
catalogue."""

from decimal import Decimal

from django import template
from django.template.defaultfilters import floatformat
from django.utils.translation import pgettext

register = template.Library()


@register.filter
def euro(value: Decimal | int | float | str | None, places: str = "2") -> str:
    """`{{ amount|euro }}`; `{{ amount|euro:"-2" }}` leaves out ",00" for whole amounts."""
    if value is None or value == "":
        return ""
    amount = floatformat(value, f"{places}g")
    if amount == "":
        return ""
    return pgettext("money", "%(amount)s €") % {"amount": amount}
