"""Validators shared by every app."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# C0 and C1 control characters (CR, LF, TAB, ESC, NUL, …), the Unicode line and paragraph
# separators and the bidi embeddings, overrides and isolates: none of them belongs in a name,
# and in a mail header, an .ics line or a PDF they break the document or inject lines; the bidi
# controls make text read differently from how it is stored ("Trojan Source"). The bidi marks
# (U+200E, U+200F, U+061C) and the zero-width joiners stay: Arabic and Persian text needs them.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
# The same without tab, line feed and carriage return: what multi-line text may not contain.
CONTROL_CHARACTERS_MULTI_LINE = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)
CONTROL_CHARACTERS_MESSAGE = _(
    "Bitte ohne Zeilenumbrüche, Tabulatoren und andere Steuerzeichen eingeben."
)
CONTROL_CHARACTERS_MULTI_LINE_MESSAGE = _(
    "Bitte ohne Steuerzeichen eingeben (Zeilenumbrüche und Tabulatoren sind erlaubt)."
)


def no_control_characters(value) -> None:
    """Refuse line breaks and other control characters in a one-line name or title."""
    if value and CONTROL_CHARACTERS.search(str(value)):
        raise ValidationError(CONTROL_CHARACTERS_MESSAGE, code="control_characters")


def has_control_characters(value: object, *, multi_line: bool = False) -> bool:
    """Whether a submitted value (a string or a list of them) holds a control character;
    multi-line text may hold tabs and line breaks."""
    pattern = CONTROL_CHARACTERS_MULTI_LINE if multi_line else CONTROL_CHARACTERS
    values = value if isinstance(value, list | tuple) else [value]
    return any(isinstance(item, str) and pattern.search(item) for item in values)


def marked(value: str, *, multi_line: bool = False) -> str:
    """The text with every control character replaced by U+FFFD, so that a form shown again
    marks where they were and never sends them back to the browser."""
    pattern = CONTROL_CHARACTERS_MULTI_LINE if multi_line else CONTROL_CHARACTERS
    return pattern.sub("\ufffd", value)


def one_line(value: str) -> str:
    """The text on one line: every run of control characters and spaces becomes one space
    (for writers that must survive data saved before validation or by bulk updates)."""
    return " ".join(CONTROL_CHARACTERS.sub(" ", value or "").split())
