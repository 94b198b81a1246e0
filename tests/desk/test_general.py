"""The general desk (issue 14): the public form "Frage an den Lotsendienst", the same form from
offer and actor pages, the confirmation mail, the rate limit and the links to it."""

import datetime as dt

import pytest
import time_machine
from django.core import mail

from lotse.core.models import OutgoingMail
from lotse.desk.models import (
    Channel,
    ConsentKind,
    ConsentText,
    Inquiry,
    InquiryFact,
    Referral,
    ReferralStatus,
    Status,
    Topic,
)
from tests.network.factories import ActorFactory

from .conftest import BERLIN

pytestmark = pytest.mark.django_db

URL = "/lotsendienst/"


def form_data(**overrides) -> dict:
    data = {
        "requester_type": "betrieb",
        "topic_field": "integration-fachkraefteeinwanderung",
        "district": "14522",
        "question": "Wie finden wir Pflegekräfte aus dem Ausland?",
        "preferred_language": "",
        "name": "Erika Mustermann",
        "organisation": "Pflegedienst Muster",
        "email": "erika@example.org",
        "phone": "",
        "contact_preference": "email",
        "consent": "on",
        "consent_version": str(
            ConsentText.objects.filter(kind=ConsentKind.INQUIRY).order_by("-version")[0].version
        ),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def test_form_page_in_german_and_english(client):
    page = client.get(URL).content.decode()
    assert "Frage an den Lotsendienst" in page
    assert 'name="requester_type"' in page
    assert "Fachkraft im Ausland" in page
    assert "Landkreis Mittelsachsen" in page or "Mittelsachsen" in page
    english = client.get("/en/lotsendienst/").content.decode()
    assert "Ask the Lotsendienst" in english
    assert "Skilled worker abroad" in english
    assert "I consent to the skilled-labour centre" in english  # the consent text, version 1
    # The empty form may come from the page cache (with each visitor's own CSRF token); what a
    # POST shows back carries the visitor's input and is never stored.
    assert "no-store" not in client.get(URL).get("Cache-Control", "")
    assert "no-store" in client.post(URL, {})["Cache-Control"]


def test_submit_stores_the_inquiry_and_mails_the_reference(
    client, django_capture_on_commit_callbacks
):
    with (
        time_machine.travel(dt.datetime(2025, 11, 18, 10, tzinfo=BERLIN), tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = client.post(URL, form_data())
        thanks = client.get(response["Location"])  # (the session lives in the travelled time)
    assert response.status_code == 302
    assert "LD-2025-00001" in thanks.content.decode()
    inquiry = Inquiry.objects.get()
    assert inquiry.topic == Topic.GENERAL
    assert inquiry.reference == "LD-2025-00001"
    assert inquiry.channel == Channel.WEB
    assert inquiry.topic_field.slug == "integration-fachkraefteeinwanderung"
    assert inquiry.district.code == "14522"
    assert inquiry.consent_text.version == 1
    # Received Tuesday 18.11.2025; Wednesday 19.11. is Buß- und Bettag: due Thursday.
    assert inquiry.due_date == dt.date(2025, 11, 20)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["erika@example.org"]
    assert "LD-2025-00001" in message.subject
    assert "Wie es weitergeht" in message.body
    assert f"/lotsendienst/widerruf/{inquiry.token}/" in message.body
    fact = InquiryFact.objects.get()
    assert (fact.topic_field, fact.district, fact.channel) == (
        "integration-fachkraefteeinwanderung",
        "14522",
        Channel.WEB,
    )


def test_phone_only_is_enough_and_missing_contact_is_refused(client):
    response = client.post(
        URL, form_data(email="", phone="0351 123456", contact_preference="telefon")
    )
    assert response.status_code == 302
    response = client.post(URL, form_data(email="", phone=""))
    assert response.status_code == 400
    assert "E-Mail-Adresse oder eine Telefonnummer" in response.content.decode()
    assert Inquiry.objects.count() == 1


def test_unknown_topic_and_district_are_refused(client):
    for overrides in ({"topic_field": "erfunden"}, {"district": "99999"}, {"district": "14"}):
        response = client.post(URL, form_data(**overrides))
        assert response.status_code == 400, overrides
        assert "aus der Liste" in response.content.decode()
    assert not Inquiry.objects.exists()


def test_rate_limit_keeps_the_typed_text_and_says_when(client, settings):
    settings.LOTSE_DESK_FORM_RATE = "2/m"
    settings.RATELIMIT_ENABLE = True
    for _attempt in range(2):
        client.post(URL, form_data(email="", phone=""))
    response = client.post(URL, form_data(question="Mein getippter Text bleibt"))
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 61
    html = response.content.decode()
    assert "Mein getippter Text bleibt" in html
    assert "Minute" in html
    assert not Inquiry.objects.exists()


def test_form_from_an_offer_page_refers_to_the_provider(client, django_capture_on_commit_callbacks):
    actor = ActorFactory(name="Beratungsstelle Anerkennung", email="info@anerkennung.example")
    url = f"{URL}?akteur={actor.pk}&kanal=angebot&bezug=Anerkennungsberatung"
    page = client.get(url).content.decode()
    assert "Anfrage an Beratungsstelle Anerkennung" in page
    assert 'name="referral_consent"' in page
    assert 'value="Anerkennungsberatung"' in page
    referral_text = ConsentText.objects.get(kind=ConsentKind.REFERRAL, version=1)
    data = form_data(source_label="Anerkennungsberatung")
    # Without the consent to pass the inquiry on, nothing is stored.
    response = client.post(url, data)
    assert response.status_code == 400
    assert "weitergeben" in response.content.decode()
    assert not Inquiry.objects.exists()
    data.update(referral_consent="on", referral_consent_version=str(referral_text.version))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, data)
    assert response.status_code == 302
    inquiry = Inquiry.objects.get()
    assert (inquiry.channel, inquiry.status, inquiry.actor) == (
        Channel.OFFER,
        Status.REFERRED,
        actor,
    )
    assert inquiry.source_label == "Anerkennungsberatung"
    referral = Referral.objects.get()
    assert referral.status == ReferralStatus.OFFERED
    assert referral.consent_text == referral_text
    assert referral.consent_given_at is not None
    assert referral.contact_email == "erika@example.org"
    assert {m.to[0] for m in mail.outbox} == {"erika@example.org", "info@anerkennung.example"}
    partner_mail = next(m for m in mail.outbox if m.to == ["info@anerkennung.example"])
    assert "erika" not in partner_mail.body.lower()  # no personal data in the notification


@pytest.mark.parametrize("value", ["999999", "abc", "-1", "1" * 40])
def test_forged_actor_id_changes_nothing(client, value):
    hidden = ActorFactory(is_published=False)
    for actor_id in (value, str(hidden.pk)):
        url = f"{URL}?akteur={actor_id}&kanal=angebot"
        assert client.get(url).status_code == 404
        response = client.post(url, form_data())
        assert response.status_code == 400
        assert "gibt es im Verzeichnis nicht" in response.content.decode()
    assert not Inquiry.objects.exists()
    assert not OutgoingMail.objects.exists()


def test_links_lead_to_the_desk(client, site_pages):
    from tests.offers.factories import OfferFactory

    offer = OfferFactory()
    page = client.get(f"/angebote/{offer.slug}/").content.decode()
    assert f"/lotsendienst/?akteur={offer.actor_id}&amp;kanal=angebot" in page
    assert "Anfrage an den Anbieter" in page
    actor_page = client.get(f"/netzwerk/{offer.actor.slug}/").content.decode()
    assert f"/lotsendienst/?akteur={offer.actor_id}&amp;kanal=akteur" in actor_page
    assert "Kontakt aufnehmen" in actor_page
    assert 'href="/lotsendienst/"' in client.get("/tarifauskunft/").content.decode() or (
        "/lotsendienst/?thema=" in client.get("/tarifauskunft/").content.decode()
    )
    assert 'href="/lotsendienst/"' in client.get("/").content.decode()  # the footer
    empty = client.get("/angebote/", {"q": "xyzzyquux"}).content.decode()
    assert 'href="/lotsendienst/"' in empty


def test_topic_field_page_links_with_its_topic(client, site_pages):
    from lotse.content.models import TopicFieldPage

    page = TopicFieldPage.objects.live().filter(locale__language_code="de").first()
    html = client.get(page.url).content.decode()
    assert f"/lotsendienst/?thema={page.topic_field.slug}" in html
