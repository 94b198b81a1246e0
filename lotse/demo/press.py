"""Demo press release: the four-site forum of the events demo, drafted from its structure report
(lotse/figures/services.py) by the demo editor and published, so the list, feeds and PDF show
something. Idempotent: a second run finds the release of that event and leaves it alone."""

from django.contrib.auth import get_user_model

from lotse.events.models import Event
from lotse.figures.models import PressReleasePage
from lotse.figures.services import press_release_draft_from_event

FORUM = "demo-fachforum-gute-arbeit-vier-standorte"


def load(*, stdout=None) -> list[str]:
    event = Event.objects.filter(slug=FORUM).first()
    editor = get_user_model().objects.filter(username="redaktion").first()
    if event is None or editor is None:
        return ["press: no demo forum or demo editor (load the events demo and accounts first)"]
    existing = PressReleasePage.objects.filter(source_event=event).first()
    if existing is not None:
        return [f"press: {existing.title} (exists)"]
    page = press_release_draft_from_event(event=event, user=editor)
    page.subtitle = "Betriebe, Verwaltung und Beratung an vier Standorten und im Livestream (Demo)"
    page.background = (
        "<p>Das Zentrum für Fachkräftesicherung und Gute Arbeit berät Beschäftigte und "
        "Unternehmen in Sachsen und vernetzt die Akteure der Fachkräftesicherung. Diese "
        "Medieninformation ist erfunden (Demo).</p>"
    )
    page.links = [
        {
            "type": "link",
            "value": {"title": "Veranstaltungen", "url": "https://lotse.example/veranstaltungen/"},
        }
    ]
    page.contact_name = "Pia Presse (Demo)"
    page.contact_role = "Presse- und Öffentlichkeitsarbeit"
    page.contact_email = "presse@demo.lotse.example"
    page.save_revision(user=editor).publish(user=editor)
    return [f"press: {page.title} (published)"]
