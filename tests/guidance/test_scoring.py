"""Scoring, bands and the legal-duty rule as table tests; conditions by size and WZ section."""

import pytest

from lotse.guidance.models import Question
from lotse.guidance.selectors import module_score, question_applies


def q(key, weight=1, duty=False):
    return Question(
        key=key,
        weight=weight,
        legal_duty=duty,
        legal_basis="§ 5 ArbSchG" if duty else "",
        text_de=key,
        why_de="",
    )


QUESTIONS = [q("a", 2), q("b", 1), q("c", 1)]


@pytest.mark.parametrize(
    ("answers", "score", "band"),
    [
        ({"a": "ja", "b": "ja", "c": "ja"}, 100, "gut"),
        ({"a": "ja", "b": "teilweise", "c": "ja"}, 88, "gut"),  # (2 + .5 + 1) / 4
        ({"a": "ja", "b": "nein", "c": "ja"}, 75, "gut"),  # boundary: 75 is gut
        ({"a": "teilweise", "b": "ja", "c": "teilweise"}, 62, "ausbaufaehig"),  # 2.5 / 4
        ({"a": "ja", "b": "nein", "c": "nein"}, 50, "ausbaufaehig"),  # boundary: 50
        ({"a": "teilweise", "b": "nein", "c": "teilweise"}, 38, "dringend"),  # 1.5 / 4
        ({"a": "nein", "b": "nein", "c": "nein"}, 0, "dringend"),
        ({"a": "weiss_nicht", "b": "ja", "c": "ja"}, 50, "ausbaufaehig"),  # unknown counts 0
        # "trifft nicht zu" leaves the question out of the score
        ({"a": "trifft_nicht_zu", "b": "ja", "c": "teilweise"}, 75, "gut"),
        ({"a": "trifft_nicht_zu", "b": "trifft_nicht_zu", "c": "trifft_nicht_zu"}, None, None),
        ({}, None, None),
    ],
)
def test_score_and_band(answers, score, band):
    result = module_score(questions=QUESTIONS, answers=answers)
    assert (result.score, result.band) == (score, band)
    assert result.duty_breaches == []


DUTY = [q("duty", 1, duty=True), q("x", 5), q("y", 5)]


@pytest.mark.parametrize(
    ("duty_answer", "score", "band", "breach"),
    [
        ("ja", 100, "gut", False),
        ("teilweise", 95, "gut", False),  # partly: counted, not a breach
        ("nein", 91, "dringend", True),  # a "nein" to a duty: dringend whatever the score
        ("weiss_nicht", 91, "dringend", True),  # not knowing a duty is treated like "nein"
        ("trifft_nicht_zu", 100, "gut", False),
    ],
)
def test_legal_duty_rule(duty_answer, score, band, breach):
    result = module_score(questions=DUTY, answers={"duty": duty_answer, "x": "ja", "y": "ja"})
    assert (result.score, result.band) == (score, band)
    assert bool(result.duty_breaches) is breach


@pytest.mark.parametrize(
    ("sizes", "sections", "size_class", "section", "applies"),
    [
        ([], [], "1-9", "", True),
        (["250+"], [], "1-9", "C", False),
        (["250+"], [], "250+", "C", True),
        (["10-49", "50-249"], [], "10-49", "", True),
        ([], ["C", "H"], "1-9", "C", True),
        ([], ["C", "H"], "1-9", "G", False),
        ([], ["C", "H"], "1-9", "", True),  # section unknown: asked rather than skipped
        (["250+"], ["C"], "250+", "G", False),
    ],
)
def test_conditions(sizes, sections, size_class, section, applies):
    question = q("cond")
    question.size_classes = sizes
    question.wz_sections = sections
    assert question_applies(question=question, size_class=size_class, wz_section=section) is applies
