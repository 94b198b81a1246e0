"""The API: parameters on a date with sources, evaluation, 422 in the chosen language."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.usefixtures("check_day")

BODY = {
    "on": "2026-03-01",
    "citizenship": "IN",
    "qualification": "academic",
    "recognition": "not_needed",
    "job_offer": True,
    "salary": 52000,
    "german": "A2",
    "age": 31,
}


def test_parameters_on_a_date_with_sources(client, migration_rules):
    data = client.get("/api/v1/migration-check/parameters?date=2025-12-31").json()
    assert data["thresholds"]["blue_card"] == "48300.00"
    keys = {row["key"] for row in data["parameters"]}
    assert {"bbg_pension", "blue_card_share", "westbalkan_quota_exhausted"} <= keys
    assert all(row["source_url"].startswith("https://") for row in data["parameters"])
    new_year = client.get("/api/v1/migration-check/parameters?date=2026-01-01").json()
    assert new_year["thresholds"]["blue_card"] == "50700.00"
    assert "westbalkan_quota_exhausted" not in {row["key"] for row in new_year["parameters"]}


def test_parameters_default_to_today(client, migration_rules):
    data = client.get("/api/v1/migration-check/parameters").json()
    assert data["date"] == "2026-03-02"


def test_parameters_with_a_bad_date_answer_422_in_the_language(client, migration_rules):
    response = client.get("/api/v1/migration-check/parameters?date=gestern&lang=es")
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["query", "date"]
    assert "AAAA-MM-DD" in response.json()["detail"][0]["msg"]


def test_evaluate(client, migration_rules):
    response = client.post(
        "/api/v1/migration-check/evaluate", BODY, content_type="application/json"
    )
    assert response.status_code == 200
    data = response.json()
    statuses = {route["key"]: route["status"] for route in data["routes"]}
    assert statuses["18g"] == "open"
    assert statuses["26"] == "closed"
    assert data["rules_date"] == "2026-12-06"
    assert data["notice"] == "Information, keine Rechtsberatung."


def test_evaluate_in_vietnamese(client, migration_rules):
    body = {**BODY, "lang": "vi"}
    data = client.post(
        "/api/v1/migration-check/evaluate", body, content_type="application/json"
    ).json()
    assert data["lang"] == "vi"
    assert data["notice"] == "Thông tin, không phải tư vấn pháp lý."


@pytest.mark.parametrize(
    ("changes", "field", "lang", "message"),
    [
        ({"salary": -1}, "salary", "de", "Das Gehalt kann nicht negativ sein."),
        ({"age": 300}, "age", "en", "Please give an age from 15 to 99 years."),
        ({"citizenship": "Atlantis"}, "citizenship", "ru", "Пожалуйста, выберите гражданство"),
        ({"on": "1900-01-01"}, "on", "ar", "18.11.2023"),
    ],
)
def test_evaluate_bad_input_answers_422_in_the_chosen_language(
    client, migration_rules, changes, field, lang, message
):
    body = {**BODY, **changes, "lang": lang}
    response = client.post(
        "/api/v1/migration-check/evaluate", body, content_type="application/json"
    )
    assert response.status_code == 422
    errors = {error["loc"][1]: error["msg"] for error in response.json()["detail"]}
    assert message in errors[field]


scalars = st.none() | st.booleans() | st.integers(-(10**15), 10**15) | st.text(max_size=20)
scalars = scalars | st.floats(allow_nan=True, allow_infinity=True)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(body=st.dictionaries(st.sampled_from([*BODY, "lang", "district", "abroad"]), scalars))
def test_no_body_gives_a_server_error(client, migration_rules, body):
    response = client.post(
        "/api/v1/migration-check/evaluate", body, content_type="application/json"
    )
    assert response.status_code in (200, 422)
