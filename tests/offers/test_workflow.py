"""The review workflow in the back office: partner drafts and submits, the Redaktion decides."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from wagtail.models import ModelLogEntry, TaskState, WorkflowState

from lotse.core.models import TopicField
from lotse.offers.models import Offer

from .review_helpers import assert_denied, make_actor, make_editor, make_offer, make_partner

pytestmark = pytest.mark.django_db

URL = "wagtailsnippets_offers_offer:"


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def form_data(offer: Offer, **changes) -> dict:
    """The edit form as the browser would post it (unchanged fields included)."""
    data = {
        "title": offer.title,
        "slug": offer.slug,
        "actor": offer.actor_id,
        "summary": offer.summary,
        "description": offer.description,
        "link": offer.link,
        "kind": offer.kind,
        "topic_fields": [t.pk for t in offer.topic_fields.all()],
        "target_groups": [t.pk for t in offer.target_groups.all()],
        "districts": [d.pk for d in offer.districts.all()],
        "languages": [lang.pk for lang in offer.languages.all()],
        "cost": offer.cost,
        "cost_note": offer.cost_note,
        "eligibility": offer.eligibility,
        "contact": offer.contact_id or "",
        "valid_from": "",
        "valid_until": "",
    }
    for name in ("statewide", "online", "for_micro", "for_small", "for_medium", "for_large"):
        if getattr(offer, name):
            data[name] = "on"
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


@pytest.fixture
def setting():
    actor = make_actor("IQ Netzwerk Sachsen", email="info@iq-sachsen.example")
    partner = make_partner("paula", actor)
    editor = make_editor()
    offer = make_offer(actor, "Anerkennungsberatung")
    return actor, partner, editor, offer


def submit_change(partner, offer, **changes):
    response = client_for(partner).post(
        reverse(URL + "edit", args=[offer.pk]),
        {**form_data(offer, **changes), "action-submit": "1"},
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    offer.refresh_from_db()
    return offer


def current_task_state(offer) -> TaskState:
    return WorkflowState.objects.for_instance(offer).get(status="in_progress").current_task_state


def test_offers_use_the_redaktion_workflow():
    workflow = Offer.get_default_workflow()
    assert workflow is not None
    assert [task.name for task in workflow.tasks] == ["Prüfung durch die Redaktion"]
    task = workflow.tasks[0].specific
    assert list(task.groups.values_list("name", flat=True)) == ["Redaktion"]


def test_partner_submits_a_change_that_stays_private_until_approved(setting):
    actor, partner, editor, offer = setting
    offer = submit_change(partner, offer, title="Anerkennungsberatung für Pflegekräfte")

    assert offer.title == "Anerkennungsberatung"  # the row is the published version
    assert offer.workflow_in_progress
    assert offer.get_latest_revision_as_object().title == "Anerkennungsberatung für Pflegekräfte"
    assert Offer.objects.public().filter(title__contains="Pflegekräfte").count() == 0
    assert ModelLogEntry.objects.filter(action="wagtail.workflow.start", user=partner).exists()


def test_redaktion_approves_and_the_change_is_public(setting):
    actor, partner, editor, offer = setting
    offer = submit_change(partner, offer, title="Anerkennungsberatung für Pflegekräfte")
    task_state = current_task_state(offer)

    response = client_for(editor).post(
        reverse(URL + "workflow_action", args=[offer.pk, "approve", task_state.pk]), {}
    )
    assert response.status_code == 302

    offer.refresh_from_db()
    assert offer.title == "Anerkennungsberatung für Pflegekräfte"
    assert not offer.workflow_in_progress
    assert Offer.objects.public().filter(pk=offer.pk).exists()
    assert "pflegekraft" in offer.search_document or "pflegekräft" in offer.search_document
    assert ModelLogEntry.objects.filter(action="wagtail.workflow.approve", user=editor).exists()
    assert ModelLogEntry.objects.filter(action="wagtail.publish", object_id=str(offer.pk)).exists()


def test_redaktion_requests_changes_with_a_comment(setting):
    actor, partner, editor, offer = setting
    offer = submit_change(partner, offer, summary="Neu, aber unklar")
    task_state = current_task_state(offer)

    response = client_for(editor).post(
        reverse(URL + "workflow_action", args=[offer.pk, "reject", task_state.pk]),
        {"comment": "Bitte die Zielgruppe genauer beschreiben."},
    )
    assert response.status_code == 302

    offer.refresh_from_db()
    state = WorkflowState.objects.for_instance(offer).get()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert state.current_task_state.comment == "Bitte die Zielgruppe genauer beschreiben."
    assert offer.summary == "Anerkennungsberatung – kurz"  # live version untouched
    assert offer.live
    # the partner sees the comment in the editor and can resubmit
    page = client_for(partner).get(reverse(URL + "edit", args=[offer.pk])).content.decode()
    assert "Bitte die Zielgruppe genauer beschreiben." in page
    submit_change(partner, offer, summary="Für Pflegekräfte aus Drittstaaten")
    assert current_task_state(offer).status == TaskState.STATUS_IN_PROGRESS


def test_final_rejection_cancels_unpublishes_and_tells_the_partner(
    setting, django_capture_on_commit_callbacks
):
    actor, partner, editor, offer = setting
    offer = submit_change(partner, offer, title="Werbung für Sprachschule")

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(editor).post(
            reverse(URL + "reject", args=[offer.pk]),
            {"reason": "Kein Angebot der Fachkräftesicherung, sondern Werbung."},
        )
    assert response.status_code == 302

    offer.refresh_from_db()
    assert offer.rejected_at is not None
    assert not offer.live
    assert not offer.workflow_in_progress
    assert WorkflowState.objects.for_instance(offer).get().status == "cancelled"
    assert not Offer.objects.public().filter(pk=offer.pk).exists()
    assert ModelLogEntry.objects.filter(
        action="lotse.status", object_id=str(offer.pk), data__note="Endgültig abgelehnt"
    ).exists()
    assert ModelLogEntry.objects.filter(action="wagtail.unpublish").exists()
    # the provider gets the reason by mail (one mail per address) and in the back office
    provider_mails = [m for m in mail.outbox if "sondern Werbung" in m.body]
    assert {m.to[0] for m in provider_mails} == {"info@iq-sachsen.example", "paula@example.org"}
    partner_client = client_for(partner)
    page = partner_client.get(reverse(URL + "edit", args=[offer.pk]), follow=True)
    assert "Kein Angebot der Fachkräftesicherung" in page.content.decode()
    # and can no longer change or resubmit it
    response = partner_client.post(
        reverse(URL + "edit", args=[offer.pk]),
        {**form_data(offer, title="Doch noch"), "action-submit": "1"},
    )
    assert response.status_code == 302
    assert not offer.workflow_in_progress
    assert offer.get_latest_revision_as_object().title != "Doch noch"


def test_rejection_needs_a_reason_and_the_redaktion(setting):
    actor, partner, editor, offer = setting
    url = reverse(URL + "reject", args=[offer.pk])
    assert client_for(editor).post(url, {"reason": "  "}).status_code == 400
    assert_denied(client_for(partner).post(url, {"reason": "x"}))
    offer.refresh_from_db()
    assert offer.rejected_at is None and offer.live


def test_partner_creates_a_new_offer_and_submits_it(setting):
    actor, partner, editor, offer = setting
    draft = Offer(
        title="Welcome-Center-Beratung",
        slug="welcome-center-beratung",
        summary="Erste Hilfe beim Ankommen",
        actor=actor,
        kind=Offer.Kind.ADVICE,
    )
    topic = TopicField.objects.first()
    response = client_for(partner).post(
        reverse(URL + "add"),
        {**form_data(draft, topic_fields=[topic.pk], online="on"), "action-submit": "1"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    created = Offer.objects.get(slug="welcome-center-beratung")
    assert not created.live
    assert created.workflow_in_progress
    assert created.confirmed_at is None

    task_state = current_task_state(created)
    client_for(editor).post(
        reverse(URL + "workflow_action", args=[created.pk, "approve", task_state.pk]), {}
    )
    created.refresh_from_db()
    assert created.live
    assert created.confirmed_at is not None  # first publication counts as confirmation
    assert Offer.objects.public().filter(pk=created.pk).exists()


def test_partner_cannot_publish_directly(setting):
    actor, partner, editor, offer = setting
    response = client_for(partner).post(
        reverse(URL + "edit", args=[offer.pk]),
        {**form_data(offer, title="Selbst veröffentlicht"), "action-publish": "1"},
    )
    assert response.status_code in (302, 403)
    offer.refresh_from_db()
    assert offer.title == "Anerkennungsberatung"
    page = client_for(partner).get(reverse(URL + "edit", args=[offer.pk])).content.decode()
    assert 'name="action-publish"' not in page
    assert "action-submit" in page
