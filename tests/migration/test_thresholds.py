"""The Blue Card, § 6 BeschV and age-45 amounts are derived from the BBG and match the BMI's."""

import datetime
from decimal import Decimal

import pytest

from lotse.migration.rules import thresholds_from
from lotse.migration.selectors import parameters_on

# Published amounts (BMI announcements in the Bundesanzeiger, as quoted by the sources cited in
# lotse/migration/data/sn/parameters.csv): (date, Blue Card, reduced, § 6 BeschV, age 45+).
PUBLISHED = [
    (datetime.date(2023, 11, 18), "43800.00", "39682.80", None, "48180.00"),
    (datetime.date(2024, 3, 1), "45300.00", "41041.80", "40770.00", "49830.00"),
    (datetime.date(2025, 1, 1), "48300.00", "43759.80", "43470.00", "53130.00"),
    (datetime.date(2026, 1, 1), "50700.00", "45934.20", "45630.00", "55770.00"),
]


@pytest.mark.parametrize(("on", "standard", "reduced", "experience", "older"), PUBLISHED)
def test_derived_thresholds_match_the_published_figures(
    migration_rules, on, standard, reduced, experience, older
):
    t = thresholds_from(parameters_on(on=on))
    assert t.blue_card == Decimal(standard)
    assert t.blue_card_reduced == Decimal(reduced)
    assert t.experience == (Decimal(experience) if experience else None)
    assert t.older == Decimal(older)


def test_no_threshold_is_guessed_for_a_year_without_a_ceiling(migration_rules):
    t = thresholds_from(parameters_on(on=datetime.date(2027, 1, 1)))
    assert t.blue_card is None
    assert t.blue_card_reduced is None
    assert t.older is None
