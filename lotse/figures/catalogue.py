"""The open-data catalogue (DCAT-AP.de 2.0, profile "Spezifikation + Konventionen").

Every public dataset of the portal is described with its distributions (CSV and XLSX where they
exist, the JSON API, the calendar), the licence dl-by-de/2.0, publisher and contact point from
the settings, `dcatde:contributorID` from LOTSE_DCAT_CONTRIBUTOR_ID, spatial coverage (state key
14 and the districts' AGS), temporal coverage and issued/modified from the data themselves.
Served at /katalog.ttl, /katalog.rdf and /katalog.jsonld (views.catalogue).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from django.conf import settings
from django.db.models import Max, Min
from django.urls import reverse
from django.utils import timezone

from lotse.core.links import absolute_url
from lotse.core.models import Region
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


@dataclass
class Distribution:
    title: str
    path: str  # absolute path on the portal (a reverse() result)
    format: str  # key of FORMATS
    download: bool = True  # a file (downloadURL) rather than an interface


@dataclass
class Dataset:
    key: str
    title: str
    description: str
    keywords: list[str]
    themes: list[str]  # EU data-theme codes
    landing_path: str
    distributions: list[Distribution]
    issued: date | datetime | None = None
    modified: date | datetime | None = None
    start: date | None = None
    end: date | None = None
    districts: bool = True  # spatial coverage down to the districts
    extra: list[str] = field(default_factory=list)


def _date_of(value: date | datetime | None) -> date | None:
    if isinstance(value, datetime):
        return timezone.localdate(value)
    return value


def _span(aggregate: dict) -> tuple[datetime | None, datetime | None]:
    return aggregate.get("first"), aggregate.get("last")


def datasets(*, now: datetime | None = None) -> list[Dataset]:
    """The public datasets with the dates their data give (one aggregate query each)."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    actors = Actor.objects.published().aggregate(first=Min("created_at"), last=Max("updated_at"))
    offers = Offer.objects.public(now=now).aggregate(
        first=Min("created_at"), last=Max("updated_at")
    )
    public_events = Event.objects.public()
    upcoming = public_events.filter(ends_at__gte=now).aggregate(
        first=Min("created_at"), last=Max("updated_at"), end=Max("ends_at")
    )
    past = public_events.filter(ends_at__lt=now).aggregate(
        first=Min("created_at"), last=Max("updated_at"), start=Min("starts_at")
    )
    agreements = CollectiveAgreement.objects.filter(confidential=False).aggregate(
        first=Min("created_at"), last=Max("updated_at"), start=Min("valid_from")
    )
    rates = MinimumWageRate.objects.aggregate(first=Min("valid_from"), last=Max("valid_from"))
    floors = StatutoryMinimumWage.objects.aggregate(first=Min("valid_from"), last=Max("valid_from"))
    indicators = Indicator.objects.aggregate(
        first=Min("imported_at"), last=Max("imported_at"), start=Min("period"), end=Max("period")
    )
    wage_dates = [value for value in (*_span(rates), *_span(floors)) if value]
    api = "/api/v1/"
    return [
        Dataset(
            key="akteure",
            title="Akteure des Fachkräftenetzwerks Sachsen",
            description=(
                "Organisationen des sächsischen Netzwerks zur Fachkräftesicherung: Typ, "
                "Landkreise, Themenfelder, Zielgruppen, Sprachen, öffentliche Kontaktdaten."
            ),
            keywords=["Fachkräftesicherung", "Netzwerk", "Akteure", "Beratung"],
            themes=["ECON", "SOCI"],
            landing_path=reverse("network:directory"),
            distributions=[Distribution("JSON-API", api + "actors", "JSON", download=False)],
            issued=actors["first"],
            modified=actors["last"],
        ),
        Dataset(
            key="angebote",
            title="Angebote zur Fachkräftesicherung in Sachsen",
            description=(
                "Öffentliche, von der Redaktion geprüfte Angebote (Beratung, Qualifizierung, "
                "Förderung) mit Themenfeldern, Zielgruppen und Landkreisen."
            ),
            keywords=["Angebote", "Beratung", "Weiterbildung", "Fachkräfte"],
            themes=["EDUC", "ECON"],
            landing_path=reverse("offers:catalogue"),
            distributions=[
                Distribution("CSV", reverse("offers:export_csv"), "CSV"),
                Distribution("XLSX", reverse("offers:export_xlsx"), "XLSX"),
                Distribution("JSON-API", api + "offers", "JSON", download=False),
            ],
            issued=offers["first"],
            modified=offers["last"],
        ),
        Dataset(
            key="veranstaltungen",
            title="Kommende Veranstaltungen zur Fachkräftesicherung",
            description=(
                "Angekündigte Veranstaltungen des Zentrums und seiner Partner mit Orten, "
                "Terminen und Themenfeldern."
            ),
            keywords=["Veranstaltungen", "Termine", "Netzwerktreffen"],
            themes=["ECON", "SOCI"],
            landing_path=reverse("events:list"),
            distributions=[
                Distribution("JSON-API", api + "events", "JSON", download=False),
                Distribution("Kalender (iCalendar)", reverse("events:calendar"), "ICS"),
            ],
            issued=upcoming["first"],
            modified=upcoming["last"],
            start=today,
            end=_date_of(upcoming["end"]),
        ),
        Dataset(
            key="veranstaltungen-vergangen",
            title="Vergangene Veranstaltungen zur Fachkräftesicherung",
            description=(
                "Vergangene Veranstaltungen bleiben in den offenen Daten: dieselbe Schnittstelle "
                "mit past=true, neueste zuerst."
            ),
            keywords=["Veranstaltungen", "Archiv"],
            themes=["ECON", "SOCI"],
            landing_path=reverse("events:list"),
            distributions=[
                Distribution("JSON-API", api + "events?past=true", "JSON", download=False)
            ],
            issued=past["first"],
            modified=past["last"],
            start=_date_of(past["start"]),
            end=today,
        ),
        Dataset(
            key="versorgungslandkarte",
            title="Versorgungslandkarte: Angebote je Landkreis und Themenfeld",
            description=(
                "Zahl der öffentlichen Angebote je Landkreis/kreisfreier Stadt und Themenfeld, "
                "landesweite und Online-Angebote getrennt; Felder ohne Angebot sind Lücken."
            ),
            keywords=["Versorgung", "Lücken", "Landkreise"],
            themes=["ECON", "REGI"],
            landing_path=reverse("offers:coverage"),
            distributions=[Distribution("JSON-API", api + "coverage", "JSON", download=False)],
            issued=offers["first"],
            modified=offers["last"],
        ),
        Dataset(
            key="tarifvertraege",
            title="Tarifverträge in Sachsen (Metadaten)",
            description=(
                "Metadaten der erfassten Tarifverträge: Parteien, Geltungsbereich, Laufzeiten, "
                "Allgemeinverbindlichkeit. Vertrauliche Verträge sind nicht enthalten."
            ),
            keywords=["Tarifvertrag", "Tarifregister", "Allgemeinverbindlichkeit"],
            themes=["ECON", "GOVE"],
            landing_path=reverse("tariffs:search"),
            distributions=[
                Distribution("JSON-API", api + "tariffs/agreements", "JSON", download=False)
            ],
            issued=agreements["first"],
            modified=agreements["last"],
            start=agreements["start"],
            districts=False,
        ),
        Dataset(
            key="mindestloehne",
            title="Mindestlöhne und gesetzliche Untergrenzen",
            description=(
                "Gesetzlicher Mindestlohn, Mindestausbildungsvergütung und Branchenmindestlöhne "
                "mit ihren Geltungszeiträumen."
            ),
            keywords=["Mindestlohn", "Ausbildungsvergütung", "Branchenmindestlohn"],
            themes=["ECON", "GOVE"],
            landing_path=reverse("tariffs:search"),
            distributions=[
                Distribution("JSON-API", api + "tariffs/minimum-wage", "JSON", download=False)
            ],
            issued=min(wage_dates, default=None),
            modified=max(wage_dates, default=None),
            start=min(wage_dates, default=None),
            districts=False,
        ),
        Dataset(
            key="arbeitsmarktzahlen",
            title="Arbeitsmarktzahlen der sächsischen Landkreise",
            description=(
                "Arbeitslose, Arbeitslosenquote, gemeldete Arbeitsstellen, Ausbildungsmarkt je "
                "Landkreis/kreisfreier Stadt und für den Freistaat, jede Zahl mit Quelle und "
                "Abrufdatum (überwiegend Bundesagentur für Arbeit)."
            ),
            keywords=["Arbeitsmarkt", "Arbeitslosigkeit", "Arbeitsstellen", "Landkreise"],
            themes=["ECON", "SOCI"],
            landing_path=reverse("figures:districts"),
            distributions=[
                Distribution("CSV", reverse("figures:indicators_csv"), "CSV"),
                Distribution("XLSX", reverse("figures:indicators_xlsx"), "XLSX"),
                Distribution("JSON-API", api + "indicators", "JSON", download=False),
            ],
            issued=indicators["first"],
            modified=indicators["last"],
            start=indicators["start"],
            end=indicators["end"],
        ),
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
            "Versorgungslandkarte, Tarifregister und Arbeitsmarktzahlen.",
            lang="de",
        ),
    )
    graph.add(catalogue, "dct:publisher", publisher)
    graph.add(catalogue, "foaf:homepage", IRI(absolute_url("/")))
    graph.add(catalogue, "dct:language", LANGUAGE_DE)
    graph.add(catalogue, "dct:license", LICENCE)
    graph.add(catalogue, "dcat:themeTaxonomy", IRI(DATA_THEME.rstrip("/")))
    graph.add(catalogue, "dct:spatial", state)
    dated = [value for item in items for value in (item.issued, item.modified) if value]
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
    if item.issued:
        graph.add(dataset, "dct:issued", _when(item.issued))
    if item.modified:
        graph.add(dataset, "dct:modified", _when(item.modified))
    contact = graph.bnode()
    graph.add(dataset, "dcat:contactPoint", contact)
    graph.add(contact, "rdf:type", term("vcard:Organization"))
    graph.add(contact, "vcard:fn", Literal(settings.LOTSE_CENTRE_NAME))
    graph.add(contact, "vcard:hasEmail", IRI(f"mailto:{settings.LOTSE_CENTRE_EMAIL}"))
    if item.start or item.end:
        period = graph.bnode()
        graph.add(dataset, "dct:temporal", period)
        graph.add(period, "rdf:type", term("dct:PeriodOfTime"))
        if item.start:
            graph.add(period, "dcat:startDate", _when(_date_of(item.start)))  # type: ignore[arg-type]
        if item.end:
            graph.add(period, "dcat:endDate", _when(_date_of(item.end)))  # type: ignore[arg-type]
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
