"""Table tests per route from the law's own conditions (pure functions, parameters as of 2026)."""

import datetime
from dataclasses import replace
from decimal import Decimal

import pytest

from lotse.migration.rules import (
    CLOSED,
    CONDITIONAL,
    OPEN,
    UNKNOWN,
    Answers,
    chancenkarte_points,
    evaluate,
)

ON_2026 = datetime.date(2026, 3, 1)
PARAMS_2026 = {
    "bbg_pension": Decimal("101400.00"),
    "blue_card_share": Decimal("50.00"),
    "blue_card_share_reduced": Decimal("45.30"),
    "experience_share": Decimal("45.00"),
    "older_share": Decimal("55.00"),
    "older_age": Decimal("45"),
    "chancenkarte_min_points": Decimal("6"),
    "westbalkan_quota": Decimal("50000"),
    "fee_81a": Decimal("411.00"),
}
ENGINEER = Answers(
    on=ON_2026,
    qualification="academic",
    recognition="full",
    job_offer=True,
    salary=Decimal("52000"),
    german="B1",
    english="B2",
    age=30,
    experience_last_5=3,
    experience_last_7=3,
)
ELECTRICIAN = Answers(
    on=ON_2026,
    qualification="vocational",
    recognition="full",
    job_offer=True,
    salary=Decimal("36000"),
    german="B1",
    age=29,
    experience_last_5=2,
    experience_last_7=2,
)


def status(answers, key, params=PARAMS_2026):
    return evaluate(answers, params).route(key).status


def needs(answers, key, params=PARAMS_2026):
    return [need.code for need in evaluate(answers, params).route(key).needs]


def test_eu_citizens_end_early_with_free_movement():
    result = evaluate(replace(ENGINEER, citizenship="eu"), PARAMS_2026)
    assert result.free_movement
    assert result.routes == ()


@pytest.mark.parametrize(
    ("changes", "expected", "expected_needs"),
    [
        ({}, OPEN, []),
        ({"recognition": "partial"}, CONDITIONAL, ["recognition_partial_to_full"]),
        ({"recognition": "applied"}, CONDITIONAL, ["recognition_pending"]),
        ({"recognition": "none"}, CONDITIONAL, ["recognition_apply"]),
        ({"job_offer": False}, CONDITIONAL, ["job_offer"]),
        ({"qualification": "academic"}, CLOSED, []),
        ({"qualification": "vocational_short"}, CLOSED, []),
        ({"age": 50}, CONDITIONAL, ["older_salary_or_pension"]),
        ({"age": 50, "salary": Decimal("55770.00")}, OPEN, []),
    ],
)
def test_18a_vocational_skilled_worker(changes, expected, expected_needs):
    answers = replace(ELECTRICIAN, **changes)
    assert status(answers, "18a") == expected
    assert needs(answers, "18a") == expected_needs


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({}, OPEN),
        ({"recognition": "not_needed"}, OPEN),
        ({"recognition": "none"}, CONDITIONAL),
        ({"qualification": "vocational"}, CLOSED),
        ({"job_offer": False}, CONDITIONAL),
        ({"age": 45, "salary": Decimal("55769.99")}, CONDITIONAL),
        ({"age": 45, "salary": Decimal("55770.00")}, OPEN),
        ({"age": 44, "salary": Decimal("30000")}, OPEN),
    ],
)
def test_18b_academic_skilled_worker(changes, expected):
    assert status(replace(ENGINEER, **changes), "18b") == expected


@pytest.mark.parametrize(
    ("changes", "standard", "reduced"),
    [
        ({"salary": Decimal("50700.00")}, OPEN, CLOSED),
        ({"salary": Decimal("50699.99")}, CONDITIONAL, CLOSED),
        ({"salary": Decimal("45934.20"), "shortage_occupation": True}, CONDITIONAL, OPEN),
        ({"salary": Decimal("45934.19"), "recent_graduate": True}, CONDITIONAL, CONDITIONAL),
        ({"salary": None}, CONDITIONAL, CLOSED),
        ({"qualification": "vocational"}, CLOSED, CLOSED),
        ({"job_offer": False, "recent_graduate": True}, CONDITIONAL, CONDITIONAL),
        ({"age": 60, "salary": Decimal("50700.00")}, OPEN, CLOSED),  # no age rule for 18g
    ],
)
def test_18g_blue_card_standard_and_reduced(changes, standard, reduced):
    answers = replace(ENGINEER, **changes)
    assert status(answers, "18g") == standard
    assert status(answers, "18g_reduced") == reduced


