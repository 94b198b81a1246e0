"""Template tags of the portal layout."""

from django import template
from django.core.cache import cache
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


FOOTER_CACHE_SECONDS = 300


def footer_cache_key(language: str) -> str:
    return f"lotse:footer-urls:{language}"


def _footer_urls(language: str) -> dict[str, str]:
    from wagtail.models import Page

    return {
        page.slug: page.url
        for page in Page.objects.live()
        .filter(
            locale__language_code=language,
            slug__in=[slug for slug, _label in FOOTER_PAGES],
        )
        .only("url_path", "slug", "locale_id")
    }


@register.simple_tag
def footer_links():
    """Footer links, cached per language (cleared when pages are published or unpublished)."""
    language = get_language() or "de"
    urls = cache.get_or_set(
        footer_cache_key(language), lambda: _footer_urls(language), FOOTER_CACHE_SECONDS
    )
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
