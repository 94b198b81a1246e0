"""The portal's one search (`/suche/`): pages, offers, actors, events and agreements at once.

Each group is searched through its module's own selector, so the rules of what is public and
how words match stay in one place:

- offers: `offers.selectors.offers_search` (published, confirmed, not expired, provider visible);
- actors: `network.selectors.actors_search` (published actors);
- agreements: `tariffs.selectors.public_agreement_page` (sector agreements, not confidential);
- events: `events.selectors.events_upcoming` (public and not over);
- pages: live, public pages of the current language (Wagtail's `live().public()`).

Offers and actors use the German stems, compound tails and synonym groups of the catalogue
(core.fulltext, core.synonyms) in the database's full-text index; pages the same, through the
search app's own index of pages (models.PageSearchDocument, kept on every publication; the pages
found are read again through `live().public()`, so a page that was unpublished or restricted
never shows); agreements the Tarifauskunft's words and sector synonyms. Upcoming events are
few and have no index: their stems (same rules) are computed in Python, memoised per event
version, and matched with `core.fulltext.clauses_match`, the rule of the database's index.

The number of queries is constant, whatever the number of hits (tests/search).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone
from wagtail.models import Locale, Page

from lotse.core.fulltext import Clause, clauses_match, query_words, search_document
from lotse.core.fulltext_db import fulltext_filter
from lotse.core.synonyms import search_clauses
from lotse.core.validators import CONTROL_CHARACTERS
from lotse.core.versioning import shared_versioned
from lotse.events.models import Event
from lotse.events.selectors import events_upcoming
from lotse.network.models import Actor
from lotse.network.selectors import actors_search
from lotse.offers.models import Offer
from lotse.offers.selectors import OfferFilters, offers_search
from lotse.tariffs.models import CollectiveAgreement
from lotse.tariffs.selectors import public_agreement_page

from .models import PageSearchDocument

MAX_QUERY_LENGTH = 200
PREVIEW = 5
PER_PAGE = 20
COUNT_CAP = 1_000  # larger counts are shown as "mehr als 1000"
MAX_PAGE = COUNT_CAP // PER_PAGE
GROUPS = ("seiten", "angebote", "akteure", "veranstaltungen", "tarifvertraege")


def clean_query(query: str | None) -> tuple[str, list[str]]:
    """The query on one line and at most MAX_QUERY_LENGTH characters, and what was changed
    ("too_long", "control_characters") for the message shown above the results."""
    raw = query or ""
    problems = []
    if len(raw) > MAX_QUERY_LENGTH:
        problems.append("too_long")
        raw = raw[: MAX_QUERY_LENGTH * 2]
    if CONTROL_CHARACTERS.search(raw):
        problems.append("control_characters")
    text = " ".join(CONTROL_CHARACTERS.sub(" ", raw).split())
    text = "".join(char for char in text if char.isprintable())
    return text[:MAX_QUERY_LENGTH].strip(), problems


def has_words(query: str) -> bool:
    """Whether the query has a word the search uses (not only stop words or punctuation)."""
    return bool(query_words(query))


# --- upcoming events: stems computed in Python ---------------------------------------------


def _ranked(entries: list[Any], clauses: list[Clause]) -> list[Any]:
    """The entries matching every clause, those matching in the title first (stable)."""
    found = [entry for entry in entries if clauses_match(entry.stems, clauses)]
    return sorted(found, key=lambda entry: not clauses_match(entry.title_stems, clauses))


@dataclass(frozen=True)
class EventEntry:
    event: Event
    stems: tuple[str, ...]
    title_stems: tuple[str, ...]


@lru_cache(maxsize=4096)
def _event_stems(
    pk: int, updated_at: datetime, texts: tuple[str, ...], title: str
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """An event's stems (cached per version of the event: `updated_at` is in the key)."""
    return (
        tuple(search_document(texts, compounds=True).split()),
        tuple(search_document([title], compounds=True).split()),
    )


def _event_entries(now: datetime) -> list[EventEntry]:
    entries = []
    for event in events_upcoming(now=now):
        texts = [event.title, event.summary, event.get_kind_display()]
        texts += [event.organiser.name] if event.organiser_id else []
        for topic in event.topic_fields.all():
            texts += [topic.name, topic.name_en]
        for site in event.sites.all():
            texts += [site.name, site.city, site.district.name if site.district else ""]
        stems, title_stems = _event_stems(event.pk, event.updated_at, tuple(texts), event.title)
        entries.append(EventEntry(event=event, stems=stems, title_stems=title_stems))
    return entries


# --- the search ----------------------------------------------------------------------------


@dataclass
class Group:
    """One kind of result: its count (`capped`: at least that many) and one page of hits."""

    key: str
    count: int
    items: list[Any]
    capped: bool = False
    page: int = 1
    pages: int = 1

    @property
    def has_more(self) -> bool:
        return self.capped or self.count > len(self.items)


@dataclass
class SiteSearch:
    query: str
    groups: list[Group] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(group.count for group in self.groups)

    @property
    def capped(self) -> bool:
        """Whether a group was counted only up to its cap (the total is then a lower bound)."""
        return any(group.capped for group in self.groups)


