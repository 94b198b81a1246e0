"""The hand-written calendar of Saxony's statewide public holidays (SächsSFG § 1) that
lotse/desk/workdays.py used before it took the `holidays` package: the tests' reference."""

import datetime as dt
from functools import lru_cache


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
