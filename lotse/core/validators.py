"""Validators shared by every app."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# C0 and C1 control characters (CR, LF, TAB, ESC, NUL, …) and the Unicode line and paragraph
# separators: none of them belongs in a name, and in a mail header, an .ics line or a PDF they
# break the document or inject lines.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def no_control_characters(value) -> None:
    """Refuse line breaks and other control characters in a one-line name or title."""
    if value and CONTROL_CHARACTERS.search(str(value)):
        raise ValidationError(
            _("Bitte ohne Zeilenumbrüche, Tabulatoren und andere Steuerzeichen eingeben."),
            code="control_characters",
        )


def one_line(value: str) -> str:
    """The text on one line: every run of control characters and spaces becomes one space
    (for writers that must survive data saved before validation or by bulk updates)."""
    return " ".join(CONTROL_CHARACTERS.sub(" ", value or "").split())
