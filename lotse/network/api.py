"""Open API of the network directory: published actors, public data only.

Never returned: internal contacts, unpublished actors, street addresses of contacts, memberships.
"""

import re

from django.http import Http404
from django.urls import reverse
from ninja import Field, Query, Router, Schema
from ninja.decorators import decorate_view

from lotse.core.caching import anonymous_response_cache
from lotse.core.links import absolute_url
from lotse.core.pagination import Page, PageParams, page_response

from . import selectors
from .models import Actor

router = Router(tags=["Netzwerk"])

SLUG_RE = re.compile(r"[-a-zA-Z0-9_]{1,255}")
# Query text beyond this is cut by the search anyway; a longer one is refused (422).
MAX_QUERY_PARAM = 1000


class ReferenceOut(Schema):
    slug: str = Field(description="Stabile Kennung")
    name: str


class LanguageOut(Schema):
    code: str = Field(description="ISO 639-1 (dgs: Deutsche Gebärdensprache)")
    name: str


class DistrictOut(Schema):
    code: str = Field(description="Amtlicher Gemeindeschlüssel (AGS)")
    slug: str
    name: str


class ActorSummaryOut(Schema):
    slug: str
    name: str
    short_name: str
    actor_type: ReferenceOut
    statewide: bool = Field(description="landesweit tätig: dient allen Kreisen")
    town: str
    districts: list[DistrictOut] = Field(description="Zuständig für (Kreise)")
    topic_fields: list[ReferenceOut]
    url: str = Field(description="Seite des Akteurs im Portal")
    api_url: str

    @staticmethod
    def resolve_url(obj) -> str:
        return absolute_url(reverse("network:actor", args=[obj.slug]))

    @staticmethod
    def resolve_api_url(obj) -> str:
        return absolute_url(reverse("api-v1:actor_detail", args=[obj.slug]))


class ContactOut(Schema):
    name: str
    role: str
    email: str
    phone: str


class ActorLinkOut(Schema):
    slug: str
    name: str
    url: str = Field(description="Seite des Akteurs im Portal")

    @staticmethod
    def resolve_url(obj) -> str:
        return absolute_url(reverse("network:actor", args=[obj.slug]))


class CooperationOut(Schema):
    kind: str = Field(description="network_membership, joint_project oder referral_partner")
    source: ActorLinkOut
    target: ActorLinkOut
    start_date: str

    @staticmethod
    def resolve_start_date(obj) -> str:
        return obj.start_date.isoformat()


class ActorDetailOut(ActorSummaryOut):
    description: str
    postcode: str
    website: str
    email: str
    phone: str
    target_groups: list[ReferenceOut]
    languages: list[LanguageOut]
    parent: ActorLinkOut | None
    children: list[ActorLinkOut]
    contacts: list[ContactOut] = Field(description="Nur öffentliche Ansprechpersonen")
    cooperations: list[CooperationOut]

    @staticmethod
    def resolve_children(obj) -> list:
        return obj.published_children

    @staticmethod
    def resolve_contacts(obj) -> list:
        return obj.public_contacts

    @staticmethod
    def resolve_cooperations(obj) -> list:
        return obj.public_cooperations


FACET_VALUES = selectors.MAX_VALUES_PER_FACET


class ActorQuery(PageParams):
    q: str = Field(
        "", max_length=MAX_QUERY_PARAM, description="Suchbegriff (Volltext, deutsche Wortstämme)"
    )
    typ: list[str] = Field([], max_length=FACET_VALUES, description="Akteurstyp-Kennungen (ODER)")
    kreis: list[str] = Field(
        [],
        max_length=FACET_VALUES,
        description="Kreis-Kennungen; landesweite Akteure passen immer",
    )
    thema: list[str] = Field([], max_length=FACET_VALUES, description="Themenfeld-Kennungen (ODER)")
    zielgruppe: list[str] = Field(
        [], max_length=FACET_VALUES, description="Zielgruppen-Kennungen (ODER)"
    )
    sprache: list[str] = Field([], max_length=FACET_VALUES, description="Sprachcodes (ODER)")


@router.get(
    "", response=Page[ActorSummaryOut], url_name="actor_list", summary="Akteure suchen und filtern"
)
@decorate_view(anonymous_response_cache)
def actors_list(request, params: Query[ActorQuery]):
    """Veröffentlichte Akteure; Filter wie im Verzeichnis (/netzwerk/), seitenweise."""
    filters = selectors.filters_from_params(
        {
            "typ": params.typ,
            "kreis": params.kreis,
            "thema": params.thema,
            "zielgruppe": params.zielgruppe,
            "sprache": params.sprache,
        }
    )
    queryset = selectors.actors_search(query=params.q, filters=filters)
    count = queryset.count()
    items = list(queryset[params.offset : params.offset + params.limit])
    return page_response(
        request, items=items, count=count, limit=params.limit, offset=params.offset
    )


@router.get("/{slug}", response=ActorDetailOut, url_name="actor_detail", summary="Ein Akteur")
def actor_get(request, slug: str):
    if not SLUG_RE.fullmatch(slug):  # e.g. a NUL byte, which PostgreSQL refuses outright
        raise Http404
    try:
        return selectors.actor_detail(slug=slug)
    except Actor.DoesNotExist as exc:
        raise Http404 from exc
