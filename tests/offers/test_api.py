"""GET /api/v1/offers (list: filters and full text) and /api/v1/offers/{slug} (detail)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lotse.network.models import Contact

pytestmark = pytest.mark.django_db

URL = "/api/v1/offers"
TOPIC = "ausbildung-weiterbildung"


def test_list_with_filters_and_full_text(client, offer_factory):
    offer_factory(title="Ausbildung im Handwerk", topic_fields=[TOPIC], districts=["dresden"])
    offer_factory(title="Fachkräfte online", online=True, kind="weiterbildung")
    offer_factory(title="Leipziger Ausbildung", districts=["leipzig"])
    offer_factory(title="Entwurf Ausbildung", live=False)
    body = client.get(URL).json()
    assert body["count"] == 3 and not body["count_capped"]
    assert body["offset"] == 0 and body["limit"] == 20
    assert body["next"] is None and body["previous"] is None
    assert {item["title"] for item in body["items"]} == {
        "Ausbildung im Handwerk",
        "Fachkräfte online",
        "Leipziger Ausbildung",
    }
    body = client.get(URL, {"q": "Ausbildungen", "district": "dresden"}).json()
    assert [item["title"] for item in body["items"]] == ["Ausbildung im Handwerk"]
    body = client.get(URL, {"q": "fachkraefte"}).json()
    assert [item["title"] for item in body["items"]] == ["Fachkräfte online"]
    body = client.get(URL, {"district": ["dresden", "leipzig"], "sort": "title"}).json()
    assert [item["title"] for item in body["items"]] == [
        "Ausbildung im Handwerk",
        "Fachkräfte online",
        "Leipziger Ausbildung",
    ]
    body = client.get(URL, {"kind": "weiterbildung", "topic_field": TOPIC}).json()
    assert body["count"] == 0 and body["items"] == []
    item = client.get(URL, {"topic_field": TOPIC}).json()["items"][0]
    assert item["provider"]["slug"]
    assert item["topic_fields"] == [TOPIC]
    assert item["url"] == "http://testserver/angebote/" + item["slug"] + "/"
    assert item["api_url"] == f"http://testserver{URL}/{item['slug']}"


def test_pagination(client, offer_factory):
    for number in range(7):
        offer_factory(title=f"Angebot {number}")
    body = client.get(URL, {"limit": 3, "offset": 6, "sort": "title"}).json()
    assert body["count"] == 7
    assert [item["title"] for item in body["items"]] == ["Angebot 6"]
    assert body["next"] is None
    assert body["previous"] == f"http://testserver{URL}?sort=title&limit=3&offset=3"
    # an offset between page boundaries: the end of one page and the start of the next
    body = client.get(URL, {"limit": 3, "offset": 2, "sort": "title"}).json()
    assert [item["title"] for item in body["items"]] == ["Angebot 2", "Angebot 3", "Angebot 4"]
    assert body["next"] == f"http://testserver{URL}?sort=title&limit=3&offset=5"
    assert body["previous"] == f"http://testserver{URL}?sort=title&limit=3"
    body = client.get(URL, {"limit": 3, "offset": 9}).json()
    assert body["items"] == [] and body["count"] == 7
    titles = []
    url = f"{URL}?limit=2&sort=title"
    while url:
        body = client.get(url).json()
        titles += [item["title"] for item in body["items"]]
        url = body["next"]
    assert titles == [f"Angebot {number}" for number in range(7)]


@pytest.mark.parametrize(
    "params",
    [
        {"offset": -1},
        {"offset": "x"},
        {"offset": 10_001},
        {"offset": "99999999999999999999"},
        {"limit": 0},
        {"limit": 101},
        {"sort": "evil"},
        {"district": "atlantis"},
        {"topic_field": "nope"},
        {"language": "xx"},
        {"q": "x" * 201},
    ],
)
def test_invalid_parameters_are_422(client, params):
    response = client.get(URL, params)
    assert response.status_code == 422
    assert "detail" in response.json()


def test_query_count_constant(client, offer_factory, actor_factory):
    def fill(count):
        for _ in range(count):
            offer_factory(topic_fields=[TOPIC], districts=["dresden"], languages=["de"])

    def queries():
        with CaptureQueriesContext(connection) as context:
            assert client.get(URL, {"district": "dresden", "limit": 100}).status_code == 200
        return len(context.captured_queries)

    fill(3)
    few = queries()
    fill(30)
    assert queries() == few
    assert few <= 10


def test_detail(client, offer_factory, actor_factory):
    actor = actor_factory(name="IHK", slug="ihk")
    contact = Contact.objects.create(actor=actor, name="Erika Muster", is_public=True)
    offer = offer_factory(
        title="Anerkennung",
        actor=actor,
        contact=contact,
        districts=["dresden"],
        languages=["de", "ar"],
        for_large=False,
    )
    body = client.get(f"{URL}/{offer.slug}").json()
    assert body["title"] == "Anerkennung"
    assert body["provider"] == {"slug": "ihk", "name": "IHK"}
    assert body["districts"] == ["dresden"]
    assert sorted(body["languages"]) == ["ar", "de"]
    assert body["company_sizes"] == ["micro", "small", "medium"]
    assert body["contact"]["name"] == "Erika Muster"


def test_detail_only_public_and_no_internal_contact(client, offer_factory, actor_factory):
    actor = actor_factory()
    internal = Contact.objects.create(actor=actor, name="Intern", is_public=False)
    offer = offer_factory(actor=actor, contact=internal)
    assert client.get(f"{URL}/{offer.slug}").json()["contact"] is None
    draft = offer_factory(live=False)
    assert client.get(f"{URL}/{draft.slug}").status_code == 404
    assert client.get(f"{URL}/gibt-es-nicht").status_code == 404


def test_documented_in_openapi(client):
    schema = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/offers" in schema["paths"]
    assert "/api/v1/offers/{slug}" in schema["paths"]
    params = {p["name"] for p in schema["paths"]["/api/v1/offers"]["get"]["parameters"]}
    assert {"q", "topic_field", "target_group", "kind", "district", "language", "cost"} <= params
    assert {"sort", "offset", "limit"} <= params
