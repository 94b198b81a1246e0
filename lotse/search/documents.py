"""What of a page is searchable: its stems (core.fulltext, compound tails included)."""

from collections.abc import Iterable
from typing import Any

from django.utils.html import strip_tags
from wagtail.models import Page

from lotse.core.fulltext import search_document

SUMMARY_LENGTH = 300


def _strings(value: Any) -> Iterable[str]:
    """Every text inside a StreamField's raw data (block types and ids left out)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in {"type", "id"}:
                yield from _strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)


def page_texts(page: Page) -> tuple[str, list[str]]:
    """A page's summary line and every text of it that is searched (the specific page)."""
    summary = ""
    texts = [page.title, page.seo_title, page.search_description]
    for name in ("summary", "intro"):
        value = getattr(page, name, "")
        if isinstance(value, str) and value:
            text = " ".join(strip_tags(value).split())
            texts.append(text)
            summary = summary or text
    body = getattr(page, "body", None)
    if body is not None and hasattr(body, "raw_data"):
        texts.extend(strip_tags(text) for text in _strings(list(body.raw_data)))
    topic_field = getattr(page, "topic_field", None)
    if topic_field is not None:
        texts += [topic_field.name, topic_field.name_en]
    summary = summary or page.search_description
    return summary[:SUMMARY_LENGTH], texts


def page_search_document(page: Page) -> str:
    return search_document(page_texts(page)[1], compounds=True)
