"""The parameter table: year boundaries of every dated row, sources, loading, the period rule."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from lotse.core.initial import LoadReport
from lotse.migration import initial
from lotse.migration.models import Parameter
from lotse.migration.rules import Answers
from lotse.migration.selectors import (
    _published_parameters,
    _rows_in_force,
    check_evaluate,
    parameters_in_force,
    parameters_on,
)

DAY = datetime.timedelta(days=1)
ROWS = initial.parameter_rows()


def _row_id(row):
    return f"{row['key']}@{row['valid_from']}"


@pytest.mark.parametrize("row", ROWS, ids=_row_id)
def test_every_row_cites_its_source_and_the_date_it_was_checked(row):
    assert row["source_url"].startswith("https://")
    assert row["legal_reference"]
    assert datetime.date.fromisoformat(row["checked_on"])


@pytest.mark.parametrize("row", ROWS, ids=_row_id)
def test_each_row_starts_on_its_first_day_and_not_before(migration_rules, row):
    start = datetime.date.fromisoformat(row["valid_from"])
    assert parameters_on(on=start)[row["key"]] == Decimal(row["value"])
    assert parameters_on(on=start - DAY).get(row["key"]) != Decimal(row["value"])


@pytest.mark.parametrize("row", [r for r in ROWS if r["valid_to"]], ids=_row_id)
def test_each_row_ends_on_its_last_day(migration_rules, row):
    end = datetime.date.fromisoformat(row["valid_to"])
    assert parameters_on(on=end)[row["key"]] == Decimal(row["value"])
    following = [r for r in ROWS if r["key"] == row["key"] and r["valid_from"] > row["valid_from"]]
    after = parameters_on(on=end + DAY).get(row["key"])
    if following:
        assert after == Decimal(following[0]["value"])
    else:
        assert after is None


def test_loading_twice_changes_nothing_and_keeps_an_editors_change(migration_rules):
    report = LoadReport()
    initial.load(report=report)
    assert report.created == [] and len(report.unchanged) == len(ROWS)
    fee = Parameter.objects.get(key="fee_81a")
    fee.note = "geändert von der Redaktion"
    fee.save()
    report = LoadReport()
    initial.load(report=report)
    assert [key for key, _reason in report.skipped] == ["migration.Parameter:fee_81a:2020-03-01"]


def test_loaded_rows_are_published_with_a_first_revision(migration_rules):
    parameter = Parameter.objects.get(key="bbg_pension", valid_from="2026-01-01")
    assert parameter.live
    assert parameter.live_revision is not None


def test_only_published_rows_count(migration_rules):
    Parameter.objects.filter(key="fee_81a").update(live=False)
    assert "fee_81a" not in parameters_on(on=datetime.date(2026, 1, 1))


def test_periods_of_one_key_must_not_overlap(migration_rules):
    parameter = Parameter(
        key="bbg_pension",
        value=Decimal("1"),
        unit="eur_year",
        valid_from=datetime.date(2026, 6, 1),
        legal_reference="x",
        source_url="https://example.org",
        checked_on=datetime.date(2026, 12, 6),
    )
    with pytest.raises(ValidationError) as error:
        parameter.full_clean()
    assert "valid_from" in error.value.message_dict


def test_parameters_in_force_in_one_query(migration_rules, django_assert_num_queries):
    with django_assert_num_queries(1):
        rows = list(parameters_in_force(on=datetime.date(2026, 3, 1)))
    assert {row.key for row in rows} >= {"bbg_pension", "blue_card_share", "fee_81a"}


BOUNDARIES = sorted(
    {
        day
        for row in ROWS
        for edge in (row["valid_from"], row["valid_to"])
        if edge
        for day in (
            datetime.date.fromisoformat(edge) - DAY,
            datetime.date.fromisoformat(edge),
            datetime.date.fromisoformat(edge) + DAY,
        )
    }
)


def test_the_cached_rows_in_force_are_the_rows_the_query_selects(migration_rules):
    """The check chooses the rows in force from the published rows it keeps in memory
    (decision 0041): on every first and last day of a row, and the days around them, the same
    rows in the same order as `parameters_in_force`."""
    published = _published_parameters()
    for day in BOUNDARIES:
        expected = list(
            parameters_in_force(on=day).values_list(
                "key", "value", "checked_on", "valid_from", "valid_to"
            )
        )
        assert _rows_in_force(published, day) == expected, day


def test_a_published_change_reaches_the_next_answer(migration_rules):
    answers = Answers(on=datetime.date(2026, 3, 1), citizenship="other", qualification="academic")
    before = check_evaluate(answers=answers)
    Parameter.objects.published().in_force(answers.on).filter(key="fee_81a").update(
        checked_on=datetime.date(2027, 1, 4)
    )
    after = check_evaluate(answers=answers)
    assert before.rules_date != after.rules_date == datetime.date(2027, 1, 4)
    Parameter.objects.update(live=False)  # every row withdrawn
    assert check_evaluate(answers=answers).rules_date is None
