"""`lotse.core.dateformat.date_formatter` writes what Django's `dateformat.format` writes, for
every date format of the site's languages and for formats it hands back to Django (decision
0025)."""

import datetime as dt
import zoneinfo

import pytest
from django.conf import settings
from django.utils import translation
from django.utils.dateformat import format as django_format
from django.utils.formats import get_format

from lotse.core.dateformat import date_formatter

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")
DATES = [dt.date(2026, month, day) for month in range(1, 13) for day in (1, 9, 28)] + [
    dt.date(999, 12, 31),
    dt.date(2000, 2, 29),
]
DATETIMES = [
    dt.datetime(2026, 3, 4, hour, minute, second, tzinfo=BERLIN)
    for hour, minute, second in ((0, 0, 0), (9, 5, 7), (12, 30, 59), (23, 59, 1))
] + [
    dt.datetime(2026, 10, 25, 2, 30, tzinfo=dt.UTC),
    dt.datetime(1999, 1, 1, 7, 8, 9, tzinfo=dt.UTC),
]
SITE_FORMATS = ("DATE_FORMAT", "SHORT_DATE_FORMAT", "DATETIME_FORMAT", "SHORT_DATETIME_FORMAT")
# Compiled ones, a literal brace, and ones handed to Django (week days, a.m./p.m., escapes).
OTHER_FORMATS = ["y-n-j G:i:s", "{d}.{m}", "j. F Y", "D, d.m.Y", "P", r"d \d\e\r m", "N j, Y"]


@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES])
def test_every_format_of_the_site_is_djangos(language):
    with translation.override(language):
        for name in SITE_FORMATS:
            fmt = get_format(name)
            formatted = date_formatter(fmt)
            for value in DATETIMES:
                assert formatted(value) == django_format(value, fmt), (name, value)
            if "DATETIME" not in name:
                for value in DATES:
                    assert formatted(value) == django_format(value, fmt), (name, value)
        for fmt in OTHER_FORMATS:
            formatted = date_formatter(fmt)
            for value in DATETIMES:
                assert formatted(value) == django_format(value, fmt), (fmt, value)


def test_month_names_are_those_of_the_active_language():
    with translation.override("de"):
        german = date_formatter("j. F Y")
    with translation.override("en"):
        english = date_formatter("j F Y")
    assert german(dt.date(2026, 3, 4)) == "4. März 2026"
    assert english(dt.date(2026, 3, 4)) == "4 March 2026"


def test_a_time_character_on_a_date_fails_as_in_django():
    with pytest.raises(TypeError, match="time-related format specifiers"):
        django_format(dt.date(2026, 3, 4), "d.m.Y H:i")
    with pytest.raises(TypeError, match="time-related format specifiers"):
        date_formatter("d.m.Y H:i")(dt.date(2026, 3, 4))
