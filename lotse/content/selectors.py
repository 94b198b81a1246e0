"""Read queries for the portal's pages."""

from dataclasses import dataclass, field
from datetime import datetime

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from wagtail.models import Locale, Page

from lotse.core.models import TopicField
from lotse.core.versioning import versioned
from lotse.events.models import Event
from lotse.events.selectors import EventFilters, events_public_page
from lotse.network.models import Actor
from lotse.network.selectors import ActorFilters, actors_search
from lotse.offers.models import Offer
from lotse.offers.selectors import offers_for_topic_field

from .extensions import TopicLink, topic_links
from .models import ArticlePage, TopicFieldPage


def topic_pages_for(*, locale: Locale) -> list[TopicFieldPage]:
    """Live topic-field pages of a language, in the topic fields' order (kept under the
    content version: every page of the portal shows them)."""
    return versioned(
        f"content.topic-pages:{locale.pk}",
        lambda: list(
            TopicFieldPage.objects.live()
            .public()
            .filter(locale=locale)
            .select_related("topic_field")
            .order_by("topic_field__order")
        ),
    )


def articles_latest(
    *, locale: Locale, topic_field: TopicField | None = None, limit: int = 10
) -> list[ArticlePage]:
    """The latest live articles of a language (of a topic field), under the content version."""

    def build() -> list[ArticlePage]:
        queryset = ArticlePage.objects.live().public().filter(locale=locale)
        if topic_field is not None:
            queryset = queryset.filter(topic_fields=topic_field)
        return list(queryset.order_by("-date", "-pk")[:limit])

    topic = topic_field.pk if topic_field is not None else ""
    return versioned(f"content.articles:{locale.pk}:{topic}:{limit}", build)


def page_by_slug(*, locale: Locale, slug: str) -> Page | None:
    """A live page of a language by its slug (used for footer and section links)."""
    return Page.objects.live().filter(locale=locale, slug=slug).specific().first()


TOPIC_OFFERS = 5
TOPIC_ACTORS = 6
TOPIC_EVENTS = 3


@dataclass
class TopicOverview:
    """What a topic-field page shows besides its articles; `*_more`: there are more than shown
    (the page links to the module's list instead of counting every match)."""

    offers: list[Offer]
    offers_more: bool
    actors: list[Actor]
    actors_more: bool
    events: list[Event]
    events_total: int
    check_modules: list[TopicLink] = field(default_factory=list)


def topic_field_overview(*, topic_field: TopicField, now: datetime | None = None) -> TopicOverview:
    """Public offers, visible actors, upcoming public events and the Wegweiser's modules of a
    topic field, through the modules' own selectors; a constant number of queries, kept under
    the content version for the current minute (the events are the upcoming ones)."""
    if now is not None:
        return _topic_field_overview(topic_field=topic_field, now=now)
    minute = timezone.now().replace(second=0, microsecond=0)
    return versioned(
        f"content.topic-overview:{topic_field.pk}:{minute.isoformat()}",
        lambda: _topic_field_overview(topic_field=topic_field, now=minute),
        timeout=60,
    )


def topic_field_overview_html(*, topic_field: TopicField) -> str:
    """The overview of `topic_field_overview` rendered (`content/_topic_overview.html`), kept
    under the content version for the current minute and the active language: most of a
    topic page's template work (decision 0015)."""
    minute = timezone.now().replace(second=0, microsecond=0)
    language = get_language() or ""

    def build() -> str:
        overview = _topic_field_overview(topic_field=topic_field, now=minute)
        return render_to_string(
            "content/_topic_overview.html", {"overview": overview, "topic": topic_field.slug}
        )

    html = versioned(
        f"content.topic-overview-html:{topic_field.pk}:{language}:{minute.isoformat()}",
        build,
        timeout=60,
    )
    return mark_safe(html)  # noqa: S308 - our own template's output


def _topic_field_overview(*, topic_field: TopicField, now: datetime) -> TopicOverview:
    slug = topic_field.slug
    offers = offers_for_topic_field(topic_field=topic_field, limit=TOPIC_OFFERS + 1)
    actors = list(actors_search(filters=ActorFilters(topics=(slug,)))[: TOPIC_ACTORS + 1])
    events_total, events = events_public_page(
        past=False,
        offset=0,
        limit=TOPIC_EVENTS,
        now=now,
        filters=EventFilters(topic_field=slug),
    )
    return TopicOverview(
        offers=offers[:TOPIC_OFFERS],
        offers_more=len(offers) > TOPIC_OFFERS,
        actors=actors[:TOPIC_ACTORS],
        actors_more=len(actors) > TOPIC_ACTORS,
        events=events,
        events_total=events_total,
        check_modules=topic_links(topic_field=slug),
    )
