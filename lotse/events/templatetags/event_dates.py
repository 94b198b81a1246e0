"""Dates of the event pages and mails in the active language: German "27. Dezember 2026",
English "27 December 2026" (Django's own English DATE_FORMAT would say "Dec. 27, 2026")."""

from django import template
from django.utils import formats
from django.utils.timezone import template_localtime
from django.utils.translation import get_language

register = template.Library()

FORMATS = {
    "de": {
        "date": "j. F Y",
        "datetime": "j. F Y, H:i",
        "long": "l, j. F Y, H:i",
        "day_month": "j. F",
    },
    "en": {
        "date": "j F Y",
        "datetime": "j F Y, H:i",
        "long": "l, j F Y, H:i",
        "day_month": "j F",
    },
}


@register.filter
def when(value, style: str = "datetime") -> str:
    """`{{ event.starts_at|when:"long" }}`: styles date, datetime, long, day_month."""
    if not value:
        return ""
    language = (get_language() or "de")[:2]
    pattern = FORMATS.get(language, FORMATS["de"])[style]
    return formats.date_format(template_localtime(value), pattern)
