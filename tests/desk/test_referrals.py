"""Referrals to network partners (issue 14): consent per partner, the partner's inbox (only
their own organisation's referrals), accept/decline/outcome, withdrawal of the consent."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from wagtail.models import ModelLogEntry

from lotse.desk import services
from lotse.desk.models import (
    ConsentMethod,
    Inquiry,
    InquiryNote,
    Referral,
    ReferralConsent,
    ReferralOutcome,
    ReferralStatus,
    Status,
    Topic,
)
from tests.core.factories import client_for, partner_user
from tests.network.factories import ActorFactory

from .factories import InquiryFactory, ReferralFactory, refer

pytestmark = pytest.mark.django_db


def general(**overrides) -> Inquiry:
    overrides.setdefault("token", f"tok-{InquiryFactory._meta.model.objects.count()}-x")
    return InquiryFactory(topic=Topic.GENERAL, sector="", question_kind="", **overrides)


@pytest.fixture
def lotse(db):
    from .conftest import make_user

    return make_user("Lotsendienst", "lena")


def test_phone_consent_passes_the_data_and_notifies_the_partner(
    lotse, django_capture_on_commit_callbacks
):
    inquiry = general()
    actor = ActorFactory(name="IQ Netzwerk Sachsen")
    member = partner_user(actor, "iq-member", email="team@iq.example")
    with django_capture_on_commit_callbacks(execute=True):
        (referral,) = refer(inquiry, actor, user=lotse, purpose="Anerkennungsberatung")
    assert referral.status == ReferralStatus.OFFERED
    assert referral.consent_method == ConsentMethod.PHONE
    assert referral.consent_text.version == 1
    assert referral.contact_email == inquiry.contact_email
    assert referral.data_passed == "Name, E-Mail-Adresse, Frage"
    inquiry.refresh_from_db()
    assert inquiry.status == Status.REFERRED
    assert inquiry.first_response_at is not None
    assert [m.to for m in mail.outbox] == [[member.email]]
    assert inquiry.contact_email not in mail.outbox[0].body
    assert ModelLogEntry.objects.filter(object_id=str(inquiry.pk), action="lotse.status").exists()


def test_mail_link_consent_shows_on_get_and_confirms_on_post(
    lotse, client, django_capture_on_commit_callbacks
):
    inquiry = general()
    actor = ActorFactory()
    with django_capture_on_commit_callbacks(execute=True):
        (referral,) = refer(inquiry, actor, user=lotse, consent=ReferralConsent.MAIL_LINK)
    assert referral.status == ReferralStatus.AWAITING_CONSENT
    assert not referral.has_personal_data
    url = f"/lotsendienst/einwilligung/{referral.consent_token}/"
    assert url in mail.outbox[-1].body
    assert f"/lotsendienst/widerruf/{inquiry.token}/" in mail.outbox[-1].body
    page = client.get(url)
    assert page.status_code == 200
    assert actor.name in page.content.decode()
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.AWAITING_CONSENT  # GET changes nothing
    assert client.post(url).status_code == 200
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.OFFERED
    assert referral.consent_method == ConsentMethod.MAIL_LINK
    assert referral.contact_email == inquiry.contact_email
    # A replayed link: a German message, nothing changes.
    given = referral.consent_given_at
    response = client.post(url)
    assert response.status_code == 409
    assert "bereits" in response.content.decode()
    referral.refresh_from_db()
    assert referral.consent_given_at == given
    assert client.post("/lotsendienst/einwilligung/erfunden/").status_code == 404


def test_without_consent_only_the_public_contact_goes_to_the_asker(
    lotse, django_capture_on_commit_callbacks
):
    inquiry = general()
    actor = ActorFactory(name="Handwerkskammer", phone="0351 4640", email="info@hwk.example")
    partner_user(actor, "hwk", email="intern@hwk.example")
    with django_capture_on_commit_callbacks(execute=True):
        (referral,) = refer(
            inquiry, actor, user=lotse, consent=ReferralConsent.NONE, purpose="Ausbildung"
        )
    assert referral.status == ReferralStatus.CONTACT_ONLY
    assert not referral.has_personal_data
    assert [m.to for m in mail.outbox] == [[inquiry.contact_email]]
    assert "0351 4640" in mail.outbox[0].body
    assert "info@hwk.example" in mail.outbox[0].body


def test_referral_to_several_partners_and_not_twice(lotse):
    inquiry = general()
    first, second = ActorFactory(), ActorFactory()
    refer(inquiry, first, second, user=lotse)
    assert Referral.objects.filter(inquiry=inquiry).count() == 2
    with pytest.raises(ValidationError):
        refer(inquiry, first, user=lotse)


def test_partner_accepts_and_the_asker_is_told_who_calls(django_capture_on_commit_callbacks):
    referral = ReferralFactory(inquiry=general(status=Status.REFERRED))
    member = partner_user(referral.actor, "member")
    with django_capture_on_commit_callbacks(execute=True):
        services.referral_accept(referral=referral, user=member)
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.ACCEPTED
    assert mail.outbox[-1].to == [referral.inquiry.contact_email]
    assert referral.actor.name in mail.outbox[-1].body
    services.referral_outcome_set(referral=referral, outcome=ReferralOutcome.ADVICE, user=member)
    referral.refresh_from_db()
    assert (referral.status, referral.outcome) == (ReferralStatus.COMPLETED, "beratung")
    assert referral.inquiry.fact.outcome == "beratung"


def test_partner_declines_with_reason_and_the_inquiry_returns_to_the_desk():
    referral = ReferralFactory(inquiry=general(status=Status.REFERRED))
    member = partner_user(referral.actor, "member")
    with pytest.raises(ValidationError):
        services.referral_decline(referral=referral, reason=" ", user=member)
    services.referral_decline(referral=referral, reason="Nicht zuständig", user=member)
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.DECLINED
    assert not referral.has_personal_data
    referral.inquiry.refresh_from_db()
    assert referral.inquiry.status == Status.IN_PROGRESS


def test_other_organisations_members_may_not_act():
    referral = ReferralFactory()
    stranger = partner_user(ActorFactory(), "stranger")
    for call in (
        lambda: services.referral_accept(referral=referral, user=stranger),
        lambda: services.referral_decline(referral=referral, reason="x", user=stranger),
        lambda: services.referral_outcome_set(referral=referral, outcome="beratung", user=stranger),
    ):
        with pytest.raises(PermissionDenied):
            call()
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.OFFERED


PARTNER_URLS = (
    ("get", "/admin/anfragen/verweisungen/{pk}/"),
    ("post", "/admin/anfragen/verweisungen/{pk}/annehmen/"),
    ("post", "/admin/anfragen/verweisungen/{pk}/ablehnen/"),
    ("post", "/admin/anfragen/verweisungen/{pk}/ergebnis/"),
    ("get", "/admin/anfragen/{inquiry}/"),
    ("post", "/admin/anfragen/{inquiry}/status/"),
    ("post", "/admin/anfragen/{inquiry}/notiz/"),
    ("post", "/admin/anfragen/{inquiry}/verweisen/"),
    ("post", "/admin/anfragen/{inquiry}/zuweisen/"),
    ("post", "/admin/anfragen/{inquiry}/loeschen/"),
)


def test_partner_sees_only_referrals_to_its_own_organisation(client):
    own = ReferralFactory(inquiry=general(message="Unsere eigene Frage", status=Status.REFERRED))
    other = ReferralFactory(inquiry=general(message="Geheime fremde Frage", status=Status.REFERRED))
    waiting = ReferralFactory(
        actor=own.actor,
        inquiry=general(message="Noch ohne Einwilligung"),
        status=ReferralStatus.AWAITING_CONSENT,
        consent_given_at=None,
        contact_name="",
        contact_email="",
        contact_phone="",
        message="",
    )
    member = partner_user(own.actor, "member")
    partner = client_for(member)
    listing = partner.get("/admin/anfragen/verweisungen/").content.decode()
    assert own.inquiry.reference in listing
    assert other.inquiry.reference not in listing
    assert waiting.inquiry.reference not in listing
    detail = partner.get(f"/admin/anfragen/verweisungen/{own.pk}/").content.decode()
    assert "Unsere eigene Frage" in detail
    for method, pattern in PARTNER_URLS:
        for target in (other, waiting):
            url = pattern.format(pk=target.pk, inquiry=target.inquiry_id)
            response = getattr(partner, method)(
                url, {"reason": "x", "outcome": "beratung", "text": "x", "status": "abgeschlossen"}
            )
            assert response.status_code in (403, 404), (method, url, response.status_code)
            assert "Geheime fremde Frage" not in response.content.decode()
    other.refresh_from_db()
    waiting.refresh_from_db()
    assert (other.status, waiting.status) == (
        ReferralStatus.OFFERED,
        ReferralStatus.AWAITING_CONSENT,
    )
    assert not InquiryNote.objects.exists()
    # Partners have no desk inbox at all.
    assert partner.get("/admin/anfragen/").status_code == 403


def test_withdrawal_removes_the_data_from_the_partners_view_at_once(client):
    referral = ReferralFactory(inquiry=general(message="Private Frage", status=Status.REFERRED))
    inquiry = referral.inquiry
    member = partner_user(referral.actor, "member")
    partner = client_for(member)
    url = f"/admin/anfragen/verweisungen/{referral.pk}/"
    assert "Private Frage" in partner.get(url).content.decode()
    withdraw = f"/lotsendienst/widerruf/{inquiry.token}/"
    page = client.get(withdraw)
    assert page.status_code == 200
    assert "Private Frage" not in page.content.decode()
    assert "Private Frage" in partner.get(url).content.decode()  # GET changed nothing
    assert client.post(withdraw).status_code == 200
    html = partner.get(url).content.decode()
    assert "Private Frage" not in html
    assert inquiry.contact_email not in html
    assert 'id="no-personal-data"' in html
    inquiry.refresh_from_db()
    assert inquiry.consent_withdrawn
    assert inquiry.personal_data_deleted
    assert inquiry.status == Status.CLOSED
    assert inquiry.fact is not None  # the anonymised row stays
    # Repeating it changes nothing; an unknown token gets a German message.
    assert client.post(withdraw).status_code == 200
    response = client.get("/lotsendienst/widerruf/erfunden/")
    assert response.status_code == 404
    assert "nicht (mehr) gültig" in response.content.decode()
