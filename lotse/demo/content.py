"""The portal's page tree in German and English (demo and first installation content)."""

import datetime

from django.db import transaction
from wagtail.models import Locale, Page, Site

from lotse.core.models import TargetGroup, TopicField

from . import demo_pages
from .models import ArticlePage, HomePage, KnowledgeIndexPage, StandardPage, TopicFieldPage


def _stream(blocks: list[tuple[str, object]]) -> list[dict]:
    return [{"type": kind, "value": value} for kind, value in blocks]


def _publish(page: Page) -> None:
    page.save_revision().publish()


def _home(locale: Locale, data: dict) -> HomePage:
    home = HomePage.objects.filter(locale=locale).first()
    if home is None:
        root = Page.get_first_root_node()
        home = HomePage(title=data["title"], slug=f"start-{locale.language_code}", locale=locale)
        root.add_child(instance=home)
    home.title = data["title"]
    home.intro = data["intro"]
    home.body = _stream(data.get("body", []))
    _publish(home)
    return home


def _child(parent: Page, model: type[Page], slug: str, fields: dict) -> Page:
    """Create or update a child page and publish it (relations in `fields` included)."""
    page = model.objects.child_of(parent).filter(slug=slug).first()
    is_new = page is None
    if is_new:
        page = model(slug=slug, locale=parent.locale)
    for name, value in fields.items():
        setattr(page, name, value)
    if is_new:
        parent.add_child(instance=page)
    _publish(page)
    return page


def _build_tree(language: str) -> HomePage:
    locale, _created = Locale.objects.get_or_create(language_code=language)
    home = _home(locale, demo_pages.HOME[language])

    for slug, page in demo_pages.STANDARD_PAGES.items():
        _child(
            home,
            StandardPage,
            slug,
            {
                "title": page["title"][language],
                "intro": page["intro"][language],
                "body": _stream(page["body"][language]),
                "show_in_menus": page.get("menu", False),
            },
        )

    knowledge = _child(
        home,
        KnowledgeIndexPage,
        "wissen",
        {
            "title": demo_pages.KNOWLEDGE[language]["title"],
            "intro": demo_pages.KNOWLEDGE[language]["intro"],
        },
    )
    for topic_field in TopicField.objects.order_by("order"):
        text = demo_pages.TOPIC_PAGES.get(topic_field.slug, {})
        _child(
            knowledge,
            TopicFieldPage,
            topic_field.slug,
            {
                "title": topic_field.name_en if language == "en" else topic_field.name,
                "topic_field": topic_field,
                "intro": topic_field.summary_en if language == "en" else topic_field.summary,
                "body": _stream(text.get(language, [])),
            },
        )
    for slug, article in demo_pages.ARTICLES.items():
        _child(
            knowledge,
            ArticlePage,
            slug,
            {
                "title": article["title"][language],
                "summary": article["summary"][language],
                "date": datetime.date.fromisoformat(article["date"]),
                "body": _stream(article["body"][language]),
                "topic_fields": TopicField.objects.filter(slug__in=article["topic_fields"]),
                "target_groups": TargetGroup.objects.filter(slug__in=article["target_groups"]),
            },
        )
    return home


def _link_translations(german_home: HomePage, english_home: HomePage) -> None:
    """Give each English page the translation key of its German counterpart (same path)."""
    english_home.translation_key = german_home.translation_key
    english_home.save(update_fields=["translation_key"])
    german_pages = {
        page.url_path[len(german_home.url_path) :]: page for page in german_home.get_descendants()
    }
    for page in english_home.get_descendants():
        german = german_pages.get(page.url_path[len(english_home.url_path) :])
        if german is not None and page.translation_key != german.translation_key:
            page.translation_key = german.translation_key
            page.save(update_fields=["translation_key"])


@transaction.atomic
def load(*, stdout=None) -> list[str]:
    german_home = _build_tree("de")
    english_home = _build_tree("en")
    _link_translations(german_home, english_home)

    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site(hostname="localhost", port=80, is_default_site=True)
    site.root_page = german_home
    site.site_name = "Lotse"
    site.save()
    # Wagtail's starter page ("Welcome to your new Wagtail site!") is not part of Lotse.
    Page.objects.filter(depth=2, content_type__model="page").delete()
    return []
