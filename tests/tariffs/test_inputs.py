"""No input of the wage check, the trainee pay check or the lookup yields a 500 (page and API).

Bad numbers get a clear German message: 400 on the pages, 422 in the API.
"""

import pytest
from django.test import Client
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db
API = "/api/v1/tariffs"

NUMBERS = [
    "1e30", "-1e30", "1E+999999", "1e-30", "NaN", "nan", "Infinity", "-inf", "sNaN", "-0",
    "0", "0,001", "13,50", "2.300", "1.000.000,01", "999999999999999999999999999999", "12.5.3",
    "1_000", "٣", "１２", " 12 ", "12€", "0x10", "",
]  # fmt: skip
TEXT = st.one_of(
    st.sampled_from(NUMBERS),
    st.text(max_size=40),
    st.sampled_from(["\x00", "a\x00b", "ä" * 300, "43.99.1", "4399", "Pflege", "hourly"]),
)
FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.mark.parametrize(
    ("endpoint", "query", "message"),
    [
        ("wage-check", "amount=1e30", "Betrag in Euro"),
        ("wage-check", "amount=99999999999999999999999", "unplausibel hoch"),
        ("wage-check", "amount=1000000.01", "unplausibel hoch"),
        ("wage-check", "amount=NaN", "Betrag in Euro"),
        ("wage-check", "amount=Infinity", "Betrag in Euro"),
        ("wage-check", "amount=abc", "Betrag in Euro"),
        ("wage-check", "amount=-0.01", "nicht negativ"),
        ("wage-check", "amount=2000&unit=monthly&hours_per_week=1e30", "Wochenstunden"),
        ("wage-check", "amount=2000&unit=monthly&hours_per_week=NaN", "Wochenstunden"),
        ("wage-check", "amount=2000&unit=monthly&hours_per_week=0", "Wochenstunden"),
        ("wage-check", "amount=2000&unit=monthly", "Wochenstunden"),
        ("wage-check", "amount=12&unit=weekly", "Stunden- oder Monatsentgelt"),
        ("wage-check", "amount=12&date=0001-01-01", "zwischen 1949 und 2100"),
        ("trainee-pay-check", "start_year=1e30&training_year=1&monthly_pay=700", "Jahr als Zahl"),
        (
            "trainee-pay-check",
            "start_year=1999&training_year=1&monthly_pay=700",
            "zwischen 2000 und 2100",
        ),
        (
            "trainee-pay-check",
            "start_year=2025&training_year=5&monthly_pay=700",
            "zwischen 1 und 4",
        ),
        ("trainee-pay-check", "start_year=2025&training_year=1&monthly_pay=1e30", "Betrag in Euro"),
        (
            "trainee-pay-check",
            "start_year=2025&training_year=1&monthly_pay=99999999999",
            "unplausibel hoch",
        ),
        ("trainee-pay-check", "start_year=2025&training_year=1&monthly_pay=", "Betrag in Euro"),
        (
            "trainee-pay-check",
            "start_year=2027&training_year=1&monthly_pay=700",
            "noch nicht bekanntgegeben",
        ),
    ],
)
def test_api_bad_input_is_422_with_a_german_message(client, endpoint, query, message):
    response = client.get(f"{API}/{endpoint}?{query}")
    assert response.status_code == 422
    assert message in response.json()["detail"]


def test_api_wage_check_accepts_german_notation(client):
    data = client.get(f"{API}/wage-check?amount=2.000&unit=monthly&hours_per_week=40,0").json()
    assert data["hourly"] == "11.54"


@pytest.mark.parametrize(
    "query",
    [
        "betrag=1e30&einheit=hourly",
        "betrag=NaN&einheit=hourly",
        "betrag=2000&einheit=monthly&stunden=1e30",
        "betrag=2000&einheit=monthly&stunden=0,001",
        "betrag=1000000&einheit=monthly&stunden=0,01",
    ],
)
def test_page_wage_check_bad_numbers_are_400(client, query):
    response = client.get(f"/tarifauskunft/lohncheck/?{query}")
    assert response.status_code == 400
    assert "Bitte prüfen Sie Ihre Angaben" in response.content.decode()


