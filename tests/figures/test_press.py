"""Press releases: the draft from an event's structure report (its fact box agrees with the
report's tables, with and without online participation, one and several sites), the public page,
list, RSS/Atom feeds and the PDF in letterhead layout; who may create drafts."""

from datetime import timedelta

import pytest
from django.utils import timezone

from lotse.core import roles
from lotse.core.models import ActorType, Region
from lotse.events.backoffice.reports import structure_report
from lotse.events.models import RegistrationStatus
from lotse.figures.models import PressReleaseIndexPage, PressReleasePage
from lotse.figures.press import fact_groups
from lotse.figures.services import press_release_draft_from_event
from tests.core.factories import client_for, role_user
from tests.events.factories import EventFactory, RegistrationFactory

# The fact box's labels are German.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_german")]


def _register(site, count, *, present=0, type_slug="kammer", district="chemnitz", **kwargs):
    actor_type = ActorType.objects.get(slug=type_slug)
    region = Region.objects.get(slug=district)
    for index in range(count):
        RegistrationFactory(
            site=site,
            actor_type=actor_type,
            district=region,
            checked_in_at=timezone.now() if index < present else None,
            **kwargs,
        )


def _facts(event) -> dict[str, dict[str, int]]:
    return {group.title: dict(group.rows) for group in fact_groups(structure_report(event=event))}


def _check_against_report(event, *, held: bool):
    """Every row of the fact box is the number of the report's table it comes from."""
    report = structure_report(event=event)
    facts = _facts(event)
    metric = "present" if held else "confirmed"
    totals = facts["Teilnahme insgesamt"]
    assert totals["Angemeldet"] == report.total.registered
    assert totals["Bestätigt"] == report.total.confirmed
    sites = facts[f"Nach Standort ({'anwesend' if held else 'bestätigt'})"]
    for row in report.by_site:
        label = f"{row.label} (online)" if row.label in report.online_sites else row.label
        if getattr(row, metric):
            assert sites[label] == getattr(row, metric)
    # people online are counted once: the sites add up to the total
    assert sum(sites.values()) == getattr(report.total, metric)
    for title, rows in (
        ("Nach Akteurstyp", report.by_actor_type),
        ("Nach Landkreis/kreisfreier Stadt", report.by_district),
    ):
        assert facts[title] == {
            row.label: getattr(row, metric) for row in rows if getattr(row, metric)
        }
    return facts


def test_one_site_without_online_held():
    event = EventFactory(sites=[("Chemnitz", 200)])
    site = event.sites.get()
    _register(site, 12, present=9)
    _register(site, 5, present=3, type_slug="unternehmen", district="zwickau")
    _register(site, 2, status=RegistrationStatus.CANCELLED)
    facts = _check_against_report(event, held=True)
    assert facts["Teilnahme insgesamt"] == {
        "Angemeldet": 17,
        "Bestätigt": 17,
        "Anwesend": 12,
        "davon vor Ort": 12,
    }


def test_four_sites_and_a_live_stream_held():
    event = EventFactory(
        sites=[("Görlitz", 60), ("Riesa", 60), ("Chemnitz", 60), ("Zwickau", 60), ("Online", None)]
    )
    sites = list(event.sites.order_by("sort_order"))
    for site, number in zip(sites, (30, 25, 40, 35, 40), strict=True):
        _register(site, number, present=number - 5, type_slug="kammer", district="goerlitz")
    _register(sites[4], 5, present=5, type_slug="unternehmen", district="leipzig")
    facts = _check_against_report(event, held=True)
    totals = facts["Teilnahme insgesamt"]
    assert totals["Anwesend"] == 25 + 20 + 35 + 30 + 40 == 150
    assert totals["davon online zugeschaltet"] == 40
    assert totals["davon vor Ort"] == 110
    assert facts["Nach Standort (anwesend)"]["Online (online)"] == 40


def test_several_sites_with_online_before_the_event():
    event = EventFactory(sites=[("Dresden", 50), ("Leipzig", 50), ("Online", None)])
    sites = list(event.sites.order_by("sort_order"))
    _register(sites[0], 20)
    _register(sites[1], 15, district="leipzig")
    _register(sites[2], 30, type_slug="unternehmen")
    _register(sites[1], 3, status=RegistrationStatus.WAITLISTED)
    facts = _check_against_report(event, held=False)
    totals = facts["Teilnahme insgesamt"]
    assert totals["Bestätigt"] == 65
    assert totals["davon vor Ort angemeldet"] == 35
    assert totals["davon für den Livestream angemeldet"] == 30
    assert "Anwesend" not in totals


