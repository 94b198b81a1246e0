"""Compounds and synonyms in the search (issue 11/8): index tails, editable synonym groups,
English queries, the cache keyed by the expanded query, the directory search."""

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation

from lotse.core.fulltext import compound_tails, search_document
from lotse.core.fulltext_db import _pg_query, _sqlite_match
from lotse.core.models import SearchSynonym
from lotse.core.synonyms import expand_query, search_clauses
from lotse.offers.selectors import OfferFilters, offers_export_rows, offers_search
from tests.offers.review_helpers import make_actor, make_editor, make_partner

pytestmark = pytest.mark.django_db


def total(query: str, language: str = "de") -> int:
    with translation.override(language):
        return offers_search(query=query, filters=OfferFilters(), sort="relevance").total


# --- compounds ------------------------------------------------------------------------------


def test_tails_of_a_compound_are_indexed():
    document = search_document(["Fachkräfteeinwanderungsgesetz"], compounds=True).split()
    assert "einwanderungsgesetz" in document
    assert "gesetz" in document
    # Spelt with "ae" the same tails are found.
    assert compound_tails("Fachkraefteeinwanderungsgesetz") == compound_tails(
        "Fachkräfteeinwanderungsgesetz"
    )


def test_tails_only_where_a_model_asks_for_them():
    # The tariff register's documents are unchanged (its stored documents have no tails).
    assert search_document(["Fachkräfteeinwanderungsgesetz"]) == "fachkrafteeinwanderungsgesetz"


def test_words_that_are_no_compounds_stay_whole():
    assert compound_tails("Beratung") == ()
    assert compound_tails("Integration") == ()
    # A known part at the very start is not a tail ("Netzwerk" is no "Werk").
    assert compound_tails("Netzwerk") == ()


def test_a_word_inside_a_compound_finds_the_offer(offer_factory):
    offer_factory(title="Beratung zum Fachkräfteeinwanderungsgesetz")
    offer_factory(title="Pflegefachkräfte gewinnen")
    assert total("Einwanderung") == 1
    assert total("Einwanderungsgesetz") == 1
    assert total("Gesetz") == 1
    assert total("Fachkräfte") == 2  # the first part of one, the tail of the other


def test_export_uses_the_same_expanded_search(offer_factory):
    offer_factory(title="Beratung zum Fachkräfteeinwanderungsgesetz")
    rows = offers_export_rows(query="Einwanderung", filters=OfferFilters(), sort="title")
    assert [row["title"] for row in rows] == ["Beratung zum Fachkräfteeinwanderungsgesetz"]


# --- synonyms -------------------------------------------------------------------------------


def test_query_expansion_with_a_group():
    groups = [[("sprachkur",), ("deutschkur",), ("german", "cours")]]
    group_clause = (("deutschkur",), ("sprachkur",), ("german", "cours"))
    # "Deutschkurse" (stem "deutschkurs") is the term "Deutschkurs" (stem "deutschkur").
    assert expand_query("Deutschkurse Leipzig", groups) == [group_clause, "leipzig"]
    # A phrase of the group is matched as a whole.
    assert expand_query("German course", groups) == [group_clause]
    assert expand_query("Kurs", groups) == ["kur"]


def test_expanded_queries_are_the_same_boolean_on_both_databases():
    clauses = [(("sprachkur",), ("german", "cours")), "leipzig"]
    assert _sqlite_match(clauses) == '(("sprachkur"*) OR ("german"* AND "cours"*)) AND "leipzig"*'
    assert _pg_query(clauses) == "((sprachkur:*) | (german:* & cours:*)) & leipzig:*"


def test_initial_groups_translate_english_queries(offer_factory):
    offer_factory(title="Anerkennungsberatung", summary="Wir prüfen Ihren Abschluss.")
    offer_factory(title="Hilfe beim Visum")
    assert total("recognition", "en") == 1
    assert total("recognition of qualifications", "en") == 1
    assert total("visa", "en") == 1
    assert total("Deutschkurs") == 0


def test_an_edited_group_takes_effect_at_once_even_with_the_cache(offer_factory, settings):
    settings.LOTSE_CATALOGUE_CACHE_SECONDS = 60
    cache.clear()
    offer_factory(title="Kursangebot Sprachtraining für Pflegekräfte")
    SearchSynonym.objects.all().delete()
    assert total("Sprachunterricht") == 0
    assert total("Sprachunterricht") == 0  # now cached
    group = SearchSynonym.objects.create(terms="Sprachunterricht, Sprachtraining")
    assert total("Sprachunterricht") == 1
    group.terms = "Sprachunterricht, Deutschstunde"
    group.save()
    assert total("Sprachunterricht") == 0
    group.delete()
    assert search_clauses("Sprachunterricht") == ["sprachunterricht"]


def test_a_group_needs_two_searchable_terms():
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as error:
        SearchSynonym(terms="Sprachkurs, sprachkurs").full_clean()
    assert "mindestens zwei" in str(error.value)
    with pytest.raises(ValidationError) as error:
        SearchSynonym(terms="Sprachkurs, und").full_clean()
    assert "kein suchbares Wort: und" in str(error.value)


def test_the_redaktion_keeps_the_groups_in_the_back_office(client, offer_factory):
    offer_factory(title="Kursangebot Sprachtraining")
    client.force_login(make_editor())
    index = reverse("wagtailsnippets_core_searchsynonym:list")
    assert client.get(index).status_code == 200
    assert client.get(index, {"q": "Deutschkurs"}).status_code == 200
    add = reverse("wagtailsnippets_core_searchsynonym:add")
    response = client.post(add, {"terms": "Sprachunterricht, Sprachtraining", "note": ""})
    assert response.status_code == 302
    assert total("Sprachunterricht") == 1
    # Bad input: a clear German message, nothing saved.
    count = SearchSynonym.objects.count()
    response = client.post(add, {"terms": "Sprachunterricht", "note": ""})
    assert response.status_code == 200
    assert "mindestens zwei verschiedene Begriffe" in response.content.decode()
    assert SearchSynonym.objects.count() == count


def test_partners_cannot_see_or_edit_the_groups(client):
    partner = make_partner("paula", make_actor("Anbieter Paula"))
    client.force_login(partner)
    group = SearchSynonym.objects.first()
    for url in (
        reverse("wagtailsnippets_core_searchsynonym:list"),
        reverse("wagtailsnippets_core_searchsynonym:add"),
        reverse("wagtailsnippets_core_searchsynonym:edit", args=[group.pk]),
        reverse("wagtailsnippets_core_searchsynonym:delete", args=[group.pk]),
    ):
        response = client.get(url)
        assert response.status_code in (302, 403), url
    assert client.post(
        reverse("wagtailsnippets_core_searchsynonym:delete", args=[group.pk])
    ).status_code in (302, 403)
    assert SearchSynonym.objects.filter(pk=group.pk).exists()


def test_search_reindex_recomputes_stored_documents(offer_factory):
    from io import StringIO

    from django.core.management import call_command

    from lotse.offers.models import Offer

    offer = offer_factory(title="Beratung zur Fachkräfteeinwanderung")
    # A document as stored before compound tails existed.
    Offer.objects.filter(pk=offer.pk).update(search_document="berat fachkrafteeinwander")
    assert total("Einwanderung") == 0
    out = StringIO()
    call_command("search_reindex", stdout=out)
    assert "1 Angebote" in out.getvalue()
    assert total("Einwanderung") == 1
