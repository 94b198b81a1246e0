"""Participant structure report: counts, press sentences, charts, CSV/PDF, query count."""

import pytest
from django.urls import reverse

from lotse.events.backoffice.reports import chart, rounded_figure, structure_report
from lotse.events.models import RegistrationStatus

from .factories import make_event, make_registration
from .press import press_sentences

pytestmark = pytest.mark.django_db


@pytest.fixture
def forum(db):
    event = make_event(
        sites=(("Görlitz", 60), ("Riesa", 60), ("Chemnitz", 60), ("Zwickau", 60), ("Online", None)),
        days=-3,
        status="held",
    )
    sites = {site.name: site for site in event.sites.all()}
    plan = [
        ("Görlitz", "goerlitz", "kommunalverwaltung", 40),
        ("Riesa", "meissen", "arbeitsverwaltung", 35),
        ("Chemnitz", "chemnitz", "kammer", 45),
        ("Zwickau", "zwickau", "bildungseinrichtung", 38),
    ]
    for name, district, type_slug, count in plan:
        for index in range(count):
            make_registration(
                sites[name], district=district, actor_type=type_slug, checked_in=index % 10 != 0
            )
    for _ in range(12):
        make_registration(
            sites["Online"], district="leipzig", actor_type="verein-verband", checked_in=True
        )
    make_registration(sites["Riesa"], status=RegistrationStatus.CANCELLED)
    make_registration(
        sites["Riesa"], status=RegistrationStatus.WAITLISTED, actor_type=None, district=None
    )
    return event


def test_counts_by_site_type_and_district(forum):
    report = structure_report(event=forum)
    by_site = {row.label: (row.registered, row.confirmed, row.present) for row in report.by_site}
    assert by_site["Görlitz"] == (40, 40, 36)
    assert by_site["Riesa"] == (36, 35, 31)  # + waiting list registered; cancelled not counted
    assert by_site["Online"] == (12, 12, 12)
    assert (report.total.registered, report.total.confirmed, report.total.present) == (
        171,
        170,
        153,
    )
    types = {row.key: row.present for row in report.by_actor_type}
    assert types["kammer"] == 40 and types["verein-verband"] == 12
    assert any(row.label == "ohne Angabe" for row in report.by_actor_type)
    districts = {row.key: row.registered for row in report.by_district}
    assert districts["chemnitz"] == 45


def test_press_sentences_come_from_the_numbers(forum):
    sentences = press_sentences(structure_report(event=forum))
    text = " ".join(sentences)
    assert text.startswith("Über 150 Vertreterinnen und Vertreter aus ")
    assert "Kammern" in text and "Kommunalverwaltung" in text
    assert "an vier Standorten statt: in Görlitz, Riesa, Chemnitz und Zwickau" in text
    assert "12 weitere Personen waren per Livestream zugeschaltet" in text
    assert "aus 5 sächsischen Landkreisen und kreisfreien Städten" in text


@pytest.mark.parametrize(
    ("number", "figure"),
    [(163, (150, True)), (150, (150, False)), (47, (40, True)), (12, (12, False))],
)
def test_rounded_figure(number, figure):
    assert rounded_figure(number) == figure


def test_chart_geometry_and_text_alternative(forum):
    rows = structure_report(event=forum).by_site
    drawn = chart(rows)
    widths = {bar["label"]: bar["width"] for bar in drawn["bars"]}
    assert widths["Chemnitz"] > widths["Görlitz"] > widths["Online"] > 0
    assert "Chemnitz: 45" in drawn["summary"]


def test_report_page_csv_and_pdf(team, forum):
    url = reverse("lotse_events:report", args=[forum.pk])
    page = team.get(url)
    body = page.content.decode()
    assert page.status_code == 200
    assert "<svg" in body and 'role="img"' in body and "<title" in body
    assert "Über 150 Vertreterinnen" in body
    assert '<th scope="row">Chemnitz</th><td>45</td><td>45</td><td>40</td>' in body.replace(
        "\n", ""
    ).replace("  ", "")
    csv = team.get(url, {"format": "csv"}).content.decode("utf-8-sig")
    assert "Nach Standort;Chemnitz;45;45;40" in csv.replace("\r", "")
    pdf = team.get(url, {"format": "pdf"})
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")


