"""Open data of the events: /api/v1/events and /api/v1/events/{slug}."""

from datetime import timedelta

from lotse.events import services
from lotse.events.models import Session, WorkingGroup

from .conftest import create_event


def test_list_with_sites_and_free_places(client, make_event):
    event = make_event(capacities=(3,), online=True)
    make_event(status="draft", title="Entwurf")
    make_event(starts_in=timedelta(days=-5), status="held", title="Vorbei")
    services.registrations_create(
        event=event, site=event.sites.first(), people=[services.Person("A", "B", "ab@example.org")]
    )
    response = client.get("/api/v1/events")
    assert response.status_code == 200
    data = response.json()["items"]
    assert [item["slug"] for item in data] == [event.slug]
    assert data[0]["url"] == f"http://testserver/veranstaltungen/{event.slug}/"
    assert data[0]["api_url"] == f"http://testserver/api/v1/events/{event.slug}"
    sites = data[0]["sites"]
    assert sites[0]["capacity"] == 3 and sites[0]["free_places"] == 2
    assert sites[1]["is_online"] and sites[1]["capacity"] is None
    past = client.get("/api/v1/events?past=true").json()
    assert [item["title"] for item in past["items"]] == ["Vorbei"]
    assert past["count"] == 1 and past["next"] is None
    assert b"ab@example.org" not in response.content


def test_detail_with_agenda_and_no_personal_data(client, make_event):
    event = make_event(capacities=(10,))
    site = event.sites.first()
    WorkingGroup.objects.create(event=event, title="AG 1", capacity=5)
    Session.objects.create(
        event=event,
        starts_at=event.starts_at,
        title="Keynote",
        speakers=[("speaker", {"name": "Dr. Beispiel", "organisation": "BA", "role": ""})],
    )
    Session.objects.create(event=event, starts_at=event.starts_at, title="Vor Ort", site=site)
    services.registrations_create(
        event=event, site=site, people=[services.Person("Max", "Geheim", "geheim@example.org")]
    )
    data = client.get(f"/api/v1/events/{event.slug}").json()
    assert (
        data["agenda"][0]["site"] is None
        and data["agenda"][0]["speakers"][0]["name"] == "Dr. Beispiel"
    )
    assert data["working_groups"][0]["free_places"] == 5
    body = client.get(f"/api/v1/events/{event.slug}").content
    assert b"Geheim" not in body and b"geheim@example.org" not in body
    assert client.get("/api/v1/events/gibt-es-nicht").status_code == 404
    draft = make_event(status="draft")
    assert client.get(f"/api/v1/events/{draft.slug}").status_code == 404


def test_in_openapi(client, db):
    schema = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/events" in schema["paths"] and "/api/v1/events/{slug}" in schema["paths"]


def test_query_count_constant(client, make_event, django_assert_max_num_queries):
    make_event()
    with django_assert_max_num_queries(10) as one:
        client.get("/api/v1/events")
    for _ in range(8):
        event = create_event(capacities=(5, 5))
        Session.objects.create(event=event, starts_at=event.starts_at, title="S")
    with django_assert_max_num_queries(len(one.captured_queries)):
        assert len(client.get("/api/v1/events").json()["items"]) == 9
    with django_assert_max_num_queries(15) as detail:
        client.get(f"/api/v1/events/{event.slug}")
    for n in range(5):
        Session.objects.create(
            event=event, starts_at=event.starts_at, title=f"S{n}", site=event.sites.first()
        )
    with django_assert_max_num_queries(len(detail.captured_queries)):
        client.get(f"/api/v1/events/{event.slug}")


def test_list_pages_like_every_list(client, make_event):
    for number in range(5):
        make_event(title=f"Treffen {number}", starts_in=timedelta(days=10 + number))
    body = client.get("/api/v1/events", {"limit": 2, "offset": 2}).json()
    assert body["count"] == 5
    assert [item["title"] for item in body["items"]] == ["Treffen 2", "Treffen 3"]
    assert body["next"] == "http://testserver/api/v1/events?limit=2&offset=4"
    assert body["previous"] == "http://testserver/api/v1/events?limit=2"
    assert client.get("/api/v1/events", {"offset": "99999999999999999999"}).status_code == 422
    assert client.get("/api/v1/events", {"limit": 101}).status_code == 422