@pytest.fixture
def event_with_people(site_pages):
    event = EventFactory(title="Forum Fachkräfte", sites=[("Chemnitz", 100), ("Online", None)])
    sites = list(event.sites.order_by("sort_order"))
    _register(sites[0], 20, present=18)
    _register(sites[1], 10, present=7)
    return event


def test_staff_create_a_draft_whose_fact_box_is_the_report(event_with_people):
    client = client_for(role_user(roles.EVENTS_TEAM))
    url = f"/admin/medieninformation-aus-veranstaltung/{event_with_people.pk}/"
    page_html = client.get(url).content.decode()
    assert "Faktenkasten" in page_html and "Online (online)" in page_html
    response = client.post(url)
    page = PressReleasePage.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/admin/pages/{page.pk}/edit/"
    assert not page.live and page.source_event == event_with_people
    stored = {
        block.value["title"]: {row["label"]: row["value"] for row in block.value["rows"]}
        for block in page.facts
    }
    assert stored == _facts(event_with_people)
    assert stored["Teilnahme insgesamt"]["Anwesend"] == 25
    assert "18 waren vor Ort und 7 per Livestream" in page.body
    assert page.get_latest_revision() is not None
    # not public before the review workflow published it
    assert PressReleaseIndexPage.objects.get().live
    from django.test import Client

    assert Client().get(page.url or f"/medieninformationen/{page.slug}/").status_code == 404


@pytest.mark.parametrize("role", [roles.DESK, roles.TARIFF_REGISTER, roles.PARTNER])
def test_other_roles_may_not_draft(event_with_people, role):
    client = client_for(role_user(role))
    url = f"/admin/medieninformation-aus-veranstaltung/{event_with_people.pk}/"
    assert client.get(url).status_code in (302, 403)
    assert client.post(url).status_code in (302, 403)
    assert not PressReleasePage.objects.exists()


@pytest.fixture
def published_release(event_with_people, settings):
    settings.LOTSE_CENTRE_ADDRESS = "Musterstraße 1|09111 Chemnitz"
    editor = role_user(roles.EDITORS)
    page = press_release_draft_from_event(event=event_with_people, user=editor)
    page.subtitle = "150 Teilnehmende an vier Orten"
    page.background = "<p>Das Zentrum berät Unternehmen.</p>"
    page.links = [{"type": "link", "value": {"title": "Zentrum", "url": "https://example.org/"}}]
    page.contact_name = "Erika Presse"
    page.release_date = timezone.localdate() - timedelta(days=1)
    page.save_revision(user=editor).publish(user=editor)
    page.refresh_from_db()
    return page


def test_the_published_release_list_feeds_and_pdf(client, published_release):
    index = published_release.get_parent()
    html = client.get(index.url).content.decode()
    assert published_release.title in html and "rss/" in html
    page_html = client.get(published_release.url).content.decode()
    assert "150 Teilnehmende an vier Orten" in page_html
    assert "Hintergrund" in page_html and "Erika Presse" in page_html
    assert "Musterstraße 1<br>09111 Chemnitz" in page_html
    assert "<caption" in page_html and ">25</td>" in page_html
    rss = client.get(index.url + "rss/")
    assert rss.status_code == 200 and rss["Content-Type"].startswith("application/rss+xml")
    assert published_release.title in rss.content.decode()
    atom = client.get(index.url + "atom/")
    assert atom["Content-Type"].startswith("application/atom+xml")
    assert "<feed" in atom.content.decode()
    pdf = client.get(published_release.url + "pdf/")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")


def test_the_draft_goes_through_the_review_workflow(event_with_people):
    author = role_user(roles.EVENTS_TEAM)
    page = press_release_draft_from_event(event=event_with_people, user=author)
    workflow = page.get_workflow()
    assert workflow is not None
    state = workflow.start(page, author)
    assert state.status == "in_progress" and not page.live
    editor = role_user(roles.EDITORS)
    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, editor, "approve")
    page.refresh_from_db()
    assert page.live
