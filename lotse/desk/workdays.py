"""Working days: weekends and the state's public holidays are not working days.

The holidays come from the `holidays` package (`country_holidays("DE", subdiv=...)`, the state
from `LOTSE_HOLIDAY_SUBDIV`, default "SN"), so another state works by changing one setting.
Saxony's statewide holidays (SächsSFG § 1): Neujahr, Karfreitag, Ostermontag, 1. Mai, Christi
Himmelfahrt, Pfingstmontag, Tag der Deutschen Einheit, Reformationstag (31.10.), Buß- und Bettag
(the Wednesday before 23 November), 1. and 2. Weihnachtstag. Fronleichnam is a holiday only in
some communities of the Sorbian settlement area and is not counted.

`saxony_holidays` is the hand-written Saxon calendar this module used before: it is the
reference the tests compare the package with (2015–2035), and the fallback for an installation
where the `holidays` package is not installed yet.
"""

import datetime as dt
from functools import lru_cache

from django.conf import settings

try:
    import holidays as holidays_package
except ImportError:  # pragma: no cover - depends on the installation
    holidays_package = None


def easter_sunday(year: int) -> dt.date:
    """Easter Sunday of the Gregorian calendar (Meeus/Jones/Butcher)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def repentance_day(year: int) -> dt.date:
    """Buß- und Bettag: the last Wednesday before 23 November."""
    day = dt.date(year, 11, 22)
    return day - dt.timedelta(days=(day.weekday() - 2) % 7)


@lru_cache(maxsize=64)
def saxony_holidays(year: int) -> dict[dt.date, str]:
    """The statewide public holidays of Saxony in `year`, date → German name (reference)."""
    easter = easter_sunday(year)
    return {
        dt.date(year, 1, 1): "Neujahr",
        easter - dt.timedelta(days=2): "Karfreitag",
        easter + dt.timedelta(days=1): "Ostermontag",
        dt.date(year, 5, 1): "Tag der Arbeit",
        easter + dt.timedelta(days=39): "Christi Himmelfahrt",
        easter + dt.timedelta(days=50): "Pfingstmontag",
        dt.date(year, 10, 3): "Tag der Deutschen Einheit",
        dt.date(year, 10, 31): "Reformationstag",
        repentance_day(year): "Buß- und Bettag",
        dt.date(year, 12, 25): "1. Weihnachtstag",
        dt.date(year, 12, 26): "2. Weihnachtstag",
    }


@lru_cache(maxsize=256)
def _public_holidays(year: int, subdiv: str) -> frozenset[dt.date]:
    if holidays_package is None:
        if subdiv != "SN":
            raise RuntimeError("Public holidays of other states need the `holidays` package.")
        return frozenset(saxony_holidays(year))
    return frozenset(holidays_package.country_holidays("DE", subdiv=subdiv, years=year))


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
