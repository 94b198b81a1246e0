"""PDF documents of the back office (WeasyPrint): badges, lists, structure report."""

from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from lotse.core.pdf import html_to_pdf, render_pdf

from ..models import Event, Registration, RegistrationStatus, Site
from .reports import StructureReport, chart, press_facts


def _confirmed(event: Event):
    return (
        Registration.objects.filter(
            event=event, status=RegistrationStatus.CONFIRMED, anonymised_at__isnull=True
        )
        .select_related("site")
        .order_by("site__sort_order", "site_id", "last_name", "first_name", "id")
    )


BADGE_COLUMNS = 2
BADGES_PER_SHEET = 10  # 2 × 5 badges of 90 × 54 mm on an A4 sheet


def badges_html(*, event: Event, site: Site | None = None) -> str:
    """A4 sheets of name badges (name, organisation, site) of the confirmed participants:
    laid out sheet by sheet and row by row, so that every badge is inside its page."""
    registrations = _confirmed(event)
    if site is not None:
        registrations = registrations.filter(site=site)
    people = list(registrations)
    sheets = [
        [
            people[row : row + BADGE_COLUMNS]
            for row in range(start, min(start + BADGES_PER_SHEET, len(people)), BADGE_COLUMNS)
        ]
        for start in range(0, len(people), BADGES_PER_SHEET)
    ]
    return render_to_string(
        "events/pdf/badges.html", {"event": event, "registrations": people, "sheets": sheets}
    )


def badges_pdf(*, event: Event, site: Site | None = None) -> bytes:
    return html_to_pdf(badges_html(event=event, site=site))


def participant_list_html(*, event: Event) -> str:
    """The participant list: only confirmed people who consented to appear on it."""
    registrations = _confirmed(event).filter(consent_participant_list=True)
    return render_to_string(
        "events/pdf/participant_list.html",
        {"event": event, "registrations": list(registrations), "title": _("Teilnehmendenliste")},
    )


def participant_list_pdf(*, event: Event) -> bytes:
    return html_to_pdf(participant_list_html(event=event))


def checkin_list_html(*, site: Site) -> str:
    """The check-in list of one site: every confirmed person with code and a box to tick."""
    registrations = _confirmed(site.event).filter(site=site)
    return render_to_string(
        "events/pdf/checkin_list.html",
        {"event": site.event, "site": site, "registrations": list(registrations)},
    )


def checkin_list_pdf(*, site: Site) -> bytes:
    return html_to_pdf(checkin_list_html(site=site))


def report_pdf(*, report: StructureReport) -> bytes:
    sections = [
        (title, rows, chart(rows, metric="registered")) for _key, title, rows in report.sections
    ]
    return render_pdf(
        "events/pdf/report.html",
        {
            "event": report.event,
            "report": report,
            "sections": sections,
            "press": press_facts(report),
        },
    )
