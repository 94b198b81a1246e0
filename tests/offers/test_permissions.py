"""Partners see and edit only their own organisations' offers; the Redaktion sees all."""

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import WorkflowState

from lotse.offers.forms import OfferAdminForm
from lotse.offers.models import Offer
from lotse.offers.permissions import OfferPermissionPolicy, offers_visible_to

from .review_helpers import assert_denied, make_actor, make_editor, make_offer, make_partner
from .test_workflow import form_data

pytestmark = pytest.mark.django_db

URL = "wagtailsnippets_offers_offer:"


@pytest.fixture
def world():
    own_actor = make_actor("Handwerkskammer Dresden")
    other_actor = make_actor("IHK Chemnitz")
    partner = make_partner("paula", own_actor)
    editor = make_editor()
    own = make_offer(own_actor, "Teilqualifizierung im Handwerk")
    other = make_offer(other_actor, "Verbundausbildung Chemnitz")
    other_draft = make_offer(other_actor, "Geheimer Entwurf der IHK", publish=False)
    return {
        "partner": partner,
        "editor": editor,
        "own": own,
        "other": other,
        "other_draft": other_draft,
        "own_actor": own_actor,
        "other_actor": other_actor,
    }


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_list_shows_partners_only_their_own_offers(world):
    page = client_for(world["partner"]).get(reverse(URL + "list")).content.decode()
    assert "Teilqualifizierung im Handwerk" in page
    assert "Verbundausbildung Chemnitz" not in page
    assert "Geheimer Entwurf" not in page


def test_list_shows_the_redaktion_everything(world):
    page = client_for(world["editor"]).get(reverse(URL + "list")).content.decode()
    for title in (
        "Teilqualifizierung im Handwerk",
        "Verbundausbildung Chemnitz",
        "Geheimer Entwurf",
    ):
        assert title in page


def test_export_contains_only_own_offers(world):
    response = client_for(world["partner"]).get(reverse(URL + "list") + "?export=csv")
    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode() if response.streaming else ""
    body = body or response.content.decode()
    assert "Teilqualifizierung im Handwerk" in body
    assert "Verbundausbildung" not in body
    assert "Geheimer Entwurf" not in body


@pytest.mark.parametrize(
    "name",
    [
        "edit",
        "history",
        "history_results",
        "usage",
        "copy",
        "preview_on_edit",
        "workflow_history",
        "confirm_workflow_cancellation",
        "unpublish",
        "delete",
        "lock",
        "confirm",
        "reject",
        "revisions_view",
    ],
)
def test_object_routes_of_other_actors_are_refused(world, name):
    target = world["other_draft"]
    args = [target.pk]
    if name == "revisions_view":
        args.append(target.latest_revision_id)
    url = reverse(URL + name, args=args)
    assert_denied(client_for(world["partner"]).get(url))
    assert_denied(client_for(world["partner"]).post(url))


@pytest.mark.parametrize("name", ["edit", "history", "usage", "preview_on_edit", "confirm"])
def test_object_routes_of_own_offers_are_open(world, name):
    response = client_for(world["partner"]).get(reverse(URL + name, args=[world["own"].pk]))
    assert response.status_code == 200


def test_partner_cannot_edit_or_submit_another_actors_offer(world):
    other = world["other"]
    client = client_for(world["partner"])
    for action in ("action-save", "action-submit"):
        response = client.post(
            reverse(URL + "edit", args=[other.pk]),
            {**form_data(other, title="Übernommen"), action: "1"},
        )
        assert_denied(response)
    other.refresh_from_db()
    assert other.title == "Verbundausbildung Chemnitz"
    assert other.latest_revision.as_object().title == "Verbundausbildung Chemnitz"
    assert not WorkflowState.objects.for_instance(other).exists()


def test_partner_cannot_confirm_another_actors_offer(world):
    url = reverse(URL + "confirm", args=[world["other"].pk])
    assert_denied(client_for(world["partner"]).post(url))


def test_actor_choice_is_limited_to_own_actors(world):
    form_class = type(
        "Form",
        (OfferAdminForm,),
        {"Meta": type("Meta", (), {"model": Offer, "fields": ["actor", "contact", "title"]})},
    )
    partner_form = form_class(for_user=world["partner"])
    assert list(partner_form.fields["actor"].queryset) == [world["own_actor"]]
    editor_form = form_class(for_user=world["editor"])
    assert set(editor_form.fields["actor"].queryset) == {world["own_actor"], world["other_actor"]}


def test_partner_cannot_create_an_offer_for_another_actor(world):
    draft = Offer(
        title="Fremdes Angebot",
        slug="fremdes-angebot",
        summary="x",
        actor=world["other_actor"],
        kind=Offer.Kind.COURSE,
    )
    response = client_for(world["partner"]).post(
        reverse(URL + "add"), {**form_data(draft), "action-submit": "1"}
    )
    assert response.status_code == 200  # form redisplayed with an error
    assert not Offer.objects.filter(slug="fremdes-angebot").exists()


def test_chooser_lists_only_own_offers(world):
    response = client_for(world["partner"]).get(
        reverse("wagtailsnippetchoosers_offers_offer:choose")
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "Teilqualifizierung im Handwerk" in body
    assert "Verbundausbildung" not in body
    assert "Geheimer Entwurf" not in body


def test_policy_never_gives_partners_publish_or_delete(world):
    policy = OfferPermissionPolicy(Offer)
    partner, editor = world["partner"], world["editor"]
    for action in ("publish", "delete", "unlock"):
        assert not policy.user_has_permission(partner, action)
        assert not policy.user_has_permission_for_instance(partner, action, world["own"])
    assert policy.user_has_permission_for_instance(partner, "change", world["own"])
    assert not policy.user_has_permission_for_instance(partner, "change", world["other"])
    assert policy.user_has_permission(editor, "publish")
    assert set(policy.instances_user_has_permission_for(partner, "change")) == {world["own"]}
    assert set(offers_visible_to(editor)) == {world["own"], world["other"], world["other_draft"]}


def test_partner_group_has_no_publish_permission(world):
    assert not world["partner"].has_perm("offers.publish_offer")
    assert world["editor"].has_perm("offers.publish_offer")


def test_public_api_and_export_never_show_drafts_or_other_actors_private_data(world):
    """The open API and the catalogue export serve public offers only, to everyone."""
    client = client_for(world["partner"])
    routes = [
        (name, reverse(name, args=args))
        for name, args in (
            ("api-v1:offer_list", []),
            ("api-v1:offer_detail", [world["other_draft"].slug]),
            ("offers:export_csv", []),
        )
    ]
    for name, url in routes:
        response = client.get(url)
        body = (
            b"".join(response.streaming_content) if response.streaming else response.content
        ).decode()
        assert "Geheimer Entwurf" not in body, name
        if name != "api-v1:offer_detail":
            assert response.status_code == 200, name
            assert "Verbundausbildung Chemnitz" in body, name  # public offers of others: yes
        else:
            assert response.status_code == 404


def test_list_query_count_does_not_grow_with_offers(world, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for(world["editor"])
    url = reverse(URL + "list")
    client.get(url)  # warm caches (permissions, site)
    with CaptureQueriesContext(connection) as context:
        client.get(url)
    few = len(context)  # now: the context reads the connection's log, which the next request clears
    for number in range(12):
        make_offer(world["own_actor"], f"Zusatzangebot {number}")
    client.get(url)  # the sidebar of the new content version, built once (decision 0013)
    with django_assert_max_num_queries(few + 2):
        response = client.get(url)
    assert "Zusatzangebot 11" in response.content.decode()
