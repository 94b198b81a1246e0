"""The register version and the answers cached under it: never stale, cheap when unchanged."""

from decimal import Decimal

import pytest
from django.core.cache import caches
from django.db import connection

from lotse.core.models import Region
from lotse.tariffs import selectors, services, versioning
from lotse.tariffs.models import (
    CollectiveAgreement,
    Provision,
    RegisterVersion,
    SectorSynonym,
    StatutoryMinimumWage,
)

from .test_paging import ANSWER, CODE, ON, D, bulk_agreements, declare_ave

pytestmark = pytest.mark.django_db


def test_every_table_of_the_register_has_its_triggers():
    installed = versioning.installed_triggers(connection)
    per_table = 1 if connection.vendor == "postgresql" else 3
    tables = versioning.watched_tables()
    assert "tariffs_provision" in tables and "core_region" in tables
    assert "tariffs_collectiveagreement_parties" in tables
    assert "tariffs_registerversion" not in tables
    assert {table: installed.get(table) for table in tables} == dict.fromkeys(tables, per_table)


def test_installing_again_changes_nothing():
    before = versioning.installed_triggers(connection)
    versioning.install_triggers(connection)
    assert versioning.installed_triggers(connection) == before


@pytest.mark.parametrize(
    "write",
    [
        pytest.param(lambda rows: bulk_agreements(1, prefix="N"), id="bulk-insert"),
        pytest.param(
            lambda rows: CollectiveAgreement.objects.filter(pk=rows[0].pk).update(title="Neu"),
            id="queryset-update",
        ),
        pytest.param(
            lambda rows: Provision.objects.bulk_create(
                [
                    Provision(
                        agreement=rows[0],
                        kind="pay",
                        grade="E1",
                        amount=Decimal(2500),
                        unit="monthly",
                        valid_from=ON,
                    )
                ]
            ),
            id="provision",
        ),
        pytest.param(
            lambda rows: rows[0].parties.add(
                services.party_create(user=None, name="IG Beispiel", kind="union")
            ),
            id="many-to-many",
        ),
        pytest.param(lambda rows: SectorSynonym.objects.all().delete(), id="delete"),
        pytest.param(
            lambda rows: StatutoryMinimumWage.objects.update(source="Korrektur"), id="floors"
        ),
        pytest.param(
            lambda rows: Region.objects.filter(pk=Region.objects.first().pk).update(
                name_en="Changed"
            ),
            id="district",
        ),
    ],
)
def test_any_write_to_the_register_moves_the_version(write):
    rows = bulk_agreements(2)
    before = versioning.current_version()
    write(rows)
    after = versioning.current_version()
    assert after != before
    assert int(after.split("-")[0]) > int(before.split("-")[0])


def test_reading_the_version_is_one_query(django_assert_num_queries):
    with django_assert_num_queries(1):
        versioning.current_version()


def test_a_missing_version_row_still_keys_the_cache():
    RegisterVersion.objects.all().delete()
    assert versioning.current_version() == "0-"
    bulk_agreements(1)  # the triggers create the row again, with a fresh token
    version, token = versioning.current_version().split("-")
    assert int(version) >= 1 and len(token) == 32


def test_answer_is_served_from_the_cache_until_the_register_changes(
    client, django_assert_num_queries
):
    rows = bulk_agreements(3)
    first = client.get(ANSWER).content.decode()
    assert "Tarifvertrag T 0002" in first
    with django_assert_num_queries(1):  # the version; the districts and the answer are cached
        again = client.get(ANSWER).content.decode()
    assert again == first
    declare_ave(rows[2], since=D(2024, 1, 1))
    bulk_agreements(1, prefix="N", first_day=D(2024, 6, 1))
    changed = client.get(ANSWER).content.decode()
    assert "Tarifvertrag N 0000" in changed
    assert "allgemeinverbindlich" in changed.split("Tarifvertrag T 0002")[1]


def test_correction_through_the_service_shows_at_once(client):
    rows = bulk_agreements(1)
    assert "Tarifvertrag T 0000" in client.get(ANSWER).content.decode()
    CollectiveAgreement.objects.filter(pk=rows[0].pk).update(after_effect=False)
    services.agreement_end(user=None, agreement=rows[0], valid_to=D(2024, 6, 30))
    html = client.get(ANSWER).content.decode()
    assert "Tarifvertrag T 0000" not in html


