"""Working days: weekends and the state's public holidays are not working days.

The holidays come from the `holidays` package (`country_holidays("DE", subdiv=...)`, the state
from `LOTSE_HOLIDAY_SUBDIV`, default "SN"), so another state works by changing one setting.
Saxony's statewide holidays (SächsSFG § 1): Neujahr, Karfreitag, Ostermontag, 1. Mai, Christi
Himmelfahrt, Pfingstmontag, Tag der Deutschen Einheit, Reformationstag (31.10.), Buß- und Bettag
(the Wednesday before 23 November), 1. and 2. Weihnachtstag. Fronleichnam is a holiday only in
some communities of the Sorbian settlement area and is not counted.

The hand-written Saxon calendar this module used before lives on in the tests
(tests/desk/saxony_calendar.py) as the reference the package is compared with for 2015–2035.

The package is never imported by the process that asks: loading Germany's calendar imports
the calendars of every country and religion it knows (about 390 modules, 16 MB with
python-dateutil; decisions 0028, 0031). A short-lived child process computes the holidays of
the years around the one asked for (`lotse.core.isolated`), this process keeps the dates: one
child per state and two decades, about 0.2 s of CPU once per process.
"""

import datetime as dt
import threading

from django.conf import settings

from lotse.core.isolated import call_in_child

# Years computed around the one asked for, in one child process.
YEARS_AROUND = 10

_known: dict[tuple[str, int], frozenset[dt.date]] = {}
_lock = threading.Lock()


def _calendar(subdiv: str, years: range) -> dict[int, frozenset[dt.date]]:
    """In the child: the public holidays of `subdiv` in each of `years`."""
    import holidays

    days = holidays.country_holidays("DE", subdiv=subdiv, years=years)
    return {year: frozenset(day for day in days if day.year == year) for year in years}


def _public_holidays(year: int, subdiv: str) -> frozenset[dt.date]:
    found = _known.get((subdiv, year))
    if found is None:
        with _lock:
            if (subdiv, year) not in _known:
                years = range(year - YEARS_AROUND, year + YEARS_AROUND + 1)
                computed = call_in_child(_calendar, subdiv, years)
                _known.update({(subdiv, each): days for each, days in computed.items()})
            found = _known[(subdiv, year)]
    return found


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
