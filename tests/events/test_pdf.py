"""PDFs (WeasyPrint): badges, participant list, check-in list.

The content is checked in the HTML the PDF is made from (no PDF text extractor is installed);
the PDF itself is rendered for real and checked for its pages.
"""

import pytest
from django.urls import reverse
from weasyprint import HTML

from lotse.events.backoffice.pdf import badges_html, checkin_list_html, participant_list_html
from lotse.events.models import RegistrationStatus

from .factories import make_registration

pytestmark = pytest.mark.django_db


def page_count(html: str) -> int:
    return len(HTML(string=html).render().pages)


@pytest.fixture
def people(event):
    goerlitz, riesa = event.sites.get(name="Görlitz"), event.sites.get(name="Riesa")
    return {
        "listed": make_registration(
            goerlitz,
            first_name="Liane",
            last_name="Listig",
            organisation="IHK Dresden",
            consent_participant_list=True,
        ),
        "private": make_registration(
            goerlitz, first_name="Paul", last_name="Privat", consent_participant_list=False
        ),
        "riesa": make_registration(
            riesa, first_name="Rita", last_name="Riesaer", consent_participant_list=True
        ),
        "waiting": make_registration(
            goerlitz,
            first_name="Wanda",
            last_name="Warte",
            status=RegistrationStatus.WAITLISTED,
            consent_participant_list=True,
        ),
    }


def test_pdf_downloads(team, event, people):
    urls = [
        reverse("lotse_events:badges", args=[event.pk]),
        reverse("lotse_events:participants", args=[event.pk]),
        reverse("lotse_events:checkin_list", args=[event.sites.get(name="Görlitz").pk]),
    ]
    for url in urls:
        response = team.get(url)
        assert response["Content-Type"] == "application/pdf", url
        assert response["Cache-Control"] == "no-store"
        assert response.content.startswith(b"%PDF-")
        assert "attachment" in response["Content-Disposition"]


def test_badges_only_confirmed(event, people):
    html = badges_html(event=event)
    assert "Liane Listig" in html and "IHK Dresden" in html and "Görlitz" in html
    assert "Paul Privat" in html and "Rita Riesaer" in html
    assert "Wanda" not in html
    assert page_count(html) == 1


def test_badges_fill_several_a4_sheets(event):
    site = event.sites.get(name="Görlitz")
    for _ in range(25):
        make_registration(site)
    html = badges_html(event=event)
    assert html.count('class="badge"') == 25
    assert page_count(html) >= 3  # 10 badges (2 × 5) per A4 sheet


def test_badges_for_one_site(event, people):
    html = badges_html(event=event, site=event.sites.get(name="Riesa"))
    assert "Rita Riesaer" in html and "Liane" not in html


def test_participant_list_only_with_consent(event, people):
    html = participant_list_html(event=event)
    assert "Listig, Liane" in html and "Riesaer, Rita" in html
    assert "Privat" not in html and "Warte" not in html


def test_checkin_list_of_one_site_with_codes(event, people):
    html = checkin_list_html(site=event.sites.get(name="Görlitz"))
    assert people["listed"].code in html and people["private"].code in html
    assert "Privat, Paul" in html
    assert "Riesaer" not in html and "Warte" not in html
    assert html.count('class="box"') == 2


def test_names_are_escaped(event):
    make_registration(event.sites.get(name="Görlitz"), first_name="<script>x</script>")
    assert "<script>x" not in badges_html(event=event)


def _badge_boxes(html: str):
    """Per page: the page's content bottom and the (top, bottom) of each badge, in CSS px."""
    pages = []
    for page in HTML(string=html).render().pages:
        box = page._page_box
        content_bottom = box.content_box_y() + box.height
        badges = {}
        for child in box.descendants():
            element = getattr(child, "element", None)
            if element is not None and "badge" in (element.get("class") or "").split():
                top = child.position_y
                bottom = top + child.margin_height()
                seen = badges.get(id(element))
                badges[id(element)] = (
                    (min(seen[0], top), max(seen[1], bottom)) if seen else (top, bottom)
                )
        pages.append((content_bottom, list(badges.values())))
    return pages


def test_badges_stay_on_the_a4_page(event):
    """Issue 11/22: 2 × 5 badges per A4 sheet, the 5th row inside the page too."""
    site = event.sites.get(name="Görlitz")
    for index in range(25):
        make_registration(
            site,
            first_name="Maximiliane-Konstanze " * (index % 4 + 1),
            organisation="Industrie- und Handelskammer Chemnitz " * (index % 3 + 1),
        )
    pages = _badge_boxes(badges_html(event=event))
    assert [len(badges) for _bottom, badges in pages] == [10, 10, 5]
    for content_bottom, badges in pages:
        for top, bottom in badges:
            assert top >= 0 and bottom <= content_bottom + 0.5
