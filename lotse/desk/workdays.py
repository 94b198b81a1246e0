"""Working days: weekends and the state's public holidays are not working days.

The holidays come from the `holidays` package (`country_holidays("DE", subdiv=...)`, the state
from `LOTSE_HOLIDAY_SUBDIV`, default "SN"), so another state works by changing one setting.
Saxony's statewide holidays (SächsSFG § 1): Neujahr, Karfreitag, Ostermontag, 1. Mai, Christi
Himmelfahrt, Pfingstmontag, Tag der Deutschen Einheit, Reformationstag (31.10.), Buß- und Bettag
(the Wednesday before 23 November), 1. and 2. Weihnachtstag. Fronleichnam is a holiday only in
some communities of the Sorbian settlement area and is not counted.

The hand-written Saxon calendar this module used before lives on in the tests
(tests/desk/saxony_calendar.py) as the reference the package is compared with for 2015–2035.

The package is imported on the first calendar asked for, not at start-up: it loads the
calendars of every country and religion it knows (Islamic, Hindu, Chinese, …, about 5 MB with
python-dateutil), and only the desk's deadlines use it (decision 0028).
"""

import datetime as dt
from functools import lru_cache

from django.conf import settings


@lru_cache(maxsize=256)
def _public_holidays(year: int, subdiv: str) -> frozenset[dt.date]:
    import holidays

    return frozenset(holidays.country_holidays("DE", subdiv=subdiv, years=year))


def public_holidays(year: int) -> frozenset[dt.date]:
    """The public holidays of the configured state in `year`."""
    return _public_holidays(year, settings.LOTSE_HOLIDAY_SUBDIV)


def is_working_day(day: dt.date) -> bool:
    return day.weekday() < 5 and day not in public_holidays(day.year)


def add_working_days(start: dt.date, days: int) -> dt.date:
    """The `days`-th working day after `start` (the day of receipt itself is not counted)."""
    if days < 0:
        raise ValueError("days must not be negative")
    current = start
    remaining = days
    while remaining:
        current += dt.timedelta(days=1)
        if is_working_day(current):
            remaining -= 1
    return current


def working_days_between(start: dt.date, end: dt.date) -> int:
    """Working days after `start` up to and including `end` (0 when `end` <= `start`)."""
    count = 0
    current = start
    while current < end:
        current += dt.timedelta(days=1)
        if is_working_day(current):
            count += 1
    return count
