"""Hypothesis fuzz of the public Lotsendienst form and the mail-link pages: missing contact,
1 MB text, unknown district or topic field, forged actor ids, replayed consent links — always a
German message and nothing stored, never a 500."""

from urllib.parse import quote, urlencode

import pytest
from django.core.cache import cache
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lotse.core.models import OutgoingMail
from lotse.desk.models import Inquiry, Referral, ReferralStatus

from .factories import ReferralFactory

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
URL = "/lotsendienst/"
text = st.text(max_size=200)
VALID = {
    "requester_type": "betrieb",
    "question": "Frage",
    "email": "a@example.org",
    "contact_preference": "email",
    "consent": "on",
    "consent_version": "1",
}
BROKEN = st.fixed_dictionaries(
    {},
    optional={
        "requester_type": st.one_of(text, st.sampled_from(["betrieb", "ausland", "x"])),
        "topic_field": st.one_of(text, st.just("erfunden")),
        "district": st.one_of(text, st.sampled_from(["14612", "99999", "14", "-1"])),
        "question": st.one_of(text, st.just("x" * 1_000_000), st.just("")),
        "email": st.one_of(text, st.just("kein-at")),
        "phone": st.one_of(text, st.just("abc")),
        "contact_preference": st.one_of(text, st.sampled_from(["email", "telefon"])),
        "consent": st.sampled_from(["", "on"]),
        "consent_version": st.one_of(text, st.sampled_from(["0", "99", "-3", "1" * 30])),
        "preferred_language": text,
        "name": st.one_of(text, st.just("a\x00b")),
    },
)


def assert_unchanged(response, before: int) -> None:
    assert response.status_code in (400, 404)
    assert Inquiry.objects.count() == before
    assert not OutgoingMail.objects.exists()
    assert "Bitte prüfen Sie Ihre Angaben" in response.content.decode()


@FUZZ
@given(data=BROKEN)
def test_broken_posts_store_nothing(client, data):
    cache.clear()  # the rate limit counts every POST
    before = Inquiry.objects.count()
    # Without a contact, or with a question of 1 MB, or with no valid consent version: refused.
    payload = {**VALID, **data, "email": "", "phone": ""}
    assert_unchanged(client.post(URL, payload), before)
    payload = {**VALID, **data, "question": "x" * 1_000_000}
    assert_unchanged(client.post(URL, payload), before)


@FUZZ
@given(actor=st.one_of(text, st.integers(min_value=-(10**20), max_value=10**20).map(str)))
def test_forged_actor_ids_store_nothing(client, actor):
    cache.clear()
    before = Inquiry.objects.count()
    response = client.post(URL + "?" + urlencode({"akteur": actor}), VALID)
    # Only an empty parameter means "no organisation" (a plain question to the desk).
    if actor:
        assert response.status_code == 400
        assert "gibt es im Verzeichnis nicht" in response.content.decode()
        assert Inquiry.objects.count() == before
    else:
        assert response.status_code == 302


@FUZZ
@given(token=st.text(min_size=1, max_size=80).filter(lambda t: "/" not in t))
def test_replayed_or_invented_consent_links_change_nothing(client, token):
    token = quote(token, safe="")
    for path in (f"{URL}einwilligung/{token}/", f"{URL}widerruf/{token}/"):
        response = client.post(path)
        assert response.status_code == 404
        assert "nicht (mehr) gültig" in response.content.decode()
    assert not Referral.objects.filter(status=ReferralStatus.OFFERED).exists()


def test_a_replayed_consent_link_is_refused(client):
    referral = ReferralFactory(
        status=ReferralStatus.AWAITING_CONSENT,
        consent_token="einmal",
        consent_given_at=None,
        contact_name="",
        contact_email="",
        contact_phone="",
        message="",
    )
    assert client.post(f"{URL}einwilligung/einmal/").status_code == 200
    referral.refresh_from_db()
    given_at = referral.consent_given_at
    for _attempt in range(3):
        response = client.post(f"{URL}einwilligung/einmal/")
        assert response.status_code == 409
        assert "bereits erteilt" in response.content.decode()
    referral.refresh_from_db()
    assert referral.consent_given_at == given_at


@pytest.mark.parametrize("token", ["\x00", "a\x00b", "x" * 65, "ä" * 10, "a b"])
def test_a_malformed_token_is_no_token_and_never_reaches_the_database(
    client, token, django_assert_num_queries
):
    """Found by the fuzz test on PostgreSQL: a NUL byte in a consent link was a 500."""
    from lotse.desk import selectors

    with django_assert_num_queries(0):
        assert selectors.referral_by_consent_token(token=token) is None
        assert selectors.inquiry_by_token(token=token) is None
    for prefix in ("/lotsendienst/einwilligung/", "/lotsendienst/widerruf/"):
        assert client.get(prefix + quote(token, safe="") + "/").status_code == 404
        assert client.post(prefix + quote(token, safe="") + "/").status_code in (403, 404)


@pytest.mark.parametrize("actor", ["²", "١٢", "#", " ", "\x00"])
def test_unicode_digits_and_signs_are_no_actor_id(client, actor):
    """'²'.isdigit() is true, int('²') raises: an actor parameter must be ASCII digits."""
    cache.clear()
    response = client.post(URL + "?" + urlencode({"akteur": actor}), VALID)
    assert response.status_code == 400
    assert not Inquiry.objects.exists()
