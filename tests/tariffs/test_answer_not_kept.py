"""A new answer page computes its lookup without keeping it (`selectors.tariff_answer`), and the
small tables every answer reads stay in each process as objects (`cache.versioned_table`).

Neither may change a byte of a page: each kind of answer, in German and English, equals the page
rendered from the kept lookup and the unpickled tables, as before (computed, and read back from
the cache)."""

import datetime
from decimal import Decimal

import pytest
from django.core.cache import caches

from lotse.tariffs import selectors
from lotse.tariffs.cache import forget_tables, versioned, versioned_table
from lotse.tariffs.models import MinimumTraineePay, StatutoryMinimumWage
from tests.tariffs.factories import register_agreement

from .test_paging import declare_ave

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_german", "page_cache")]


@pytest.fixture
def page_cache(settings):
    """The page cache on (the test settings turn it off): an anonymous answer is kept by it."""
    settings.LOTSE_PAGE_CACHE_SECONDS = 300


D = datetime.date


def more_register(tariff_register: dict) -> None:
    """The metal agreement generally binding since 2025-03-01; an agreement of WZ 01.13 that
    ended without after-effect: nothing after 2021-12-31."""
    declare_ave(tariff_register["metal"], since=D(2025, 3, 1))
    register_agreement(
        "SN-TEST-0500",
        title="Tarifvertrag Gemüsebau <Test> & Co",
        valid_from=D(2020, 1, 1),
        valid_to=D(2021, 12, 31),
        after_effect=False,
        codes=["01.13"],
    )


ANSWERS = {
    # an agreement in force (IG Metall), with provisions on the date
    "found": "/tarifauskunft/auskunft/?wz=25.62&stand=2025-06-01",
    # an agreement in after-effect and one in force, found by words
    "words": "/tarifauskunft/auskunft/?q=Gastgewerbe&stand=2026-03-01",
    # generally binding on the date, found by words
    "binding": "/tarifauskunft/auskunft/?q=Metall&stand=2025-06-01",
    # a sector minimum wage in force
    "sector minimum": "/tarifauskunft/auskunft/?q=Dachdecker&stand=2025-06-01",
    # the same for a WZ code alone (its ordinances kept per register version)
    "sector minimum by code": "/tarifauskunft/auskunft/?wz=43.91.1&stand=2025-06-01",
    # a known sector with nothing registered on the date
    "nothing registered": "/tarifauskunft/auskunft/?wz=01.11&stand=2025-06-01",
    # after the register's last date for the sector
    "nothing after": "/tarifauskunft/auskunft/?wz=01.13&stand=2023-01-01",
    # before the statutory minimum wage (2015): no statutory floor
    "no statutory floor": "/tarifauskunft/auskunft/?wz=01.11&stand=2014-06-01",
    # words the register does not know
    "not found": "/tarifauskunft/auskunft/?q=Xylofonbau&stand=2025-06-01",
}


def forget_fragments() -> None:
    """Drops the pages and the answer's HTML, keeping the kept lookups and tables."""
    caches["pages"].clear()
    local = caches["local"]
    for key in [key for key in list(local._cache) if 'template.cache."tariffs.' in key]:
        local.delete(key.split(":", 2)[2])


def kept_paths(monkeypatch) -> None:
    """The paths before this change: the lookup kept in `caches["local"]`, the tables pickled."""

    def kept_answer(**kwargs) -> selectors.LookupResult:
        return selectors.tariff_lookup(**kwargs)

    monkeypatch.setattr(selectors, "tariff_answer", kept_answer)
    for name in ("_statutory_table", "_trainee_table", "districts"):
        function = getattr(selectors, name).uncached
        monkeypatch.setattr(selectors, name, versioned(name)(function))


