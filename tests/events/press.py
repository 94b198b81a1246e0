"""The press sentences of the structure report as text, rendered by the shared template."""

import html
import re

from django.template.loader import render_to_string

from lotse.events.backoffice.reports import StructureReport, press_facts


def press_sentences(report: StructureReport) -> list[str]:
    rendered = render_to_string(
        "events/admin/_press_sentences.html", {"press": press_facts(report)}
    )
    return [html.unescape(p) for p in re.findall(r"<p>(.*?)</p>", rendered, flags=re.S)]
