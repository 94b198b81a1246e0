"""Inquiry figures on the district profiles: only the anonymised fact table, the desk's own
suppression rule (fewer than five cases: "weniger als 5", shares "–"), the same figures as the
fact table, no personal data, a constant number of queries; and the public CSV of the desk
statistics (the catalogue's distribution beside `/api/v1/desk/statistics`)."""

import datetime as dt

import pytest
import time_machine
from django.db import connection
from django.db.models import Count
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lotse.core.models import Region
from lotse.desk import services
from lotse.desk.models import InquiryFact
from lotse.desk.selectors import MIN_CELL, district_inquiries
from tests.figures.factories import inquiry_facts
from tests.figures.pages import DRESDEN, section_text

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_today")]


def facts(count, *, month=dt.date(2026, 10, 1), **values):
    inquiry_facts(count, month=month, **values)


def test_four_are_suppressed_five_are_shown():
    assert MIN_CELL == 5
    facts(5, requester_type="betrieb")
    facts(4, requester_type="ausland", first_response_met=False)
    figures = district_inquiries(district="14612")
    by_type = {cell.key: cell.count for cell in figures.recent_by_requester_type}
    assert by_type == {"betrieb": 5, "ausland": None}
    assert figures.recent.count == 9
    assert figures.recent.first_response_met_share == round(100 * 5 / 9, 1)
    assert figures.suppressed


def test_the_page_shows_the_figures_of_the_fact_table(client):
    facts(6, topic_field="integration-fachkraefteeinwanderung", requester_type="betrieb")
    facts(5, topic_field="ausbildung-weiterbildung", requester_type="beschaeftigte")
    facts(
        3, topic_field="ausbildung-weiterbildung", requester_type="ausland", first_response_met=None
    )
    facts(7, month=dt.date(2024, 3, 1))  # another year, outside the last twelve months
    facts(9, district="14713")  # Leipzig
    html = section_text(client.get(DRESDEN).content.decode(), "inquiries-heading")
    # the page's figures are the fact table's counts for Dresden since January 2026
    recent = InquiryFact.objects.filter(district="14612", month__gte=dt.date(2026, 1, 1))
    by_field = dict(recent.values_list("topic_field").annotate(n=Count("pk")))
    assert by_field == {"integration-fachkraefteeinwanderung": 6, "ausbildung-weiterbildung": 8}
    assert f"Gesamt Alle Anfragen {recent.count()} " in html
    integration = by_field["integration-fachkraefteeinwanderung"]
    assert f"Themenfeld Integration und Fachkräfteeinwanderung {integration} " in html
    assert f"Themenfeld Aus- und Weiterbildung {by_field['ausbildung-weiterbildung']} " in html
    assert "Wer fragt Betrieb oder Unternehmen 6 100,0 %" in html
    assert "Wer fragt Fachkraft im Ausland weniger als 5 –" in html  # three from abroad
    assert "Zahlen unter 5 Fällen veröffentlichen wir nicht" in html
    # per year: 2026 = 14, 2024 = 7; Leipzig's nine are not counted anywhere
    assert "Kalenderjahr 2026 14 " in html and "Kalenderjahr 2024 7 " in html
    assert " 9 " not in html and " 23 " not in html


def test_no_inquiries_yet_says_so(client):
    facts(9, district="14713")
    html = section_text(client.get(DRESDEN).content.decode(), "inquiries-heading")
    assert "Aus diesem Kreis liegen noch keine Anfragen an den Lotsendienst vor." in html
    assert "weniger als" not in html


def test_only_suppressed_cells_explain_the_rule(client):
    facts(3)
    html = section_text(client.get(DRESDEN).content.decode(), "inquiries-heading")
    assert "weniger als 5" in html and "Zahlen unter 5 Fällen" in html
    assert " 3 " not in html


def test_no_personal_data_on_the_page(client):
    with time_machine.travel(dt.datetime(2026, 11, 3, 10, tzinfo=dt.UTC), tick=False):
        for _ in range(6):
            services.submit_inquiry(
                requester_type="betrieb",
                topic_field=None,
                district=Region.objects.get(code="14612"),
                question="Geheime Frage von Zoe Zauberhaft",
                email="zoe@example.org",
                phone="0351 123456",
                contact_preference="email",
                language="de",
                consent_version=1,
                name="Zoe Zauberhaft",
            )
    html = client.get(DRESDEN).content.decode()
    assert "Gesamt Alle Anfragen 6 " in section_text(html, "inquiries-heading")
    for secret in ("Zoe", "zoe@", "Geheime", "123456", "LD-2026"):
        assert secret not in html


def test_the_profile_with_inquiries_costs_a_constant_number_of_queries(
    client, django_assert_num_queries
):
    facts(5)
    client.get(DRESDEN)
    # A fact row moves the fact table's version: the next rendering counts the inquiries again
    # (the rest of the profile stays cached under the content version, decision 0041).
    facts(1, month=dt.date(2026, 9, 1))
    with CaptureQueriesContext(connection) as first:
        client.get(DRESDEN)
    assert any('"desk_inquiryfact"' in query["sql"] for query in first.captured_queries)
    for month in range(1, 12):
        facts(6, month=dt.date(2026, month, 1), topic_field="ausbildung-weiterbildung")
        facts(2, month=dt.date(2020 + month % 5, month, 1), requester_type="partner")
    with django_assert_num_queries(len(first)):
        client.get(DRESDEN)


def test_the_public_csv_has_the_same_suppressed_cells_as_the_api(client):
    facts(6)
    facts(2, district="14511", requester_type="ausland")
    response = client.get("/regionen/lotsendienst-statistik.csv")
    assert response.status_code == 200
    text = response.content.decode("utf-8-sig")
    assert "dimension;key;label;count;suppressed" in text.splitlines()[0].replace("month;", "")
    assert ";district;14612;Dresden;6;false;" in text
    assert ";district;14511;Chemnitz;;true;" in text
    api = client.get("/api/v1/desk/statistics").json()
    districts = {
        cell["key"]: cell["count"]
        for table in api["tables"]
        if table["dimension"] == "district"
        for cell in table["cells"]
    }
    assert districts == {"14612": 6, "14511": None}
    month = client.get("/regionen/lotsendienst-statistik.csv", {"monat": "2026-10"})
    assert "2026-10;total;all;Alle Anfragen;8;false" in month.content.decode("utf-8-sig")


@pytest.mark.parametrize("month", ["2026-13", "x" * 50, "2026-1", "\x00", "２０２６-01"])
def test_the_public_csv_refuses_a_malformed_month(client, month):
    response = client.get("/regionen/lotsendienst-statistik.csv", {"monat": month})
    assert response.status_code == 400
    assert "Format JJJJ-MM" in response.content.decode()


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(month=st.text(max_size=12))
def test_no_month_parameter_is_a_500(client, month):
    response = client.get("/regionen/lotsendienst-statistik.csv", {"monat": month})
    assert response.status_code in (200, 400)
