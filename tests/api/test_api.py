"""The open API under /api/v1/: reference data and its OpenAPI description."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lotse.core.models import ActorType, Region, TargetGroup, TopicField

pytestmark = pytest.mark.django_db


def get_json(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content
    assert response["Content-Type"].startswith("application/json")
    return response.json()


def get_items(client, url):
    """The items of a list endpoint, all on one page (limit=100)."""
    body = get_json(client, url + ("&" if "?" in url else "?") + "limit=100")
    assert set(body) == {"count", "count_capped", "limit", "offset", "next", "previous", "items"}
    assert body["count"] == len(body["items"]) and body["next"] is None
    return body["items"]


def test_regions(client):
    regions = get_items(client, "/api/v1/regions")
    assert len(regions) == 17
    assert [r["code"] for r in regions] == sorted(r["code"] for r in regions)
    by_code = {r["code"]: r for r in regions}
    assert by_code["14"]["parent_code"] is None
    assert by_code["14"]["kind"] == "state"
    assert by_code["146"]["parent_code"] == "14"
    chemnitz = by_code["14511"]
    assert chemnitz["parent_code"] == "145"
    assert chemnitz["name"] == "Chemnitz"
    assert chemnitz["kind"] == "urban_district"
    assert chemnitz["population"] == 247237
    assert float(chemnitz["area_km2"]) == 221.05
    assert chemnitz["nuts_code"] == "DED41"
    assert chemnitz["slug"] == "chemnitz"
    assert by_code["14628"]["seat"] == "Pirna"
    assert by_code["14628"]["name_en"] == "Saxon Switzerland-Eastern Ore Mountains"


def test_regions_districts_only(client):
    regions = get_items(client, "/api/v1/regions?districts_only=true")
    assert len(regions) == 13
    assert {r["kind"] for r in regions} == {"urban_district", "rural_district"}
    assert {r["parent_code"] for r in regions} == {"145", "146", "147"}
    assert len(get_items(client, "/api/v1/regions?districts_only=false")) == 17


def test_regions_rejects_a_malformed_filter(client):
    response = client.get("/api/v1/regions?districts_only=vielleicht")
    assert response.status_code == 422


def test_topic_fields(client):
    fields = get_items(client, "/api/v1/topic-fields")
    assert [f["slug"] for f in fields] == list(
        TopicField.objects.order_by("order").values_list("slug", flat=True)
    )
    assert len(fields) == 5
    assert set(fields[0]) == {"slug", "name", "name_en", "summary", "summary_en"}
    assert fields[4]["name_en"] == "Collective agreements"


def test_target_groups(client):
    groups = get_items(client, "/api/v1/target-groups")
    assert [g["name"] for g in groups][:3] == [
        "Unternehmen",
        "Beschäftigte",
        "Internationale Fachkräfte",
    ]
    assert len(groups) == 6
    assert set(groups[0]) == {"slug", "name", "name_en"}


def test_actor_types(client):
    types = get_items(client, "/api/v1/actor-types")
    assert len(types) == 16
    assert types[0] == {
        "slug": "arbeitsverwaltung",
        "name": "Arbeitsverwaltung",
        "name_en": "Labour administration",
    }


@pytest.mark.parametrize(
    ("url", "model"),
    [
        ("/api/v1/topic-fields", TopicField),
        ("/api/v1/target-groups", TargetGroup),
        ("/api/v1/actor-types", ActorType),
    ],
)
def test_inactive_items_are_not_published(client, url, model):
    item = model.objects.order_by("order").first()
    item.is_active = False
    item.save()
    slugs = [entry["slug"] for entry in get_items(client, url)]
    assert item.slug not in slugs
    assert len(slugs) == model.objects.count() - 1


def test_api_is_read_only(client):
    assert client.post("/api/v1/regions", {}).status_code == 405
    assert client.delete("/api/v1/topic-fields").status_code == 405


def test_api_sets_no_session_cookie(client):
    response = client.get("/api/v1/regions")
    assert "Set-Cookie" not in response


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/regions",
        "/api/v1/regions?districts_only=true",
        "/api/v1/topic-fields",
        "/api/v1/target-groups",
        "/api/v1/actor-types",
    ],
)
def test_one_query_per_list(client, django_assert_num_queries, url):
    with django_assert_num_queries(1):
        assert client.get(url).status_code == 200


def test_query_count_does_not_grow_with_the_number_of_regions(client):
    before = count_queries(client, "/api/v1/regions")
    state = Region.objects.get(code="14")
    bezirk = Region.objects.create(
        code="149", kind="government_region", parent=state, slug="bezirk-test", name="Test"
    )
    for number in range(20):
        Region.objects.create(
            code=f"149{number:02d}",
            kind="rural_district",
            parent=bezirk,
            slug=f"kreis-{number}",
            name=f"Kreis {number}",
        )
    assert count_queries(client, "/api/v1/regions") == before
    assert len(get_items(client, "/api/v1/regions")) == 17 + 21


def test_openapi_lists_the_paths(client):
    schema = get_json(client, "/api/v1/openapi.json")
    assert schema["info"]["title"] == "Lotse API"
    assert {
        "/api/v1/regions",
        "/api/v1/topic-fields",
        "/api/v1/target-groups",
        "/api/v1/actor-types",
    } <= set(schema["paths"])
    regions = schema["paths"]["/api/v1/regions"]
    assert set(regions) == {"get"}
    parameters = {p["name"] for p in regions["get"]["parameters"]}
    assert parameters == {"districts_only", "limit", "offset"}


def test_docs_page_is_self_hosted(client):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    html = response.content.decode()
    assert "/api/v1/openapi.json" in html
    # Swagger UI from our own static files: no CDN, no third-party validator.
    assert "/static/ninja/swagger-ui-bundle.js" in html
    external = re.findall(r'(?:src|href)="(https?://[^"]+)"', html)
    assert external == []
    assert "validator.swagger.io" not in html
    assert '"validatorUrl": null' in html
    # No inline script may need 'unsafe-inline' (the JSON settings block is data, not code).
    for attributes in re.findall(r"<script([^>]*)>", html):
        assert "src=" in attributes or 'type="application/json"' in attributes, attributes


def test_docs_static_files_are_served(client):
    response = client.get("/static/ninja/swagger-ui-init.js")
    assert response.status_code == 200


def test_reference_lists_page_like_every_list(client):
    body = get_json(client, "/api/v1/regions?limit=5&offset=5")
    assert body["count"] == 17 and len(body["items"]) == 5
    assert body["next"] == "http://testserver/api/v1/regions?limit=5&offset=10"
    assert body["previous"] == "http://testserver/api/v1/regions?limit=5"
    last = get_json(client, body["next"].replace("http://testserver", "") + "&offset=15")
    assert len(last["items"]) == 2 and last["next"] is None


@pytest.mark.parametrize(
    ("url", "german", "english"),
    [
        ("/api/v1/regions?limit=101", "Der Wert darf höchstens 100 sein.", "less than or equal"),
        ("/api/v1/regions?offset=-1", "Der Wert muss mindestens 0 sein.", "greater than or equal"),
        ("/api/v1/regions?offset=x", "Bitte eine ganze Zahl angeben.", "valid integer"),
        (
            "/api/v1/regions?offset=99999999999999999999",
            "Der Wert darf höchstens 10000 sein.",
            "less than or equal",
        ),
        ("/api/v1/regions?districts_only=vielleicht", "Bitte true oder false angeben.", "bool"),
    ],
)
def test_bad_parameters_are_422_in_german_or_english(client, url, german, english):
    response = client.get(url)
    assert response.status_code == 422
    assert [error["msg"] for error in response.json()["detail"]] == [german]
    response = client.get(url, headers={"Accept-Language": "en"})
    assert response.status_code == 422
    assert english in response.json()["detail"][0]["msg"]


def test_every_list_links_absolutely(client):
    from tests.tariffs.factories import register_agreement

    register_agreement("SN-API/1", title="Tarifvertrag Test")
    body = get_json(client, "/api/v1/tariffs/agreements?limit=1")
    assert body["items"][0]["url"] == "http://testserver/tarifauskunft/tarifvertrag/SN-API/1/"
    assert client.get("/tarifauskunft/tarifvertrag/SN-API/1/").status_code == 200
    assert body["next"] is None and body["previous"] is None
