import pytest

from lotse.tariffs.models import CollectiveAgreement
from tests.tariffs.factories import register_agreement

pytestmark = pytest.mark.django_db
API = "/api/v1/tariffs"


def test_agreements_metadata_only_public(client, tariff_register):
    data = client.get(f"{API}/agreements?limit=100").json()
    numbers = {item["register_number"] for item in data["items"]}
    assert "SN-TEST-0900" not in numbers  # company and confidential
    assert "SN-DEMO-0003" in numbers
    assert (
        data["count"]
        == CollectiveAgreement.objects.filter(level="sector", confidential=False).count()
    )
    assert "document" not in data["items"][0]
    assert "Muster GmbH" not in str(data)
    hair = client.get(f"{API}/agreements?q=Friseur").json()
    assert [item["register_number"] for item in hair["items"]] == ["SN-DEMO-0003"]
    assert "2025:96.21.0" in hair["items"][0]["wz_codes"]


def test_confidential_sector_agreement_never_in_api_or_page(client, tariff_register):
    register_agreement(
        "SN-SECRET",
        title="Geheimer Branchentarifvertrag Gerüstbau",
        codes=["43.99.1"],
        confidential=True,
    )
    assert "SN-SECRET" not in client.get(f"{API}/agreements?limit=100").content.decode()
    lookup = client.get(f"{API}/lookup?wz=43.99.1&date=2025-11-15").json()
    assert lookup["agreements"] == []
    assert lookup["company_or_confidential_count"] == 1
    page = client.get("/tarifauskunft/auskunft/?q=Gerüstbau&stand=2025-11-15").content.decode()
    assert "Geheimer" not in page


def test_agreements_list_constant_queries(client, tariff_register, django_assert_max_num_queries):
    # The register version, the count, the page, its parties and codes (none when cached).
    with django_assert_max_num_queries(5):
        one = client.get(f"{API}/agreements?limit=1")
    with django_assert_max_num_queries(5):
        many = client.get(f"{API}/agreements?limit=100")
    assert len(one.json()["items"]) == 1
    assert len(many.json()["items"]) > 5


def test_lookup_gap_and_floors(client, tariff_register):
    data = client.get(f"{API}/lookup?wz=43.99.1&date=2025-11-15").json()
    assert data["sector_minimum_gap"] is True
    assert data["sector_minimums"] == []
    assert data["statutory_minimum_wage"] == "12.82"
    assert data["as_of"] == "Stand: 15.11.2025"
    assert "keine Rechtsberatung" in data["note"]
    care = client.get(f"{API}/lookup?q=Pflege&date=2025-08-01").json()
    rates = {rate["category"]: rate["amount"] for rate in care["sector_minimums"][0]["rates"]}
    assert rates["Pflegehilfskraft"] == "16.10"


def test_lookup_errors(client):
    response = client.get(f"{API}/lookup?wz=99.99.9")
    assert response.status_code == 422
    assert "WZ 2025" in response.json()["detail"]
    assert client.get(f"{API}/lookup").status_code == 422
    assert client.get(f"{API}/lookup?q=x&date=2025-13-01").status_code == 422


def test_minimum_wage(client):
    data = client.get(f"{API}/minimum-wage?date=2024-06-01").json()
    assert data["statutory_minimum_wage"] == "12.41"
    assert data["minimum_trainee_pay"]["3"] == "876.00"
    assert (
        client.get(f"{API}/minimum-wage?date=2026-01-01").json()["statutory_minimum_wage"]
        == "13.90"
    )


def test_wage_check(client, tariff_register):
    data = client.get(
        f"{API}/wage-check?amount=2000&unit=monthly&hours_per_week=40&date=2025-03-01"
    ).json()
    assert data["hourly"] == "11.54"
    assert data["monthly_hours"] == "173.33"
    assert data["below_any"] is True
    response = client.get(f"{API}/wage-check?amount=-3&unit=hourly")
    assert response.status_code == 422
    assert "negativ" in response.json()["detail"]


def test_in_openapi(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for path in ("agreements", "lookup", "minimum-wage", "wage-check", "trainee-pay-check"):
        assert f"/api/v1/tariffs/{path}" in paths
