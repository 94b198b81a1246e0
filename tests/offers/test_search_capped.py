"""Broad words: counts up to COUNT_CAP ("Mehr als …"), facet counts as lower bounds, and the
relevance order over the newest COUNT_CAP matches (docs/search.md, "Broad words")."""

import pytest
from django.urls import reverse
from django.utils import translation

from lotse.core.fulltext_db import fulltext_filter
from lotse.core.synonyms import search_clauses
from lotse.offers import selectors
from lotse.offers.models import Offer
from lotse.offers.selectors import OfferFilters, offers_matching, offers_search

pytestmark = pytest.mark.django_db

CAP = 3
TOPIC_A = "integration-fachkraefteeinwanderung"


@pytest.fixture
def cap(monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setattr(selectors, "COUNT_CAP", CAP)
    return CAP


@pytest.fixture
def five(offer_factory) -> list[Offer]:
    """Five offers with "Beratung" (newest first: B1 … B5); B3 and B4 mention it most often."""
    summaries = {3: "Beratung, " * 8, 4: "Beratung, " * 8}
    return [
        offer_factory(
            title=f"B{number} Beratung",
            summary=summaries.get(number, "Hilfe"),
            kind=Offer.Kind.COURSE if number == 2 else Offer.Kind.ADVICE,
            topic_fields=[TOPIC_A] if number in (4, 5) else [],
            age_days=number,
        )
        for number in range(1, 6)
    ]


def search(query: str = "Beratung", sort: str = "relevance", **filters) -> selectors.SearchResult:
    values = {key: tuple(value) for key, value in filters.items()}
    return offers_search(query=query, filters=OfferFilters(**values), sort=sort)


def test_more_matches_than_the_cap_are_not_claimed_as_an_exact_number(cap, five) -> None:
    result = search()

    assert result.total == cap
    assert result.total_capped is True
    assert result.facets_capped is True
    assert result.page.paginator.num_pages == 1


def test_capped_facet_counts_are_lower_bounds_of_the_true_counts(cap, five) -> None:
    result = search()

    for option in result.facets["kind"]:
        true_count = offers_matching(
            query="Beratung", filters=OfferFilters(kind=(option.value,))
        ).count()
        assert 0 < option.count <= true_count
    assert sum(option.count for option in result.facets["kind"]) == cap + 1  # the sample


def test_relevance_ranks_the_newest_matches_and_newest_is_exact(cap, five) -> None:
    ranked = [offer.title for offer in search().offers]
    # Only the newest three (B1-B3) are candidates; B4 ranks highest overall but is older.
    # Among them, the order is the database's relevance order (rank, newest, primary key).
    newest_three = Offer.objects.filter(title__in=["B1 Beratung", "B2 Beratung", "B3 Beratung"])
    by_database = selectors._ordered(
        fulltext_filter(newest_three, search_clauses("Beratung")), sort="relevance", ranked=True
    )
    assert ranked == [offer.title for offer in by_database]
    newest = [offer.title for offer in search(sort="newest").offers]
    assert newest == ["B1 Beratung", "B2 Beratung", "B3 Beratung"]
    # Title order is taken over every match (pages up to the cap).
    by_title = [offer.title for offer in search(sort="title").offers]
    assert by_title == ["B1 Beratung", "B2 Beratung", "B3 Beratung"]


def test_filters_below_the_cap_give_an_exact_total(cap, five) -> None:
    result = search(topic_field=[TOPIC_A])

    assert result.total == 2
    assert result.total_capped is False
    assert result.facets_capped is True  # the facets still counted a sample of the word
    assert {offer.title for offer in result.offers} == {"B4 Beratung", "B5 Beratung"}
    assert [o.title for o in search(sort="newest", kind=[Offer.Kind.COURSE]).offers] == [
        "B2 Beratung"
    ]


def test_at_the_cap_everything_is_exact(cap, offer_factory) -> None:
    for number in range(cap):
        offer_factory(title=f"Beratung {number}", age_days=number + 1)

    result = search()

    assert (result.total, result.total_capped, result.facets_capped) == (cap, False, False)
    assert sum(option.count for option in result.facets["kind"]) == cap
    assert all(hasattr(offer, "fulltext_rank") for offer in result.offers)


def test_the_catalogue_says_more_than_and_at_least(client, cap, five) -> None:
    page = client.get(reverse("offers:catalogue"), {"q": "Beratung"}).content.decode()

    assert f"Mehr als {cap} Angebote gefunden" in page
    assert "5 Angebote gefunden" not in page
    assert "mindestens" in page

    # The kind's label is in the search document: only B2 is a course ("Weiterbildung").
    exact = client.get(reverse("offers:catalogue"), {"q": "Weiterbildung"}).content.decode()
    assert "Mehr als" not in exact
    assert "1 Angebot gefunden" in exact
    assert "mindestens" not in exact


def test_the_capped_wording_is_translated(client, cap, five) -> None:
    # Inside override: the language the English page activates is reset afterwards.
    with translation.override("en"):
        page = client.get(reverse("offers:catalogue"), {"q": "Beratung"}).content.decode()

    assert f"More than {cap} offers found" in page
    assert "at least" in page


def test_a_page_beyond_the_cap_shows_the_last_counted_page(cap, five, monkeypatch) -> None:
    monkeypatch.setattr(selectors, "PER_PAGE", 2)
    result = offers_search(
        query="Beratung", filters=OfferFilters(), sort="newest", page=9, per_page=2
    )

    assert result.page.number == 2
    assert [offer.title for offer in result.offers] == ["B3 Beratung"]


def test_facets_from_the_candidate_rows_equal_the_counts_of_the_matches(offer_factory) -> None:
    # Without filters the facets are counted from the candidates' own rows (kind, cost,
    # statewide, online) and their through-table rows; below the cap they must be exactly
    # what the facet statement counts over every match.
    offer_factory(
        title="Beratung A",
        kind=Offer.Kind.COURSE,
        cost=Offer.Cost.FUNDED,
        topic_fields=[TOPIC_A, "tarifvertraege"],
        target_groups=["unternehmen"],
        districts=["dresden", "leipzig"],
        languages=["de", "en"],
    )
    offer_factory(title="Beratung B", statewide=True, districts=["dresden"], languages=["ar"])
    offer_factory(title="Beratung C", online=True, topic_fields=[TOPIC_A], age_days=2)
    offer_factory(title="Beratung D", statewide=True, online=True, target_groups=["unternehmen"])
    offer_factory(
        title="Hilfe E", kind=Offer.Kind.SERVICE, topic_fields=[TOPIC_A], districts=["leipzig"]
    )
    ref = selectors.catalogue_reference()
    clauses = search_clauses("Beratung")

    result = offers_search(query="Beratung", filters=OfferFilters(), sort="relevance")
    by_statement, counted = selectors._facet_counts_all(clauses, OfferFilters(), ref, limit=None)

    assert counted == result.total == 4
    shown = {facet: {o.value: o.count for o in options} for facet, options in result.facets.items()}
    expected = {
        facet: {value: n for value, n in counts.items() if n}
        for facet, counts in by_statement.items()
    }
    assert shown == expected
    district = shown["district"]
    assert (district["landesweit"], district["online"], district["dresden"]) == (2, 2, 4)
    assert (district["leipzig"], district["bautzen"]) == (4, 3)  # 3: statewide or online
    assert shown["topic_field"] == {TOPIC_A: 2, "tarifvertraege": 1}
    assert shown["language"] == {"de": 1, "en": 1, "ar": 1}