def test_blue_card_on_the_year_boundary_2025_2026():
    params_2025 = {**PARAMS_2026, "bbg_pension": Decimal("96600.00")}
    answers = replace(ENGINEER, salary=Decimal("49000"))
    assert status(replace(answers, on=datetime.date(2025, 12, 31)), "18g", params_2025) == OPEN
    assert status(replace(answers, on=datetime.date(2026, 1, 1)), "18g") == CONDITIONAL


def test_a_missing_ceiling_makes_salary_routes_unknown_not_guessed():
    params = {k: v for k, v in PARAMS_2026.items() if k != "bbg_pension"}
    assert status(ENGINEER, "18g", params) == UNKNOWN
    assert status(ENGINEER, "18b", params) == OPEN  # no salary threshold under 45


@pytest.mark.parametrize(
    ("changes", "expected", "expected_needs"),
    [
        ({"recognition": "none", "salary": Decimal("45630.00")}, OPEN, []),
        (
            {"recognition": "none", "salary": Decimal("45629.99")},
            CONDITIONAL,
            ["salary_or_agreement"],
        ),
        (
            {"recognition": "none", "salary": Decimal("30000"), "collective_agreement": True},
            OPEN,
            [],
        ),
        (
            {"experience_last_5": 1, "collective_agreement": True},
            CONDITIONAL,
            ["experience_two_of_five"],
        ),
        ({"qualification": "vocational_short"}, CLOSED, []),
        ({"qualification": "none"}, CLOSED, []),
    ],
)
def test_19c_experience_route(changes, expected, expected_needs):
    answers = replace(ELECTRICIAN, **changes)
    assert status(answers, "19c") == expected
    assert needs(answers, "19c") == expected_needs


def test_chancenkarte_points_breakdown():
    answers = replace(
        ELECTRICIAN,
        recognition="partial",
        german="B2",
        english="C1",
        age=36,
        experience_last_5=5,
        experience_last_7=6,
        stays_in_germany=True,
        partner_qualifies=True,
        shortage_occupation=True,
    )
    points = chancenkarte_points(answers, 6)
    assert [(item.code, item.points) for item in points.items] == [
        ("partial_recognition", 4),
        ("experience_5_of_7", 3),
        ("german_B2", 3),
        ("english_c1", 1),
        ("age_under_40", 1),
        ("stays_in_germany", 1),
        ("partner", 1),
        ("shortage_occupation", 1),
    ]
    assert points.total == 15


@pytest.mark.parametrize(
    ("changes", "expected", "expected_needs"),
    [
        ({}, OPEN, []),  # full recognition: a skilled worker needs no points
        ({"recognition": "none", "german": "A2", "age": 30}, CONDITIONAL, ["more_points"]),
        # 2 (experience) + 2 (B1) + 2 (age) = 6
        ({"recognition": "none", "german": "B1", "age": 30}, OPEN, []),
        (
            {"recognition": "partial", "german": "none", "english": "none", "age": 30},
            CONDITIONAL,
            ["german_a1_or_english_b2"],
        ),
        # English B2 is the language base; experience 5 of 7 (3) + age (2) = 5: one short
        (
            {
                "recognition": "none",
                "german": "none",
                "english": "B2",
                "age": 30,
                "experience_last_7": 5,
            },
            CONDITIONAL,
            ["more_points"],
        ),
        ({"qualification": "vocational_short"}, CLOSED, []),
    ],
)
def test_20a_chancenkarte(changes, expected, expected_needs):
    answers = replace(ELECTRICIAN, **changes)
    result = evaluate(answers, PARAMS_2026).route("20a")
    assert result.status == expected
    assert [need.code for need in result.needs] == expected_needs


