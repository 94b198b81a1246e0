"""Event pages in the browser: axe (zero violations), keyboard-only registration, no JavaScript."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.e2e.conftest import assert_no_axe_violations


@pytest.fixture
def events_data(e2e_site):
    """A forum in ten days (Görlitz with one place, and online) with its agenda, and a documented
    network meeting a month ago, by the same organiser (events and network factories)."""
    from lotse.events.models import EventStatus, Session, Site, WorkingGroup
    from tests.events.factories import EventFactory
    from tests.network.factories import ActorFactory

    actor = ActorFactory(name="Fachkräfteallianz Testregion", slug="fka-testregion")
    start = timezone.now() + timedelta(days=10)
    event = EventFactory(
        title="Forum Fachkräfte 2027",
        slug="forum-fachkraefte",
        summary="Ein Tag an zwei Orten mit Livestream",
        kind="fachforum",
        organiser=actor,
        starts_at=start,
        max_group_size=2,
        sites=[("Görlitz", 1), ("Online", None)],
    )
    goerlitz, online = event.sites.order_by("sort_order")
    Site.objects.filter(pk=goerlitz.pk).update(postcode="02826", street="Markt 1", step_free=True)
    Site.objects.filter(pk=online.pk).update(city="")
    WorkingGroup.objects.create(event=event, title="AG Zuwanderung", capacity=10)
    Session.objects.create(event=event, starts_at=start, title="Begrüßung")
    Session.objects.create(
        event=event, starts_at=start + timedelta(hours=1), title="AG", site=goerlitz
    )
    past_start = timezone.now() - timedelta(days=30)
    EventFactory(
        title="Netzwerktreffen 2026",
        slug="netzwerktreffen-2026",
        summary="Rückblick",
        status=EventStatus.DOCUMENTED,
        organiser=actor,
        starts_at=past_start,
        ends_at=past_start + timedelta(hours=5),
        documentation="<p>Ergebnisse</p>",
        sites=(),
    )
    return event


@pytest.fixture
def base_url(live_server, events_data) -> str:
    return live_server.url


@pytest.mark.parametrize(
    "path",
    [
        "/veranstaltungen/",
        "/veranstaltungen/?art=fachforum",
        "/veranstaltungen/forum-fachkraefte/",
        "/veranstaltungen/netzwerktreffen-2026/",
        "/veranstaltungen/forum-fachkraefte/anmelden/",
        "/en/veranstaltungen/forum-fachkraefte/",
        "/en/veranstaltungen/forum-fachkraefte/anmelden/",
    ],
)
def test_no_axe_violations(page, path):
    response = page.goto(path)
    assert response is not None and response.status == 200
    assert_no_axe_violations(page, path)


def test_form_error_confirmation_and_manage_pages(page):
    from lotse.events.models import Registration

    page.goto("/veranstaltungen/forum-fachkraefte/anmelden/")
    page.get_by_role("button", name="Verbindlich anmelden").click()
    assert page.locator("#error-summary").is_visible()
    assert_no_axe_violations(page, "register with errors")
    page.get_by_label("Görlitz").check()
    page.get_by_label("Vorname").first.fill("Erika")
    page.get_by_label("Nachname").first.fill("Muster")
    page.get_by_label("E-Mail-Adresse").first.fill("erika@example.org")
    page.get_by_role("button", name="Verbindlich anmelden").click()
    assert page.get_by_role("heading", name="Anmeldung eingegangen").is_visible()
    assert_no_axe_violations(page, "registered")
    registration = Registration.objects.get(email="erika@example.org")
    acknowledgement = page.url
    page.goto(f"/veranstaltungen/anmeldung/{registration.token}/bestaetigen/")
    assert_no_axe_violations(page, "confirm (asks)")
    assert Registration.objects.get(pk=registration.pk).status == "held"  # a GET confirms nothing
    page.get_by_role("button", name="Teilnahme bestätigen").click()
    assert page.locator("#registration-status").inner_text().startswith("Bestätigt")
    assert_no_axe_violations(page, "manage (confirmed)")
    page.get_by_role("link", name="Anmeldung stornieren …").click()
    assert page.get_by_role("button", name="Ja, Platz freigeben").is_visible()
    assert_no_axe_violations(page, "release")
    assert Registration.objects.get(pk=registration.pk).status == "confirmed"
    page.context.clear_cookies()  # another browser: the acknowledgement shows no personal data
    page.goto(acknowledgement)
    assert "Erika" not in page.content()
    assert_no_axe_violations(page, "acknowledgement elsewhere")


def _tab_until(page, predicate, limit=120):
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(predicate):
            return
    raise AssertionError(f"focus never reached: {predicate}")


def test_keyboard_only_registration(page):
    from lotse.events.models import Registration

    page.goto("/veranstaltungen/forum-fachkraefte/")
    _tab_until(page, "document.activeElement.textContent.trim() === 'Jetzt anmelden'")
    page.keyboard.press("Enter")
    page.wait_for_url("**/anmelden/")
    _tab_until(page, "document.activeElement.name === 'site'")
    page.keyboard.press("Space")
    _tab_until(page, "document.activeElement.id === 'id_first_name'")
    page.keyboard.type("Karl")
    page.keyboard.press("Tab")
    page.keyboard.type("Tastatur")
    page.keyboard.press("Tab")
    page.keyboard.type("karl@example.org")
    _tab_until(page, "document.activeElement.type === 'submit'")
    page.keyboard.press("Enter")
    page.wait_for_url("**/angemeldet/**")
    assert Registration.objects.filter(email="karl@example.org").exists()


@pytest.mark.without_javascript
def test_registration_and_waiting_list_without_javascript(page):
    from lotse.events.models import Registration

    for number in (1, 2):
        page.goto("/veranstaltungen/forum-fachkraefte/anmelden/")
        page.get_by_label("Görlitz").check()
        page.locator("#id_first_name").fill("Ohne")
        page.locator("#id_last_name").fill(f"Skript {number}")
        page.locator("#id_email").fill(f"nojs{number}@example.org")
        if number == 2:
            page.locator("#id_colleagues-0-first_name").fill("Kollegin")
            page.locator("#id_colleagues-0-last_name").fill("Mit")
            page.locator("#id_colleagues-0-email").fill("kollegin@example.org")
        page.get_by_role("button", name="Verbindlich anmelden").click()
        assert page.get_by_role("heading", name="Anmeldung eingegangen").is_visible()
    assert "Warteliste, Platz" in page.locator("#registration-results").inner_text()
    statuses = dict(Registration.objects.values_list("email", "status"))
    assert statuses == {
        "nojs1@example.org": "held",
        "nojs2@example.org": "waitlisted",
        "kollegin@example.org": "waitlisted",
    }
