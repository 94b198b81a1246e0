"""Demo content of the portal: demo values in the legal page templates and two demo articles.

The page tree itself is initial content (lotse/content/data/<state>/pages.json). For a demo
system, the placeholders in square brackets (operator's address, telephone, e-mail, names) are
filled with the invented values of `data/operator_values.json`, marked "Demo", and the two demo
articles of `data/articles.json` (invented companies and people) are added to the knowledge
section. Pages are saved as a new revision and published; a later `load_initial_content` then
reports these pages as changed and leaves them alone.
"""

import json
from pathlib import Path
from typing import Any

from django.db import transaction

from lotse.content import initial as content_initial
from lotse.content.models import ArticlePage, KnowledgeIndexPage, StandardPage

from .network import DEMO_STATE

DATA_DIR = Path(__file__).resolve().parent / "data"


def _data(name: str) -> dict:
    return json.loads((DATA_DIR / name).read_text(encoding="utf-8"))


def _fill(value: Any, values: dict[str, str]) -> Any:
    """Every string in `value` with each placeholder replaced by its demo value."""
    if isinstance(value, dict):
        return {key: _fill(item, values) for key, item in value.items()}
    if isinstance(value, list):
        return [_fill(item, values) for item in value]
    if isinstance(value, str):
        for placeholder, demo in values.items():
            value = value.replace(placeholder, demo)
    return value


def _has_placeholder(value: Any, values: dict[str, str]) -> bool:
    text = json.dumps(value, ensure_ascii=False)
    return any(json.dumps(placeholder, ensure_ascii=False)[1:-1] in text for placeholder in values)


@transaction.atomic
def load(*, stdout=None) -> list[str]:
    pages = content_initial.pages_data(DEMO_STATE)
    operator_values = _data("operator_values.json")
    articles = _data("articles.json")["articles"]
    filled = added = 0
    for language in content_initial.LANGUAGES:
        home = content_initial.home_of(language)
        if home is None:
            return ["Inhalte: keine Startseite (erst load_initial_content ausführen)"]
        values = operator_values[language]
        for entry in pages["standard_pages"]:
            if not _has_placeholder(entry[language], values):
                continue
            fields = content_initial.standard_fields(_fill(entry, values), language)
            content_initial.page_write(home, StandardPage, entry["slug"], fields)
            filled += 1
        knowledge = (
            KnowledgeIndexPage.objects.child_of(home)
            .filter(slug=content_initial.KNOWLEDGE_SLUG)
            .first()
        )
        if knowledge is None:
            continue
        for entry in articles:
            fields = content_initial.article_fields(entry, language)
            content_initial.page_write(knowledge, ArticlePage, entry["slug"], fields)
            added += 1
    content_initial.translations_link()
    return [f"Inhalte: {filled} Seiten mit Demo-Angaben, {added} Demo-Artikel"]
