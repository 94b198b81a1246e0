"""The catalogue's search table on PostgreSQL (decision 0027): the same results as searching the
offers, and the table follows every kind of write to the rows it is made of."""

from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from lotse.core.fulltext_db import CursorEditor
from lotse.core.models import Language, Region, TopicField
from lotse.offers import search_table, selectors
from lotse.offers.models import Offer
from lotse.offers.selectors import OfferFilters, offers_search

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="the search table exists on PostgreSQL only"
    ),
]

TOPICS = ["integration-fachkraefteeinwanderung", "ausbildung-weiterbildung", "tarifvertraege"]
GROUPS = ["unternehmen", "beschaeftigte", "internationale-fachkraefte"]
DISTRICTS = ["dresden", "leipzig", "chemnitz"]
LANGUAGES = ["de", "en", "ar"]
WORDS = ["Beratung", "Weiterbildung", "Sprachkurs", "Förderung", "Termine"]


@pytest.fixture
def catalogue(offer_factory, actor_factory) -> list[Offer]:
    """Thirty-six offers that differ in every facet, words and age, and six that are not public
    (not confirmed, expired, hidden provider, not live) but match the same words."""
    offers = []
    for number in range(36):
        words = [WORDS[number % 5], WORDS[(number * 2 + 1) % 5]]
        offers.append(
            offer_factory(
                title=f"{words[0]} {number}",
                summary=f"{words[1]} und mehr",
                kind=list(Offer.Kind)[number % 6],
                cost=list(Offer.Cost)[number % 3],
                topic_fields=[TOPICS[number % 3]]
                + ([TOPICS[(number + 1) % 3]] if number % 4 else []),
                target_groups=[GROUPS[number % 3]],
                districts=[DISTRICTS[number % 3]] if number % 5 else [],
                languages=[LANGUAGES[number % 3]] + (["de"] if number % 2 else []),
                statewide=number % 7 == 0,
                online=number % 5 == 0,
                age_days=number,
            )
        )
    old = timezone.now() - timedelta(days=400)
    offer_factory(title="Beratung unbestätigt", age_days=1)
    Offer.objects.filter(title="Beratung unbestätigt").update(confirmed_at=old)
    offer_factory(title="Beratung abgelaufen", valid_until=timezone.localdate() - timedelta(days=1))
    offer_factory(title="Beratung verborgen", actor=actor_factory(is_published=False))
    offer_factory(title="Beratung entwurf", live=False)
    return offers


QUERIES = ["Beratung", "Weiterbildung Termine", "Förderung", "Sprachkurs Beratung", "nichts"]
FILTERS = [
    OfferFilters(),
    OfferFilters(kind=("beratung", "weiterbildung")),
    OfferFilters(cost=("kostenfrei",)),
    OfferFilters(topic_field=(TOPICS[0],)),
    OfferFilters(topic_field=(TOPICS[1],), district=("leipzig",)),
    OfferFilters(target_group=(GROUPS[2],), language=("en", "ar")),
    OfferFilters(district=("landesweit",)),
    OfferFilters(district=("online", "dresden")),
    OfferFilters(district=("online",), kind=("beratung",)),
]


def _both(monkeypatch, **arguments):
    """offers_search over the search table and over the offers (the old path)."""
    results = []
    for table in (True, False):
        monkeypatch.setattr(search_table, "available", lambda _connection, table=table: table)
        result = offers_search(**arguments)
        results.append(
            (
                [offer.pk for offer in result.offers],
                [getattr(offer, "fulltext_rank", None) for offer in result.offers],
                result.total,
                result.total_capped,
                result.facets_capped,
                {
                    facet: [(option.value, option.count, option.selected) for option in options]
                    for facet, options in result.facets.items()
                },
            )
        )
    return results


def test_the_search_table_finds_counts_and_ranks_what_the_offers_do(
    catalogue, monkeypatch, settings
) -> None:
    settings.LOTSE_CATALOGUE_CACHE_SECONDS = 0
    compared = 0
    for query in QUERIES:
        for filters in FILTERS:
            for sort, page in (("relevance", 1), ("relevance", 2), ("newest", 1)):
                table, offers = _both(
                    monkeypatch, query=query, filters=filters, sort=sort, page=page, per_page=5
                )
                assert table == offers, (query, filters, sort, page)
                compared += bool(table[0])
    assert compared > 60  # most of the states show offers: the comparison is not of empty pages


def test_with_more_matches_than_the_cap_the_pages_are_the_old_ones_and_the_facets_count_the_newest(
    catalogue, monkeypatch, settings
) -> None:
    settings.LOTSE_CATALOGUE_CACHE_SECONDS = 0
    monkeypatch.setattr(selectors, "COUNT_CAP", 4)
    filters = OfferFilters(kind=("beratung", "weiterbildung", "foerderprogramm"))
    table, offers = _both(monkeypatch, query="Beratung", filters=filters, sort="relevance")
    assert table[:5] == offers[:5]  # the page, ranks, total and both "capped" flags
    assert table[2] == 4 and table[3] is True and table[4] is True
    # The facet sample is the newest five matches of the words (without the filters).
    newest = list(
        selectors.offers_matching(query="Beratung", filters=OfferFilters()).order_by(
            "-first_published_at", "pk"
        )[:5]
    )
    for value, count, _selected in table[5]["kind"]:
        assert count == sum(1 for offer in newest if offer.kind == value)


