"""The one pagination of every list endpoint of the API (docs/decisions/0006-api-pagination.md).

Every list answers `{count, count_capped, limit, offset, next, previous, items}`: `limit` and
`offset` are bounded query parameters (422 beyond the bounds), `next`/`previous` are absolute
URLs of the neighbouring pages (null at the ends). Endpoints count and slice through their own
selectors (capped counts, cached search states) and hand the result to `page_response`.
"""

from __future__ import annotations

from typing import Generic, TypeVar

from django.http import HttpRequest
from ninja import Field, Schema

from lotse.core.links import absolute_url

DEFAULT_LIMIT = 20
MAX_LIMIT = 100
# Deeper pages are not served: walking a whole list goes by filters, not by offset 10 million.
MAX_OFFSET = 10_000

T = TypeVar("T")


class PageParams(Schema):
    limit: int = Field(
        DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description=f"Einträge je Seite (1–{MAX_LIMIT})"
    )
    offset: int = Field(
        0, ge=0, le=MAX_OFFSET, description=f"Anzahl zu überspringender Einträge (0–{MAX_OFFSET})"
    )


class Page(Schema, Generic[T]):
    count: int = Field(description="Anzahl aller Treffer (bei count_capped: mindestens so viele)")
    count_capped: bool = Field(False, description="true: es gibt mehr Treffer, als gezählt wurden")
    limit: int
    offset: int
    next: str | None = Field(description="Adresse der nächsten Seite; null auf der letzten")
    previous: str | None = Field(description="Adresse der vorigen Seite; null auf der ersten")
    items: list[T]


def _page_url(request: HttpRequest, *, limit: int, offset: int) -> str:
    query = request.GET.copy()
    query.pop("limit", None)
    query.pop("offset", None)
    query["limit"] = str(limit)
    if offset:
        query["offset"] = str(offset)
    return absolute_url(f"{request.path}?{query.urlencode()}")


def page_response(
    request: HttpRequest,
    *,
    items: list,
    count: int,
    limit: int,
    offset: int,
    capped: bool = False,
) -> dict:
    """The envelope of one page; `count` as far as counted (`capped`: there are more)."""
    has_next = offset + len(items) < count or (capped and len(items) == limit)
    has_next = has_next and offset + limit <= MAX_OFFSET
    return {
        "count": count,
        "count_capped": capped,
        "limit": limit,
        "offset": offset,
        "next": _page_url(request, limit=limit, offset=offset + limit) if has_next else None,
        "previous": _page_url(request, limit=limit, offset=max(offset - limit, 0))
        if offset > 0
        else None,
        "items": items,
    }


def page_of(request: HttpRequest, items: list, params: PageParams) -> dict:
    """One page of a short, fully read list (reference data, events)."""
    window = items[params.offset : params.offset + params.limit]
    return page_response(
        request, items=window, count=len(items), limit=params.limit, offset=params.offset
    )
