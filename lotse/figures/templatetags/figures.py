"""Indicator values for people to read: "9,8 %", "12.480", localised by Django."""

from decimal import Decimal

from django import template
from django.template.defaultfilters import floatformat
from django.utils.translation import gettext as _

from lotse.figures.models import IndicatorUnit

register = template.Library()


@register.filter
def indicator_value(value: Decimal | None, unit: str) -> str:
    if value is None:
        return _("keine Angabe")
    if unit == IndicatorUnit.PERCENT:
        return _("%(number)s %%") % {"number": floatformat(value, "1")}
    if unit == IndicatorUnit.RATIO:
        return floatformat(value, "1")
    return floatformat(value, "0g")
