"""Template filters of the structure report's press sentences."""

from django import template
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def enumeration(items: list[str]) -> str:
    """ "Görlitz, Riesa und Zwickau": a list as a sentence names it."""
    items = [str(item) for item in items]
    if len(items) <= 1:
        return "".join(items)
    return _("%(head)s und %(last)s") % {"head": ", ".join(items[:-1]), "last": items[-1]}
