"""The catalogue search: German stems, umlaut spellings, prefixes, facets, districts, sorting."""

from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from lotse.core.fulltext_db import (
    FULLTEXT_TABLES,
    CursorEditor,
    fulltext_ensure,
    fulltext_installed,
    fulltext_uninstall,
)
from lotse.offers.models import Offer
from lotse.offers.selectors import (
    ONLINE,
    STATEWIDE,
    OfferFilters,
    offer_query_suggestion,
    offers_matching,
    offers_search,
)

pytestmark = pytest.mark.django_db

TOPIC_A = "integration-fachkraefteeinwanderung"


def search(query="", sort="relevance", **filters):
    filters = {key: tuple(value) for key, value in filters.items()}
    return offers_search(query=query, filters=OfferFilters(**filters), sort=sort)


def titles(result) -> set[str]:
    return {offer.title for offer in result.offers}


def counts(result, facet) -> dict[str, int]:
    return {option.value: option.count for option in result.facets[facet]}


@pytest.fixture
def topics():
    from lotse.core.models import TopicField

    return list(TopicField.objects.order_by("order").values_list("slug", flat=True))


def test_stemming_finds_inflected_forms(offer_factory):
    offer_factory(title="Ausbildung im Handwerk")
    offer_factory(title="Kita-Plätze für Zugezogene")
    assert titles(search("Ausbildungen")) == {"Ausbildung im Handwerk"}
    assert titles(search("ausbildung")) == {"Ausbildung im Handwerk"}


@pytest.mark.parametrize(
    ("stored", "query"),
    [
        ("Fachkräfte gewinnen", "Fachkraefte"),
        ("Fachkraefte gewinnen", "Fachkräfte"),
        ("Beratung an der Hauptstraße", "Hauptstrasse"),
        ("Förderung für Betriebe", "Foerderung"),
        ("Übersetzung von Zeugnissen", "uebersetzung"),
    ],
)
def test_umlauts_and_ascii_spellings_are_equivalent(offer_factory, stored, query):
    offer_factory(title=stored)
    offer_factory(title="Etwas ganz anderes")
    assert titles(search(query)) == {stored}


def test_prefix_finds_compounds(offer_factory):
    offer_factory(title="Weiterbildungsangebote für Pflegekräfte")
    assert titles(search("Weiterbildung")) == {"Weiterbildungsangebote für Pflegekräfte"}


def test_all_terms_required(offer_factory):
    offer_factory(title="Ausbildung in der Pflege")
    offer_factory(title="Ausbildung im Handwerk")
    assert titles(search("Ausbildung Pflege")) == {"Ausbildung in der Pflege"}


def test_only_public_offers(offer_factory, actor_factory):
    offer_factory(title="Sichtbar")
    offer_factory(title="Entwurf", live=False)
    hidden_actor = actor_factory(is_published=False)
    offer_factory(title="Anbieter verborgen", actor=hidden_actor)
    offer_factory(title="Abgelaufen", valid_until=timezone.localdate() - timedelta(days=1))
    stale = offer_factory(title="Nicht bestätigt")
    Offer.objects.filter(pk=stale.pk).update(confirmed_at=timezone.now() - timedelta(days=400))
    assert titles(search()) == {"Sichtbar"}
    assert search().total == 1


def test_facet_counts(offer_factory, topics):
    offer_factory(title="A", topic_fields=[topics[0]], kind="beratung", cost="kostenfrei")
    offer_factory(
        title="B", topic_fields=[topics[0], topics[1]], kind="beratung", cost="kostenpflichtig"
    )
    offer_factory(
        title="Coaching", topic_fields=[topics[1]], kind="weiterbildung", languages=["en", "de"]
    )
    result = search()
    assert counts(result, "topic_field") == {topics[0]: 2, topics[1]: 2}
    assert counts(result, "kind") == {"beratung": 2, "weiterbildung": 1}
    assert counts(result, "cost") == {"kostenfrei": 2, "kostenpflichtig": 1}
    assert counts(result, "language") == {"de": 1, "en": 1}
    # Counts follow the full-text query.
    assert counts(search("Coaching"), "kind") == {"weiterbildung": 1}
    assert counts(search("Xylophon"), "kind") == {}


def test_disjunctive_facets(offer_factory, topics):
    offer_factory(title="A", topic_fields=[topics[0]], kind="beratung")
    offer_factory(title="B", topic_fields=[topics[1]], kind="beratung")
    offer_factory(title="C", topic_fields=[topics[1]], kind="weiterbildung")
    result = search(topic_field=[topics[0]])
    assert titles(result) == {"A"}
    # The selected facet keeps the other values' counts (what adding them would bring) …
    assert counts(result, "topic_field") == {topics[0]: 1, topics[1]: 2}
    selected = {o.value: o.selected for o in result.facets["topic_field"]}
    assert selected == {topics[0]: True, topics[1]: False}
    # … the other facets are counted within the selection.
    assert counts(result, "kind") == {"beratung": 1}


