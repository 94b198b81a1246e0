import datetime as dt

import pytest
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from lotse.desk.workdays import add_working_days, is_working_day, working_days_between

from .saxony_calendar import easter_sunday, repentance_day, saxony_holidays

D = dt.date


@pytest.mark.parametrize(
    "easter",
    [D(2024, 3, 31), D(2025, 4, 20), D(2026, 4, 5), D(2027, 3, 28), D(2000, 4, 23), D(2038, 4, 25)],
)
def test_easter_sunday(easter):
    assert easter_sunday(easter.year) == easter


@pytest.mark.parametrize(
    "day", [D(2023, 11, 22), D(2024, 11, 20), D(2025, 11, 19), D(2026, 11, 18), D(2028, 11, 22)]
)
def test_repentance_day_is_the_wednesday_before_23_november(day):
    assert repentance_day(day.year) == day
    assert day.weekday() == 2


def test_saxony_holidays_2026():
    holidays = saxony_holidays(2026)
    assert len(holidays) == 11
    assert holidays[D(2026, 4, 3)] == "Karfreitag"
    assert holidays[D(2026, 4, 6)] == "Ostermontag"
    assert holidays[D(2026, 5, 14)] == "Christi Himmelfahrt"
    assert holidays[D(2026, 5, 25)] == "Pfingstmontag"
    assert holidays[D(2026, 10, 31)] == "Reformationstag"
    assert holidays[D(2026, 11, 18)] == "Buß- und Bettag"
    # Fronleichnam is not a statewide holiday in Saxony.
    assert D(2026, 6, 4) not in holidays


@pytest.mark.parametrize(
    ("start", "due"),
    [
        (D(2026, 3, 2), D(2026, 3, 9)),  # Monday → next Monday
        (D(2026, 3, 7), D(2026, 3, 13)),  # Saturday → Friday
        (D(2025, 10, 29), D(2025, 11, 6)),  # across Reformationstag (Friday 31.10.2025)
        (D(2025, 11, 17), D(2025, 11, 25)),  # across Buß- und Bettag (19.11.2025)
        (D(2026, 4, 2), D(2026, 4, 13)),  # across Karfreitag and Ostermontag
        (D(2025, 12, 23), D(2026, 1, 2)),  # across Christmas and New Year
        (D(2026, 5, 13), D(2026, 5, 21)),  # across Christi Himmelfahrt
    ],
)
def test_due_date_is_five_working_days_later(start, due):
    assert add_working_days(start, 5) == due
    assert working_days_between(start, due) == 5


def test_working_days_between_same_or_earlier_day_is_zero():
    assert working_days_between(D(2026, 3, 2), D(2026, 3, 2)) == 0
    assert working_days_between(D(2026, 3, 5), D(2026, 3, 2)) == 0
    assert working_days_between(D(2026, 3, 6), D(2026, 3, 9)) == 1  # Friday → Monday


# No deadline: the first date of each two decades has its calendar computed in a child process
# (decision 0031), which takes longer than Hypothesis's default 200 ms on a busy machine.
@hypothesis_settings(deadline=None)
@given(st.dates(min_value=D(2000, 1, 1), max_value=D(2090, 12, 31)), st.integers(0, 30))
def test_add_and_count_are_inverse(start, days):
    due = add_working_days(start, days)
    assert working_days_between(start, due) == days
    assert days == 0 or is_working_day(due)


def test_holidays_package_agrees_with_the_hand_written_calendar_2015_2035():
    """The `holidays` package (subdiv SN) gives the same working days as the old calendar."""
    import holidays

    for year in range(2015, 2036):
        package = set(holidays.country_holidays("DE", subdiv="SN", years=year))
        assert package == set(saxony_holidays(year)), year


def test_the_public_holidays_from_the_child_are_the_hand_written_calendar():
    """The dates the child process computes (decision 0031) for the years around the one asked
    for and the years further away (another child)."""
    from lotse.desk import workdays

    for year in (2015, 2025, 2035, 2050):
        assert workdays._public_holidays(year, "SN") == frozenset(saxony_holidays(year)), year
    assert ("SN", 2024) in workdays._known  # kept with the ten years around 2025


def test_the_state_is_a_setting(settings):
    from lotse.desk import workdays

    settings.LOTSE_HOLIDAY_SUBDIV = "SN"
    assert not workdays.is_working_day(D(2025, 11, 19))  # Buß- und Bettag in Saxony
    settings.LOTSE_HOLIDAY_SUBDIV = "BY"
    assert workdays.is_working_day(D(2025, 11, 19))  # not a holiday in Bavaria
