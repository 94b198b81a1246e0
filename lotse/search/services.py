"""Writes of the portal search: its index of pages (models.PageSearchDocument)."""

from django.db import transaction
from wagtail.models import Page

from .documents import page_search_document, page_texts
from .models import PageSearchDocument

BATCH = 500


def _row(page: Page) -> PageSearchDocument:
    summary, _texts = page_texts(page)
    return PageSearchDocument(
        page_id=page.pk,
        title=page.title[:255],
        summary=summary,
        search_document=page_search_document(page),
    )


@transaction.atomic
def page_document_refresh(*, page: Page) -> None:
    """Index a live page again from its saved (specific) content; forget a page that is not
    live."""
    if not page.live or page.depth <= 1:
        PageSearchDocument.objects.filter(page_id=page.pk).delete()
        return
    row = _row(page)
    PageSearchDocument.objects.update_or_create(
        page_id=page.pk,
        defaults={
            "title": row.title,
            "summary": row.summary,
            "search_document": row.search_document,
        },
    )


@transaction.atomic
def page_documents_index(*, pages: list[Page]) -> int:
    """Index many live (specific) pages at once, replacing their rows (bulk inserts, e.g. the
    benchmark's articles); returns the number of indexed pages."""
    live = [page for page in pages if page.live and page.depth > 1]
    PageSearchDocument.objects.filter(page_id__in=[page.pk for page in pages]).delete()
    PageSearchDocument.objects.bulk_create([_row(page) for page in live], batch_size=BATCH)
    return len(live)


@transaction.atomic
def page_documents_rebuild() -> int:
    """Index every live page anew (after a change of the rules, or a restore); returns the
    number of indexed pages."""
    PageSearchDocument.objects.all().delete()
    count = 0
    batch: list[Page] = []
    pages = Page.objects.live().filter(depth__gt=1).order_by("path").specific()
    for page in pages.iterator(chunk_size=BATCH):
        batch.append(page)
        if len(batch) >= BATCH:
            count += page_documents_index(pages=batch)
            batch = []
    return count + page_documents_index(pages=batch)
