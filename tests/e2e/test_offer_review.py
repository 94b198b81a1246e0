"""Review in the browser: a partner submits a change, the Redaktion approves, it is public."""

from playwright.sync_api import expect

from lotse.network.models import Membership
from lotse.offers.models import Offer
from tests.core.factories import TEST_PASSWORD
from tests.offers.review_helpers import make_actor, make_offer

NEW_TITLE = "Anerkennungsberatung für Pflegekräfte aus Drittstaaten"


def _log_in(page, username: str) -> None:
    page.goto("/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(TEST_PASSWORD)
    page.locator("form[method=post] button[type=submit]").click()
    page.wait_for_url("**/admin/")


def _open_action_menu(page) -> None:
    page.locator("footer [data-w-dropdown-target='toggle']").first.click()


def test_partner_submits_and_redaktion_approves(browser, base_url, django_user_model):
    actor = make_actor("IQ Netzwerk Sachsen (E2E)")
    Membership.objects.create(user=django_user_model.objects.get(username="partner"), actor=actor)
    offer = make_offer(actor, "Anerkennungsberatung (E2E)")
    edit_url = f"/admin/snippets/offers/offer/edit/{offer.pk}/"

    # The partner edits the offer and submits it to the review.
    partner_context = browser.new_context(base_url=base_url, locale="de-DE")
    partner_context.set_default_timeout(10_000)
    page = partner_context.new_page()
    _log_in(page, "partner")
    page.goto("/admin/snippets/offers/offer/")
    expect(page.get_by_role("link", name="Anerkennungsberatung (E2E)")).to_be_visible()
    page.goto(edit_url)
    expect(page.locator("button[name='action-publish']")).to_have_count(0)
    page.locator("#id_title").fill(NEW_TITLE)
    _open_action_menu(page)
    page.locator("button[name='action-submit']").click()
    expect(page.locator(".messages .success")).to_be_visible()
    partner_context.close()

    offer.refresh_from_db()
    assert offer.workflow_in_progress
    assert offer.title == "Anerkennungsberatung (E2E)"  # not public before the review

    # The Redaktion approves the change; approval publishes it.
    editor_context = browser.new_context(base_url=base_url, locale="de-DE")
    editor_context.set_default_timeout(10_000)
    page = editor_context.new_page()
    _log_in(page, "redaktion")
    page.goto(edit_url)
    expect(page.locator("#id_title")).to_have_value(NEW_TITLE)
    _open_action_menu(page)
    page.locator(
        "button[data-workflow-action-name='approve']:not([data-workflow-action-modal-url])"
    ).click()
    expect(page.locator(".messages .success")).to_be_visible()

    offer.refresh_from_db()
    assert offer.title == NEW_TITLE
    assert not offer.workflow_in_progress
    assert Offer.objects.public().filter(pk=offer.pk).exists()

    response = page.goto(f"/angebote/{offer.slug}/")
    if response is not None and response.status == 200:
        expect(page.get_by_role("heading", level=1)).to_contain_text(NEW_TITLE)
    editor_context.close()
