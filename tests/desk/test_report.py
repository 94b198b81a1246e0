"""The monthly report, its CSV and the open-data API: only the anonymised fact table, cells with
fewer than five cases suppressed everywhere; no personal data anywhere."""

import datetime as dt

import pytest
import time_machine

from lotse.desk import services
from lotse.desk.models import InquiryFact

from .conftest import BERLIN, make_user

pytestmark = pytest.mark.django_db

NOV = dt.datetime(2025, 11, 18, 10, tzinfo=BERLIN)


def submit(**overrides):
    from lotse.core.models import Region

    arguments = {
        "requester_type": "betrieb",
        "topic_field": None,
        "district": Region.objects.get(code="14612"),
        "question": "Geheime Frage von Zoe Zauberhaft",
        "email": "zoe@example.org",
        "phone": "",
        "contact_preference": "email",
        "language": "de",
        "consent_version": 1,
        "name": "Zoe Zauberhaft",
    }
    arguments.update(overrides)
    return services.submit_inquiry(**arguments)


@pytest.fixture
def facts(db):
    from lotse.core.models import Region

    with time_machine.travel(NOV, tick=False):
        for _index in range(6):
            submit()  # six from Dresden
        for _index in range(2):
            submit(district=Region.objects.get(code="14511"), requester_type="ausland")


def test_report_suppresses_small_cells(facts, client_for):
    from lotse.desk.selectors import desk_report

    report = desk_report(month="2025-11")
    assert report.total.count == 8
    districts = {cell.key: cell.count for cell in {n: c for n, _l, c in report.tables}["district"]}
    assert districts == {"14612": 6, "14511": None}
    page = client_for(make_user("Lotsendienst", "lena")).get(
        "/admin/anfragen/bericht/", {"monat": "2025-11"}
    )
    html = page.content.decode()
    assert page.status_code == 200
    assert "&lt; 5" in html
    assert "Zoe" not in html


def test_csv_and_api_suppress_the_same_cells(facts, client_for, client):
    csv = client_for(make_user("Lotsendienst", "lena")).get(
        "/admin/anfragen/bericht.csv", {"monat": "2025-11"}
    )
    text = csv.content.decode("utf-8-sig")
    assert "< 5" in text
    assert "Zoe" not in text and "zoe@" not in text
    response = client.get("/api/v1/desk/statistics", {"month": "2025-11"})
    assert response.status_code == 200
    data = response.json()
    assert data["min_cell"] == 5
    assert data["total"]["count"] == 8
    districts = {
        c["key"]: c["count"]
        for t in data["tables"]
        if t["dimension"] == "district"
        for c in t["cells"]
    }
    assert districts == {"14612": 6, "14511": None}
    assert "Zoe" not in response.content.decode()
    assert "zoe@" not in response.content.decode()
    assert client.get("/api/v1/desk/statistics", {"month": "2025-13"}).status_code == 422
    assert client.get("/api/v1/desk/statistics", {"month": "x" * 50}).status_code == 422


def test_the_fact_table_has_no_personal_columns():
    names = {field.name for field in InquiryFact._meta.get_fields()}
    assert not names & {"contact_name", "contact_email", "contact_phone", "message", "name"}


def test_api_has_no_route_to_inquiries_or_referrals():
    from lotse.api.api import api

    desk_paths = [path for path in api.get_openapi_schema()["paths"] if "/desk" in path]
    assert desk_paths == ["/api/v1/desk/statistics"]


@pytest.mark.parametrize(
    ("histogram", "median"),
    [
        ({1: 2, 2: 1, 3: 1, 5: 1}, 2.0),  # 1 1 2 3 5
        ({0: 3, 4: 3}, 2.0),  # 0 0 0 4 4 4
        ({1: 4}, None),  # fewer than five cases: suppressed
    ],
)
def test_median_from_the_database_histogram(histogram, median):
    from lotse.desk.selectors import _median

    assert _median(histogram) == median
