"""Template tags of the portal layout."""

from django import template
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from lotse.core.navigation import language_links as build_language_links

register = template.Library()

# Pages every public page links to in its footer (BITV 2.0 § 4: statement, feedback,
# Leichte Sprache, Deutsche Gebärdensprache). Slugs are the same in every language tree.
FOOTER_PAGES = (
    ("impressum", _("Impressum")),
    ("datenschutz", _("Datenschutz")),
    ("barrierefreiheit", _("Barrierefreiheit")),
    ("leichte-sprache", _("Leichte Sprache")),
    ("gebaerdensprache", _("Gebärdensprache")),
)


@register.simple_tag(takes_context=True)
def language_links(context):
    request = context.get("request")
    if request is None:
        return []
    return build_language_links(request, page=context.get("page"))


@register.simple_tag
def footer_links():
    """Footer links resolved in one query; a page that does not exist yet is left out."""
    from wagtail.models import Locale, Page

    try:
        locale = Locale.objects.get(language_code=get_language() or "de")
    except Locale.DoesNotExist:
        return []
    urls = {
        page.slug: page.url
        for page in Page.objects.live()
        .filter(locale=locale, slug__in=[slug for slug, _label in FOOTER_PAGES])
        .only("url_path", "slug", "locale_id")
    }
    links = [
        {"slug": slug, "label": label, "url": urls[slug]}
        for slug, label in FOOTER_PAGES
        if slug in urls
    ]
    if "barrierefreiheit" in urls:
        links.insert(
            3,
            {
                "slug": "feedback",
                "label": _("Barriere melden"),
                "url": urls["barrierefreiheit"] + "#feedback",
            },
        )
    return links
