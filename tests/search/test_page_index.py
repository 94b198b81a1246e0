"""The search app's index of pages: kept on publication, forgotten on unpublication, drafts
never indexed, rebuilt by `manage.py search_pages_index`, full-text index installed."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection

from lotse.content.models import KnowledgeIndexPage
from lotse.core.fulltext_db import fulltext_installed
from lotse.search.models import PageSearchDocument
from tests.content.factories import ArticlePageFactory


@pytest.fixture
def knowledge(site_pages):
    return KnowledgeIndexPage.objects.get(locale__language_code="de")


def document(page) -> str:
    return PageSearchDocument.objects.get(page_id=page.pk).search_document


def stems_by_page() -> dict[int, set[str]]:
    rows = PageSearchDocument.objects.values_list("page_id", "search_document")
    return {page_id: set(document.split()) for page_id, document in rows}


@pytest.mark.django_db
def test_full_text_index_is_installed():
    assert fulltext_installed(connection, "site_search_pagesearchdocument")


@pytest.mark.django_db
def test_publication_indexes_and_unpublication_forgets(knowledge):
    article = ArticlePageFactory(parent=knowledge, title="Fachkräfteeinwanderungsgesetz erklärt")
    stems = document(article).split()
    assert "einwanderungsgesetz" in stems  # a compound tail
    assert "gesetz" in stems
    article.unpublish()
    assert not PageSearchDocument.objects.filter(page_id=article.pk).exists()
    article.title = "Wieder da"
    article.save_revision().publish()
    assert "wied" in document(article).split()


@pytest.mark.django_db
def test_draft_words_never_reach_the_index(knowledge):
    article = ArticlePageFactory(parent=knowledge, title="Öffentlicher Titel")
    article.title = "Geheimer Entwurfstitel"
    article.summary = "Geheimtipp"
    article.save_revision()
    assert "geheim" not in document(article)
    assert PageSearchDocument.objects.get(page_id=article.pk).title == "Öffentlicher Titel"


@pytest.mark.django_db
def test_rebuild_command(knowledge):
    ArticlePageFactory(parent=knowledge, title="Zweiter Artikel")
    # As sets: PostgreSQL's JSONB gives a StreamField's keys back in another order than they
    # were saved in, so the stems of a page loaded again may come in another order.
    before = stems_by_page()
    PageSearchDocument.objects.all().delete()
    out = StringIO()
    call_command("search_pages_index", stdout=out)
    assert "Seiten indexiert" in out.getvalue()
    after = stems_by_page()
    assert after == before
    assert len(after) > 10
