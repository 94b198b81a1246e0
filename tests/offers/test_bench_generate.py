import pytest
from django.db import connection

from bench.generators import network as network_bench
from bench.generators import offers as offers_bench
from lotse.network.models import Actor
from lotse.offers import search_table
from lotse.offers.coverage import coverage_matrix
from lotse.offers.models import Offer

pytestmark = pytest.mark.django_db


def test_scale_one_creates_expected_counts_and_is_idempotent(django_assert_max_num_queries):
    # bulk inserts: SQLite allows 999 parameters per statement, so ~50 rows per INSERT;
    # one query per row would be more than 1,200.
    with django_assert_max_num_queries(200):
        assert "200 bench actors created" in network_bench.generate(scale=1, seed=7)
    with django_assert_max_num_queries(200):
        assert "1000 bench offers created" in offers_bench.generate(scale=1, seed=7)
    assert Actor.objects.filter(external_id__startswith="bench-").count() == 200
    assert Offer.objects.filter(external_id__startswith="bench-").count() == 1000
    assert Offer.objects.public().count() == 1000
    offer = Offer.objects.get(external_id="bench-o-0000001")
    assert offer.topic_fields.exists() and offer.search_document
    assert offer.districts.exists() or offer.statewide or offer.online

    assert "nothing to do" in network_bench.generate(scale=1, seed=7)
    assert "nothing to do" in offers_bench.generate(scale=1, seed=7)
    assert Actor.objects.count() == 200
    assert Offer.objects.count() == 1000
    assert sum(coverage_matrix().district_totals.values()) > 0


def test_offers_generator_creates_missing_actors_and_fills_gaps():
    offers_bench.generate(scale=1, seed=3)
    assert Actor.objects.filter(external_id__startswith="bench-a-").count() == 200
    Offer.objects.filter(external_id="bench-o-0000010").delete()
    assert "1 bench offers created" in offers_bench.generate(scale=1, seed=3)
    assert Offer.objects.count() == 1000


def _search_table_pages() -> int:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_relation_size('offers_offersearch') / current_setting('block_size')::int"
        )
        return int(cursor.fetchone()[0])


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the search table exists on PostgreSQL only"
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_generated_search_table_is_compact_after_the_commit():
    """The generator clusters after its transaction committed: the table then holds only the
    live row versions (inside the transaction it kept one dead version per facet table)."""
    network_bench.generate(scale=1, seed=5)
    offers_bench.generate(scale=1, seed=5)
    generated = _search_table_pages()
    search_table.cluster(connection)
    assert generated == _search_table_pages()


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the search table exists on PostgreSQL only"
)
def test_cluster_refuses_to_run_inside_a_transaction():
    with pytest.raises(RuntimeError, match="committed"):
        search_table.cluster(connection)
