"""The public portal's pages: rendering, navigation, footer, languages, and query counts."""

import re

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from django.utils.translation import gettext
from wagtail.models import Locale

from lotse.content.models import ArticlePage, HomePage, KnowledgeIndexPage, TopicFieldPage
from lotse.core.models import TopicField
from tests.content.factories import ArticlePageFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("portal_module")]

# Fixed here rather than read from the database: the page URLs are part of the portal's API.
TOPIC_SLUGS = [
    "integration-fachkraefteeinwanderung",
    "ausbildung-weiterbildung",
    "gute-arbeitsbedingungen",
    "arbeits-gesundheitsschutz",
    "tarifvertraege",
]


def h1(html: str) -> str:
    match = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S)
    assert match, "page has no <h1>"
    return re.sub(r"<[^>]+>", "", match.group(1)).strip()


def links(html: str, container_label: str, language: str = "de") -> dict[str, str]:
    """Link texts and targets inside the <nav aria-label="…"> with that (translated) label."""
    with translation.override(language):
        container_label = gettext(container_label)
    match = re.search(
        rf'<nav[^>]*aria-label="{re.escape(container_label)}"[^>]*>(.*?)</nav>', html, re.S
    )
    assert match, f"no navigation labelled {container_label!r}"
    found = {}
    for href, text in re.findall(r'<a[^>]*href="([^"]*)"[^>]*>(.*?)</a>', match.group(1), re.S):
        found[re.sub(r"<[^>]+>|\s+", " ", text).strip()] = href
    return found


SECTIONS = ("netzwerk", "angebote", "veranstaltungen", "tarifauskunft", "wissen", "kontakt")


def german(model):
    return model.objects.get(locale__language_code="de")


def test_home_page(client):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="de"' in html
    assert h1(html) == german(HomePage).title
    # The five topic fields are presented with links to their pages.
    for slug in TOPIC_SLUGS:
        assert f'href="/wissen/{slug}/"' in html
    for field in TopicField.objects.all():
        assert field.name in html


def test_knowledge_index(client):
    response = client.get("/wissen/")
    assert response.status_code == 200
    html = response.content.decode()
    assert h1(html) == german(KnowledgeIndexPage).title == "Wissen"
    for slug in TOPIC_SLUGS:
        assert f'href="/wissen/{slug}/"' in html
    latest = ArticlePage.objects.live().filter(locale__language_code="de").order_by("-date")[:6]
    assert latest
    for article in latest:
        assert article.title in html


@pytest.mark.parametrize("slug", TOPIC_SLUGS)
def test_topic_pages(client, slug):
    response = client.get(f"/wissen/{slug}/")
    assert response.status_code == 200
    html = response.content.decode()
    field = TopicField.objects.get(slug=slug)
    assert h1(html) == field.name
    assert field.summary in html
    # Breadcrumbs lead back to the knowledge index.
    assert 'href="/wissen/"' in html


def test_topic_page_lists_only_its_articles(client):
    knowledge = german(KnowledgeIndexPage)
    tariffs = TopicField.objects.get(slug="tarifvertraege")
    health = TopicField.objects.get(slug="arbeits-gesundheitsschutz")
    add_article(knowledge, "Tarifbindung in Sachsen", topic_field=tariffs)
    add_article(knowledge, "Hitze am Arbeitsplatz", topic_field=health)
    html = client.get("/wissen/tarifvertraege/").content.decode()
    assert "Tarifbindung in Sachsen" in html
    assert "Hitze am Arbeitsplatz" not in html


def test_unpublished_articles_stay_hidden(client):
    knowledge = german(KnowledgeIndexPage)
    add_article(knowledge, "Noch nicht freigegeben", live=False)
    for url in ("/", "/wissen/", "/wissen/tarifvertraege/"):
        assert "Noch nicht freigegeben" not in client.get(url).content.decode()
    assert client.get("/wissen/artikel-noch-nicht-freigegeben/").status_code == 404