def test_chancenkarte_not_before_it_existed():
    params = {k: v for k, v in PARAMS_2026.items() if k != "chancenkarte_min_points"}
    answers = replace(ELECTRICIAN, recognition="none", on=datetime.date(2024, 5, 31))
    assert status(answers, "20a", params) == UNKNOWN


@pytest.mark.parametrize(
    ("changes", "expected", "reason"),
    [
        ({"recognition": "partial", "german": "A2"}, OPEN, "adaptation_measure"),
        ({"recognition": "partial", "german": "A1"}, CONDITIONAL, "adaptation_measure"),
        ({"recognition": "none", "german": "A2"}, OPEN, "recognition_partnership"),
        (
            {"recognition": "none", "german": "A2", "job_offer": False},
            CONDITIONAL,
            "recognition_partnership",
        ),
        ({"recognition": "full"}, OPEN, "already_recognised"),
        ({"qualification": "none"}, CLOSED, "needs_qualification_two_years"),
    ],
)
def test_16d_recognition_in_germany(changes, expected, reason):
    result = evaluate(replace(ELECTRICIAN, **changes), PARAMS_2026).route("16d")
    assert result.status == expected
    assert reason in [r.code for r in result.reasons]


@pytest.mark.parametrize(
    ("changes", "expected", "expected_needs"),
    [
        ({"training_offer": True, "german": "B1"}, OPEN, []),
        ({"training_offer": True, "german": "A2"}, CONDITIONAL, ["german_level"]),
        ({"training_offer": False, "german": "B2"}, CONDITIONAL, ["training_offer"]),
        ({"training_offer": True, "german": "B1", "qualification": "none"}, OPEN, []),
    ],
)
def test_16a_vocational_training(changes, expected, expected_needs):
    answers = replace(ELECTRICIAN, **changes)
    assert status(answers, "16a") == expected
    assert needs(answers, "16a") == expected_needs


@pytest.mark.parametrize(
    ("changes", "exhausted", "expected"),
    [
        ({"citizenship": "RS", "qualification": "none"}, False, OPEN),
        ({"citizenship": "XK", "qualification": "none", "job_offer": False}, False, CONDITIONAL),
        ({"citizenship": "AL", "qualification": "none"}, True, CLOSED),
        ({"citizenship": "other"}, False, CLOSED),
        ({"citizenship": "BA", "age": 50, "salary": Decimal("40000")}, False, CONDITIONAL),
    ],
)
def test_26_western_balkans_with_the_quota_flag(changes, exhausted, expected):
    params = {**PARAMS_2026, "westbalkan_quota_exhausted": Decimal(int(exhausted))}
    result = evaluate(replace(ELECTRICIAN, **changes), params).route("26")
    assert result.status == expected
    if exhausted:
        assert result.reasons[0].code == "quota_used_up"


def test_81a_only_for_employers_and_only_with_a_route():
    assert evaluate(ELECTRICIAN, PARAMS_2026).route("81a") is None
    employer = replace(ELECTRICIAN, audience="employer")
    result = evaluate(employer, PARAMS_2026)
    assert result.route("81a").status == OPEN
    assert "step_accelerated" in [step.code for step in result.next_steps]
    assert "step_ba_approval" in [step.code for step in result.next_steps]
    nobody = replace(employer, qualification="none", training_offer=False)
    assert evaluate(nobody, PARAMS_2026).route("81a").status == CONDITIONAL  # via § 16a


def test_recognition_step_and_zsba_for_people_abroad():
    result = evaluate(replace(ELECTRICIAN, recognition="none"), PARAMS_2026)
    assert result.recognition_step and result.zsba
    at_home = evaluate(replace(ELECTRICIAN, recognition="none", abroad=False), PARAMS_2026)
    assert at_home.recognition_step and not at_home.zsba
    assert not evaluate(ELECTRICIAN, PARAMS_2026).recognition_step


def test_documents_are_collected_from_usable_routes_only():
    result = evaluate(ENGINEER, PARAMS_2026)
    assert result.documents[:2] == ("passport", "health_insurance")
    assert "training_contract" not in result.documents
    assert "recognition_notice" in result.documents
