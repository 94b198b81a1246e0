"""The catalogue's filters: current counts in the htmx update (issue 11/9), collapsed facet groups
on small screens without JavaScript, and the link to the coverage map (issue 11/22)."""

import re

import pytest

pytestmark = pytest.mark.django_db

HX = {"HX-Request": "true"}


def facet_block(html: str, facet: str) -> str:
    """The out-of-band replacement of one facet's options in an htmx answer."""
    match = re.search(
        rf'<div id="facet-{facet}" hx-swap-oob="innerHTML"[^>]*>(.*?)</div>\s*<!-- /facet -->',
        html,
        re.S,
    )
    assert match, f"no out-of-band update of facet {facet}"
    return match.group(1)


def options(block: str) -> dict[str, int]:
    """value -> count of the checkboxes in a facet's options."""
    found = {}
    for value, count in re.findall(
        r'value="([^"]+)" id="f-[^"]+"[^>]*>\s*<label[^>]*>.*?<span id="fc-[^"]+">(\d+)</span>',
        block,
        re.S,
    ):
        found[value] = int(count)
    return found


@pytest.fixture
def two_offers(offer_factory):
    offer_factory(title="Beratung auf Englisch", kind="beratung", languages=["en", "de"])
    offer_factory(title="Kurs auf Deutsch", kind="weiterbildung", languages=["de"])


def test_htmx_update_has_current_counts_of_every_option(client, two_offers):
    full = client.get("/angebote/").content.decode()
    assert options(facet_block_full(full, "language")) == {"de": 2, "en": 1}
    # Filter change: only the course is left, English applies to no result any more.
    html = client.get("/angebote/?kind=weiterbildung", headers=HX).content.decode()
    assert options(facet_block(html, "language")) == {"de": 1}
    assert "Englisch" not in facet_block(html, "language")
    # The kind facet keeps its values (counted without its own filter), the selected one ticked.
    kind = facet_block(html, "kind")
    assert options(kind) == {"beratung": 1, "weiterbildung": 1}
    assert 'value="weiterbildung" id="f-kind-weiterbildung" checked' in kind


def test_htmx_update_shows_options_that_were_hidden(client, two_offers):
    # Loaded with a filter under which English had no result …
    full = client.get("/angebote/?kind=weiterbildung").content.decode()
    assert "en" not in options(facet_block_full(full, "language"))
    # … the filter is removed: English is offered again, with its count.
    html = client.get("/angebote/", headers=HX).content.decode()
    assert options(facet_block(html, "language")) == {"de": 2, "en": 1}


def test_htmx_update_with_no_results_empties_every_facet(client, two_offers):
    html = client.get("/angebote/?q=Tarifvertrag", headers=HX).content.decode()
    for facet in ("topic_field", "target_group", "kind", "district", "language", "cost"):
        assert options(facet_block(html, facet)) == {}


def facet_block_full(html: str, facet: str) -> str:
    match = re.search(rf'<div id="facet-{facet}"[^>]*>(.*?)</div>\s*<!-- /facet -->', html, re.S)
    assert match, f"no options of facet {facet}"
    return match.group(1)


# --- phone layout: facet groups collapsed, open when filtered (no JavaScript needed) ---------


def test_facet_groups_are_disclosures_open_only_when_filtered(client, two_offers):
    html = client.get("/angebote/?language=en").content.decode()
    groups = re.findall(r'<details class="lotse-facet"( open)?[^>]*>\s*<summary', html)
    assert len(groups) == 6
    assert re.search(r'<details class="lotse-facet" open[^>]*>\s*<summary[^>]*>\s*Sprache', html)
    assert groups.count(" open") == 1
    html = client.get("/angebote/").content.decode()
    assert " open" not in "".join(re.findall(r'<details class="lotse-facet"[^>]*>', html))
    # The results come before nothing but the search field and six summaries.
    assert html.count('type="checkbox"') == html.count('class="kern-form-check__checkbox"')


def test_selected_count_in_the_summary_follows_the_filters(client, two_offers):
    html = client.get("/angebote/?language=en&language=de", headers=HX).content.decode()
    assert re.search(
        r'<span id="facet-selected-language" hx-swap-oob="true"[^>]*>\s*\(2 ausgewählt\)', html
    )


# --- coverage map linked ----------------------------------------------------------------------


def test_catalogue_links_the_coverage_map(client):
    html = client.get("/angebote/").content.decode()
    assert 'href="/angebote/abdeckung/"' in html
    html = client.get("/en/angebote/").content.decode()
    assert 'href="/en/angebote/abdeckung/"' in html


def test_directory_links_the_coverage_map(client):
    html = client.get("/netzwerk/").content.decode()
    assert 'href="/angebote/abdeckung/"' in html


def test_english_catalogue_filters_are_translated(client, two_offers):
    html = client.get("/en/angebote/?language=en&language=de", headers=HX).content.decode()
    assert "(2 selected)" in html
    html = client.get("/en/angebote/?q=Tarifvertrag").content.decode()
    assert "No values for the current selection." in html
    assert "Coverage map: how many offers there are in each district" in html


@pytest.mark.usefixtures("portal_module")  # the page tree (last test of the module: module scope)
def test_topic_pages_link_their_offers_and_the_coverage_map(client):
    from lotse.content.models import TopicFieldPage

    page = TopicFieldPage.objects.filter(locale__language_code="de").first()
    slug = page.topic_field.slug
    html = client.get(page.url).content.decode()
    assert f'href="/angebote/?topic_field={slug}"' in html
    assert f'href="/angebote/abdeckung/?thema={slug}"' in html
