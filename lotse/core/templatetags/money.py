"""`{{ amount|euro }}`: money written by Django's localisation (see lotse.core.money)."""

from decimal import Decimal

from django import template

from lotse.core.money import euro_text

register = template.Library()


@register.filter
def euro(value: Decimal | int | float | str | None, places: str = "2") -> str:
    """`{{ amount|euro }}`; `{{ amount|euro:"-2" }}` leaves out ",00" for whole amounts."""
    return euro_text(value, cents=not str(places).startswith("-"))
