"""The Lotsendienst in a real browser (issue 14): the general form, the same form from an offer
page, and the partner's inbox — axe (WCAG 2.1 A/AA, zero violations), keyboard only, no
JavaScript, 390 px phone layout."""

import pytest
from playwright.sync_api import expect

from lotse.desk.models import Inquiry, Referral, ReferralStatus
from tests.core.factories import TEST_PASSWORD, partner_user

from .conftest import assert_no_violations, assert_reflows_at_320px

URL = "/lotsendienst/"


def fill_valid(page):
    page.get_by_label("Betrieb oder Unternehmen").check()
    page.get_by_label("Ihre Frage").fill("Wer hilft uns bei der Anerkennung einer Pflegekraft?")
    page.get_by_label("E-Mail-Adresse").fill("erika@example.org")
    page.get_by_label("per E-Mail").check()
    page.locator("#id_consent").check()


def test_general_form_errors_and_confirmation_on_a_phone(page, axe, artifacts):
    page.set_viewport_size({"width": 390, "height": 844})
    response = page.goto(URL)
    assert response is not None and response.status == 200
    assert_no_violations(page, axe)
    page.locator("main button[type=submit]").click()
    expect(page.locator("#error-summary")).to_be_visible()
    assert_no_violations(page, axe)
    assert_reflows_at_320px(page, artifacts, URL, "lotsendienst-form-errors")
    page.set_viewport_size({"width": 390, "height": 844})
    fill_valid(page)
    page.locator("main button[type=submit]").click()
    expect(page.locator("#reference")).to_have_text(Inquiry.objects.get().reference)
    assert_no_violations(page, axe)


@pytest.mark.without_javascript
def test_general_form_by_keyboard_without_javascript(page):
    page.goto(URL)
    page.get_by_label("Betrieb oder Unternehmen").press("Space")
    page.get_by_label("Ihre Frage").press_sequentially("Gibt es Förderung für Teilqualifizierung?")
    page.locator("#id_phone").press_sequentially("0351 123456")
    page.get_by_label("per Telefon").press("Space")
    page.locator("#id_consent").press("Space")
    page.locator("main button[type=submit]").press("Enter")
    expect(page.locator("#reference")).to_be_visible()
    assert Inquiry.objects.get().contact_phone == "0351 123456"


def test_form_from_an_offer_page(page, axe):
    from tests.offers.factories import OfferFactory

    offer = OfferFactory(title="Anerkennungsberatung (E2E)")
    page.goto(f"/angebote/{offer.slug}/")
    page.get_by_role("link", name="Anfrage an den Anbieter").click()
    expect(page.locator("#actor-intro")).to_contain_text(offer.actor.name)
    assert_no_violations(page, axe)
    fill_valid(page)
    page.locator("#id_referral_consent").check()
    page.locator("main button[type=submit]").click()
    expect(page.locator("#reference")).to_be_visible()
    referral = Referral.objects.get()
    assert (referral.actor, referral.status) == (offer.actor, ReferralStatus.OFFERED)
    assert_no_violations(page, axe)


def test_partner_inbox(page, axe):
    from tests.desk.factories import ReferralFactory

    referral = ReferralFactory()
    other = ReferralFactory()
    user = partner_user(referral.actor, "inbox-partner")
    # The admin's success message fades in; with reduced motion axe measures its final colours.
    page.emulate_media(reduced_motion="reduce")
    page.goto("/admin/login/")
    page.locator("#id_username").fill(user.username)
    page.locator("#id_password").fill(TEST_PASSWORD)
    page.locator("form[method=post] button[type=submit]").click()
    page.wait_for_url("**/admin/")
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/admin/anfragen/verweisungen/")
    expect(page.locator("#partner-referrals")).to_contain_text(referral.inquiry.reference)
    expect(page.locator("#partner-referrals")).not_to_contain_text(other.inquiry.reference)
    assert_no_violations(page, axe)
    page.get_by_role("link", name=referral.inquiry.reference).click()
    expect(page.locator("#referral-contact")).to_be_visible()
    assert_no_violations(page, axe)
    page.locator("#accept-form button").click()
    expect(page.locator("#referral-status")).to_have_text("Angenommen")
    assert_no_violations(page, axe)
