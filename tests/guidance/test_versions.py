"""Check versions: the data file, immutability once published, plans keep their version."""

import datetime

import pytest
import yaml
from django.core.exceptions import ValidationError
from django.utils import translation

from lotse.guidance.loader import DEFAULT_FILE, load_check_version
from lotse.guidance.models import (
    CheckVersion,
    CompanyCheck,
    Module,
    Question,
    Rule,
    VersionPublishedError,
)
from lotse.guidance.selectors import check_by_token, check_plan, version_current
from lotse.guidance.services import check_module_answer

from .conftest import ALL_MODULES, assert_published_frozen, module_answers, start_check

pytestmark = pytest.mark.django_db


def test_version_1_has_seven_modules_with_at_most_15_questions(version):
    modules = list(version.modules.all())
    assert [module.key for module in modules] == list(ALL_MODULES)
    for module in modules:
        assert len(module.questions.all()) <= 15
        assert module.title_en
    tariff = modules[-1]
    assert tariff.kind == Module.Kind.TARIFF
    assert not tariff.questions.all()  # answered by the Tarifauskunft, not by questions
    for question in Question.objects.filter(module__version=version):
        assert question.text_en and question.why_de and question.why_en
        if question.legal_duty:
            assert question.legal_basis
            assert question.legal_checked_on == datetime.date(2026, 12, 6)


@pytest.mark.parametrize(
    ("language", "title_en", "title"),
    [
        ("de", "Check pay", "Entgelt prüfen"),
        ("en", "Check pay", "Check pay"),
        ("en", "", "Entgelt prüfen"),
    ],
)
def test_texts_are_read_in_the_active_language_with_german_standing_in(language, title_en, title):
    rule = Rule(title_de="Entgelt prüfen", title_en=title_en, why_de="Weil", first_step_de="Fragen")
    with translation.override(language):
        assert (rule.title, rule.why, rule.first_step) == (title, "Weil", "Fragen")


def test_loading_again_changes_nothing(version):
    counts = (Question.objects.count(), Rule.objects.count())
    again = load_check_version()
    assert again.pk == version.pk
    assert CheckVersion.objects.count() == 1
    assert (Question.objects.count(), Rule.objects.count()) == counts


def test_published_version_cannot_change(version):
    assert_published_frozen(version)


def _version_2(tmp_path):
    data = yaml.safe_load(DEFAULT_FILE.read_text(encoding="utf-8"))
    data["version"] = 2
    safety = next(module for module in data["modules"] if module["key"] == "arbeitsschutz")
    safety["questions"][0]["text"]["de"] = "Neu formuliert: Gefährdungsbeurteilung vorhanden?"
    safety["questions"].append(
        {"key": "neue-frage", "text": {"de": "Neue Frage?"}, "why": {"de": "Weil."}}
    )
    path = tmp_path / "check_v2.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return load_check_version(path=path)


def test_plans_keep_their_version(version, zwickau, tmp_path):
    check, token = start_check(version, zwickau)
    answers = module_answers(version, "arbeitsschutz", gefaehrdungsbeurteilung="nein")
    check_module_answer(check=check, module_key="arbeitsschutz", answers=answers)
    before = check_plan(check=check_by_token(token=token))
    v2 = _version_2(tmp_path)
    assert version_current().pk == v2.pk
    reloaded = check_by_token(token=token)
    assert reloaded.version.pk == version.pk
    after = check_plan(check=reloaded)
    assert [m.key for m in after.measures] == [m.key for m in before.measures]
    texts = [reason.question.text_de for m in after.measures for reason in m.reasons]
    assert "Neu formuliert: Gefährdungsbeurteilung vorhanden?" not in texts
    assert [(item.module.key, item.score, item.band) for item in after.modules] == [
        (item.module.key, item.score, item.band) for item in before.modules
    ]
    # a new check uses the new version; a question of v2 is refused for the v1 check
    new_check, _token = start_check(v2, zwickau)
    assert new_check.version_id == v2.pk
    with pytest.raises(ValidationError):
        check_module_answer(
            check=reloaded, module_key="arbeitsschutz", answers={**answers, "neue-frage": "ja"}
        )
    assert CompanyCheck.objects.get(pk=check.pk).answers == answers


def test_version_with_checks_cannot_be_deleted_even_as_draft(version, zwickau):
    start_check(version, zwickau)
    with pytest.raises(VersionPublishedError):
        version.delete()


def test_loader_refuses_a_rule_with_an_unknown_question(db, tmp_path):
    data = yaml.safe_load(DEFAULT_FILE.read_text(encoding="utf-8"))
    data["modules"][0]["rules"][0]["questions"] = ["gibt-es-nicht"]
    path = tmp_path / "broken.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ValidationError):
        load_check_version(path=path)
    assert not CheckVersion.objects.exists()


def test_loader_refuses_more_than_15_questions(db, tmp_path):
    data = yaml.safe_load(DEFAULT_FILE.read_text(encoding="utf-8"))
    questions = data["modules"][0]["questions"]
    data["modules"][0]["questions"] = [
        {**questions[0], "key": f"frage-{number}"} for number in range(16)
    ]
    data["modules"][0]["rules"] = []
    path = tmp_path / "long.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ValidationError):
        load_check_version(path=path)


def test_initial_content_hook_loads_once(db):
    from types import SimpleNamespace

    from lotse.guidance.initial import load

    first = SimpleNamespace(created=[], unchanged=[])
    assert load(state="sn", report=first) == ["Wegweiser v1"]
    assert first.created == ["guidance.CheckVersion:1"]
    again = SimpleNamespace(created=[], unchanged=[])
    load(state="sn", report=again)
    assert (again.created, again.unchanged) == ([], ["guidance.CheckVersion:1"])
    assert CheckVersion.objects.count() == 1
