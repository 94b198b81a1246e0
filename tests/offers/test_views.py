"""The public catalogue pages: search page, htmx partial, no-results page, detail, exports."""

import csv
import io

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lotse.network.models import Contact

pytestmark = pytest.mark.django_db

TOPICS = ["integration-fachkraefteeinwanderung", "ausbildung-weiterbildung"]


def _fill(offer_factory, actor_factory, count):
    actor = actor_factory()
    contact = Contact.objects.create(actor=actor, name="Erika Muster", is_public=True)
    for number in range(count):
        offer_factory(
            title=f"Ausbildung {number}",
            actor=actor,
            contact=contact,
            topic_fields=TOPICS,
            target_groups=["unternehmen"],
            districts=["dresden", "leipzig"],
            languages=["de", "en"],
            age_days=number,
        )


def _queries(client, url, **headers) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url, headers=headers)
    assert response.status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize(
    "url",
    [
        "/angebote/",
        "/angebote/?q=Ausbildung&topic_field=ausbildung-weiterbildung&district=dresden",
        "/angebote/?language=de&sort=title&page=2",
    ],
)
def test_query_count_is_constant(client, offer_factory, actor_factory, url):
    _fill(offer_factory, actor_factory, 5)
    client.get(url)  # warm-up (site root paths, content types)
    few = _queries(client, url)
    few_partial = _queries(client, url, HX_Request="true")
    _fill(offer_factory, actor_factory, 35)
    # The writes moved the content version: the reference lists and the intro page are read
    # once again under the new one (kept per content version), then the same as before.
    client.get(url)
    many = _queries(client, url)
    many_partial = _queries(client, url, HX_Request="true")
    assert few == many
    assert few_partial == many_partial
    assert many <= 25


def test_detail_query_count_is_constant(client, offer_factory, actor_factory):
    _fill(offer_factory, actor_factory, 5)
    client.get("/angebote/angebot-1/")
    url = "/angebote/" + client.get("/angebote/?sort=title").context["offers"][0].slug + "/"
    few = _queries(client, url)
    _fill(offer_factory, actor_factory, 35)
    assert _queries(client, url) == few


