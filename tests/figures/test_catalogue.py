"""The DCAT-AP.de catalogue /katalog.ttl|.rdf|.jsonld: every public dataset, every distribution
answers 200, licence, publisher, contact point, contributor ID, spatial and temporal coverage and
dates from the data; conformance to DCAT-AP.de 2.0 "Spezifikation + Konventionen" (pyshacl)."""

import json
import xml.etree.ElementTree as ET
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from lotse.events.models import EventStatus
from lotse.figures.rdf import IRI, BNode, Graph, Literal, to_jsonld, to_rdfxml, to_turtle
from tests.events.factories import EventFactory
from tests.figures.factories import IndicatorFactory, inquiry_facts
from tests.network.factories import ActorFactory
from tests.offers.factories import OfferFactory

pytestmark = pytest.mark.django_db

DCAT = "http://www.w3.org/ns/dcat#"
DCT = "http://purl.org/dc/terms/"
DCATDE = "http://dcat-ap.de/def/dcatde/"
LICENCE = "http://dcat-ap.de/def/licenses/dl-by-de/2.0"
SHAPES = Path(__file__).parent / "data" / "dcat-ap-de-2.0"
DATASETS = {
    "akteure",
    "angebote",
    "veranstaltungen",
    "veranstaltungen-vergangen",
    "versorgungslandkarte",
    "tarifvertraege",
    "mindestloehne",
    "arbeitsmarktzahlen",
    "lotsendienst-statistik",
}


@pytest.fixture
def data(tariff_register):
    ActorFactory(districts=["dresden"])
    OfferFactory(districts=["dresden"], topic_fields=["zuwanderung"])
    EventFactory()
    EventFactory(
        status=EventStatus.DOCUMENTED,
        starts_at=timezone.now() - timedelta(days=40),
        ends_at=timezone.now() - timedelta(days=40, hours=-6),
    )
    IndicatorFactory(key="arbeitslose", ags="14612", period="2025-08", value=22691)
    for month in (date(2025, 9, 1), date(2025, 11, 1)):
        inquiry_facts(1, month=month)


def nodes(client) -> dict[str, dict]:
    response = client.get("/katalog.jsonld")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/ld+json")
    return {node["@id"]: node for node in json.loads(response.content)}


def values(node, predicate) -> list[str]:
    return [item.get("@id", item.get("@value")) for item in node.get(predicate, [])]


def test_three_serialisations(client, data):
    turtle = client.get("/katalog.ttl")
    assert turtle["Content-Type"].startswith("text/turtle")
    assert "a dcat:Catalog" in turtle.content.decode()
    xml = client.get("/katalog.rdf")
    assert xml["Content-Type"].startswith("application/rdf+xml")
    root = ET.fromstring(xml.content)  # noqa: S314 - our own output
    assert root.tag == "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}RDF"


def test_every_public_dataset_with_licence_publisher_contact_and_coverage(client, data, settings):
    graph = nodes(client)
    datasets = [node for node in graph.values() if DCAT + "Dataset" in node.get("@type", [])]
    assert {node["@id"].split("#")[1] for node in datasets} == DATASETS
    catalogue = next(node for node in graph.values() if DCAT + "Catalog" in node.get("@type", []))
    assert len(values(catalogue, DCAT + "dataset")) == len(DATASETS)
    for node in datasets:
        assert values(node, DCATDE + "contributorID") == [settings.LOTSE_DCAT_CONTRIBUTOR_ID]
        (publisher,) = values(node, DCT + "publisher")
        assert values(graph[publisher], "http://xmlns.com/foaf/0.1/name") == [
            settings.LOTSE_CENTRE_NAME
        ]
        (contact,) = values(node, DCAT + "contactPoint")
        assert values(graph[contact], "http://www.w3.org/2006/vcard/ns#hasEmail") == [
            f"mailto:{settings.LOTSE_CENTRE_EMAIL}"
        ]
        spatial = values(node, DCT + "spatial")
        assert "http://dcat-ap.de/def/politicalGeocoding/stateKey/14" in spatial
        assert values(node, DCT + "issued") and values(node, DCT + "modified"), node["@id"]
        for distribution in values(node, DCAT + "distribution"):
            assert values(graph[distribution], DCT + "license") == [LICENCE]
    offers = graph[next(node["@id"] for node in datasets if node["@id"].endswith("#angebote"))]
    assert "http://dcat-ap.de/def/politicalGeocoding/districtKey/14612" in values(
        offers, DCT + "spatial"
    )
    figures = next(node for node in datasets if node["@id"].endswith("#arbeitsmarktzahlen"))
    (period,) = values(figures, DCT + "temporal")
    assert values(graph[period], DCAT + "startDate") == ["2025-08-01"]
    desk = next(node for node in datasets if node["@id"].endswith("#lotsendienst-statistik"))
    (period,) = values(desk, DCT + "temporal")
    assert values(graph[period], DCAT + "startDate") == ["2025-09-01"]
    assert values(graph[period], DCAT + "endDate") == ["2025-11-30"]
    assert values(desk, DCT + "modified") == ["2025-11-30"]
    assert "http://dcat-ap.de/def/politicalGeocoding/districtKey/14612" in values(
        desk, DCT + "spatial"
    )
    accesses = {
        values(graph[item], DCAT + "accessURL")[0].split("/", 3)[3]
        for item in values(desk, DCAT + "distribution")
    }
    assert accesses == {"api/v1/desk/statistics", "regionen/lotsendienst-statistik.csv"}
    past = next(node for node in datasets if node["@id"].endswith("#veranstaltungen-vergangen"))
    (distribution,) = values(past, DCAT + "distribution")
    assert values(graph[distribution], DCAT + "accessURL")[0].endswith("/api/v1/events?past=true")


