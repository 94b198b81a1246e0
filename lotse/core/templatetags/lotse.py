"""Template tags of the portal layout."""

from django import template
from django.core.cache import cache
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from lotse.core.navigation import language_links as build_language_links
from lotse.core.shell import SHELL_FLAG, language_marker

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
    links = build_language_links(request, page=context.get("page"))
    if context.get(SHELL_FLAG):
        # The layout kept for every address (lotse.core.shell): each request puts its own.
        for link in links:
            link["url"] = language_marker(link["code"])
    return links


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


@register.simple_tag(takes_context=True)
def footer_links(context):
    """Footer links, cached per language (cleared when pages are published or unpublished).

    The layout kept under the content version (lotse.core.shell) reads them from the page tree
    itself: the shared copy may still be that of the version before."""
    language = get_language() or "de"
    if context.get(SHELL_FLAG):
        urls = _footer_urls(language)
    else:
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


@register.inclusion_tag("_column_heads.html")
def column_heads(*labels, numeric: str = ""):
    """The head of a KERN table: one `<th scope="col">` a label, in the order given; `numeric`
    names the positions (from 1) of the right-aligned number columns:
    `{% column_heads _("Themenfeld") _("im Kreis") _("online") numeric="2 3" %}`."""
    right = {int(position) for position in numeric.split()}
    return {"columns": [(label, n in right) for n, label in enumerate(labels, start=1)]}