def test_english_pages(client):
    english_home = HomePage.objects.get(locale__language_code="en")
    response = client.get("/en/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en"' in html
    assert h1(html) == english_home.title
    assert response["Content-Language"] == "en"

    response = client.get("/en/wissen/")
    assert response.status_code == 200
    html = response.content.decode()
    assert h1(html) == "Knowledge"
    for field in TopicField.objects.all():
        assert field.name_en in html
        assert f'href="/en/wissen/{field.slug}/"' in html


def test_english_topic_page(client):
    response = client.get("/en/wissen/tarifvertraege/")
    assert response.status_code == 200
    assert h1(response.content.decode()) == "Collective agreements"


def test_main_navigation(client):
    nav = links(client.get("/wissen/").content.decode(), "Hauptnavigation")
    assert nav == {
        "Netzwerk": "/netzwerk/",
        "Angebote": "/angebote/",
        "Veranstaltungen": "/veranstaltungen/",
        "Tarifauskunft": "/tarifauskunft/",
        "Wissen": "/wissen/",
        "Kontakt": "/kontakt/",
    }


def test_main_navigation_marks_the_current_section(client):
    html = client.get("/wissen/tarifvertraege/").content.decode()
    current = re.findall(r'<a[^>]*href="([^"]*)"[^>]*aria-current="page"', html)
    assert current == ["/wissen/"]


def test_english_navigation_stays_in_the_english_tree(client):
    nav = links(client.get("/en/wissen/").content.decode(), "Hauptnavigation", "en")
    assert sorted(nav.values()) == sorted(f"/en/{section}/" for section in SECTIONS)


@pytest.mark.parametrize("url", ["/", "/wissen/", "/wissen/tarifvertraege/", "/impressum/"])
def test_footer_links(client, url):
    footer = links(client.get(url).content.decode(), "Service und Rechtliches")
    assert footer == {
        "Impressum": "/impressum/",
        "Datenschutz": "/datenschutz/",
        "Barrierefreiheit": "/barrierefreiheit/",
        "Barriere melden": "/barrierefreiheit/#feedback",
        "Leichte Sprache": "/leichte-sprache/",
        "Gebärdensprache": "/gebaerdensprache/",
        "Offene Daten (API)": "/api/v1/docs",
        "Frage an den Lotsendienst": "/lotsendienst/",
    }


@pytest.mark.parametrize(
    "path", ["impressum", "datenschutz", "barrierefreiheit", "leichte-sprache", "gebaerdensprache"]
)
def test_footer_targets_exist_in_both_languages(client, path):
    assert client.get(f"/{path}/").status_code == 200
    assert client.get(f"/en/{path}/").status_code == 200


def test_accessibility_statement_has_the_feedback_anchor(client):
    html = client.get("/barrierefreiheit/").content.decode()
    assert 'id="feedback"' in html


def test_english_footer_links_point_into_the_english_tree(client):
    html = client.get("/en/wissen/").content.decode()
    footer_nav = re.search(r"<footer.*?</footer>", html, re.S).group(0)
    hrefs = re.findall(r'href="([^"]*)"', footer_nav)
    legal = [h for h in hrefs if not h.startswith("/api/")]
    assert legal and all(h.startswith("/en/") for h in legal), legal


def test_language_link_points_to_the_translation(client):
    html = client.get("/wissen/").content.decode()
    nav = links(html, "Sprache")
    assert list(nav.values()) == ["/en/wissen/"]
    assert 'hreflang="en"' in html
    html = client.get("/en/wissen/tarifvertraege/").content.decode()
    assert list(links(html, "Sprache", "en").values()) == ["/wissen/tarifvertraege/"]


def test_home_language_link(client):
    assert list(links(client.get("/").content.decode(), "Sprache").values()) == ["/en/"]


# --- Queries ------------------------------------------------------------------------------------

_article_counter = iter(range(10_000))


def add_article(parent, title, *, topic_field=None, live=True, date=None) -> ArticlePage:
    number = next(_article_counter)
    fields = {"date": date} if date else {}
    return ArticlePageFactory(
        parent=parent,
        title=title,
        slug=f"artikel-{re.sub(r'[^a-z0-9]+', '-', title.lower()).strip('-')}-{number}"
        if live
        else "artikel-noch-nicht-freigegeben",
        live=live,
        topic_fields=[topic_field] if topic_field is not None else (),
        **fields,
    )


def add_articles(count: int) -> None:
    knowledge = german(KnowledgeIndexPage)
    field = TopicField.objects.get(slug="tarifvertraege")
    start = ArticlePage.objects.count()
    for number in range(start, start + count):
        add_article(knowledge, f"Testartikel {number}", topic_field=field)


def queries_for(client, url: str) -> int:
    client.get(url)  # warm Wagtail's site-root cache, as in production
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


# A topic-field page also shows its offers, actors, upcoming events and Wegweiser modules
# (three to four queries each, tests/content/test_topic_overview.py).
QUERY_PAGES = [
    ("/", 20),
    ("/wissen/", 20),
    ("/wissen/tarifvertraege/", 32),
    ("/en/wissen/", 20),
    ("/impressum/", 20),
]


@pytest.mark.parametrize(("url", "ceiling"), QUERY_PAGES)
def test_query_ceiling(client, django_assert_max_num_queries, url, ceiling):
    client.get(url)
    with django_assert_max_num_queries(ceiling):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize(
    ("url", "shown"), [("/", 3), ("/wissen/", 6), ("/wissen/tarifvertraege/", 10)]
)
def test_query_count_does_not_grow_with_the_number_of_articles(client, url, shown):
    # Only our own articles, so that each step changes how many the page lists.
    ArticlePage.objects.update(live=False)
    counts = []
    # The clock stands still: a topic field's overview is kept per minute
    # (content.selectors), so a minute turning between the warm-up request and the counted
    # one would add the overview's queries to one step's count.
    with time_machine.travel(timezone.now(), tick=False):
        for total, add in ((1, 1), (3, 2), (30, 27)):
            add_articles(add)
            counts.append(queries_for(client, url))
            html = client.get(url).content.decode()
            assert html.count("Testartikel") == min(total, shown)
    assert counts[0] == counts[1] == counts[2], counts


def test_article_page(client):
    knowledge = german(KnowledgeIndexPage)
    article = add_article(
        knowledge, "Mindestlohn 2026", topic_field=TopicField.objects.get(slug="tarifvertraege")
    )
    response = client.get(article.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert h1(html) == "Mindestlohn 2026"
    assert "Tarifverträge" in html


def test_locales_exist():
    assert set(Locale.objects.values_list("language_code", flat=True)) == {"de", "en"}
    assert TopicFieldPage.objects.filter(locale__language_code="de").count() == 5
    assert TopicFieldPage.objects.filter(locale__language_code="en").count() == 5
