"""Template tags of the portal's pages."""

from collections.abc import Sequence
from typing import Any

from django import template
from django.template.loader import get_template
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from wagtail.models import Site

from lotse.core.versioning import versioned, versions_are_pinned

register = template.Library()


@register.simple_tag(takes_context=True)
def article_list(context: template.Context, articles: Sequence[Any]) -> SafeString:
    """`content/_article_list.html` for these articles; inside the page cache's pinned
    versions kept per language, site and articles under the content version (the list is the
    larger part of a topic page's own template work, decision 0015)."""
    request = context.get("request")

    def render() -> str:
        html = get_template("content/_article_list.html").render(
            {"articles": articles, "request": request}
        )
        return str(html)

    if request is None or not versions_are_pinned():
        return mark_safe(render())  # noqa: S308 - our own template's output
    site = Site.find_for_request(request)
    pks = ",".join(str(article.pk) for article in articles)
    key = f"content.article-list:{get_language()}:{site.pk if site else ''}:{pks}"
    return mark_safe(versioned(key, render))  # noqa: S308 - our own template's output
