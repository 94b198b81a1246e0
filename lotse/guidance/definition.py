"""A check version's definition in its two editable forms, converted both ways.

* the data-file form (YAML: `lotse/guidance/data/check_v<N>.yaml`), which `loader` validates and
  turns into rows;
* the back office's StreamField `CheckVersion.content` (blocks.ModuleBlock).

`definition_from_content` reads the blocks into the data-file form (so the back office is
validated and published by the same code as the data file); `content_from_rows` writes the
rows of a version into blocks (a published version is copied into a new draft this way).
"""

from __future__ import annotations

from typing import Any

from .models import CheckVersion


def _texts(value: Any, name: str) -> dict[str, str]:
    return {"de": value.get(f"{name}_de") or "", "en": value.get(f"{name}_en") or ""}


def definition_from_content(content: Any) -> dict:
    """The data-file form of a StreamField value (or its raw list of blocks)."""
    modules = []
    for block in content:
        value = block.value if hasattr(block, "value") else block["value"]
        modules.append(
            {
                "key": value.get("key") or "",
                "kind": value.get("kind") or "questions",
                "topic_field": value.get("topic_field") or "",
                "title": _texts(value, "title"),
                "intro": _texts(value, "intro"),
                "questions": [
                    {
                        "key": item.get("key") or "",
                        "text": _texts(item, "text"),
                        "why": _texts(item, "why"),
                        "weight": item.get("weight") or 1,
                        "legal_duty": bool(item.get("legal_duty")),
                        "legal_basis": item.get("legal_basis") or "",
                        "legal_checked_on": item.get("legal_checked_on"),
                        "sizes": list(item.get("size_classes") or []),
                        "wz_sections": list(item.get("wz_sections") or []),
                        "article": item.get("article_slug") or "",
                    }
                    for item in value.get("questions") or []
                ],
                "rules": [
                    {
                        "key": item.get("key") or "",
                        "questions": [key for key in item.get("questions") or [] if key],
                        "answers": list(item.get("answers") or []),
                        "title": _texts(item, "title"),
                        "why": _texts(item, "why"),
                        "first_step": _texts(item, "first_step"),
                        "topic_field": item.get("topic_field") or "",
                        "offer_kinds": list(item.get("offer_kinds") or []),
                        "actor_types": [slug for slug in item.get("actor_types") or [] if slug],
                        "article": item.get("article_slug") or "",
                    }
                    for item in value.get("rules") or []
                ],
            }
        )
    return {"modules": modules}


def content_from_rows(version: CheckVersion) -> list[dict]:
    """The raw StreamField data of a version's rows (modules, questions, rules in order)."""
    blocks = []
    for module in version.modules.order_by("order", "pk"):
        blocks.append(
            {
                "type": "module",
                "value": {
                    "key": module.key,
                    "kind": module.kind,
                    "topic_field": module.topic_field,
                    "title_de": module.title_de,
                    "title_en": module.title_en,
                    "intro_de": module.intro_de,
                    "intro_en": module.intro_en,
                    "questions": [
                        {
                            "key": question.key,
                            "text_de": question.text_de,
                            "text_en": question.text_en,
                            "why_de": question.why_de,
                            "why_en": question.why_en,
                            "weight": question.weight,
                            "legal_duty": question.legal_duty,
                            "legal_basis": question.legal_basis,
                            "legal_checked_on": question.legal_checked_on.isoformat()
                            if question.legal_checked_on
                            else None,
                            "size_classes": list(question.size_classes),
                            "wz_sections": list(question.wz_sections),
                            "article_slug": question.article_slug,
                        }
                        for question in module.questions.order_by("order", "pk")
                    ],
                    "rules": [
                        {
                            "key": rule.key,
                            "questions": list(rule.questions),
                            "answers": list(rule.answers),
                            "title_de": rule.title_de,
                            "title_en": rule.title_en,
                            "why_de": rule.why_de,
                            "why_en": rule.why_en,
                            "first_step_de": rule.first_step_de,
                            "first_step_en": rule.first_step_en,
                            "topic_field": rule.topic_field,
                            "offer_kinds": list(rule.offer_kinds),
                            "actor_types": list(rule.actor_types),
                            "article_slug": rule.article_slug,
                        }
                        for rule in module.rules.order_by("order", "pk")
                    ],
                },
            }
        )
    return blocks
