"""Amounts of money as the active language writes them: "1.234,50 €" in German, "€1,234.50" in
English. Digits and separators come from Django's localisation, the place of the sign from the
catalogue. Templates use the `|euro` filter (templatetags/money.py)."""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.utils.formats import number_format
from django.utils.translation import pgettext


def euro_text(value: Decimal | int | float | str | None, *, cents: bool = True) -> str:
    """The amount with its sign; `cents=False` leaves out ",00" of whole amounts. "" for no
    value or one that is not a number."""
    if value is None or value == "":
        return ""
    try:
        amount = Decimal(str(value))
    except InvalidOperation:
        return ""
    if not amount.is_finite():
        return ""
    places = 2 if cents or amount != amount.to_integral_value() else 0
    amount = amount.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    text = number_format(amount, places, use_l10n=True, force_grouping=True)
    return pgettext("money", "%(amount)s €") % {"amount": text}
