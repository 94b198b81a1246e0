"""Keep the page index current: every full save of a page (publishing, creating a live page)
indexes it again; saves of single fields (a draft revision's bookkeeping) are left alone, so
words of an unpublished draft never reach the index."""

from typing import Any

from wagtail.models import Page

from .services import page_document_refresh


def page_saved(sender: type, instance: Any, update_fields: Any = None, **kwargs: Any) -> None:
    if not isinstance(instance, Page) or kwargs.get("raw"):
        return
    if update_fields is not None and "live" not in update_fields:
        return
    page = instance.specific if type(instance) is Page else instance
    page_document_refresh(page=page)


def page_unpublished(sender: type, instance: Any, **kwargs: Any) -> None:
    page_document_refresh(page=instance)