def test_or_within_a_facet_and_across_facets(offer_factory, topics):
    offer_factory(title="A", topic_fields=[topics[0]], kind="beratung")
    offer_factory(title="B", topic_fields=[topics[1]], kind="beratung")
    offer_factory(title="C", topic_fields=[topics[1]], kind="weiterbildung")
    offer_factory(title="D", topic_fields=[topics[2]], kind="beratung")
    assert titles(search(topic_field=topics[:2])) == {"A", "B", "C"}
    assert titles(search(topic_field=topics[:2], kind=["beratung"])) == {"A", "B"}
    assert titles(search(kind=["beratung", "weiterbildung"])) == {"A", "B", "C", "D"}


def test_district_semantics(offer_factory):
    offer_factory(title="Dresden", districts=["dresden"])
    offer_factory(title="Leipzig", districts=["leipzig"])
    offer_factory(title="Landesweit", statewide=True)
    offer_factory(title="Online", online=True)
    offer_factory(title="Beides", statewide=True, online=True, districts=["dresden"])
    result = search(district=["dresden"])
    assert titles(result) == {"Dresden", "Landesweit", "Online", "Beides"}
    assert titles(search(district=["dresden", "leipzig"])) == {
        "Dresden",
        "Leipzig",
        "Landesweit",
        "Online",
        "Beides",
    }
    assert titles(search(district=[STATEWIDE])) == {"Landesweit", "Beides"}
    assert titles(search(district=[ONLINE])) == {"Online", "Beides"}
    district_counts = counts(search(), "district")
    assert district_counts[STATEWIDE] == 2
    assert district_counts[ONLINE] == 2
    # A district's count is what the filter would show: local + statewide + online, once each.
    assert district_counts["dresden"] == 4
    assert district_counts["leipzig"] == 4
    assert district_counts["bautzen"] == 3
    # Disjunctive: the district facet is counted without its own filter.
    assert counts(result, "district") == district_counts


def test_sorting(offer_factory):
    offer_factory(title="Beta Beratung", age_days=3)
    offer_factory(title="Alpha Beratung", age_days=1)
    offer_factory(title="Gamma Beratung", age_days=2)
    assert [o.title for o in search(sort="title").offers] == [
        "Alpha Beratung",
        "Beta Beratung",
        "Gamma Beratung",
    ]
    newest = [o.title for o in search(sort="newest").offers]
    assert newest == ["Alpha Beratung", "Gamma Beratung", "Beta Beratung"]
    # Relevance without a query: newest first; with a query, ranked by the database.
    assert [o.title for o in search(sort="relevance").offers] == newest
    ranked = search("Beratung", sort="relevance")
    assert titles(ranked) == set(newest)
    assert all(hasattr(offer, "fulltext_rank") for offer in ranked.offers)
    # An unknown sort falls back to relevance.
    assert search(sort="bogus").sort == "relevance"


def test_relevance_prefers_more_matching_documents(offer_factory):
    offer_factory(title="Pflege", summary="Pflege und Betreuung", age_days=1)
    offer_factory(
        title="Pflegeausbildung",
        summary="Ausbildung in der Pflege, Pflegehilfe, Pflegekräfte " + "Text " * 40,
        age_days=5,
    )
    result = search("Pflege", sort="relevance")
    assert result.total == 2


def test_pagination(offer_factory):
    for number in range(25):
        offer_factory(title=f"Angebot {number:02d}")
    first = offers_search(query="", filters=OfferFilters(), sort="title", page=1)
    second = offers_search(query="", filters=OfferFilters(), sort="title", page=2)
    assert first.total == 25
    assert len(first.offers) == 20
    assert len(second.offers) == 5
    assert first.offers[0].title == "Angebot 00"
    # Out of range or nonsense: a valid page, never an error.
    assert offers_search(query="", filters=OfferFilters(), sort="title", page="x").page.number == 1
    assert offers_search(query="", filters=OfferFilters(), sort="title", page=99).page.number == 2


def test_suggestion_for_typos(offer_factory):
    offer_factory(title="Ausbildung im Handwerk", summary="Betriebliche Ausbildung")
    offer_factory(title="Fachkräfte aus dem Ausland")
    result = search("Ausbildnug")
    assert result.total == 0
    assert result.suggestion == "Ausbildung"
    assert result.suggestion_total == 1
    assert offer_query_suggestion(query="Fachkrafte Auslnad") == "Fachkräfte Ausland"
    # No suggestion when nothing is close, and none needed when there are results.
    assert search("Xylophon").suggestion == ""
    assert search("Ausbildung").suggestion == ""


