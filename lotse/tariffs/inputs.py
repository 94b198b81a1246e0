"""Numbers and dates typed by visitors (pages and API): parsed once, bounded, German messages.

The wage check and the trainee pay check accept the same notation on the pages and in the API
("2.300", "13,50", "13.50"); anything that is not a finite amount in the bounds is refused with
a message instead of reaching the arithmetic (`Decimal` overflows and NaN gave 500s).
"""

import datetime
import re
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

MAX_AMOUNT = Decimal("1000000")
MIN_HOURS = Decimal(1)
MAX_HOURS = Decimal(60)
MIN_DATE = datetime.date(1949, 1, 1)
MAX_DATE = datetime.date(2100, 12, 31)
# "2.300" is two thousand three hundred in German notation, not 2.3
THOUSANDS_RE = re.compile(r"^\d{1,3}(\.\d{3})+$")
AMOUNT_RE = re.compile(r"^\d+(\.\d+)?$")


def parse_amount(value: object) -> Decimal | None:
    """A euro amount (or hours) from text: None when empty, a German error when not a number.

    Only plain digits with one decimal separator (or German thousands dots) are numbers here:
    no exponents, NaN or infinity, no other digit scripts.
    """
    text = str(value or "").strip().replace("€", "").replace(" ", "")
    if not text:
        return None
    if "," in text or THOUSANDS_RE.match(text):
        text = text.replace(".", "").replace(",", ".")
    if not AMOUNT_RE.match(text) or not text.isascii():
        if text.startswith("-") and AMOUNT_RE.match(text[1:]) and text[1:].isascii():
            raise ValidationError(_("Der Betrag darf nicht negativ sein."))
        raise ValidationError(_("Bitte geben Sie einen Betrag in Euro an, z. B. 12,50."))
    try:
        return Decimal(text)
    except InvalidOperation as exc:  # pragma: no cover - the pattern admits only numbers
        raise ValidationError(_("Bitte geben Sie einen Betrag in Euro an, z. B. 12,50.")) from exc


def check_amount(amount: Decimal) -> Decimal:
    """A finite amount from 0 to MAX_AMOUNT, in cents."""
    if not amount.is_finite():
        raise ValidationError(_("Bitte geben Sie einen Betrag in Euro an, z. B. 12,50."))
    if amount < 0:
        raise ValidationError(_("Der Betrag darf nicht negativ sein."))
    if amount > MAX_AMOUNT:
        raise ValidationError(_("Der Betrag ist unplausibel hoch."))
    return amount.quantize(Decimal("0.01"))


def hours_message() -> str:
    return _(
        "Für ein Monatsentgelt geben Sie bitte die Wochenstunden an (mindestens 1, höchstens 60)."
    )


def check_hours(hours: Decimal | None) -> Decimal:
    """Hours per week of a monthly pay: from MIN_HOURS to MAX_HOURS."""
    if hours is None or not hours.is_finite() or not MIN_HOURS <= hours <= MAX_HOURS:
        raise ValidationError(hours_message())
    return hours


def check_date(day: datetime.date) -> datetime.date:
    if not MIN_DATE <= day <= MAX_DATE:
        raise ValidationError(_("Bitte wählen Sie ein Datum zwischen 1949 und 2100."))
    return day


_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f]")


def clean_text(value: object, *, limit: int = 200) -> str:
    """Words typed into a search: control characters (NUL breaks PostgreSQL) become spaces,
    runs of white space one space, at most `limit` characters."""
    text = value if isinstance(value, str) else ""
    return " ".join(_CONTROL_RE.sub(" ", text).split())[:limit]


MIN_START_YEAR = 2000
MAX_START_YEAR = 2100


def parse_start_year(value: object) -> int:
    """The year training starts: four digits, 2000 to 2100."""
    text = str(value or "").strip()
    if not (text.isascii() and text.isdigit() and len(text) == 4):
        raise ValidationError(_("Bitte geben Sie das Jahr als Zahl an, z. B. 2025."))
    return check_start_year(int(text))


def check_start_year(year: int) -> int:
    if not MIN_START_YEAR <= year <= MAX_START_YEAR:
        raise ValidationError(
            _("Bitte geben Sie ein Jahr zwischen %(first)s und %(last)s an.")
            % {"first": MIN_START_YEAR, "last": MAX_START_YEAR}
        )
    return year


def parse_training_year(value: object) -> int:
    text = str(value or "").strip()
    if text not in ("1", "2", "3", "4"):
        raise ValidationError(_("Das Ausbildungsjahr muss zwischen 1 und 4 liegen."))
    return int(text)
