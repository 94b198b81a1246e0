"""The open API: published versions (paginated) and the stateless evaluation (same plan as the
HTML page; nothing stored; 422 with German messages; never a 500 whatever is posted)."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lotse.guidance.models import CompanyCheck
from lotse.guidance.selectors import check_by_token, check_plan
from lotse.guidance.services import check_module_answer
from tests.offers.conftest import create_offer

from .conftest import module_answers, start_check

pytestmark = pytest.mark.django_db

URL = "/api/v1/checks/evaluate"
SAFETY = "arbeits-gesundheitsschutz"


def evaluate(client, payload, **headers):
    return client.post(URL, json.dumps(payload), content_type="application/json", **headers)


def test_versions_list_with_modules_questions_and_options(client, version):
    response = client.get("/api/v1/checks")
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1 and body["next"] is None
    item = body["items"][0]
    assert item["number"] == version.number
    assert [option["value"] for option in item["answer_options"]] == [
        "ja",
        "teilweise",
        "nein",
        "weiss_nicht",
        "trifft_nicht_zu",
    ]
    modules = {module["key"]: module for module in item["modules"]}
    assert modules["tarif"]["kind"] == "tariff" and modules["tarif"]["questions"] == []
    duty = next(q for q in modules["arbeitsschutz"]["questions"] if q["legal_duty"])
    assert duty["legal_basis"]
    assert client.get("/api/v1/checks?limit=0").status_code == 422


def test_unpublished_version_not_listed(client, version):
    from lotse.guidance.models import CheckVersion

    CheckVersion.objects.create(number=99)
    numbers = [item["number"] for item in client.get("/api/v1/checks").json()["items"]]
    assert numbers == [version.number]
    response = evaluate(client, {"version": 99, "size_class": "1-9", "district": "zwickau"})
    assert response.status_code == 422
    assert "Check-Version" in response.json()["detail"][0]["msg"]


def test_evaluate_equals_the_html_plan_and_stores_nothing(client, version, zwickau):
    offer = create_offer(
        title="Arbeitsschutz Zwickau", topic_fields=[SAFETY], districts=["zwickau"]
    )
    answers = module_answers(version, "arbeitsschutz", gefaehrdungsbeurteilung="nein")
    check, token = start_check(version, zwickau, modules=("arbeitsschutz",))
    check_module_answer(check=check, module_key="arbeitsschutz", answers=answers)
    html_plan = check_plan(check=check_by_token(token=token))
    before = CompanyCheck.objects.count()

    with CaptureQueriesContext(connection) as queries:
        response = evaluate(
            client,
            {
                "size_class": "10-49",
                "district": "zwickau",
                "modules": ["arbeitsschutz"],
                "answers": answers,
            },
        )
    assert response.status_code == 200, response.content
    writes = [q["sql"] for q in queries if q["sql"].split()[0] in {"INSERT", "UPDATE", "DELETE"}]
    assert writes == []
    assert CompanyCheck.objects.count() == before
    body = response.json()
    assert body["stored"] is False
    assert [m["key"] for m in body["measures"]] == [m.key for m in html_plan.measures]
    first = body["measures"][0]
    assert first["legal_duty"] is True
    assert first["offers"][0]["id"] == offer.pk
    assert first["offers"][0]["url"].endswith(f"/angebote/{offer.slug}/")
    assert first["no_offer_in_district"] is False
    modules = {m["key"]: m for m in body["modules"]}
    assert modules["arbeitsschutz"]["band"] == "dringend"
    assert modules["arbeitsschutz"]["open_legal_duties"] == ["gefaehrdungsbeurteilung"]
    assert modules["arbeitsschutz"]["score"] == html_plan.modules[5].score


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"size_class": "5-7"}, "size_class", "Größe"),
        ({"district": "paris"}, "district", "Landkreise"),
        ({"district": "sachsen"}, "district", "Landkreise"),
        ({"wz_code": "99.99"}, "wz_code", "WZ"),
        ({"modules": ["mond"]}, "modules", "Module"),
        ({"answers": {"gibt-es-nicht": "ja"}}, "answers", "Fragen"),
        ({"answers": {"bem": "vielleicht"}}, "answers", "Antwort"),
        ({"sector_query": "Bau\x00"}, "sector_query", "Steuerzeichen"),
    ],
)
def test_evaluate_refuses_with_german_messages(client, version, change, field, words):
    payload = {"size_class": "1-9", "district": "zwickau", **change}
    response = evaluate(client, payload)
    assert response.status_code == 422, response.content
    detail = response.json()["detail"]
    assert any(item["loc"][-1] == field and words in item["msg"] for item in detail), detail


def test_evaluate_schema_errors_are_german(client, version):
    response = evaluate(client, {"district": "zwickau", "sector_query": "x" * 201})
    assert response.status_code == 422
    messages = {item["loc"][-1]: item["msg"] for item in response.json()["detail"]}
    assert messages["size_class"] == "Diese Angabe fehlt."
    assert messages["sector_query"] == "Höchstens 200 Zeichen."


def test_in_openapi(client, version):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert "/api/v1/checks" in paths and "/api/v1/checks/evaluate" in paths


FUZZ = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
scalars = st.one_of(
    st.text(max_size=40),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.none(),
    st.booleans(),
    st.floats(allow_nan=False),
    st.sampled_from(["1-9", "250+", "zwickau", "ja", "nein", "bem", "25.11", "arbeitsschutz"]),
)
json_values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=20), inner, max_size=4)
    ),
    max_leaves=12,
)


@FUZZ
@given(
    payload=st.dictionaries(
        st.sampled_from(
            ["version", "size_class", "district", "modules", "sector_query", "wz_code", "answers"]
        ),
        json_values,
    )
)
def test_evaluate_never_fails(client, version, payload):
    response = evaluate(client, payload)
    assert response.status_code in (200, 422), response.content
    assert CompanyCheck.objects.count() == 0


@FUZZ
@given(body=st.binary(max_size=200))
def test_evaluate_garbage_body_never_fails(client, version, body):
    response = client.post(URL, body, content_type="application/json")
    assert response.status_code in (200, 400, 422)


def _evaluate_queries(client, answers) -> int:
    payload = {"size_class": "10-49", "district": "zwickau", "answers": answers}
    with CaptureQueriesContext(connection) as context:
        assert evaluate(client, payload).status_code == 200
    return len(context)


def test_evaluate_queries_constant_in_answers_and_offers(client, version):
    few = module_answers(version, "arbeitsschutz", gefaehrdungsbeurteilung="nein")
    many = dict(few)
    for key in ("personalgewinnung", "ausbildung", "weiterbildung", "einwanderung"):
        many.update(module_answers(version, key, "nein"))
    create_offer(topic_fields=[SAFETY], districts=["zwickau"])
    _evaluate_queries(client, few)  # warm caches
    baseline = _evaluate_queries(client, few)
    assert _evaluate_queries(client, many) == baseline
    for _number in range(10):
        create_offer(topic_fields=[SAFETY], districts=["zwickau"])
        create_offer(topic_fields=["ausbildung-weiterbildung"], statewide=True)
    _evaluate_queries(client, few)  # the reference lists of the new content version, read once
    assert _evaluate_queries(client, few) == baseline
    assert _evaluate_queries(client, many) == baseline