def test_suggestion_respects_filters(offer_factory, topics):
    offer_factory(title="Ausbildung im Handwerk", topic_fields=[topics[0]])
    result = search("Ausbildnug", topic_field=[topics[1]])
    assert result.suggestion == "Ausbildung"
    assert result.suggestion_without_filters is True


def test_matching_queryset_nests_as_subquery(offer_factory, topics):
    """The full-text filter works inside IN-subqueries (aliases relabelled by Django)."""
    offer_factory(title="Ausbildung", topic_fields=[topics[0]])
    offer_factory(title="Anderes", topic_fields=[topics[0]])
    ids = offers_matching(query="Ausbildung", filters=OfferFilters(topic_field=(topics[0],)))
    assert Offer.objects.filter(pk__in=ids.values("pk")).count() == 1


def test_query_with_only_stop_words_or_symbols(offer_factory):
    offer_factory(title="Ausbildung")
    assert search("und der die").total == 1
    assert search('"*:()&|!').total == 1
    assert search("a" * 5000).total == 0


def test_fulltext_index_survives_migrations():
    """Later migrations rebuild tables on SQLite; post_migrate repairs the index every time."""
    for table in FULLTEXT_TABLES:
        assert fulltext_installed(connection, table)


def test_fulltext_ensure_repairs_a_dropped_index():
    fulltext_uninstall(CursorEditor(connection), "offers_offer")
    assert not fulltext_installed(connection, "offers_offer")
    assert fulltext_ensure() == ["offers_offer"]
    assert fulltext_installed(connection, "offers_offer")
    assert fulltext_ensure() == []


@pytest.mark.django_db
def test_search_state_cache_serves_counts_and_rechecks_offers(
    settings, offer_factory, django_assert_max_num_queries
):
    """A repeated search reuses ids and counts, but loads its offers through `public()` again."""
    settings.LOTSE_CATALOGUE_CACHE_SECONDS = 60
    first, second = (
        offer_factory(title=f"Anerkennungsberatung {n}", topic_fields=[TOPIC_A]) for n in (1, 2)
    )
    filters = OfferFilters(topic_field=(TOPIC_A,))
    cold = offers_search(query="Anerkennung", filters=filters, sort="relevance")
    assert cold.total == 2
    assert {offer.pk for offer in cold.offers} == {first.pk, second.pk}

    # The cached state costs the content version, the reference lists, the page and its
    # prefetch only: no facet statement, no ranking over all matches.
    with django_assert_max_num_queries(8) as captured:
        warm = offers_search(query="Anerkennung", filters=filters, sort="relevance")
    assert not any("WITH m AS" in query["sql"] for query in captured.captured_queries)
    assert warm.total == 2
    assert [offer.pk for offer in warm.offers] == [offer.pk for offer in cold.offers]
    assert warm.facets == cold.facets

    # Withdrawn within the cache's lifetime: the write moved the content version, so the page
    # and the counts are computed again at once.
    Offer.objects.filter(pk=first.pk).update(live=False)
    again = offers_search(query="Anerkennung", filters=filters, sort="relevance")
    assert [offer.pk for offer in again.offers] == [second.pk]
    assert again.total == 1

    # Without the cache every search computes everything again.
    settings.LOTSE_CATALOGUE_CACHE_SECONDS = 0
    fresh = offers_search(query="Anerkennung", filters=filters, sort="relevance")
    assert fresh.total == 1


@pytest.mark.django_db
def test_total_equals_count_of_all_matches(offer_factory):
    """The total is derived from the kind facet; it must equal a plain COUNT."""
    offer_factory(title="Beratung A", kind=Offer.Kind.ADVICE, topic_fields=[TOPIC_A])
    offer_factory(title="Beratung B", kind=Offer.Kind.ADVICE)
    offer_factory(title="Beratung C", kind=Offer.Kind.COURSE, topic_fields=[TOPIC_A])
    for filters in (
        OfferFilters(),
        OfferFilters(topic_field=(TOPIC_A,)),
        OfferFilters(kind=(Offer.Kind.COURSE,)),
        OfferFilters(kind=(Offer.Kind.COURSE, Offer.Kind.ADVICE), topic_field=(TOPIC_A,)),
    ):
        result = offers_search(query="Beratung", filters=filters, sort="relevance")
        assert result.total == offers_matching(query="Beratung", filters=filters).count()
