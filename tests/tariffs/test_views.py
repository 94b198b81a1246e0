import pytest
from django.core.files.base import ContentFile

from lotse.tariffs.models import CollectiveAgreement

pytestmark = pytest.mark.django_db


def test_search_page(client):
    response = client.get("/tarifauskunft/")
    assert response.status_code == 200
    assert "Branche, Tätigkeit oder Tarifpartei" in response.content.decode()


def test_answer_page_scaffolding_gap(client, tariff_register):
    response = client.get("/tarifauskunft/auskunft/?wz=43.99.1&stand=2025-11-15")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Lücke" in html
    assert "Stand: 15.11.2025." in html
    assert "keine Rechtsberatung" in html
    assert "12,82" in html
    assert "/tarifauskunft/auskunft.pdf?wz=43.99.1&amp;stand=2025-11-15" in html


def test_answer_page_english(client, tariff_register):
    response = client.get("/en/tarifauskunft/auskunft/?q=Pflege&stand=2025-08-01")
    assert response.status_code == 200
    assert "16.10" in response.content.decode()


def test_answer_hides_company_and_confidential(client, tariff_register):
    html = client.get("/tarifauskunft/auskunft/?wz=25.62&stand=2025-06-01").content.decode()
    assert "Muster GmbH" not in html
    assert "SN-TEST-0900" not in html
    assert "Entgelttarifvertrag Metall- und Elektroindustrie Sachsen (Test)" in html
    assert "1 Firmentarifvertrag oder vertraulicher Eintrag" in html


@pytest.mark.parametrize(
    ("page", "query", "message"),
    [
        ("auskunft", "q=Pflege&stand=31.02.2025", "gültiges Datum"),
        ("auskunft", "wz=99.99.9", "weder in der WZ 2008 noch in der WZ 2025"),
        ("auskunft", "stand=2025-01-01", "Bitte nennen Sie eine Branche"),
        ("lohncheck", "betrag=-5&einheit=hourly", "nicht negativ"),
        ("lohncheck", "betrag=abc&einheit=hourly", "Betrag in Euro"),
        ("lohncheck", "betrag=2000&einheit=monthly", "Wochenstunden"),
        ("lohncheck", "betrag=12&einheit=hourly&wz=00.00", "WZ 2025 bekannt"),
    ],
)
def test_bad_input_answers_400_in_german(client, page, query, message):
    response = client.get(f"/tarifauskunft/{page}/?{query}")
    assert response.status_code == 400
    assert message in response.content.decode()


def test_answer_pdf(client, tariff_register):
    response = client.get("/tarifauskunft/auskunft.pdf?q=Friseur&stand=2010-01-01")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_wage_check_monthly_arithmetic_shown(client, tariff_register):
    response = client.get(
        "/tarifauskunft/lohncheck/?betrag=2.000&einheit=monthly&stunden=40&q=&stand=2025-03-01"
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "173,33 Stunden im Monat" in html
    assert "11,54 € je Stunde" in html
    assert "unterschritten um 1,28 €" in html


def test_wage_check_care_floor(client, tariff_register):
    html = client.get(
        "/tarifauskunft/lohncheck/?betrag=16,00&einheit=hourly&q=Pflege&stand=2025-08-01"
    ).content.decode()
    assert "Pflegehilfskraft" in html
    assert "unterschritten um 0,10 €" in html


def test_wage_check_pdf(client):
    response = client.get("/tarifauskunft/lohncheck.pdf?betrag=12&einheit=hourly&stand=2025-01-01")
    assert response.content.startswith(b"%PDF")


def test_trainee_check(client):
    html = client.get(
        "/tarifauskunft/ausbildungsverguetung/?beginn=2025&jahr=3&verguetung=900"
    ).content.decode()
    assert "Mindestvergütung 921,00 €" in html
    assert "21,00 € unter der Mindestvergütung" in html
    response = client.get("/tarifauskunft/ausbildungsverguetung/?beginn=2027&jahr=1&verguetung=900")
    assert response.status_code == 400
    assert "noch nicht bekanntgegeben" in response.content.decode()
    pdf = client.get("/tarifauskunft/ausbildungsverguetung.pdf?beginn=2025&jahr=1&verguetung=700")
    assert pdf.content.startswith(b"%PDF")


def test_private_document_only_for_tarifregister(
    client, tariff_register, login, staff_users, settings, tmp_path
):
    settings.LOTSE_TARIFF_DOCUMENT_ROOT = tmp_path
    agreement = CollectiveAgreement.objects.get(register_number="SN-TEST-0900")
    agreement.document.save("haustarif.pdf", ContentFile(b"%PDF-1.4 secret"))
    url = f"/tarifauskunft/intern/dokument/{agreement.pk}/"
    assert client.get(url).status_code == 302
    assert login("redaktion").get(url).status_code == 403
    response = login("tarifregister").get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 secret"
    assert response["Cache-Control"] == "no-store"
    # never under a public URL
    assert not str(agreement.document.path).startswith(str(settings.MEDIA_ROOT))


def _sector_agreement(n: int):
    import datetime
    from decimal import Decimal

    from lotse.tariffs import services

    agreement = services.agreement_register(
        user=None,
        register_number=f"Q-{n}",
        title=f"Entgelttarifvertrag Gerüstbau {n}",
        kind="pay",
        level="sector",
        territory="saxony",
        concluded_on=datetime.date(2024, 1, 1),
        valid_from=datetime.date(2024, 1, 1),
        codes=["43.99.1"],
        parties=[services.party_create(user=None, name=f"Verband {n}", kind="union")],
    )
    for grade in ("1", "2"):
        services.provision_add(
            user=None,
            agreement=agreement,
            kind="pay",
            grade=grade,
            amount=Decimal("15"),
            unit="hourly",
            valid_from=datetime.date(2024, 1, 1),
        )


def test_answer_page_constant_queries(client, django_assert_max_num_queries):
    url = "/tarifauskunft/auskunft/?wz=43.99.1&stand=2025-01-01"
    _sector_agreement(0)
    with django_assert_max_num_queries(16) as one:
        assert client.get(url).status_code == 200
    for n in range(1, 15):
        _sector_agreement(n)
    with django_assert_max_num_queries(len(one.captured_queries)):
        html = client.get(url).content.decode()
    assert html.count("Entgelttarifvertrag Gerüstbau") == 15