def test_every_access_and_download_url_answers_200(client, data):
    graph = nodes(client)
    urls = {
        url
        for node in graph.values()
        for predicate in (DCAT + "accessURL", DCAT + "downloadURL", DCAT + "landingPage")
        for url in values(node, predicate)
    }
    assert len(urls) >= 15
    for url in sorted(urls):
        parts = urlsplit(url)
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        assert client.get(path).status_code == 200, url


def test_the_catalogue_costs_a_constant_number_of_queries(client, data, django_assert_num_queries):
    with CaptureQueriesContext(connection) as first:
        client.get("/katalog.ttl")
    for _ in range(3):
        ActorFactory(districts=["leipzig"])
        OfferFactory(districts=["leipzig"])
        EventFactory()
    with django_assert_num_queries(len(first)):
        client.get("/katalog.ttl")


def test_literals_and_iris_are_escaped_in_every_syntax():
    graph = Graph()
    subject = IRI("https://example.org/a b")
    graph.add(subject, "dct:title", Literal('Zitat "x" <y> & z\nneu', lang="de"))
    graph.add(subject, "dct:spatial", BNode("b1"))
    turtle = to_turtle(graph)
    assert "<https://example.org/a%20b>" in turtle
    assert '"Zitat \\"x\\" <y> & z\\nneu"@de' in turtle
    xml = to_rdfxml(graph)
    assert "Zitat &quot;x&quot; &lt;y&gt; &amp; z" in xml or 'Zitat "x" &lt;y&gt; &amp; z' in xml
    ET.fromstring(xml)  # noqa: S314 - well-formed
    (node,) = json.loads(to_jsonld(graph))
    assert node[DCT + "title"] == [{"@value": 'Zitat "x" <y> & z\nneu', "@language": "de"}]


def _validate(data_graph):
    rdflib = pytest.importorskip("rdflib", reason="rdflib is not installed (dev dependency)")
    pyshacl = pytest.importorskip("pyshacl", reason="pyshacl is not installed (dev dependency)")
    shapes = rdflib.Graph()
    for name in (
        "dcat-ap-de-deprecated.ttl",
        "dcat-ap-konventionen.ttl",
        "dcat-ap-spec-german-additions.ttl",
        "dcat-ap-spec-german-messages.ttl",
        "dcat-ap_2.1.1_shacl_shapes.ttl",
    ):
        shapes.parse(SHAPES / name)
    ontology = rdflib.Graph()
    vocabularies = SHAPES / "vocabularies"
    ontology.parse(vocabularies / "foaf_0_1.rdf", format="xml")
    ontology.parse(vocabularies / "vcard.ttl")
    ontology.parse(vocabularies / "org.ttl")
    ontology.parse(vocabularies / "dcat-ap-de-licenses-open.rdf", format="xml")
    ontology.parse(vocabularies / "lotse-vocabulary-stubs.ttl")
    # The vocabularies' facts (a licence's or file type's skos:inScheme) are read from the data
    # graph: pyshacl >= 0.26 mixes only the class axioms of `ont_graph` into it ("inoculation"),
    # unless PYSHACL_USE_FULL_MIXIN is set. So the vocabularies go into both.
    data = rdflib.Graph()
    for triple in data_graph:
        data.add(triple)
    for triple in ontology:
        data.add(triple)
    conforms, _graph, text = pyshacl.validate(
        data,
        shacl_graph=shapes,
        ont_graph=ontology,
        inference="rdfs",
        allow_warnings=True,  # recommendations (sh:Warning, sh:Info) do not break conformance
        allow_infos=True,
    )
    return conforms, text


def test_the_live_catalogue_conforms_to_dcat_ap_de_with_conventions(client, data):
    rdflib = pytest.importorskip("rdflib", reason="rdflib is not installed (dev dependency)")
    for path, fmt in (
        ("/katalog.ttl", "turtle"),
        ("/katalog.rdf", "xml"),
        ("/katalog.jsonld", "json-ld"),
    ):
        graph = rdflib.Graph().parse(data=client.get(path).content, format=fmt)
        conforms, text = _validate(graph)
        assert conforms, text


def test_the_check_can_fail_on_the_reference_example():
    rdflib = pytest.importorskip("rdflib", reason="rdflib is not installed (dev dependency)")
    conforms, text = _validate(rdflib.Graph().parse(SHAPES / "example-simple.ttl"))
    assert not conforms and "K36" in text