def test_bad_input_is_not_cached_and_says_so_each_time(client):
    for _ in range(2):
        response = client.get("/tarifauskunft/auskunft/?wz=99.99.9&stand=2025-01-01")
        assert response.status_code == 400
        assert "weder in der WZ 2008 noch in der WZ 2025 bekannt" in response.content.decode()
    assert not any(key.startswith(":1:tariffs:lookup") for key in caches["local"]._cache)


def test_agreement_page_follows_a_new_provision(client):
    rows = bulk_agreements(1)
    url = f"/tarifauskunft/tarifvertrag/{rows[0].register_number}/?stand=2025-01-01"
    assert "2.777 € je Monat" not in client.get(url).content.decode()
    services.provision_add(
        user=None,
        agreement=rows[0],
        kind="pay",
        grade="E7",
        amount=Decimal("2777"),
        unit="monthly",
        valid_from=D(2024, 1, 1),
    )
    assert "2.777 € je Monat" in client.get(url).content.decode()


def test_hidden_agreement_stays_hidden_through_the_cache(client):
    rows = bulk_agreements(1, prefix="H", level="company")
    url = f"/tarifauskunft/tarifvertrag/{rows[0].register_number}/?stand=2025-01-01"
    assert client.get(url).status_code == 404
    assert client.get(url).status_code == 404
    CollectiveAgreement.objects.filter(pk=rows[0].pk).update(confidential=True)
    assert client.get(url).status_code == 404


def test_wage_check_follows_a_new_statutory_minimum(client):
    url = "/tarifauskunft/lohncheck/?betrag=30&einheit=hourly&stand=2031-01-01"
    assert "30,00" in client.get(url).content.decode()
    services.statutory_wage_add(
        user=None, valid_from=D(2031, 1, 1), amount=Decimal("31.00"), source="Test"
    )
    html = client.get(url).content.decode()
    assert "31,00" in html


def test_keys_differ_by_every_parameter():
    base = {"query": "", "wz": CODE, "territory": "", "on": ON, "page": 1}
    keys = {
        selectors_key(base),
        selectors_key({**base, "wz": "43.21.0"}),
        selectors_key({**base, "territory": "sachsen"}),
        selectors_key({**base, "on": D(2025, 1, 2)}),
        selectors_key({**base, "page": 2}),
        selectors_key({**base, "query": "Bau"}),
    }
    assert len(keys) == 6


def selectors_key(params: dict) -> str:
    from lotse.tariffs.cache import cache_key

    return cache_key("lookup", "1-x", params)


def test_uncached_selector_stays_available():
    bulk_agreements(2)
    cached = selectors.tariff_lookup(wz=CODE, on=ON)
    plain = selectors.tariff_lookup.uncached(wz=CODE, on=ON)
    assert [a.agreement.pk for a in cached.agreements] == [a.agreement.pk for a in plain.agreements]
    with pytest.raises(TypeError):
        selectors.tariff_lookup(CODE)


@pytest.mark.parametrize(
    "url",
    [
        f"/api/v1/tariffs/lookup?wz={CODE}&date=2025-01-01",
        "/api/v1/tariffs/agreements?limit=5",
        f"/api/v1/tariffs/wage-check?amount=14&wz={CODE}&date=2025-01-01",
        f"/tarifauskunft/lohncheck/?betrag=14&einheit=hourly&wz={CODE}&stand=2025-01-01",
    ],
)
def test_unchanged_register_costs_one_query(client, url, django_assert_num_queries):
    bulk_agreements(3)
    first = client.get(url)
    assert first.status_code == 200
    with django_assert_num_queries(1):
        again = client.get(url)
    assert again.content == first.content


def test_api_list_follows_a_new_agreement(client):
    bulk_agreements(2)
    url = "/api/v1/tariffs/agreements?wz=" + CODE
    assert client.get(url).json()["count"] == 2
    bulk_agreements(1, prefix="N")
    data = client.get(url).json()
    assert data["count"] == 3
    assert "N-0000" in {item["register_number"] for item in data["items"]}


def test_cached_answer_html_is_per_language(client):
    bulk_agreements(1)
    german = client.get(ANSWER).content.decode()
    english = client.get(f"/en{ANSWER}").content.decode()
    assert "1 Branchentarifvertrag gilt an diesem Tag oder wirkt nach." in german
    assert "1 sector agreement applies or has after-effect on this day." in english
    assert "Branchentarifvertrag gilt" not in english
    assert client.get(ANSWER).content.decode() == german
