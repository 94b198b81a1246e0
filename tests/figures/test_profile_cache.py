"""District profiles keep what only a write changes (the figures, the actors by type, the desk's
inquiry figures, the 13 districts) in the worker's memory under the content versions (decision
0041): every write shows on the next rendering, a rendering of the same versions reads none of
those tables again, the labels follow the page's language and the inquiry months the day."""

import datetime as dt

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lotse.figures.models import Indicator
from tests.figures.factories import IndicatorFactory, inquiry_facts
from tests.figures.pages import DRESDEN, section_text
from tests.network.factories import ActorFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_today")]


def page(client, n: int, prefix: str = "") -> str:
    """Another address each time, as a page-cache miss would render it."""
    response = client.get(f"{prefix}{DRESDEN}?kalt={n}")
    assert response.status_code == 200
    return response.content.decode()


def test_every_write_shows_on_the_next_rendering(client):
    html = page(client, 1)
    assert "noch keine Arbeitsmarktzahlen" in html
    assert "noch kein Akteur für diesen Kreis" in html
    assert "noch keine Anfragen an den Lotsendienst" in html

    IndicatorFactory(key="arbeitslose", ags="14612", period="2025-08", value=22691)
    assert "22.691" in section_text(page(client, 2), "figures-heading")
    Indicator.objects.filter(key="arbeitslose").update(value=22700)  # a corrected figure
    figures = section_text(page(client, 3), "figures-heading")
    assert "22.700" in figures and "22.691" not in figures

    ActorFactory(districts=["dresden"], type_slug="kammer")
    assert "1 Akteur ist hier tätig Akteurstyp Anzahl Kammer 1" in section_text(
        page(client, 4), "actors-heading"
    )
    ActorFactory(districts=["dresden"], type_slug="kammer")
    ActorFactory(districts=["leipzig"], type_slug="kammer", statewide=True)
    actors = section_text(page(client, 5), "actors-heading")
    assert "2 Akteure sind hier tätig" in actors and "Kammer 2" in actors
    assert "Dazu kommt 1 landesweit tätiger Akteur." in actors

    inquiry_facts(6, month=dt.date(2026, 10, 1))
    assert "Gesamt Alle Anfragen 6 " in section_text(page(client, 6), "inquiries-heading")
    inquiry_facts(1, month=dt.date(2026, 10, 1))  # the fact table alone moves its own scope
    assert "Gesamt Alle Anfragen 7 " in section_text(page(client, 7), "inquiries-heading")


def test_a_rendering_of_the_same_versions_reads_none_of_the_cached_tables(client):
    IndicatorFactory(key="arbeitslose", ags="14612", period="2025-08", value=22691)
    ActorFactory(districts=["dresden"], type_slug="kammer")
    inquiry_facts(6, month=dt.date(2026, 10, 1))
    first = page(client, 1)
    with CaptureQueriesContext(connection) as queries:
        again = page(client, 2)
    assert again == first.replace("kalt=1", "kalt=2")
    statements = [query["sql"] for query in queries.captured_queries]
    # The next events are read fresh (they depend on the hour; they join the regions).
    assert len([sql for sql in statements if '"events_event"' in sql]) == 1
    read = " ".join(sql for sql in statements if '"events_event"' not in sql)
    for table in ("figures_indicator", "network_actor", "desk_inquiryfact", "core_region"):
        assert f'"{table}"' not in read, table


def test_the_cached_labels_follow_the_language_of_the_page(client):
    IndicatorFactory(key="arbeitslose", ags="14612", period="2025-08", value=22691)
    ActorFactory(districts=["dresden"], type_slug="kammer")
    inquiry_facts(6, month=dt.date(2026, 10, 1))
    german = page(client, 1)
    english = page(client, 2, prefix="/en")
    assert "Arbeitslose" in section_text(german, "figures-heading")
    assert "Unemployed" in section_text(english, "figures-heading")
    assert "Gesamt Alle Anfragen 6" in section_text(german, "inquiries-heading")
    assert "All inquiries 6" in section_text(english, "inquiries-heading")
    assert "Kammer 1" in section_text(german, "actors-heading")
    assert "Kammer" not in section_text(english, "actors-heading")
    assert "Alle Anfragen" in section_text(page(client, 3), "inquiries-heading")


def test_the_inquiry_months_follow_the_day(client):
    inquiry_facts(6, month=dt.date(2025, 12, 1))
    with time_machine.travel(dt.datetime(2026, 11, 30, 12, tzinfo=dt.UTC), tick=False):
        inquiries = section_text(page(client, 1), "inquiries-heading")
    assert "von Dezember 2025 bis November 2026" in inquiries
    assert "Gesamt Alle Anfragen 6 " in inquiries
    # A day later December 2025 has left the last twelve months; no write moved a version.
    later = section_text(page(client, 2), "inquiries-heading")
    assert "von Januar 2026 bis Dezember 2026" in later
    assert "Gesamt Alle Anfragen weniger als 5" in later
    assert "Kalenderjahr 2025 6 " in later
