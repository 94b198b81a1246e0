"""What the district-profile tests share: the profile's address, the day they run on, and the
text of one section of the page."""

import datetime as dt
import re

DRESDEN = "/regionen/dresden/"
TODAY = dt.datetime(2026, 12, 6, 12, tzinfo=dt.UTC)


def section_text(html: str, heading: str) -> str:
    """The text of the section headed by the element with id `heading`, tags removed,
    whitespace collapsed."""
    part = html.split(f'id="{heading}">')[1].split("</section>")[0]
    return " ".join(re.sub(r"<[^>]+>", " ", part).split())
