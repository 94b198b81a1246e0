"""Open API of the public catalogue: /api/v1/offers (list with filters and full text) and detail.

Only public offers (`Offer.objects.public()`); no personal data except a contact person the
provider has marked as public. Invalid parameters (wrong types, unknown facet values, limit or
offset out of the allowed range) are answered with 422. The list pages like every list of the API
(`lotse/core/pagination.py`, decision 0006).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Literal

from django.http import Http404, HttpRequest
from django.urls import reverse
from ninja import Field, Query, Router, Schema
from ninja.decorators import decorate_view
from ninja.errors import ValidationError

from lotse.core.caching import anonymous_response_cache
from lotse.core.fulltext import MAX_QUERY_TERMS
from lotse.core.links import absolute_url
from lotse.core.pagination import Page, PageParams, page_response

from .forms_search import MAX_QUERY_LENGTH, MAX_VALUES_PER_FACET, OfferSearchForm
from .selectors import (
    FACETS,
    catalogue_reference,
    offer_public_detail,
    offers_search,
)

router = Router(tags=["Angebote"])

SLUG_RE = re.compile(r"[-a-zA-Z0-9_]{1,200}")


class OfferFilterParams(PageParams):
    q: str = Field(
        "",
        max_length=MAX_QUERY_LENGTH,
        description=(
            "Volltextsuche (deutsch, Wortstämme, Präfixe; ä/ae, ö/oe, ü/ue, ß/ss gleichwertig; "
            f"höchstens {MAX_QUERY_TERMS} Begriffe, alle müssen vorkommen)."
        ),
    )
    topic_field: list[str] = Field(
        [], max_length=MAX_VALUES_PER_FACET, description="Themenfeld-Kennungen (ODER)."
    )
    target_group: list[str] = Field(
        [], max_length=MAX_VALUES_PER_FACET, description="Zielgruppen-Kennungen (ODER)."
    )
    kind: list[str] = Field(
        [], max_length=MAX_VALUES_PER_FACET, description="Art des Angebots (ODER)."
    )
    district: list[str] = Field(
        [],
        max_length=MAX_VALUES_PER_FACET,
        description=(
            "Landkreis/Stadt-Kennungen (ODER). Ein Angebot passt, wenn es dort verfügbar ist, "
            "landesweit oder online. 'landesweit' bzw. 'online' wählen nur solche Angebote."
        ),
    )
    language: list[str] = Field(
        [], max_length=MAX_VALUES_PER_FACET, description="Sprachcodes (ODER)."
    )
    cost: list[str] = Field([], max_length=MAX_VALUES_PER_FACET, description="Kosten (ODER).")
    sort: Literal["relevance", "newest", "title"] = Field(
        "relevance",
        description="relevance (bei q nach Treffergüte, sonst neueste zuerst), newest, title.",
    )


class ProviderOut(Schema):
    slug: str
    name: str


class OfferListItem(Schema):
    slug: str
    title: str
    summary: str
    kind: str
    kind_label: str
    cost: str
    provider: ProviderOut
    topic_fields: list[str] = Field(description="Themenfeld-Kennungen")
    statewide: bool
    online: bool
    first_published_at: str | None
    url: str = Field(description="Adresse der Angebotsseite im Portal")
    api_url: str


class ContactOut(Schema):
    name: str
    role: str
    email: str
    phone: str


class OfferDetail(OfferListItem):
    description: str
    eligibility: str
    cost_label: str
    cost_note: str
    target_groups: list[str]
    districts: list[str] = Field(description="Landkreis/Stadt-Kennungen")
    languages: list[str] = Field(description="Sprachcodes")
    company_sizes: list[Literal["micro", "small", "medium", "large"]]
    valid_from: date | None
    valid_until: date | None
    link: str
    contact: ContactOut | None = Field(description="nur wenn als öffentlich markiert")


def _item(offer) -> dict:
    return {
        "slug": offer.slug,
        "title": offer.title,
        "summary": offer.summary,
        "kind": offer.kind,
        "kind_label": str(offer.get_kind_display()),
        "cost": offer.cost,
        "provider": {"slug": offer.actor.slug, "name": offer.actor.name},
        "topic_fields": [topic.slug for topic in offer.topic_fields.all()],
        "statewide": offer.statewide,
        "online": offer.online,
        "first_published_at": offer.first_published_at.isoformat()
        if offer.first_published_at
        else None,
        "url": absolute_url(reverse("offers:detail", args=[offer.slug])),
        "api_url": absolute_url(reverse("api-v1:offer_detail", args=[offer.slug])),
    }


@router.get(
    "", response=Page[OfferListItem], url_name="offer_list", summary="Öffentliche Angebote suchen"
)
@decorate_view(anonymous_response_cache)
def offer_list(request: HttpRequest, params: Query[OfferFilterParams]):
    """Public offers with the catalogue's full text and filters, paginated."""
    reference = catalogue_reference()
    data = params.dict()
    form = OfferSearchForm(
        {**{name: data[name] for name in FACETS}, "q": data["q"], "sort": data["sort"]},
        choices=reference.choices(),
    )
    query, filters, _sort = form.search_arguments()
    ignored = form.ignored
    if ignored:
        raise ValidationError(
            [
                {
                    "loc": ["query", name],
                    "msg": f"Unbekannte Werte: {', '.join(values[:10])}",
                    "type": "value_error",
                }
                for name, values in ignored.items()
            ]
        )
    # The catalogue search pages by page number (its cached search states are pages): an
    # offset on a page boundary is one page, any other offset the end of one page and the
    # start of the next.
    limit, offset = params.limit, params.offset
    first = offset // limit + 1
    offers: list = []
    total = 0
    for number in (first, first + 1) if offset % limit else (first,):
        result = offers_search(
            query=query,
            filters=filters,
            sort=params.sort,
            page=number,
            per_page=limit,
            reference=reference,
            with_facets=False,
        )
        total = result.total
        # Paginator.get_page falls back to the last page; beyond it there is nothing.
        if number <= result.page.paginator.num_pages:
            offers.extend(result.page.object_list)
    start = offset - (first - 1) * limit
    items = [_item(offer) for offer in offers[start : start + limit]]
    return page_response(request, items=items, count=total, limit=limit, offset=offset)


@router.get(
    "/{slug}", response=OfferDetail, url_name="offer_detail", summary="Ein öffentliches Angebot"
)
def offer_detail(request: HttpRequest, slug: str):
    """One public offer; 404 if it does not exist or is not public."""
    offer = offer_public_detail(slug=slug) if SLUG_RE.fullmatch(slug) else None
    if offer is None:
        raise Http404
    contact = offer.contact if offer.contact_id and offer.contact.is_public else None
    sizes = [
        size
        for size, flag in (
            ("micro", offer.for_micro),
            ("small", offer.for_small),
            ("medium", offer.for_medium),
            ("large", offer.for_large),
        )
        if flag
    ]
    return {
        **_item(offer),
        "description": offer.description,
        "eligibility": offer.eligibility,
        "cost_label": str(offer.get_cost_display()),
        "cost_note": offer.cost_note,
        "target_groups": [group.slug for group in offer.target_groups.all()],
        "districts": [district.slug for district in offer.districts.all()],
        "languages": [language.code for language in offer.languages.all()],
        "company_sizes": sizes,
        "valid_from": offer.valid_from,
        "valid_until": offer.valid_until,
        "link": offer.link,
        "contact": {
            "name": contact.name,
            "role": contact.role,
            "email": contact.email,
            "phone": contact.phone,
        }
        if contact
        else None,
    }