@pytest.mark.parametrize("language", ["", "/en"])
@pytest.mark.parametrize("url", ANSWERS.values(), ids=ANSWERS.keys())
def test_answer_pages_equal_those_from_the_kept_lookup(
    client, tariff_register, monkeypatch, url, language
):
    more_register(tariff_register)
    response = client.get(language + url)
    assert response.status_code == 200
    new = response.content.decode()
    kept_paths(monkeypatch)
    for cache in caches.all():
        cache.clear()
    forget_tables()
    assert client.get(language + url).content.decode() == new  # computed
    forget_fragments()
    assert client.get(language + url).content.decode() == new  # read back from the cache


def test_the_kinds_of_answers_are_what_their_names_say(client, tariff_register):
    more_register(tariff_register)
    html = {name: client.get(url).content.decode() for name, url in ANSWERS.items()}
    assert "Entgelttarifvertrag Metall" in html["found"]
    assert "in Nachwirkung" in html["words"]
    assert "An diesem Tag allgemeinverbindlich" in html["binding"]
    assert "An diesem Tag allgemeinverbindlich" in html["found"]
    assert "Dachdeckerhandwerk" in html["sector minimum"]
    assert "€ je Stunde" in html["sector minimum"]
    assert "Dachdeckerhandwerk" in html["sector minimum by code"]
    assert "an diesem Tag nichts registriert" in html["nothing registered"]
    assert "nach dem 31.12.2021 keinen Eintrag" in html["nothing after"]
    assert "noch keinen gesetzlichen Mindestlohn" in html["no statutory floor"]
    assert "haben wir nicht gefunden" in html["not found"]


def test_answer_page_keeps_no_lookup(client, tariff_register):
    """Its HTML is kept (page cache and fragment); the lookup would only be pickled."""
    response = client.get(ANSWERS["found"])
    assert response.status_code == 200
    keys = list(caches["local"]._cache)
    assert any('template.cache."tariffs.page"' in key for key in keys)
    assert not [key for key in keys if "tariffs:lookup:" in key]
    # The API keeps its lookups as before.
    client.get("/api/v1/tariffs/lookup?wz=25.62&date=2025-06-01")
    assert [key for key in caches["local"]._cache if "tariffs:lookup:" in key]


def test_tables_are_read_once_per_version(django_assert_num_queries):
    reads = []

    @versioned_table("test-table")
    def table() -> list[int]:
        reads.append(1)
        return [len(reads)]

    with django_assert_num_queries(1):  # the version
        first = table()
    assert table() is first and reads == [1]
    StatutoryMinimumWage.objects.update(amount=Decimal("99.99"))  # no signals: the triggers
    assert table() == [2]
    assert selectors.statutory_minimum_on(D(2025, 6, 1)).amount == Decimal("99.99")


def test_answer_floors_follow_a_corrected_trainee_pay_at_once(client, tariff_register):
    url = ANSWERS["found"]
    assert "123,45 €" not in client.get(url).content.decode()
    MinimumTraineePay.objects.filter(start_year=2025).update(year_1=Decimal("123.45"))
    assert "1. Jahr: 123,45 €" in client.get(f"{url}&seite=1").content.decode()


def test_kept_tables_are_not_in_the_answers_cache(tariff_register):
    forget_tables()
    caches["local"].clear()
    assert selectors.statutory_minimum_on(D(2025, 6, 1)) is not None
    assert selectors.trainee_minimum_for(2025) is not None
    assert not list(caches["local"]._cache)


def test_answer_page_keeps_its_lookup_when_the_page_cache_does_not_keep_it(
    client, tariff_register, settings, django_assert_num_queries
):
    """Signed in or with the page cache off, a repeated answer still costs one query."""
    settings.LOTSE_PAGE_CACHE_SECONDS = 0
    url = ANSWERS["words"]
    first = client.get(url).content.decode()
    assert [key for key in caches["local"]._cache if "tariffs:lookup:" in key]
    with django_assert_num_queries(1):  # the register version
        assert client.get(url).content.decode() == first