@pytest.mark.parametrize(
    "query",
    ["beginn=1e30&jahr=1&verguetung=700", "beginn=2025&jahr=9&verguetung=700",
     "beginn=2025&jahr=1&verguetung=1e30", "beginn=2025&jahr=1&verguetung=NaN",
     "beginn=99999999999999999999999&jahr=1&verguetung=700"],
)  # fmt: skip
def test_page_trainee_check_bad_numbers_are_400(client, query):
    response = client.get(f"/tarifauskunft/ausbildungsverguetung/?{query}")
    assert response.status_code == 400


def _never_fails(url, params, allowed):
    """GET `url` with `params` by a client that turns an exception in the view into a 500: the
    answer is one of `allowed`."""
    response = Client(raise_request_exception=False).get(url, params)
    assert response.status_code in allowed, response.content[:500]


@FUZZ
@given(
    betrag=TEXT, einheit=TEXT, stunden=TEXT, q=TEXT, wz=TEXT, stand=TEXT,
    pdf=st.booleans(),
)  # fmt: skip
@example(betrag="1e30", einheit="hourly", stunden="", q="", wz="", stand="", pdf=False)
@example(betrag="12", einheit="hourly", stunden="", q="a\x00b", wz="\x00", stand="", pdf=False)
def test_page_wage_check_never_fails(betrag, einheit, stunden, q, wz, stand, pdf):
    url = "/tarifauskunft/lohncheck.pdf" if pdf else "/tarifauskunft/lohncheck/"
    data = {"betrag": betrag, "einheit": einheit, "stunden": stunden, "q": q, "wz": wz}
    _never_fails(url, {**data, "stand": stand}, {200, 400})


@FUZZ
@given(
    amount=TEXT, unit=TEXT, hours=TEXT, q=TEXT, wz=TEXT,
    date=st.one_of(TEXT, st.dates().map(str)),
)  # fmt: skip
@example(amount="1e30", unit="hourly", hours="", q="", wz="", date="")
@example(amount="12", unit="monthly", hours="1e30", q="\x00", wz="", date="2025-01-01")
def test_api_wage_check_never_fails(amount, unit, hours, q, wz, date):
    params = {"amount": amount, "unit": unit, "hours_per_week": hours, "q": q, "wz": wz}
    params["date"] = date
    _never_fails(f"{API}/wage-check", params, {200, 422})


@FUZZ
@given(beginn=TEXT, jahr=TEXT, verguetung=TEXT)
@example(beginn="2025", jahr="1", verguetung="1e30")
def test_page_trainee_check_never_fails(beginn, jahr, verguetung):
    params = {"beginn": beginn, "jahr": jahr, "verguetung": verguetung}
    _never_fails("/tarifauskunft/ausbildungsverguetung/", params, {200, 400})


@FUZZ
@given(
    q=TEXT, wz=TEXT, territory=TEXT, page=TEXT,
    date=st.one_of(TEXT, st.dates().map(str)),
)  # fmt: skip
@example(q="Pflege", wz="", territory="\x00", page="1", date="")
@example(q="a\x00", wz="", territory="", page="99999999999999999999", date="")
def test_api_lookup_never_fails(q, wz, territory, page, date):
    params = {"q": q, "wz": wz, "territory": territory, "page": page, "date": date}
    _never_fails(f"{API}/lookup", params, {200, 422})


@FUZZ
@given(q=TEXT, wz=TEXT, gebiet=TEXT, seite=TEXT, stand=TEXT)
@example(q="Pflege", wz="4399", gebiet="\x00", seite="1", stand="")
def test_page_lookup_never_fails(q, wz, gebiet, seite, stand):
    params = {"q": q, "wz": wz, "gebiet": gebiet, "seite": seite, "stand": stand}
    _never_fails("/tarifauskunft/auskunft/", params, {200, 400})


def test_api_trainee_pay_check(client):
    data = client.get(
        f"{API}/trainee-pay-check?start_year=2025&training_year=3&monthly_pay=900"
    ).json()
    assert data["minimum"] == "921.00"
    assert data["met"] is False
    assert data["difference"] == "21.00"


@FUZZ
@given(start_year=TEXT, training_year=TEXT, monthly_pay=TEXT)
@example(start_year="2025", training_year="1", monthly_pay="1e30")
def test_api_trainee_pay_check_never_fails(start_year, training_year, monthly_pay):
    params = {"start_year": start_year, "training_year": training_year, "monthly_pay": monthly_pay}
    _never_fails(f"{API}/trainee-pay-check", params, {200, 422})