def _search(query: str, **filters: tuple[str, ...]) -> list[str]:
    return [
        offer.title
        for offer in offers_search(
            query=query, filters=OfferFilters(**filters), sort="newest"
        ).offers
    ]


def test_the_search_table_follows_every_write(offer_factory, actor_factory, settings) -> None:
    settings.LOTSE_CATALOGUE_CACHE_SECONDS = 0
    actor = actor_factory()
    first = offer_factory(title="Sprachkurs Nord", actor=actor, districts=["dresden"])
    second = offer_factory(title="Sprachkurs Süd", actor=actor)
    assert search_table.stale_rows(connection) == 0
    assert _search("Sprachkurs", district=("leipzig",)) == []

    # save() with a new search document
    first.title = "Hitzeschutz Nord"
    first.search_document = "hitzeschutz nord"
    first.save()
    assert _search("Hitzeschutz") == ["Hitzeschutz Nord"]
    # a bulk update of a facet column and of the confirmation
    Offer.objects.filter(pk=second.pk).update(kind=Offer.Kind.SERVICE)
    assert _search("Sprachkurs", kind=("service",)) == ["Sprachkurs Süd"]
    Offer.objects.filter(pk=second.pk).update(confirmed_at=timezone.now() - timedelta(days=400))
    assert _search("Sprachkurs") == []
    Offer.objects.filter(pk=second.pk).update(confirmed_at=timezone.now())
    # the many-to-many rows: add, bulk add, remove
    second.districts.add(Region.objects.get(slug="leipzig"))
    second.save()  # a parental many-to-many relation is written with its offer
    assert _search("Sprachkurs", district=("leipzig",)) == ["Sprachkurs Süd"]
    through = Offer.languages.through
    through.objects.bulk_create(
        [through(offer_id=second.pk, language_id=Language.objects.get(code="ar").pk)]
    )
    assert _search("Sprachkurs", language=("ar",)) == ["Sprachkurs Süd"]
    second.districts.clear()
    second.save()
    assert _search("Sprachkurs", district=("leipzig",)) == []
    first.topic_fields.set(TopicField.objects.filter(slug=TOPICS[2]))
    first.save()
    assert _search("Hitzeschutz", topic_field=(TOPICS[2],)) == ["Hitzeschutz Nord"]
    # the provider hidden and shown again
    actor.is_published = False
    actor.save()
    assert _search("Sprachkurs") == []
    type(actor).objects.filter(pk=actor.pk).update(is_published=True)
    assert _search("Sprachkurs") == ["Sprachkurs Süd"]
    # unpublished, published again
    Offer.objects.filter(pk=second.pk).update(live=False)
    assert _search("Sprachkurs") == []
    Offer.objects.filter(pk=second.pk).update(live=True)
    assert _search("Sprachkurs") == ["Sprachkurs Süd"]
    # bulk_create, raw SQL, delete
    created = Offer.objects.bulk_create(
        [
            Offer(
                title="Sprachkurs Ost",
                slug="sprachkurs-ost",
                summary="Kurs",
                actor=actor,
                kind=Offer.Kind.COURSE,
                live=True,
                first_published_at=timezone.now() + timedelta(minutes=1),
                confirmed_at=timezone.now(),
                search_document="sprachkurs ost",
            )
        ]
    )
    assert _search("Sprachkurs") == ["Sprachkurs Ost", "Sprachkurs Süd"]
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE offers_offer SET search_document = 'gefahrdung ost' WHERE id = %s",
            [created[0].pk],
        )
    assert _search("Sprachkurs") == ["Sprachkurs Süd"]
    second.delete()
    assert _search("Sprachkurs") == []
    assert search_table.stale_rows(connection) == 0


def test_without_its_trigger_the_table_goes_stale_and_the_check_says_so(offer_factory) -> None:
    """The control of the test above: the check and the searches do see a missed write."""
    offer = offer_factory(title="Sprachkurs West")
    with connection.cursor() as cursor:
        cursor.execute("DROP TRIGGER offers_search_u ON offers_offer")
    Offer.objects.filter(pk=offer.pk).update(kind=Offer.Kind.SERVICE)
    assert search_table.stale_rows(connection) == 1
    assert _search("Sprachkurs", kind=("service",)) == []


def test_the_migration_fills_the_table_from_the_offers(offer_factory) -> None:
    offers = [offer_factory(title=f"Beratung {n}", districts=["dresden"]) for n in range(3)]
    offer_factory(title="Entwurf", live=False)
    editor = CursorEditor(connection)
    search_table.uninstall(editor)
    search_table.install(editor)
    with connection.cursor() as cursor:
        cursor.execute("SELECT offer_id FROM offers_offersearch ORDER BY offer_id")
        assert [row[0] for row in cursor.fetchall()] == sorted(offer.pk for offer in offers)
    assert search_table.stale_rows(connection) == 0
