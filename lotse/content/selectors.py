"""Read queries for the portal's pages."""

from django.db.models import QuerySet
from wagtail.models import Locale, Page

from lotse.core.models import TopicField

from .models import ArticlePage, TopicFieldPage


def topic_pages_for(*, locale: Locale) -> QuerySet:
    """Live topic-field pages of a language, in the topic fields' order."""
    return (
        TopicFieldPage.objects.live()
        .public()
        .filter(locale=locale)
        .select_related("topic_field")
        .order_by("topic_field__order")
    )


def articles_latest(
    *, locale: Locale, topic_field: TopicField | None = None, limit: int = 10
) -> QuerySet:
    queryset = ArticlePage.objects.live().public().filter(locale=locale)
    if topic_field is not None:
        queryset = queryset.filter(topic_fields=topic_field)
    return queryset.order_by("-date", "-pk")[:limit]


def page_by_slug(*, locale: Locale, slug: str) -> Page | None:
    """A live page of a language by its slug (used for footer and section links)."""
    return Page.objects.live().filter(locale=locale, slug=slug).specific().first()
