"""Indicator values for people to read ("9,8 %", "12.480", localised by Django) and the
cells of the inquiry figures."""

from decimal import Decimal

from django import template
from django.template.defaultfilters import floatformat
from django.utils.html import format_html
from django.utils.translation import gettext as _

from lotse.desk.selectors import ReportCell
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


@register.filter
def inquiry_cells(cell: ReportCell, min_cell: int) -> str:
    """The count and service-level share of one inquiry cell as two table cells: a suppressed
    count reads "weniger als 5", a share resting on too few cases "–" (read out "keine Angabe").
    A filter rather than an included template: a profile has a few dozen such cells."""
    numeric = '<td class="kern-table__cell kern-table__cell--numeric">{}</td>'
    if cell.count is None:
        count = _("weniger als %(number)s") % {"number": min_cell}
    else:
        count = str(cell.count)
    if cell.first_response_met_share is None:
        share = format_html(
            '<span aria-hidden="true">–</span><span class="kern-sr-only">{}</span>',
            _("keine Angabe"),
        )
    else:
        share = _("%(number)s %%") % {"number": floatformat(cell.first_response_met_share, "1")}
    return format_html(numeric + numeric, count, share)
