"""District profiles /regionen/ and /regionen/<slug>/: figures with their sources (or the word
that there are none), actors by type, offers by topic field with the gaps, upcoming events, the
same figures in the SVG and in the table, a constant number of queries."""

import re
from decimal import Decimal

import pytest

from lotse.core.models import Region
from tests.events.factories import EventFactory, SiteFactory
from tests.figures.factories import IndicatorFactory
from tests.network.factories import ActorFactory
from tests.offers.factories import OfferFactory

pytestmark = pytest.mark.django_db

DRESDEN = "/regionen/dresden/"


def test_the_index_lists_the_13_districts_and_compares_them(client):
    IndicatorFactory(ags="14612", period="2025-07", value=Decimal("7.4"))
    IndicatorFactory(ags="14612", period="2025-08", value=Decimal("7.2"))
    IndicatorFactory(ags="14511", period="2025-08", value=Decimal("9.8"))
    response = client.get("/regionen/")
    assert response.status_code == 200
    html = response.content.decode()
    for region in Region.objects.districts():
        assert f'href="/regionen/{region.slug}/"' in html
    assert "Arbeitslosenquote – August 2025" in html
    # the bar chart's text alternative and the table give the same figures
    assert "Dresden 7,2 %; " in html and "Chemnitz 9,8 %" in html
    assert ">7,2 %</td>" in html and ">9,8 %</td>" in html
    assert "Für 2 von 13 Kreisen liegen Zahlen" in html
    assert "7,4 %" not in html  # only the latest month is compared


def test_a_district_without_figures_says_so(client):
    response = client.get("/regionen/bautzen/")
    assert response.status_code == 200
    assert "noch keine Arbeitsmarktzahlen mit Quellenangabe" in response.content.decode()


def test_an_unknown_district_is_404(client):
    assert client.get("/regionen/atlantis/").status_code == 404
    assert client.get("/regionen/sachsen/").status_code == 404  # the state is no district


def test_the_profile_shows_figures_with_sources_and_a_time_series(client):
    IndicatorFactory(key="arbeitslose", ags="14612", period="2025-08", value=22691)
    IndicatorFactory(key="arbeitslose", ags="14612", period="2025-09", value=22282)
    IndicatorFactory(key="arbeitslosenquote", ags="14", period="2025-08", value=Decimal("7.0"))
    html = client.get(DRESDEN).content.decode()
    assert "22.691" in html and "22.282" in html
    assert (
        'href="https://statistik.arbeitsagentur.de/"' in html and "abgerufen am 01.12.2026" in html
    )
    assert "Arbeitslose im Zeitverlauf" in html
    title = re.search(r'<title id="chart-svg-arbeitslose-title">(.*?)</title>', html, re.S)[1]
    assert "August 2025 22.691" in title and "September 2025 22.282" in title
    assert "Zum Vergleich: Freistaat Sachsen (Landesebene)" in html
    assert "Gemeldete Arbeitsstellen" in html.split("Ohne Zahl")[1]


def test_actors_offers_gaps_and_events_of_the_district(client):
    ActorFactory(districts=["dresden"], type_slug="kammer")
    ActorFactory(districts=["dresden"], type_slug="kammer")
    ActorFactory(districts=["leipzig"], type_slug="beratungsstelle")
    OfferFactory(districts=["dresden"], topic_fields=["ausbildung-weiterbildung"])
    OfferFactory(districts=["leipzig"], topic_fields=["zuwanderung"])
    event = EventFactory(title="Forum Dresden", sites=())
    SiteFactory(event=event, name="Dresden", district=Region.objects.get(slug="dresden"))
    EventFactory(title="Forum Leipzig")
    html = client.get(DRESDEN).content.decode()
    assert re.search(r">Kammern?</a></th><td[^>]*>2</td>", html)
    assert "Beratungsstelle" not in html.split("actors-heading")[1].split("offers-heading")[0]
    assert "1 Angebot in diesem Kreis, 4 Lücken" in html
    assert "Forum Dresden" in html and "Forum Leipzig" not in html


def test_the_profile_costs_a_constant_number_of_queries(client, django_assert_num_queries):
    def load(count):
        for _ in range(count):
            ActorFactory(districts=["dresden"])
            OfferFactory(districts=["dresden"], topic_fields=["zuwanderung"])
            event = EventFactory(sites=())
            SiteFactory(event=event, district=Region.objects.get(slug="dresden"))
        IndicatorFactory(key="arbeitslose", ags="14612", period=f"2025-0{count}", value=count)

    load(1)
    client.get(DRESDEN)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as first:
        client.get(DRESDEN)
    # Counted now: the captured list is a view of the connection's log, which the next request
    # clears.
    first_count = len(first)
    load(3)
    client.get(DRESDEN)  # the writes moved the content version: the coverage counts again
    with django_assert_num_queries(first_count):
        client.get(DRESDEN)


def test_the_coverage_map_links_the_district_pages(client):
    html = client.get("/angebote/abdeckung/").content.decode()
    assert html.count('href="/regionen/dresden/"') == 1  # the table row


def test_the_indicator_csv_lists_every_figure_with_its_source(client):
    IndicatorFactory(key="arbeitslose", ags="14612", period="2025-08", value=22691)
    response = client.get("/regionen/arbeitsmarktzahlen.csv")
    text = response.content.decode("utf-8-sig")
    assert response.status_code == 200
    assert "arbeitslose;14612;Dresden;2025-08;22691;personen;" in text
    assert client.get("/regionen/arbeitsmarktzahlen.xlsx").status_code == 200


def test_the_profile_in_english(client):
    IndicatorFactory(key="arbeitslosenquote", ags="14612", period="2025-08", value=Decimal("7.2"))
    html = client.get("/en/regionen/dresden/").content.decode()
    assert "Labour market" in html and "Unemployment rate" in html and "7.2%" in html


def test_anonymous_answers_are_cached_briefly(client, settings, django_assert_num_queries):
    settings.LOTSE_CATALOGUE_CACHE_SECONDS = 60
    client.get(DRESDEN)
    client.get("/katalog.ttl")
    with django_assert_num_queries(2):  # the content version, once per request
        assert client.get(DRESDEN).status_code == 200
        assert client.get("/katalog.ttl").status_code == 200
