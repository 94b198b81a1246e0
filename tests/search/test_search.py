"""The portal's one search (/suche/): groups, public objects only, German words, bad input,
a constant number of queries."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.models import Page, PageViewRestriction

from lotse.content.models import KnowledgeIndexPage
from lotse.events.models import EventStatus
from lotse.search.selectors import GROUPS, PER_PAGE, PREVIEW, site_search
from tests.content.factories import ArticlePageFactory
from tests.events.factories import EventFactory
from tests.network.factories import ActorFactory
from tests.offers.factories import OfferFactory
from tests.tariffs.factories import register_agreement

pytestmark = pytest.mark.usefixtures("in_german")

URL = "/suche/"


@pytest.fixture
def knowledge(site_pages):
    return KnowledgeIndexPage.objects.get(locale__language_code="de")


def counts(response) -> dict[str, int]:
    return {group.key: group.count for group in response.context["result"].groups}


def make_world(knowledge, word: str, n: int = 1, *, prefix: str = "") -> None:
    """n public objects of every kind whose title holds `word`."""
    slug = word.lower()
    for i in range(n):
        ArticlePageFactory(
            parent=knowledge, title=f"{prefix}{word} im Betrieb {i}", slug=f"{prefix}a-{slug}-{i}"
        )
        OfferFactory(title=f"{prefix}{word} Beratung {i}", slug=f"{prefix}o-{slug}-{i}")
        ActorFactory(name=f"{prefix}{word} Stelle {i}", slug=f"{prefix}s-{slug}-{i}")
        EventFactory(title=f"{prefix}{word} Forum {i}", slug=f"{prefix}e-{slug}-{i}", sites=())
        register_agreement(f"T-{prefix}{word}-{i}", title=f"Tarifvertrag {word} {prefix}{i}")


@pytest.mark.django_db
def test_every_group_is_searched_with_counts(client, knowledge):
    make_world(knowledge, "Pflegeassistenz", 2)
    response = client.get(URL, {"q": "Pflegeassistenz"})
    assert response.status_code == 200
    assert counts(response) == dict.fromkeys(GROUPS, 2)
    html = response.content.decode()
    assert "10 Treffer für „Pflegeassistenz“" in html
    assert "Pflegeassistenz Beratung 0" in html
    assert "Pflegeassistenz Stelle 0" in html
    assert "/veranstaltungen/e-pflegeassistenz-0/" in html
    assert "/tarifauskunft/tarifvertrag/T-Pflegeassistenz-0/" in html
    # the module's own search for the same words
    assert "/angebote/?q=Pflegeassistenz" in html
    assert "/netzwerk/?q=Pflegeassistenz" in html


@pytest.mark.django_db
def test_german_stems_compounds_and_synonyms(client, knowledge):
    ArticlePageFactory(parent=knowledge, title="Dachdeckerlehrgänge im Handwerk", slug="ausb")
    EventFactory(title="Forum Fachkräfteeinwanderung", slug="forum-fke", sites=())
    EventFactory(title="Sprachkurs für Beschäftigte", slug="sprachkurs", sites=())
    OfferFactory(title="Ärzte aus dem Ausland", slug="aerzte")
    assert counts(client.get(URL, {"q": "Dachdeckerlehrgang"}))["seiten"] == 1
    assert counts(client.get(URL, {"q": "Einwanderung"}))["veranstaltungen"] == 1
    # a synonym group of the initial data: Deutschkurs = Sprachkurs
    assert counts(client.get(URL, {"q": "Deutschkurse"}))["veranstaltungen"] == 1
    assert counts(client.get(URL, {"q": "Aerzte"}))["angebote"] == 1


@pytest.mark.django_db
def test_drafts_and_private_objects_never_appear(client, knowledge):
    word = "Zauberwort"
    for status in ("draft", "in_review", "expired", "rejected"):
        OfferFactory(title=f"{word} {status}", slug=f"o-{status}", status=status)
    hidden = ActorFactory(name=f"{word} Akteur", slug="a-hidden", is_published=False)
    OfferFactory(title=f"{word} hidden provider", slug="o-hidden-provider", actor=hidden)
    EventFactory(title=f"{word} Entwurf", slug="e-draft", status=EventStatus.DRAFT, sites=())
    EventFactory(
        title=f"{word} vorbei",
        slug="e-past",
        starts_at=timezone.now() - timedelta(days=3),
        ends_at=timezone.now() - timedelta(days=2),
        sites=(),
    )
    register_agreement("T-vertraulich", title=f"{word} vertraulich", confidential=True)
    register_agreement("T-firma", title=f"{word} Firmentarif", level="company")
    unpublished = ArticlePageFactory(parent=knowledge, title=f"{word} offline", slug="p-off")
    unpublished.unpublish()
    private = ArticlePageFactory(parent=knowledge, title=f"{word} intern", slug="p-private")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    draft = ArticlePageFactory(parent=knowledge, title="Anders", slug="p-draft")
    draft.title = f"{word} nur im Entwurf"
    draft.save_revision()

    response = client.get(URL, {"q": word})
    assert counts(response) == dict.fromkeys(GROUPS, 0)
    assert "Keine Treffer für „Zauberwort“" in response.content.decode()
    # The same in every group's own page.
    for group in GROUPS:
        assert counts(client.get(URL, {"q": word, "bereich": group})) == {group: 0}


@pytest.mark.django_db
def test_a_page_unpublished_after_indexing_disappears_at_once(client, knowledge):
    article = ArticlePageFactory(parent=knowledge, title="Quartalsbericht Fachkräfte", slug="qb")
    assert counts(client.get(URL, {"q": "Quartalsbericht"}))["seiten"] == 1
    PageViewRestriction.objects.create(page=article, restriction_type="login")
    assert counts(client.get(URL, {"q": "Quartalsbericht"}))["seiten"] == 0


@pytest.mark.django_db
def test_group_page_with_paging(client, knowledge):
    for i in range(PER_PAGE + 3):
        EventFactory(title=f"Sommerakademie Tag {i}", slug=f"sommer-{i}", sites=())
    overview = client.get(URL, {"q": "Sommerakademie"})
    html = overview.content.decode()
    assert len(overview.context["groups"][3]["group"].items) == PREVIEW
    assert f"Alle {PER_PAGE + 3} anzeigen" in html
    assert "bereich=veranstaltungen" in html
    first = client.get(URL, {"q": "Sommerakademie", "bereich": "veranstaltungen"})
    assert len(first.context["result"].groups[0].items) == PER_PAGE
    assert "Seite 1 von 2" in first.content.decode()
    second = client.get(URL, {"q": "Sommerakademie", "bereich": "veranstaltungen", "seite": "2"})
    assert len(second.context["result"].groups[0].items) == 3
    # nonsense page numbers and unknown groups are ignored
    assert client.get(URL, {"q": "Sommerakademie", "seite": "x"}).status_code == 200
    assert counts(client.get(URL, {"q": "Sommerakademie", "bereich": "nix"}))["veranstaltungen"]


@pytest.mark.django_db
def test_english_search_page(client, knowledge):
    OfferFactory(title="Anerkennung ausländischer Abschlüsse", slug="anerkennung")
    response = client.get("/en/suche/", {"q": "recognition"})
    assert response.status_code == 200
    assert counts(response)["angebote"] == 1
    assert 'lang="en"' in response.content.decode()


@pytest.mark.django_db
def test_header_search_box_on_every_page(client, site_pages):
    html = client.get("/").content.decode()
    assert 'role="search"' in html
    assert 'action="/suche/"' in html
    assert 'name="q"' in html
    assert 'action="/en/suche/"' in client.get("/en/").content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("q", "message"),
    [
        ("x" * 1_000_000, "länger als 200 Zeichen"),
        ("Pflege\x00\r\nkurs\x1b", "Steuerzeichen wurden"),
        ("und der für", "aussagekräftiges Suchwort"),
        ("!!! ???", "aussagekräftiges Suchwort"),
    ],
)
def test_bad_input_gets_a_german_message(client, site_pages, q, message):
    response = client.get(URL, {"q": q})
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert 'aria-invalid="true"' in html
    assert len(html) < 200_000


@pytest.mark.django_db
def test_empty_search_shows_help(client, site_pages):
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Durchsuchen Sie mit einem Begriff" in html
    assert "aria-invalid" not in html


@pytest.mark.django_db
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(q=st.text(max_size=300), group=st.sampled_from(["", *GROUPS, "x"]), page=st.text(max_size=5))
def test_fuzz_never_fails(client, site_pages, q, group, page):
    response = client.get(URL, {"q": q, "bereich": group, "seite": page})
    assert response.status_code == 200


def _queries(client, params) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(URL, params).status_code == 200
    return len(context.captured_queries)


@pytest.mark.django_db
def test_query_count_constant_in_the_number_of_results(client, knowledge, settings):
    settings.LOTSE_CATALOGUE_CACHE_SECONDS = 0
    make_world(knowledge, "Gleisbau", 1)
    make_world(knowledge, "Tunnelbau", 8)
    # Warm the per-process caches (the page index; the Tarifregister's versioned answers).
    for params in ({"q": "Gleisbau"}, {"q": "Tunnelbau"}):
        client.get(URL, params)
        for group in GROUPS:
            client.get(URL, {**params, "bereich": group})
    few = _queries(client, {"q": "Gleisbau"})
    many = _queries(client, {"q": "Tunnelbau"})
    assert few == many
    for group in GROUPS:
        group_few = _queries(client, {"q": "Gleisbau", "bereich": group})
        group_many = _queries(client, {"q": "Tunnelbau", "bereich": group})
        assert group_few == group_many, group


@pytest.mark.django_db
def test_selector_without_words_does_not_query(django_assert_num_queries, site_pages):
    from wagtail.models import Locale

    locale = Locale.objects.get(language_code="de")
    with django_assert_num_queries(0):
        assert site_search(query="und", locale=locale).groups == []


@pytest.mark.django_db
def test_page_index_follows_a_publication(client, knowledge):
    article = ArticlePageFactory(parent=knowledge, title="Betriebsrente", slug="br")
    assert counts(client.get(URL, {"q": "Werkstattfest"}))["seiten"] == 0
    article.title = "Werkstattfest"
    article.save_revision().publish()
    assert counts(client.get(URL, {"q": "Werkstattfest"}))["seiten"] == 1
    assert Page.objects.filter(pk=article.pk).exists()


@pytest.mark.django_db
def test_large_groups_are_counted_up_to_a_cap(client, knowledge, monkeypatch):
    monkeypatch.setattr("lotse.search.selectors.COUNT_CAP", 3)
    for i in range(5):
        ArticlePageFactory(parent=knowledge, title=f"Kranführer Schulung {i}", slug=f"kran-{i}")
        ActorFactory(name=f"Kranführer Verband {i}", slug=f"kranv-{i}")
    response = client.get(URL, {"q": "Kranführer"})
    groups = {group.key: group for group in response.context["result"].groups}
    assert (groups["seiten"].count, groups["seiten"].capped) == (3, True)
    assert (groups["akteure"].count, groups["akteure"].capped) == (3, True)
    html = response.content.decode()
    assert "(mehr als 3)" in html
    assert "Mehr als 6 Treffer für „Kranführer“" in html
    assert "Weitere Treffer anzeigen" in html


@pytest.mark.django_db
def test_cached_groups_never_show_what_became_private(client, knowledge, settings):
    settings.LOTSE_CATALOGUE_CACHE_SECONDS = 60
    article = ArticlePageFactory(parent=knowledge, title="Hafenlogistik im Wandel", slug="hafen")
    actor = ActorFactory(name="Hafenlogistik Netzwerk", slug="hafen-netz")
    # Different addresses, so the whole-response cache is not what answers.
    first = client.get(URL, {"q": "Hafenlogistik", "x": "1"})
    assert counts(first)["seiten"] == counts(first)["akteure"] == 1
    PageViewRestriction.objects.create(page=article, restriction_type="login")
    type(actor).objects.filter(pk=actor.pk).update(is_published=False)
    second = client.get(URL, {"q": "Hafenlogistik", "x": "2"})
    html = second.content.decode()
    assert "Hafenlogistik im Wandel" not in html
    assert "Hafenlogistik Netzwerk" not in html
