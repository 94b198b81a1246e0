"""Topic-field pages show the topic's public offers, actors, upcoming events and the modules
of the Wegweiser check (registered by guidance), in a constant number of queries; the home
page leads companies, skilled workers and partners to the check, catalogue, desk and events."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from lotse.content.extensions import TopicLink, topic_links, topic_links_register
from lotse.core.models import TopicField
from lotse.events.models import EventStatus
from lotse.guidance.loader import load_check_version
from tests.events.factories import EventFactory
from tests.network.factories import ActorFactory
from tests.offers.factories import OfferFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site_pages", "in_german")]

URL = "/wissen/ausbildung-weiterbildung/"
TOPIC = "ausbildung-weiterbildung"


def make(n: int, prefix: str) -> None:
    for i in range(n):
        OfferFactory(title=f"{prefix} Angebot {i}", slug=f"{prefix}-o-{i}", topic_fields=[TOPIC])
        ActorFactory(name=f"{prefix} Stelle {i}", slug=f"{prefix}-s-{i}", topic_fields=[TOPIC])
        event = EventFactory(title=f"{prefix} Forum {i}", slug=f"{prefix}-e-{i}", sites=())
        event.topic_fields.add(*TopicField.objects.filter(slug=TOPIC))
        event.save()


def test_topic_page_shows_offers_actors_events_and_the_check(client):
    load_check_version()
    make(2, "Lehrwerkstatt")
    # Not public: must not show.
    OfferFactory(
        title="Lehrwerkstatt Entwurf", slug="entwurf", topic_fields=[TOPIC], status="draft"
    )
    ActorFactory(name="Lehrwerkstatt unsichtbar", topic_fields=[TOPIC], is_published=False)
    hidden = EventFactory(title="Lehrwerkstatt geplant", slug="geplant", status=EventStatus.DRAFT)
    past = EventFactory(
        title="Lehrwerkstatt vorbei",
        slug="vorbei",
        starts_at=timezone.now() - timedelta(days=3),
        ends_at=timezone.now() - timedelta(days=2),
    )
    for event in (hidden, past):
        event.topic_fields.add(TopicField.objects.get(slug=TOPIC))
    # Another topic: must not show.
    OfferFactory(title="Lehrwerkstatt Tarif", slug="tarif", topic_fields=["tarifvertraege"])

    html = client.get(URL).content.decode()
    for name in ("Angebot", "Stelle", "Forum"):
        assert f"Lehrwerkstatt {name} 0" in html
        assert f"Lehrwerkstatt {name} 1" in html
    for hidden_title in ("Entwurf", "unsichtbar", "geplant", "vorbei", "Lehrwerkstatt Tarif"):
        assert hidden_title not in html
    assert "Der Wegweiser-Check" in html
    assert "Modul des Wegweisers" in html
    assert 'href="/wegweiser/"' in html
    assert "Alle Angebote zu diesem Themenfeld im Katalog" in html
    assert "/angebote/?topic_field=ausbildung-weiterbildung" in html


def test_topic_page_without_matches_says_so(client):
    html = client.get("/wissen/tarifvertraege/").content.decode()
    assert "keine öffentlichen Angebote" in html
    assert "gerade keine Veranstaltungen angekündigt" in html
    # without a published check version, no module section
    assert "Modul des Wegweisers" not in html


def _queries(client) -> int:
    client.get(URL)
    with CaptureQueriesContext(connection) as context:
        assert client.get(URL).status_code == 200
    return len(context.captured_queries)


def test_query_count_constant_in_the_number_of_offers_actors_and_events(client):
    load_check_version()
    make(1, "eins")
    one = _queries(client)
    make(7, "viele")
    assert _queries(client) == one
    html = client.get(URL).content.decode()
    assert "Alle Akteure zu diesem Themenfeld im Netzwerkverzeichnis" in html
    assert "Alle 8 Veranstaltungen zu diesem Themenfeld anzeigen" in html


def test_registry_is_idempotent_and_ordered():
    def provider(*, topic_field: str) -> list[TopicLink]:
        return [TopicLink(title=f"Test {topic_field}", url="/x/")]

    before = topic_links(topic_field="abc")
    topic_links_register(provider)
    topic_links_register(provider)
    try:
        assert topic_links(topic_field="abc") == [*before, TopicLink(title="Test abc", url="/x/")]
    finally:
        from lotse.content import extensions

        extensions._topic_link_providers.remove(provider)


def test_home_page_has_three_ways_in(client):
    html = client.get("/").content.decode()
    for heading in ("Für Betriebe", "Für Fachkräfte", "Für Partner"):
        assert heading in html
    for target in (
        'href="/wegweiser/"',
        'href="/angebote/',
        'href="/tarifauskunft/anfrage/"',
        'href="/veranstaltungen/"',
    ):
        assert target in html
    english = client.get("/en/").content.decode()
    assert 'href="/en/wegweiser/"' in english
