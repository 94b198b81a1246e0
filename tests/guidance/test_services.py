"""Services: starting a check, answering modules; bad input is refused and changes nothing."""

import pytest
from django.core.exceptions import ValidationError

from lotse.core.models import Region
from lotse.guidance.models import CompanyCheck
from lotse.guidance.selectors import check_by_token, token_hash
from lotse.guidance.services import Profile, check_module_answer, check_profile_update

from .conftest import module_answers, start_check

pytestmark = pytest.mark.django_db


def test_token_is_long_and_only_its_hash_is_stored(started):
    check, token = started
    assert len(token) >= 43  # secrets.token_urlsafe(32): 256 bits
    assert check.token_hash == token_hash(token)
    assert token not in str(CompanyCheck.objects.values().get())
    assert check_by_token(token=token).pk == check.pk


@pytest.mark.parametrize(
    "token",
    ["", "x", "a" * 43, "a" * 5000, "../../etc/passwd", "\x00" * 43],
)
def test_wrong_or_tampered_tokens_find_nothing(started, token):
    assert check_by_token(token=token) is None


def test_tampered_token_one_character_changed(started):
    _check, token = started
    tampered = token[:-1] + ("A" if token[-1] != "A" else "B")
    assert check_by_token(token=tampered) is None


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"wz_code": "99.99.9"}, "wz_code", "weder in der WZ 2008 noch in der WZ 2025 bekannt"),
        ({"modules": ("erfunden",)}, "modules", "gehören nicht zu diesem Check"),
        ({"modules": ()}, "modules", "mindestens ein Modul"),
        ({"size_class": "1000+"}, "size_class", "Größe Ihres Betriebs"),
        ({"sector_query": "x" * 1_000_000}, "sector_query", "höchstens 200 Zeichen"),
        ({"trainees": -1}, "trainees", "zwischen 0 und 100.000"),
        ({"older_share": "alle"}, "older_share", "angebotenen Anteile"),
    ],
)
def test_bad_profile_is_refused_in_german(version, zwickau, overrides, field, message):
    with pytest.raises(ValidationError) as error:
        start_check(version, zwickau, **overrides)
    assert message in " ".join(error.value.message_dict[field])
    assert not CompanyCheck.objects.exists()


def test_state_is_not_a_district(version):
    saxony = Region.objects.exclude(kind__in=["urban_district", "rural_district"]).first()
    with pytest.raises(ValidationError) as error:
        start_check(version, saxony)
    assert "district" in error.value.message_dict


@pytest.mark.parametrize(
    ("code", "section"), [("10.71", "C"), ("56.10.1", "I"), ("F", "F"), ("86", "Q"), ("", "")]
)
def test_wz_section_from_code(version, zwickau, code, section):
    check, _token = start_check(version, zwickau, wz_code=code)
    assert check.wz_section == section


def test_answers_are_kept_across_modules_in_any_order(started, version):
    check, _token = started
    check_module_answer(
        check=check, module_key="arbeitsschutz", answers=module_answers(version, "arbeitsschutz")
    )
    check_module_answer(
        check=check, module_key="ausbildung", answers=module_answers(version, "ausbildung", "nein")
    )
    stored = CompanyCheck.objects.get()
    assert stored.scores == {
        "ausbildung": {"score": 0, "band": "dringend"},
        "arbeitsschutz": {"score": 100, "band": "gut"},
    }
    # answering a module again replaces only its answers
    check_module_answer(
        check=check, module_key="ausbildung", answers=module_answers(version, "ausbildung", "ja")
    )
    assert CompanyCheck.objects.get().scores["ausbildung"] == {"score": 100, "band": "gut"}
    assert CompanyCheck.objects.get().scores["arbeitsschutz"]["score"] == 100


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda a: {**a, "erfundene-frage": "ja"}, "passen nicht zu den Fragen"),
        # a question of another module of the same version
        (lambda a: {**a, "bildet-aus": "ja"}, "passen nicht zu den Fragen"),
        (lambda a: {**a, "unterweisung": "vielleicht"}, "angebotenen Antworten"),
        (lambda a: {k: v for k, v in a.items() if k != "bem"}, "1 fehlen"),
    ],
)
def test_bad_answers_are_refused_and_change_nothing(started, version, change, message):
    check, _token = started
    before = CompanyCheck.objects.values("answers", "scores", "last_used_at").get()
    answers = change(module_answers(version, "arbeitsschutz"))
    with pytest.raises(ValidationError) as error:
        check_module_answer(check=check, module_key="arbeitsschutz", answers=answers)
    assert message in " ".join(error.value.messages)
    assert CompanyCheck.objects.values("answers", "scores", "last_used_at").get() == before


def test_tariff_module_or_unknown_module_cannot_be_answered(started):
    check, _token = started
    for key in ("tarif", "erfunden"):
        with pytest.raises(ValidationError):
            check_module_answer(check=check, module_key=key, answers={})


def test_conditions_decide_which_answers_are_needed(version, zwickau):
    # "entgelt-auskunft" is asked only of companies with 250+ employees
    small, _token = start_check(version, zwickau, size_class="10-49")
    answers = module_answers(version, "arbeitsbedingungen")
    with pytest.raises(ValidationError):
        check_module_answer(check=small, module_key="arbeitsbedingungen", answers=answers)
    answers.pop("entgelt-auskunft")
    check_module_answer(check=small, module_key="arbeitsbedingungen", answers=answers)
    large, _token = start_check(version, zwickau, size_class="250+")
    with pytest.raises(ValidationError):
        check_module_answer(check=large, module_key="arbeitsbedingungen", answers=answers)


def test_profile_update_keeps_answers_and_rescores(started, version, zwickau):
    check, _token = started
    answers = module_answers(version, "arbeitsschutz")
    answers.pop("schichtarbeit")  # only for sections C, H, Q (asked when the section is unknown)
    with pytest.raises(ValidationError):
        check_module_answer(check=check, module_key="arbeitsschutz", answers=answers)
    profile = Profile(
        size_class="10-49", district=zwickau, modules=("arbeitsschutz",), wz_code="47.11"
    )
    check_profile_update(check=check, profile=profile)
    assert check.wz_section == "G"
    check_module_answer(check=check, module_key="arbeitsschutz", answers=answers)
    assert CompanyCheck.objects.get().scores["arbeitsschutz"]["band"] == "gut"
