"""Initial content of the portal: the page tree in German and English (`data/<state>/pages.json`).

Home, the standard pages (network, offers, events, Tarifauskunft, contact, the legal page
templates Impressum, Datenschutz, Barrierefreiheit, Leichte Sprache, Gebärdensprache), the
knowledge index with the five topic-field pages and the real knowledge articles. The legal pages
hold placeholders in square brackets that the operator completes. Pages are created with a
revision and published; English pages are linked to their German counterparts (translation key).
Keys: "content.page:<language>:<path>"; see core/initial.py for how editors' changes are kept.
"""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any

from django.db import transaction
from wagtail.models import Locale, Page, Site

from lotse.core.initial import LoadReport, data_dir, load_entry
from lotse.core.models import TargetGroup, TopicField

from .models import ArticlePage, HomePage, KnowledgeIndexPage, StandardPage, TopicFieldPage

APP_DIR = Path(__file__).resolve().parent
LANGUAGES = ("de", "en")
KNOWLEDGE_SLUG = "wissen"


def pages_data(state: str) -> dict:
    return json.loads((data_dir(APP_DIR, state) / "pages.json").read_text(encoding="utf-8"))


def _without_ids(value: Any) -> Any:
    """StreamField data without the block ids Wagtail adds (they do not make an edit)."""
    if isinstance(value, dict):
        return {key: _without_ids(item) for key, item in value.items() if key != "id"}
    if isinstance(value, list):
        return [_without_ids(item) for item in value]
    return value


def page_snapshot(page: Page) -> dict:
    """The page's editable content as its latest revision has it (drafts count as edits)."""
    page = page.specific.get_latest_revision_as_object()
    snapshot: dict[str, Any] = {
        "title": page.title,
        "slug": page.slug,
        "show_in_menus": page.show_in_menus,
        "live": page.live,
    }
    for name in ("intro", "summary"):
        if hasattr(page, name):
            snapshot[name] = getattr(page, name)
    if hasattr(page, "body"):
        snapshot["body"] = _without_ids(list(page.body.raw_data))
    if isinstance(page, ArticlePage):
        snapshot["date"] = page.date.isoformat() if page.date else ""
        snapshot["topic_fields"] = sorted(item.slug for item in page.topic_fields.all())
        snapshot["target_groups"] = sorted(item.slug for item in page.target_groups.all())
    if isinstance(page, TopicFieldPage):
        snapshot["topic_field"] = page.topic_field.slug if page.topic_field_id else ""
    return snapshot


def page_write(parent: Page, model: type[Page], slug: str, fields: dict) -> Page:
    """Create or update a child page of `parent` and publish it (relations in `fields`)."""
    page = model.objects.child_of(parent).filter(slug=slug).first()
    is_new = page is None
    if is_new:
        page = model(slug=slug, locale=parent.locale)
    for name, value in fields.items():
        setattr(page, name, value)
    if is_new:
        parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def home_write(home: HomePage | None, locale: Locale, fields: dict) -> HomePage:
    if home is None:
        home = HomePage(slug=f"start-{locale.language_code}", locale=locale, **fields)
        Page.get_first_root_node().add_child(instance=home)
    else:
        for name, value in fields.items():
            setattr(home, name, value)
    home.save_revision().publish()
    return home


def home_of(language: str) -> HomePage | None:
    return HomePage.objects.filter(locale__language_code=language).first()


def standard_fields(entry: dict, language: str) -> dict:
    text = entry[language]
    return {
        "title": text["title"],
        "intro": text["intro"],
        "body": text["body"],
        "show_in_menus": entry.get("menu", False),
    }


def article_fields(entry: dict, language: str) -> dict:
    text = entry[language]
    return {
        "title": text["title"],
        "summary": text["summary"],
        "date": datetime.date.fromisoformat(entry["date"]),
        "body": text["body"],
        "topic_fields": TopicField.objects.filter(slug__in=entry["topic_fields"]),
        "target_groups": TargetGroup.objects.filter(slug__in=entry["target_groups"]),
    }


def translations_link() -> None:
    """Give each English page the translation key of its German counterpart (same path)."""
    german_home, english_home = home_of("de"), home_of("en")
    if german_home is None or english_home is None:
        return
    if english_home.translation_key != german_home.translation_key:
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


def _child(parent: Page | None, model: type[Page], slug: str) -> Page | None:
    if parent is None:
        return None
    return model.objects.child_of(parent).filter(slug=slug).first()


def _tree_load(data: dict, language: str, report: LoadReport) -> None:
    locale, _created = Locale.objects.get_or_create(language_code=language)
    key = f"content.page:{language}:"

    home_data = {name: data["home"][language][name] for name in ("title", "intro", "body")}
    home = load_entry(
        report=report,
        key=key,
        data=home_data,
        existing=home_of(language),
        snapshot=page_snapshot,
        write=lambda page: home_write(page, locale, home_data),
    )
    home = home or home_of(language)

    def child(path: str, parent, model, slug: str, fields: dict, data_entry) -> Page | None:
        if parent is None:
            report.skipped.append((key + path, "its parent page is missing"))
            return None
        existing = _child(parent, model, slug)
        return load_entry(
            report=report,
            key=key + path,
            data=data_entry,
            existing=existing,
            snapshot=page_snapshot,
            write=lambda _page: page_write(parent, model, slug, fields),
        ) or _child(parent, model, slug)

    for entry in data["standard_pages"]:
        slug = entry["slug"]
        child(slug, home, StandardPage, slug, standard_fields(entry, language), entry[language])

    knowledge_text = data["knowledge"][language]
    knowledge = child(
        KNOWLEDGE_SLUG, home, KnowledgeIndexPage, KNOWLEDGE_SLUG, knowledge_text, knowledge_text
    )
    for topic_field in TopicField.objects.order_by("order"):
        english = language == "en"
        fields = {
            "title": topic_field.name_en if english else topic_field.name,
            "topic_field": topic_field,
            "intro": topic_field.summary_en if english else topic_field.summary,
            "body": data["topic_pages"].get(topic_field.slug, {}).get(language, []),
        }
        entry = {**fields, "topic_field": topic_field.slug}
        path = f"{KNOWLEDGE_SLUG}/{topic_field.slug}"
        child(path, knowledge, TopicFieldPage, topic_field.slug, fields, entry)
    for entry in data["articles"]:
        path = f"{KNOWLEDGE_SLUG}/{entry['slug']}"
        data_entry = {**entry[language], **{k: entry[k] for k in ("date", "topic_fields")}}
        data_entry["target_groups"] = entry["target_groups"]
        fields = article_fields(entry, language)
        child(path, knowledge, ArticlePage, entry["slug"], fields, data_entry)


def site_root_set() -> None:
    """Point the default site at the German home unless it already shows a home page."""
    german_home = home_of("de")
    if german_home is None:
        return
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site(hostname="localhost", port=80, is_default_site=True)
    elif HomePage.objects.filter(pk=site.root_page_id).exists():
        return
    site.root_page = german_home
    site.site_name = site.site_name or "Lotse"
    site.save()
    # Wagtail's starter page ("Welcome to your new Wagtail site!") is not part of Lotse.
    Page.objects.filter(depth=2, content_type__model="page").delete()


@transaction.atomic
def load(*, state: str, report: LoadReport) -> None:
    data = pages_data(state)
    for language in LANGUAGES:
        _tree_load(data, language, report)
    translations_link()
    site_root_set()
