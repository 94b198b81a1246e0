"""Properties of the rules: more salary never closes a salary route, recognition never closes."""

import datetime
from dataclasses import replace
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from lotse.migration.rules import (
    AUDIENCES,
    CITIZENSHIPS,
    LEVELS,
    QUALIFICATIONS,
    STATUS_RANK,
    Answers,
    evaluate,
)

from .test_rules import PARAMS_2026

SALARY_ROUTES = ("18a", "18b", "18g", "18g_reduced", "19c", "26", "81a")
RECOGNITION_ORDER = ("none", "applied", "partial", "full")

salaries = st.decimals(min_value=0, max_value=500_000, places=2, allow_nan=False)
answers = st.builds(
    Answers,
    on=st.dates(datetime.date(2023, 11, 18), datetime.date(2026, 12, 31)),
    audience=st.sampled_from(AUDIENCES),
    citizenship=st.sampled_from(CITIZENSHIPS),
    qualification=st.sampled_from(QUALIFICATIONS),
    recognition=st.sampled_from(RECOGNITION_ORDER),
    shortage_occupation=st.booleans(),
    recent_graduate=st.booleans(),
    job_offer=st.booleans(),
    salary=st.none() | salaries,
    collective_agreement=st.booleans(),
    german=st.sampled_from(LEVELS),
    english=st.sampled_from(LEVELS),
    experience_last_5=st.integers(0, 5),
    experience_last_7=st.integers(0, 7),
    age=st.none() | st.integers(16, 80),
    stays_in_germany=st.booleans(),
    partner_qualifies=st.booleans(),
    training_offer=st.booleans(),
    abroad=st.booleans(),
)


def ranks(result):
    return {route.key: STATUS_RANK[route.status] for route in result.routes}


@settings(max_examples=300, deadline=None)
@given(answers=answers, raise_by=salaries)
def test_raising_the_salary_never_closes_a_salary_based_route(answers, raise_by):
    before = ranks(evaluate(answers, PARAMS_2026))
    higher = (answers.salary or Decimal(0)) + raise_by
    after = ranks(evaluate(replace(answers, salary=higher), PARAMS_2026))
    for key in SALARY_ROUTES:
        if key in before:
            assert after[key] >= before[key], key


@settings(max_examples=300, deadline=None)
@given(answers=answers, steps=st.integers(1, 3))
def test_adding_recognition_never_closes_a_route(answers, steps):
    position = RECOGNITION_ORDER.index(answers.recognition)
    better = RECOGNITION_ORDER[min(position + steps, len(RECOGNITION_ORDER) - 1)]
    before = ranks(evaluate(answers, PARAMS_2026))
    after = ranks(evaluate(replace(answers, recognition=better), PARAMS_2026))
    for key, rank in before.items():
        assert after[key] >= rank, key


@settings(max_examples=200, deadline=None)
@given(answers=answers)
def test_every_route_that_is_not_open_says_why(answers):
    for route in evaluate(answers, PARAMS_2026).routes:
        assert route.reasons or route.needs
        if route.status == "conditional":
            assert route.needs
