"""The Tarifauskunft as plain text for the inquiry desk's `{lookup}` placeholder.

The selector (`selectors.tariff_lookup`) returns the data; the sentences, amounts and dates are
written by the template `tariffs/lookup_summary.txt` with the catalogue and Django's
localisation."""

import datetime

from django.template.loader import render_to_string
from django.utils import translation

from lotse.tariffs import selectors


def lookup_summary(
    *, query: str = "", wz: str = "", on: datetime.date, language: str = "de"
) -> str:
    """A short plain-text answer, one sentence a line, ending with the as-of date and the note
    that it is information, not legal advice."""
    with translation.override(language):
        result = selectors.tariff_lookup(query=query, wz=wz, on=on)
        shown = {item.agreement.pk for item in result.agreements}
        context = {
            "result": result,
            "kind": result.answer_kind,
            "query": query,
            "wz": wz,
            "on": on,
            "more": max(result.agreement_count.value - len(result.agreements), 0),
            "other_titles": [
                ave.agreement.title for ave in result.binding if ave.agreement_id not in shown
            ],
        }
        text = render_to_string("tariffs/lookup_summary.txt", context)
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())