def _pages(count: int, per_page: int) -> int:
    return max(1, -(-count // per_page))


def _page_queryset(locale: Locale) -> Any:
    return Page.objects.live().public().filter(locale=locale, depth__gt=1)


def _bounded_count(queryset: QuerySet, cap: int) -> tuple[int, bool]:
    """The number of rows up to `cap`, and whether there are more (the database stops after
    cap + 1 rows instead of visiting every match of a common word)."""
    found = queryset.order_by().values("pk")[: cap + 1].count()
    return min(found, cap), found > cap


def _snapshot(key: tuple, compute: Callable[[], tuple[int, bool, list]]) -> tuple[int, bool, list]:
    """A group's count and one page of row keys, cached for LOTSE_CATALOGUE_CACHE_SECONDS like
    the catalogue's search states and under the content version (a write shows at once); the rows
    are always read again through the public rules."""
    digest = hashlib.sha256(repr(key).encode()).hexdigest()[:32]
    return shared_versioned(
        f"search:group:v2:{digest}", compute, settings.LOTSE_CATALOGUE_CACHE_SECONDS
    )


def _page_group(*, clauses: list[Clause], locale: Locale, offset: int, limit: int) -> Group:
    def compute() -> tuple[int, bool, list]:
        documents = fulltext_filter(
            PageSearchDocument.objects.filter(page__in=_page_queryset(locale).values("pk")),
            clauses,
        )
        count, capped = _bounded_count(documents, COUNT_CAP)
        rows = documents.order_by("-fulltext_rank", "page_id").values_list(
            "page_id", "title", "summary"
        )
        return count, capped, list(rows[offset : offset + limit])

    count, capped, window = _snapshot(("seiten", locale.pk, tuple(clauses), offset, limit), compute)
    # Read again: only what is live and public now (a cached window may be a minute old).
    visible = _page_queryset(locale).filter(pk__in=[row[0] for row in window])
    by_id = {page.pk: page for page in visible}
    items = [
        {"page": by_id[page_id], "title": title, "summary": summary}
        for page_id, title, summary in window
        if page_id in by_id
    ]
    return Group(key="seiten", count=count, capped=capped, items=items)


def _offer_group(*, query: str, page: int, per_page: int) -> Group:
    result = offers_search(
        query=query,
        filters=OfferFilters(),
        sort="relevance",
        page=page,
        per_page=per_page,
        with_facets=False,
    )
    items: list[Offer] = result.offers
    return Group(key="angebote", count=result.total, items=items)


def _actor_group(*, clauses: list[Clause], offset: int, limit: int) -> Group:
    def compute() -> tuple[int, bool, list]:
        queryset = actors_search(clauses=clauses)
        count, capped = _bounded_count(queryset, COUNT_CAP)
        return count, capped, list(queryset.values_list("pk", flat=True)[offset : offset + limit])

    count, capped, ids = _snapshot(("akteure", tuple(clauses), offset, limit), compute)
    found = Actor.objects.published().filter(pk__in=ids).select_related("actor_type")
    by_id = {actor.pk: actor for actor in found}
    items: list[Actor] = [by_id[pk] for pk in ids if pk in by_id]
    return Group(key="akteure", count=count, capped=capped, items=items)


def _event_group(*, clauses: list[Clause], now: datetime, offset: int, limit: int) -> Group:
    matches = _ranked(_event_entries(now), clauses)
    items = [entry.event for entry in matches[offset : offset + limit]]
    return Group(key="veranstaltungen", count=len(matches), items=items)


def _agreement_group(*, query: str, offset: int, limit: int) -> Group:
    count, agreements = public_agreement_page(
        query=query, offset=offset, limit=limit, cap=COUNT_CAP
    )
    items: list[CollectiveAgreement] = agreements
    return Group(key="tarifvertraege", count=count.value, capped=count.capped, items=items)


def site_search(
    *,
    query: str,
    locale: Locale,
    group: str = "",
    page: int = 1,
    now: datetime | None = None,
) -> SiteSearch:
    """Every group's first hits (PREVIEW each), or, with `group`, one page of that group."""
    now = now or timezone.now()
    result = SiteSearch(query=query)
    if not has_words(query):
        return result
    clauses = search_clauses(query)
    keys: tuple[str, ...]
    if group in GROUPS:
        page = min(max(page, 1), MAX_PAGE)
        offset, limit, keys = (page - 1) * PER_PAGE, PER_PAGE, (group,)
    else:
        page, offset, limit, keys = 1, 0, PREVIEW, GROUPS
    for key in keys:
        if key == "seiten":
            item = _page_group(clauses=clauses, locale=locale, offset=offset, limit=limit)
        elif key == "angebote":
            item = _offer_group(query=query, page=page, per_page=limit)
        elif key == "akteure":
            item = _actor_group(clauses=clauses, offset=offset, limit=limit)
        elif key == "veranstaltungen":
            item = _event_group(clauses=clauses, now=now, offset=offset, limit=limit)
        else:
            item = _agreement_group(query=query, offset=offset, limit=limit)
        item.page = page
        item.pages = _pages(item.count, limit)
        result.groups.append(item)
    return result
