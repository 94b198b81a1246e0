import pytest

from lotse.network.models import Contact

pytestmark = pytest.mark.django_db


def test_list_filters_and_pagination(client, make_actor):
    for number in range(3):
        make_actor(f"Kammer {number}", type_slug="kammer", districts=["dresden"])
    make_actor("Landesamt", type_slug="landesbehoerde", statewide=True)
    make_actor("Versteckt", is_published=False)
    data = client.get("/api/v1/actors", {"typ": "kammer", "limit": 2}).json()
    assert data["count"] == 3
    assert len(data["items"]) == 2
    data = client.get("/api/v1/actors", {"kreis": "dresden"}).json()
    assert data["count"] == 4  # statewide actors serve every district
    assert "Versteckt" not in str(client.get("/api/v1/actors", {"limit": 100}).json())
    assert client.get("/api/v1/actors", {"q": "landesamt"}).json()["count"] == 1
    assert client.get("/api/v1/actors", {"limit": 1000}).status_code == 422
    data = client.get("/api/v1/actors", {"typ": "kammer", "limit": 2}).json()
    assert data["next"] == "http://testserver/api/v1/actors?typ=kammer&limit=2&offset=2"
    assert data["previous"] is None
    item = data["items"][0]
    assert item["url"] == f"http://testserver/netzwerk/{item['slug']}/"
    assert item["api_url"] == f"http://testserver/api/v1/actors/{item['slug']}"


@pytest.mark.parametrize(
    "params",
    [
        {"offset": "99999999999999999999"},
        {"offset": 10_001},
        {"offset": -1},
        {"limit": 0},
        {"q": "x" * 1001},
        {"typ": ["kammer"] * 31},
    ],
)
def test_out_of_bounds_parameters_are_422_in_german(client, db, params):
    response = client.get("/api/v1/actors", params)
    assert response.status_code == 422
    messages = [error["msg"] for error in response.json()["detail"]]
    assert all(message[0].isupper() for message in messages)
    assert not any("Input should" in message for message in messages), messages


def test_detail_public_data_only(client, make_actor):
    actor = make_actor("Detail", districts=["leipzig"])
    Contact.objects.create(actor=actor, name="Öffentlich (Demo)", is_public=True)
    Contact.objects.create(actor=actor, name="Intern (Demo)", email="x@demo.lotse.example")
    data = client.get(f"/api/v1/actors/{actor.slug}").json()
    assert data["name"] == "Detail"
    assert [c["name"] for c in data["contacts"]] == ["Öffentlich (Demo)"]
    assert "Intern" not in str(data)
    assert data["districts"][0]["code"] == "14713"
    hidden = make_actor("Versteckt", is_published=False)
    assert client.get(f"/api/v1/actors/{hidden.slug}").status_code == 404


def test_list_query_count_constant(client, make_actor, django_assert_max_num_queries):
    for _ in range(30):
        make_actor(districts=["chemnitz"], topics=["tarifvertraege"])
    # 5 reference lists (facet values), count, page, 2 prefetches; independent of the page size
    with django_assert_max_num_queries(9):
        assert len(client.get("/api/v1/actors", {"limit": 30}).json()["items"]) == 30