def test_report_query_count_is_constant(forum, team, django_assert_max_num_queries):
    small = make_event(days=-2, status="held")
    make_registration(small.sites.get(), checked_in=True)
    url_small = reverse("lotse_events:report", args=[small.pk])
    team.get(url_small)
    with django_assert_max_num_queries(30) as one:
        team.get(url_small)
    with django_assert_max_num_queries(len(one.captured_queries)):
        team.get(reverse("lotse_events:report", args=[forum.pk]))


def test_selector_uses_four_queries(forum, django_assert_num_queries):
    with django_assert_num_queries(4):
        structure_report(event=forum)


def test_press_sentences_for_a_small_event(team):
    small = make_event(days=-1, status="held", title="Kleine Runde")
    make_registration(small.sites.get(), checked_in=True)
    make_registration(small.sites.get())
    sentences = press_sentences(structure_report(event=small))
    assert sentences[0].startswith("1 Person nahm am ")
    assert sentences[-1] == "Angemeldet hatten sich 2 Personen, 1 war vor Ort."


def test_press_sentences_count_online_people_once(forum):
    """Issue 11/7: the sentences agree with the table: on site + online = present in total."""
    report = structure_report(event=forum)
    online = sum(row.present for row in report.by_site if row.label in report.online_sites)
    on_site = report.total.present - online
    assert (on_site, online) == (141, 12)
    text = " ".join(press_sentences(report))
    assert "in Görlitz, Riesa, Chemnitz und Zwickau mit 141 Personen vor Ort" in text
    assert "12 weitere Personen waren per Livestream zugeschaltet" in text
    assert text.endswith(
        "Angemeldet hatten sich 170 Personen, 141 waren vor Ort und 12 per Livestream zugeschaltet."
    )
    assert "153 waren vor Ort" not in text


def test_press_sentences_one_place_and_online(team):
    event = make_event(sites=(("Riesa", 60), ("Online", None)), days=-2, status="held")
    sites = {site.name: site for site in event.sites.all()}
    for _ in range(3):
        make_registration(sites["Riesa"], checked_in=True)
    for _ in range(2):
        make_registration(sites["Online"], checked_in=True)
    text = " ".join(press_sentences(structure_report(event=event)))
    assert "Veranstaltungsort war Riesa mit 3 Personen vor Ort" in text
    assert "2 weitere Personen waren per Livestream zugeschaltet" in text
    assert text.endswith(
        "Angemeldet hatten sich 5 Personen, 3 waren vor Ort und 2 per Livestream zugeschaltet."
    )


def test_report_page_and_pdf_count_online_people_once(team, forum, monkeypatch):
    import lotse.core.pdf

    rendered = []
    monkeypatch.setattr(
        lotse.core.pdf, "html_to_pdf", lambda html, **kw: rendered.append(html) or b"%PDF"
    )
    url = reverse("lotse_events:report", args=[forum.pk])
    body = " ".join(team.get(url).content.decode().split())
    assert "141 waren vor Ort und 12 per Livestream" in body
    assert team.get(url, {"format": "pdf"}).content == b"%PDF"
    assert "141 waren vor Ort und 12 per Livestream" in " ".join(rendered[0].split())


def test_press_sentences_in_english_with_localised_figures(forum):
    """The sentences are written in the template: English from the catalogue, the date and
    the figures formatted by Django's localisation."""
    from django.utils import dateformat, timezone, translation

    with translation.override("en"):
        text = " ".join(press_sentences(structure_report(event=forum)))
        date = dateformat.format(timezone.localtime(forum.starts_at), "j. F Y")
    assert text.startswith("Over 150 representatives of ")
    assert f"on {date}." in text
    assert "; 12 more people followed via live stream." in text
