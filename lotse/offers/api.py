"""Open API of the public catalogue: /api/v1/offers (list with filters and full text) and detail.

Only public offers (`Offer.objects.public()`); no personal data except a contact person the
provider has marked as public. Invalid parameters (wrong types, unknown facet values, page out of
the allowed range) are answered with 422.
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

from .forms_search import MAX_QUERY_LENGTH, MAX_VALUES_PER_FACET, OfferSearchForm
from .selectors import (
    FACETS,
    catalogue_reference,
    offer_public_detail,
    offers_search,
)

router = Router(tags=["Angebote"])

SLUG_RE = re.compile(r"[-a-zA-Z0-9_]{1,200}")

MAX_LIMIT = 100
MAX_PAGE = 10_000


class OfferFilterParams(Schema):
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
    page: int = Field(1, ge=1, le=MAX_PAGE, description="Seite, ab 1.")
    limit: int = Field(20, ge=1, le=MAX_LIMIT, description=f"Einträge je Seite (1–{MAX_LIMIT}).")


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


class OfferList(Schema):
    total: int = Field(description="Anzahl aller Treffer")
    page: int
    limit: int
    pages: int
    items: list[OfferListItem]


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
        "url": reverse("offers:detail", args=[offer.slug]),
        "api_url": reverse("api-v1:offer_detail", args=[offer.slug]),
    }


@router.get("", response=OfferList, url_name="offer_list", summary="Öffentliche Angebote suchen")
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
    result = offers_search(
        query=query,
        filters=filters,
        sort=params.sort,
        page=params.page,
        per_page=params.limit,
        reference=reference,
        with_facets=False,
    )
    paginator = result.page.paginator
    # Paginator.get_page falls back to the last page; the API answers an empty page instead.
    beyond = params.page > paginator.num_pages
    return {
        "total": result.total,
        "page": params.page,
        "limit": params.limit,
        "pages": paginator.num_pages if result.total else 0,
        "items": [] if beyond else [_item(offer) for offer in result.page.object_list],
    }


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
