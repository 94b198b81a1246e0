"""The open-data catalogue (DCAT-AP.de 2.0, profile "Spezifikation + Konventionen").

Every public dataset of the portal is described with its distributions (CSV and XLSX where they
exist, the JSON API, the calendar), the licence dl-by-de/2.0, publisher and contact point from
the settings, `dcatde:contributorID` from LOTSE_DCAT_CONTRIBUTOR_ID, spatial coverage (state key
14 and the districts' AGS), temporal coverage and issued/modified from the data themselves.
Served at /katalog.ttl, /katalog.rdf and /katalog.jsonld (views.catalogue).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from django.conf import settings
from django.db.models import Max, Min
from django.urls import reverse
from django.utils import timezone

from lotse.core.links import absolute_url
from lotse.core.models import Region
from lotse.desk.selectors import desk_fact_months
from lotse.events.models import Event
from lotse.network.models import Actor
from lotse.offers.models import Offer
from lotse.tariffs.models import CollectiveAgreement, MinimumWageRate, StatutoryMinimumWage

from .models import Indicator
from .rdf import IRI, XSD_DATE, XSD_DATETIME, Graph, Literal, term

LICENCE = IRI("http://dcat-ap.de/def/licenses/dl-by-de/2.0")
FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/"
DATA_THEME = "http://publications.europa.eu/resource/authority/data-theme/"
LANGUAGE_DE = IRI("http://publications.europa.eu/resource/authority/language/DEU")
STATE_KEY = "http://dcat-ap.de/def/politicalGeocoding/stateKey/"
DISTRICT_KEY = "http://dcat-ap.de/def/politicalGeocoding/districtKey/"
LEVEL_STATE = IRI("http://dcat-ap.de/def/politicalGeocoding/Level/state")
MEDIA_TYPE = "https://www.iana.org/assignments/media-types/"
FORMATS = {
    "CSV": ("text/csv", "CSV"),
    "XLSX": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "XLSX"),
    "JSON": ("application/json", "JSON"),
    "ICS": ("text/calendar", "ICS"),
}


CATALOGUE_FILE = Path(__file__).parent / "data" / "catalogue.toml"


@dataclass
class Distribution:
    title: str
    path: str  # absolute path on the portal (a reverse() result or an API path)
    format: str  # key of FORMATS

    @property
    def download(self) -> bool:
        """A file (downloadURL besides the accessURL) rather than an interface (the JSON API)."""
        return self.format != "JSON"


@dataclass
class Dates:
    issued: date | datetime | None = None
    modified: date | datetime | None = None
    start: date | datetime | None = None
    end: date | datetime | None = None


@dataclass
class Dataset:
    key: str
    title: str
    description: str
    keywords: list[str]
    themes: list[str]  # EU data-theme codes
    landing_path: str
    distributions: list[Distribution]
    dates: Dates = field(default_factory=Dates)
    districts: bool = True  # spatial coverage down to the districts


def _date_of(value: date | datetime | None) -> date | None:
    if isinstance(value, datetime):
        return timezone.localdate(value)
    return value


def _path(target: str) -> str:
    """A distribution's or landing page's address: a path as it is, else a URL name."""
    return target if target.startswith("/") else reverse(target)


@functools.cache
def _metadata() -> list[dict]:
    import tomllib  # the open-data catalogue is a rare request; read once per process

    with CATALOGUE_FILE.open("rb") as file:
        return tomllib.load(file)["dataset"]


def _dates(*, now: datetime) -> dict[str, Dates]:
    """Issued, modified and temporal coverage of each dataset from its data (one aggregate
    query each)."""
    today = timezone.localdate(now)
    created = {"first": Min("created_at"), "last": Max("updated_at")}
    actors = Actor.objects.published().aggregate(**created)
    offers = Offer.objects.public(now=now).aggregate(**created)
    public_events = Event.objects.public()
    upcoming = public_events.filter(ends_at__gte=now).aggregate(**created, end=Max("ends_at"))
    past = public_events.filter(ends_at__lt=now).aggregate(**created, start=Min("starts_at"))
    agreements = CollectiveAgreement.objects.filter(confidential=False).aggregate(
        **created, start=Min("valid_from")
    )
    wage_dates = [
        value
        for model in (MinimumWageRate, StatutoryMinimumWage)
        for value in model.objects.aggregate(
            first=Min("valid_from"), last=Max("valid_from")
        ).values()
        if value
    ]
    indicators = Indicator.objects.aggregate(
        first=Min("imported_at"), last=Max("imported_at"), start=Min("period"), end=Max("period")
    )
    facts = desk_fact_months()
    return {
        "akteure": Dates(actors["first"], actors["last"]),
        "angebote": Dates(offers["first"], offers["last"]),
        "veranstaltungen": Dates(upcoming["first"], upcoming["last"], today, upcoming["end"]),
        "veranstaltungen-vergangen": Dates(past["first"], past["last"], past["start"], today),
        "versorgungslandkarte": Dates(offers["first"], offers["last"]),
        "tarifvertraege": Dates(agreements["first"], agreements["last"], agreements["start"]),
        "mindestloehne": Dates(
            min(wage_dates, default=None),
            max(wage_dates, default=None),
            min(wage_dates, default=None),
        ),
        "lotsendienst-statistik": Dates(facts.first, facts.last, facts.first, facts.last),
        "arbeitsmarktzahlen": Dates(
            indicators["first"], indicators["last"], indicators["start"], indicators["end"]
        ),
    }


def datasets(*, now: datetime | None = None) -> list[Dataset]:
    """The public datasets (metadata from data/catalogue.toml) with the dates their data give."""
    dates = _dates(now=now or timezone.now())
    return [
        Dataset(
            key=item["key"],
            title=item["title"],
            description=item["description"],
            keywords=item["keywords"],
            themes=item["themes"],
            landing_path=_path(item["landing"]),
            distributions=[
                Distribution(title=part["title"], path=_path(part["url"]), format=part["format"])
                for part in item["distributions"]
            ],
            dates=dates.get(item["key"], Dates()),
            districts=item.get("districts", True),
        )
        for item in _metadata()
    ]


def _when(value: date | datetime) -> Literal:
    if isinstance(value, datetime):
        return Literal(value.replace(microsecond=0).isoformat(), datatype=XSD_DATETIME)
    return Literal(value.isoformat(), datatype=XSD_DATE)


def catalogue_graph(*, now: datetime | None = None) -> Graph:
    """The whole catalogue as a graph (about a dozen queries)."""
    graph = Graph()
    base = absolute_url("/katalog")
    catalogue = IRI(base + "#katalog")
    publisher = IRI(base + "#herausgeber")
    contributor = IRI(settings.LOTSE_DCAT_CONTRIBUTOR_ID)
    state = IRI(STATE_KEY + "14")
    districts = [
        IRI(DISTRICT_KEY + code)
        for code in Region.objects.districts().order_by("code").values_list("code", flat=True)
    ]
    items = datasets(now=now)

    graph.add(publisher, "rdf:type", term("foaf:Organization"))
    graph.add(publisher, "foaf:name", Literal(settings.LOTSE_CENTRE_NAME, lang="de"))
    graph.add(publisher, "foaf:homepage", IRI(absolute_url("/")))

    graph.add(catalogue, "rdf:type", term("dcat:Catalog"))
    graph.add(
        catalogue, "dct:title", Literal(f"Offene Daten: {settings.LOTSE_CENTRE_NAME}", lang="de")
    )
    graph.add(
        catalogue,
        "dct:description",
        Literal(
            "Die öffentlichen Daten des Portals: Netzwerk, Angebote, Veranstaltungen, "
            "Versorgungslandkarte, Tarifregister, Statistik des Lotsendienstes und "
            "Arbeitsmarktzahlen.",
            lang="de",
        ),
    )
    graph.add(catalogue, "dct:publisher", publisher)
    graph.add(catalogue, "foaf:homepage", IRI(absolute_url("/")))
    graph.add(catalogue, "dct:language", LANGUAGE_DE)
    graph.add(catalogue, "dct:license", LICENCE)
    graph.add(catalogue, "dcat:themeTaxonomy", IRI(DATA_THEME.rstrip("/")))
    graph.add(catalogue, "dct:spatial", state)
    dated = [value for item in items for value in (item.dates.issued, item.dates.modified) if value]
    if dated:
        graph.add(catalogue, "dct:issued", _when(min(dated, key=_sort_key)))
        graph.add(catalogue, "dct:modified", _when(max(dated, key=_sort_key)))

    for item in items:
        dataset = IRI(f"{base}#{item.key}")
        graph.add(catalogue, "dcat:dataset", dataset)
        _dataset(graph, dataset, item, publisher=publisher, contributor=contributor)
        graph.add(dataset, "dct:spatial", state)
        graph.add(dataset, "dcatde:politicalGeocodingLevelURI", LEVEL_STATE)
        graph.add(dataset, "dcatde:politicalGeocodingURI", state)
        if item.districts:
            for district in districts:
                graph.add(dataset, "dct:spatial", district)
    return graph


def _sort_key(value: date | datetime) -> datetime:
    if isinstance(value, datetime):
        return value
    return timezone.make_aware(datetime.combine(value, datetime.min.time()))


def _dataset(
    graph: Graph, dataset: IRI, item: Dataset, *, publisher: IRI, contributor: IRI
) -> None:
    graph.add(dataset, "rdf:type", term("dcat:Dataset"))
    graph.add(dataset, "dct:title", Literal(item.title, lang="de"))
    graph.add(dataset, "dct:description", Literal(item.description, lang="de"))
    graph.add(dataset, "dct:identifier", Literal(absolute_url(f"/katalog#{item.key}")))
    graph.add(dataset, "dct:publisher", publisher)
    graph.add(dataset, "dcatde:contributorID", contributor)
    graph.add(dataset, "dcat:landingPage", IRI(absolute_url(item.landing_path)))
    graph.add(dataset, "dct:language", LANGUAGE_DE)
    for keyword in item.keywords:
        graph.add(dataset, "dcat:keyword", Literal(keyword, lang="de"))
    for theme in item.themes:
        graph.add(dataset, "dcat:theme", IRI(DATA_THEME + theme))
    if item.dates.issued:
        graph.add(dataset, "dct:issued", _when(item.dates.issued))
    if item.dates.modified:
        graph.add(dataset, "dct:modified", _when(item.dates.modified))
    contact = graph.bnode()
    graph.add(dataset, "dcat:contactPoint", contact)
    graph.add(contact, "rdf:type", term("vcard:Organization"))
    graph.add(contact, "vcard:fn", Literal(settings.LOTSE_CENTRE_NAME))
    graph.add(contact, "vcard:hasEmail", IRI(f"mailto:{settings.LOTSE_CENTRE_EMAIL}"))
    start, end = _date_of(item.dates.start), _date_of(item.dates.end)
    if start or end:
        period = graph.bnode()
        graph.add(dataset, "dct:temporal", period)
        graph.add(period, "rdf:type", term("dct:PeriodOfTime"))
        if start:
            graph.add(period, "dcat:startDate", _when(start))
        if end:
            graph.add(period, "dcat:endDate", _when(end))
    for index, distribution in enumerate(item.distributions, start=1):
        node = IRI(f"{absolute_url('/katalog')}#{item.key}-{index}")
        media_type, file_type = FORMATS[distribution.format]
        url = IRI(absolute_url(distribution.path))
        graph.add(dataset, "dcat:distribution", node)
        graph.add(node, "rdf:type", term("dcat:Distribution"))
        graph.add(node, "dct:title", Literal(f"{item.title} ({distribution.title})", lang="de"))
        graph.add(node, "dcat:accessURL", url)
        if distribution.download:
            graph.add(node, "dcat:downloadURL", url)
        graph.add(node, "dct:format", IRI(FILE_TYPE + file_type))
        graph.add(node, "dcat:mediaType", IRI(MEDIA_TYPE + media_type))
        graph.add(node, "dct:license", LICENCE)
        graph.add(node, "dcatde:licenseAttributionByText", Literal(settings.LOTSE_CENTRE_NAME))
