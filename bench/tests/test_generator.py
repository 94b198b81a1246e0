"""The content benchmark generator (bench.generators.content) on the test database."""

import pytest
from wagtail.models import Page

from bench.generators import content as bench
from lotse.content.models import ArticlePage


@pytest.mark.django_db
def test_generate_creates_live_articles_once() -> None:
    summary = bench.generate(scale=1, seed=7)
    assert "200 bench articles created" in summary

    articles = ArticlePage.objects.filter(slug__startswith="bench-")
    assert articles.count() == 200
    assert articles.live().count() == 200
    assert Page.find_problems() == ([], [], [], [], [])
    first = articles.get(slug="bench-00001")
    assert first.url_path.endswith("/wissen/bench-00001/")
    assert first.topic_fields.exists()
    assert first.target_groups.exists()
    assert bench.FIRST_DATE <= first.date <= bench.LAST_DATE

    assert "nothing to do" in bench.generate(scale=1, seed=7)
    assert ArticlePage.objects.filter(slug__startswith="bench-").count() == 200


@pytest.mark.django_db
def test_generate_is_deterministic_and_pages_render(client) -> None:
    bench.generate(scale=1, seed=7)
    titles = list(
        ArticlePage.objects.filter(slug__startswith="bench-")
        .order_by("slug")
        .values_list("title", flat=True)[:20]
    )
    ArticlePage.objects.filter(slug__startswith="bench-").delete()
    bench.generate(scale=1, seed=7)
    again = list(
        ArticlePage.objects.filter(slug__startswith="bench-")
        .order_by("slug")
        .values_list("title", flat=True)[:20]
    )
    assert titles == again
    for path in ("/", "/wissen/tarifvertraege/", "/wissen/bench-00001/"):
        assert client.get(path).status_code == 200
