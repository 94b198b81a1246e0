"""Loads a check version from its data file (lotse/guidance/data/check_v<N>.yaml) and publishes it.

A plain function so that `manage.py load_initial_content` can call it as a hook; until that
command exists, `manage.py load_check_version` runs it. Idempotent: a version that is already
published is left as it is (published versions never change).
"""

import datetime
from pathlib import Path

import yaml
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .definition import content_from_rows
from .models import SIZE_ORDER, Answer, CheckVersion, Module, Question, Rule

DATA_DIR = Path(__file__).resolve().parent / "data"
DEFAULT_FILE = DATA_DIR / "check_v1.yaml"
MAX_QUESTIONS = 15


def _text(item: dict, name: str) -> tuple[str, str]:
    value = item.get(name) or {}
    if isinstance(value, str):
        return value, ""
    return value.get("de", ""), value.get("en", "")


def validate_definition(data: dict) -> None:
    """The rules every version obeys (data file and back office alike); German messages."""
    answers = set(Answer.values)
    module_keys = [module["key"] for module in data["modules"]]
    if not module_keys:
        raise ValidationError(_("Eine Version braucht mindestens ein Modul."))
    if len(module_keys) != len(set(module_keys)):
        raise ValidationError(_("Jede Modul-Kennung darf nur einmal vorkommen."))
    for module in data["modules"]:
        questions = module.get("questions") or []
        if len(questions) > MAX_QUESTIONS:
            raise ValidationError(
                _("Modul %(key)s: mehr als %(max)s Fragen.")
                % {"key": module["key"], "max": MAX_QUESTIONS}
            )
        keys = [question["key"] for question in questions]
        if len(keys) != len(set(keys)):
            raise ValidationError(
                _("Modul %(key)s: jede Fragen-Kennung nur einmal.") % {"key": module["key"]}
            )
        for question in questions:
            if question.get("legal_duty") and not question.get("legal_basis"):
                raise ValidationError(
                    _("Frage %(key)s: eine gesetzliche Pflicht braucht ihre Rechtsgrundlage.")
                    % {"key": question["key"]}
                )
            if set(question.get("sizes") or []) - set(SIZE_ORDER):
                raise ValidationError(
                    _("Frage %(key)s: unbekannte Größenklasse.") % {"key": question["key"]}
                )
        rule_keys = [rule["key"] for rule in module.get("rules") or []]
        if len(rule_keys) != len(set(rule_keys)):
            raise ValidationError(
                _("Modul %(key)s: jede Regel-Kennung nur einmal.") % {"key": module["key"]}
            )
        for rule in module.get("rules") or []:
            if not rule["questions"] or not set(rule["questions"]) <= set(keys):
                raise ValidationError(
                    _("Regel %(key)s: nennt eine Frage, die es in diesem Modul nicht gibt.")
                    % {"key": rule["key"]}
                )
            if not rule["answers"] or not set(rule["answers"]) <= answers:
                raise ValidationError(
                    _("Regel %(key)s: unbekannte Antwort.") % {"key": rule["key"]}
                )


@transaction.atomic
def load_check_version(*, path: Path | str = DEFAULT_FILE, stdout=None) -> CheckVersion:
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    number = int(data["version"])
    existing = CheckVersion.objects.filter(number=number).first()
    if existing is not None and existing.is_published:
        if stdout:
            stdout.write(f"Wegweiser v{number}: already published, unchanged.\n")
        return existing
    validate_definition(data)
    if existing is not None:  # an unpublished draft of this number is replaced
        existing.delete()
    version = CheckVersion.objects.create(number=number, source=data.get("source", ""))
    build_rows(version=version, data=data)
    # The back office shows (and copies into a new draft) what the data file defined.
    version.content = content_from_rows(version)
    version.published_at = timezone.now()
    version.save()
    if stdout:
        stdout.write(f"Wegweiser v{number}: published.\n")
    return version


def build_rows(*, version: CheckVersion, data: dict) -> None:
    """The rows Module/Question/Rule of a definition (data-file form), in its order."""
    for position, module_data in enumerate(data["modules"], start=1):
        title_de, title_en = _text(module_data, "title")
        intro_de, intro_en = _text(module_data, "intro")
        module = Module.objects.create(
            version=version,
            key=module_data["key"],
            order=module_data.get("order", position),
            kind=module_data.get("kind", Module.Kind.QUESTIONS),
            topic_field=module_data["topic_field"],
            title_de=title_de,
            title_en=title_en,
            intro_de=intro_de,
            intro_en=intro_en,
        )
        questions = []
        for order, item in enumerate(module_data.get("questions") or [], start=1):
            text_de, text_en = _text(item, "text")
            why_de, why_en = _text(item, "why")
            checked = item.get("legal_checked_on")
            if isinstance(checked, str):
                checked = datetime.date.fromisoformat(checked)
            questions.append(
                Question(
                    module=module,
                    key=item["key"],
                    order=order,
                    text_de=text_de,
                    text_en=text_en,
                    why_de=why_de,
                    why_en=why_en,
                    weight=item.get("weight", 1),
                    legal_duty=bool(item.get("legal_duty")),
                    legal_basis=item.get("legal_basis", ""),
                    legal_checked_on=checked,
                    size_classes=list(item.get("sizes") or []),
                    wz_sections=list(item.get("wz_sections") or []),
                    article_slug=item.get("article", ""),
                )
            )
        Question.objects.bulk_create(questions)
        rules = []
        for order, item in enumerate(module_data.get("rules") or [], start=1):
            title_de, title_en = _text(item, "title")
            why_de, why_en = _text(item, "why")
            step_de, step_en = _text(item, "first_step")
            rules.append(
                Rule(
                    module=module,
                    key=item["key"],
                    order=order,
                    questions=list(item["questions"]),
                    answers=list(item["answers"]),
                    title_de=title_de,
                    title_en=title_en,
                    why_de=why_de,
                    why_en=why_en,
                    first_step_de=step_de,
                    first_step_en=step_en,
                    topic_field=item["topic_field"],
                    offer_kinds=list(item.get("offer_kinds") or []),
                    actor_types=list(item.get("actor_types") or []),
                    article_slug=item.get("article", ""),
                )
            )
        Rule.objects.bulk_create(rules)


def load(*, stdout=None) -> list[str]:
    """Hook for `load_initial_content` / `load_demo`: every data file, oldest version first."""
    loaded = []
    for path in sorted(DATA_DIR.glob("check_v*.yaml")):
        version = load_check_version(path=path, stdout=stdout)
        loaded.append(str(version))
    return loaded