def test_catalogue_page(client, offer_factory):
    offer_factory(title="Anerkennungsberatung", topic_fields=TOPICS[:1], districts=["dresden"])
    offer_factory(title="Ausbildungsverbund", topic_fields=TOPICS[1:], statewide=True)
    response = client.get("/angebote/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Anerkennungsberatung" in html and "Ausbildungsverbund" in html
    assert 'role="search"' in html
    assert 'aria-live="polite"' in html
    assert "<legend" in html
    assert 'hx-get="/angebote/"' in html
    assert "2 Angebote gefunden" in html
    # A filter state is a plain address.
    response = client.get("/angebote/?topic_field=ausbildung-weiterbildung&district=leipzig")
    html = response.content.decode()
    assert "Ausbildungsverbund" in html and "Anerkennungsberatung" not in html
    assert (
        'value="ausbildung-weiterbildung" id="f-topic_field-ausbildung-weiterbildung" checked'
        in (html)
    )


def test_english_catalogue(client, offer_factory):
    offer_factory(title="Anerkennungsberatung")
    response = client.get("/en/angebote/")
    assert response.status_code == 200
    assert 'href="/en/angebote/angebot-' in response.content.decode()


def test_pagination_nav(client, offer_factory):
    for number in range(45):
        offer_factory(title=f"Angebot {number:02d}")
    html = client.get("/angebote/?sort=title&page=2").content.decode()
    assert 'aria-label="Seiten der Ergebnisliste"' in html
    assert 'href="?sort=title&amp;page=2" aria-current="page"' in html
    assert "Angebot 20" in html and "Angebot 19" not in html


def test_htmx_partial(client, offer_factory):
    offer_factory(title="Anerkennungsberatung", topic_fields=TOPICS[:1])
    response = client.get("/angebote/?q=Anerkennung", headers={"HX-Request": "true"})
    html = response.content.decode()
    assert "<html" not in html
    assert '<div id="results">' in html
    assert 'id="result-count-text" hx-swap-oob="true"' in html
    # Every facet's options are replaced (current counts, see test_catalogue_filters.py).
    assert '<div id="facet-topic_field" hx-swap-oob="innerHTML">' in html
    assert 'id="fc-topic_field-integration-fachkraefteeinwanderung">1<' in html
    assert "HX-Request" in response["Vary"]


def test_no_results_page_loosens_filters(client, offer_factory):
    offer_factory(title="Ausbildung im Handwerk", topic_fields=TOPICS[:1], districts=["dresden"])
    response = client.get(
        "/angebote/?q=Ausbildnug&topic_field=integration-fachkraefteeinwanderung&kind=netzwerk"
    )
    html = response.content.decode()
    assert "Keine passenden Angebote gefunden" in html
    assert "Meinten Sie" in html
    assert (
        'href="/angebote/?q=Ausbildung&amp;topic_field=integration-fachkraefteeinwanderung'
        '&amp;kind=netzwerk"' not in html
    )  # the suggestion with these filters finds nothing, so it drops them:
    assert 'href="/angebote/?q=Ausbildung"' in html
    # One link per active filter removes just that filter …
    assert 'href="/angebote/?q=Ausbildnug&amp;kind=netzwerk"' in html
    assert 'href="/angebote/?q=Ausbildnug&amp;topic_field=integration-fachkraefteeinwanderung"' in (
        html
    )
    # … and one resets them all.
    assert "Alle Filter zurücksetzen" in html
    assert 'href="/angebote/?q=Ausbildnug"' in html


def test_bad_parameters_are_ignored(client, offer_factory):
    offer_factory(title="Ausbildung")
    response = client.get(
        "/angebote/?topic_field=nope&kind=%00&sort=evil&page=-3&district=x&cost=&q=%00%01"
    )
    assert response.status_code == 200
    assert "Ausbildung" in response.content.decode()


def test_script_in_offer_texts_is_escaped(client, offer_factory):
    payload = '<script>alert("x")</script>'
    offer = offer_factory(
        title=f"Kurs {payload}",
        summary=f"Kurz {payload}",
        description=f"Lang {payload}",
        eligibility=f"Bedingung {payload}",
        cost_note=f"Preis {payload}",
        topic_fields=TOPICS[:1],
    )
    offer_factory(title="Verwandt", topic_fields=TOPICS[:1], summary=payload)
    for url in ("/angebote/", f"/angebote/{offer.slug}/", "/angebote/?q=Kurs"):
        html = client.get(url).content.decode()
        assert "<script>alert" not in html
        assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    html = client.get("/angebote/?q=%3Cscript%3Ealert(1)%3C/script%3E").content.decode()
    assert "<script>alert(1)" not in html


def test_detail_page(client, offer_factory, actor_factory):
    actor = actor_factory(name="IHK Dresden", slug="ihk-dresden")
    public = Contact.objects.create(
        actor=actor, name="Erika Muster", email="e@example.org", is_public=True
    )
    offer = offer_factory(
        title="Anerkennungsberatung",
        actor=actor,
        contact=public,
        cost="kostenpflichtig",
        cost_note="50 Euro",
        eligibility="Sitz in Sachsen",
        topic_fields=TOPICS[:1],
        districts=["dresden"],
        languages=["ar"],
        online=True,
    )
    related = offer_factory(title="Anerkennung Zwei", topic_fields=TOPICS[:1])
    offer_factory(title="Anderes Thema", topic_fields=TOPICS[1:])
    offer_factory(title="Entwurf", topic_fields=TOPICS[:1], live=False)
    response = client.get(f"/angebote/{offer.slug}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'href="/netzwerk/ihk-dresden/"' in html
    assert "Erika Muster" in html and "e@example.org" in html
    assert "50 Euro" in html and "Sitz in Sachsen" in html and "Arabisch" in html
    assert "Dresden" in html and "online" in html
    assert related.title in html
    assert "Anderes Thema" not in html and "Entwurf" not in html
    assert [item.pk for item in response.context["related"]] == [related.pk]


def test_detail_hides_internal_contact_and_non_public_offers(client, offer_factory, actor_factory):
    actor = actor_factory()
    internal = Contact.objects.create(actor=actor, name="Interne Person", is_public=False)
    offer = offer_factory(title="Angebot", actor=actor, contact=internal)
    assert "Interne Person" not in client.get(f"/angebote/{offer.slug}/").content.decode()
    draft = offer_factory(title="Entwurf", live=False)
    assert client.get(f"/angebote/{draft.slug}/").status_code == 404
    assert client.get("/angebote/gibt-es-nicht/").status_code == 404
    offer_factory(title="Export", slug="export")
    assert client.get("/angebote/export/").status_code == 404


def test_export_csv_and_xlsx(client, offer_factory, actor_factory):
    actor = actor_factory()
    internal = Contact.objects.create(
        actor=actor, name="Interne Person", email="intern@example.org", is_public=False
    )
    offer_factory(
        title="Ausbildung", actor=actor, contact=internal, topic_fields=TOPICS, statewide=True
    )
    offer_factory(title="=HYPERLINK(1)", topic_fields=TOPICS[:1])
    offer_factory(title="Entwurf Ausbildung", live=False)
    response = client.get("/angebote/export.csv?q=Ausbildung")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"].startswith('attachment; filename="angebote-')
    text = response.content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    assert [row["Titel"] for row in rows] == ["Ausbildung"]
    assert rows[0]["Themenfelder"].count(";") == 1
    assert rows[0]["landesweit"] == "ja"
    assert "intern@example.org" not in text and "Interne Person" not in text
    everything = client.get("/angebote/export.csv").content.decode("utf-8-sig")
    assert "Entwurf" not in everything
    assert "'=HYPERLINK(1)" in everything  # no formula injection

    response = client.get("/angebote/export.xlsx?topic_field=ausbildung-weiterbildung")
    assert response["Content-Disposition"].endswith('.xlsx"')
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    values = list(sheet.values)
    assert values[0][1] == "Titel"
    assert [row[1] for row in values[1:]] == ["Ausbildung"]


def test_facet_options_markup_escapes_labels_and_says_at_least_when_sampled():
    from django.utils import translation

    from lotse.offers.selectors import FacetOption
    from lotse.offers.views import facet_options_html

    options = [FacetOption("a-b", "Ä & <b>", 7, True), FacetOption("x", "X", 3, False)]
    # German explicitly: an English request earlier in this process leaves English active.
    with translation.override("de"):
        exact = str(facet_options_html("topic_field", options, capped=False))
        sampled = str(facet_options_html("topic_field", options, capped=True))
    assert 'value="a-b" id="f-topic_field-a-b" checked>' in exact
    assert 'value="x" id="f-topic_field-x">' in exact
    assert "Ä &amp; &lt;b&gt;" in exact and "<b>" not in exact
    assert '(<span id="fc-topic_field-a-b">7</span>' in exact
    assert "mindestens" not in exact
    assert '(mindestens <span id="fc-topic_field-x">3</span>' in sampled
    with translation.override("en"):
        assert "(at least <span" in str(facet_options_html("kind", options, capped=True))
        assert "No values for the current selection." in str(
            facet_options_html("kind", [], capped=False)
        )
    assert "Keine Werte bei der aktuellen Auswahl." in str(
        facet_options_html("kind", [], capped=False)
    )
