"""Every Wagtail chooser applies the permission policy of its model, for every role.

The choosers (`/admin/snippets/choose/…`, documents, images) are separate routes from the
listings; they must not list, search, return ("chosen") or create anything the role may not see
in the model's own screens. Each model gets objects with an ASCII token in their name; the walk
opens every chooser URL of the URLconf as every role and looks for the tokens in the answer.
"""

import datetime
import re

import pytest
from django.contrib.admindocs.views import extract_views_from_urlpatterns, simplify_regex
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import get_resolver
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from lotse.core.models import SearchSynonym
from lotse.desk.models import AnswerTemplate, Topic
from lotse.events.models import EventStatus
from lotse.guidance.models import CheckVersion
from lotse.migration.models import Parameter, RouteNote
from lotse.network.models import Actor, Cooperation, Membership
from lotse.tariffs.models import AgreementParty, SectorSynonym
from tests.events.factories import make_actor, make_event
from tests.offers.conftest import create_offer
from tests.tariffs.factories import register_agreement

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("portal_module")]

ROLES = ("admin", "redaktion", "tarifregister", "veranstaltung", "lotsendienst", "partner")
STAFF_SEEING_ACTORS = {"admin", "redaktion", "veranstaltung", "lotsendienst"}
DOCUMENT_ROLES = {"admin", "redaktion", "tarifregister", "veranstaltung"}

EDITORS = {"admin", "redaktion"}
REGISTER_TEAM = {"admin", "tarifregister"}
EVENTS_TEAM = {"admin", "veranstaltung"}
DESK_TEAM = {"admin", "lotsendienst"}
SNIPPET = "/admin/snippets/choose/"

# The objects of each chooser: (URL prefix, attribute of `world`, token, roles that may see it).
SENTINEL_ROWS: list[tuple[str, str, str, set[str]]] = [
    (f"{SNIPPET}network/actor/", "hidden_actor", "XQACTORHIDDEN", STAFF_SEEING_ACTORS),
    (f"{SNIPPET}network/actor/", "own_actor", "XQACTOROWN", STAFF_SEEING_ACTORS | {"partner"}),
    (f"{SNIPPET}network/cooperation/", "cooperation", "XQACTORHIDDEN", EDITORS),
    (f"{SNIPPET}network/membership/", "membership", "xqmemberuser", EDITORS),
    (f"{SNIPPET}offers/offer/", "other_offer", "XQOFFERDRAFT", EDITORS),
    (f"{SNIPPET}events/event/", "other_event", "XQEVENTDRAFT", EVENTS_TEAM),
    (f"{SNIPPET}events/event/", "team_event", "XQEVENTTEAM", EVENTS_TEAM),
    (f"{SNIPPET}events/event/", "own_event", "XQEVENTOWN", EVENTS_TEAM | {"partner"}),
    (f"{SNIPPET}desk/answertemplate/", "template", "XQTEMPLATE", REGISTER_TEAM),
    (f"{SNIPPET}desk/answertemplate/", "general_template", "XQGENERALTEMPLATE", DESK_TEAM),
    (f"{SNIPPET}tariffs/collectiveagreement/", "agreement", "XQAGREEMENT", REGISTER_TEAM),
    (f"{SNIPPET}tariffs/agreementparty/", "party", "XQPARTY", REGISTER_TEAM),
    (f"{SNIPPET}tariffs/sectorsynonym/", "synonym", "XQSYNONYM", REGISTER_TEAM),
    (f"{SNIPPET}migration/parameter/", "parameter", "XQPARAMETER", EDITORS),
    (f"{SNIPPET}migration/routenote/", "route_note", "XQROUTENOTE", EDITORS),
    (f"{SNIPPET}core/searchsynonym/", "search_synonym", "XQSEARCHSYNONYM", EDITORS),
    (f"{SNIPPET}guidance/checkversion/", "check_version", "Wegweiser v48151623", EDITORS),
    ("/admin/documents/chooser/", "document", "XQDOCUMENT", DOCUMENT_ROLES),
    ("/admin/images/chooser/", "image", "XQIMAGE", DOCUMENT_ROLES),
]
# URL prefix of a chooser -> its objects: (attribute of `world`, token, roles that may see it).
SENTINELS: dict[str, list[tuple[str, str, set[str]]]] = {
    prefix: [
        (attribute, token, roles) for at, attribute, token, roles in SENTINEL_ROWS if at == prefix
    ]
    for prefix, *_ in SENTINEL_ROWS
}

# Register entries without a token: the roles that hold the model's view permission see them,
# every other role gets an empty chooser (checked by counting the choice links).
REGISTER_CHOOSERS = {
    "/admin/snippets/choose/tariffs/generalapplicability/",
    "/admin/snippets/choose/tariffs/minimumwageordinance/",
    "/admin/snippets/choose/tariffs/statutoryminimumwage/",
    "/admin/snippets/choose/tariffs/minimumtraineepay/",
}


@pytest.fixture
def world(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    user_model = get_user_model()
    partner = user_model.objects.get(username="partner")
    own_actor = make_actor("Eigene Kammer XQACTOROWN")
    Membership.objects.create(user=partner, actor=own_actor)
    hidden_actor = make_actor("Geheimverein XQACTORHIDDEN")
    hidden_actor.is_published = False
    hidden_actor.save()
    stranger = user_model.objects.create_user("xqmemberuser", password="x")
    agreement = register_agreement(
        "XQ-1", title="Haustarif XQAGREEMENT", level="company", confidential=True
    )
    return {
        "own_actor": own_actor,
        "hidden_actor": hidden_actor,
        "membership": Membership.objects.create(user=stranger, actor=hidden_actor),
        "cooperation": Cooperation.objects.create(
            source=hidden_actor,
            target=own_actor,
            kind=Cooperation.Kind.JOINT_PROJECT,
            start_date=datetime.date(2025, 1, 1),
        ),
        "other_offer": create_offer(title="Entwurf XQOFFERDRAFT", actor=hidden_actor, live=False),
        "other_event": make_event(
            organiser=hidden_actor, title="Entwurf XQEVENTDRAFT", status=EventStatus.DRAFT
        ),
        # Co-organised by the partner's organisation, but run by the team now: still visible.
        "team_event": make_event(organiser=hidden_actor, title="Forum XQEVENTTEAM"),
        "own_event": make_event(
            organiser=own_actor, title="Treffen XQEVENTOWN", status=EventStatus.DRAFT
        ),
        "template": AnswerTemplate.objects.create(
            topic=Topic.TARIFF, title="Vorlage XQTEMPLATE", body="Text"
        ),
        "general_template": AnswerTemplate.objects.create(
            topic=Topic.GENERAL, title="Vorlage XQGENERALTEMPLATE", body="Text"
        ),
        "agreement": agreement,
        "party": AgreementParty.objects.create(
            name="Muster GmbH XQPARTY", kind=AgreementParty.Kind.EMPLOYER
        ),
        "synonym": SectorSynonym.objects.create(term="0xqwort", canonical="XQSYNONYM"),
        # The migration's 25 groups would push the token off the chooser's first page.
        "search_synonym": (
            SearchSynonym.objects.all().delete(),
            SearchSynonym.objects.create(terms="XQSEARCHSYNONYM, Sprachkurs"),
        )[1],
        "parameter": Parameter.objects.create(
            key="fee_81a",
            value=411,
            unit="eur",
            valid_from=datetime.date(2020, 3, 1),
            legal_reference="§ 81a XQPARAMETER",
            source_url="https://example.org/",
            checked_on=datetime.date(2026, 12, 6),
        ),
        "route_note": RouteNote.objects.create(route="26", language="de", text="XQROUTENOTE"),
        "document": Document.objects.create(
            title="Liste XQDOCUMENT", file=SimpleUploadedFile("liste.txt", b"geheim")
        ),
        "image": Image.objects.create(title="Bild XQIMAGE", file=get_test_image_file()),
        "check_version": CheckVersion.objects.create(number=48151623, live=False),
    }


@pytest.fixture
def world_with_co_organiser(world):
    world["team_event"].co_organisers.add(world["own_actor"])
    return world


CHOOSER_PREFIX = re.compile(
    r"^(/admin/snippets/choose/[^/]+/[^/]+/|/admin/(?:documents|images)/chooser/)"
)


def chooser_routes() -> dict[str, list[str]]:
    """{chooser prefix: [route, …]} for every chooser in the URLconf."""
    routes: dict[str, list[str]] = {}
    for _view, regex, _namespace, _name in extract_views_from_urlpatterns(
        get_resolver().url_patterns
    ):
        route = simplify_regex(regex)
        match = CHOOSER_PREFIX.match(route)
        if match:
            routes.setdefault(match.group(1), []).append(route)
    return routes


def test_every_chooser_of_the_urlconf_is_walked():
    assert set(chooser_routes()) == set(SENTINELS) | REGISTER_CHOOSERS


def client_for_role(role: str | None) -> Client:
    client = Client(raise_request_exception=False)
    if role:
        client.force_login(get_user_model().objects.get(username=role))
    return client


def urls_for(prefix: str, routes: list[str], pk) -> list[str]:
    urls = []
    for route in routes:
        url = re.sub(r"<[^>]*pk>|<int:image_id>", str(pk), route)
        urls.append(url)
        if url == prefix:
            urls.append(f"{url}?q=XQ")
        if url.endswith("chosen-multiple/"):
            urls.append(f"{url}?id={pk}")
    return urls


@pytest.mark.parametrize("role", [None, *ROLES])
def test_choosers_show_no_object_outside_the_roles_policy(world_with_co_organiser, role):
    world = world_with_co_organiser
    client = client_for_role(role)
    routes = chooser_routes()
    for prefix, sentinels in SENTINELS.items():
        for attribute, token, allowed in sentinels:
            obj = world[attribute]
            for url in urls_for(prefix, routes[prefix], obj.pk):
                for method in ("get", "post"):
                    response = getattr(client, method)(url)
                    assert response.status_code != 500, (role, method, url)
                    body = response.content.decode()
                    if role not in allowed:
                        assert token not in body, (role, method, url)
                        assert token.lower() not in body.lower(), (role, method, url)
                    if role is None:
                        assert response.status_code == 302, url
                        assert response["Location"].startswith("/admin/login/"), url
            if role in allowed:
                listing = client.get(prefix).content.decode()
                assert token in listing, (role, prefix, attribute)
                chosen = client.get(f"{prefix}chosen/{obj.pk}/")
                assert chosen.status_code == 200, (role, prefix)
                assert token in chosen.content.decode(), (role, prefix)


@pytest.mark.parametrize("role", ROLES)
def test_register_choosers_are_empty_without_the_register_permission(world, role):
    client = client_for_role(role)
    user = get_user_model().objects.get(username=role)
    for prefix in REGISTER_CHOOSERS:
        model_name = prefix.rstrip("/").rsplit("/", 1)[-1]
        body = client.get(prefix).content.decode()
        if not user.has_perm(f"tariffs.view_{model_name}"):
            assert "data-chooser-modal-choice" not in body, (role, prefix)


def test_partner_chooses_only_own_actors_for_events_and_offers(world, login):
    client = login("partner")
    body = client.get("/admin/snippets/choose/network/actor/").content.decode()
    assert "XQACTOROWN" in body
    assert "XQACTORHIDDEN" not in body
    hidden = world["hidden_actor"].pk
    response = client.get(f"/admin/snippets/choose/network/actor/chosen/{hidden}/")
    assert response.status_code == 404


def test_events_team_chooses_among_all_actors(world, login):
    body = login("veranstaltung").get("/admin/snippets/choose/network/actor/").content.decode()
    assert "XQACTOROWN" in body
    assert "XQACTORHIDDEN" in body


@pytest.mark.parametrize("pk", ["abc", "1.5", "%00", "99999999999999999999999"])
def test_malformed_chosen_ids_answer_404_not_500(world, login, pk):
    client = login("admin", raise_request_exception=False)
    for prefix in SENTINELS:
        if prefix.startswith("/admin/snippets/"):
            assert client.get(f"{prefix}chosen/{pk}/").status_code == 404, prefix
            response = client.get(f"{prefix}chosen-multiple/?id={pk}")
            assert response.status_code == 200, prefix


def test_co_organiser_choices_in_the_event_form_hide_unpublished_actors(world, login):
    published_other = make_actor("Agentur XQPUBLISHED")
    partner_form = login("partner").get(
        f"/admin/snippets/events/event/edit/{world['own_event'].pk}/"
    )
    html = partner_form.content.decode()
    assert "XQPUBLISHED" in html  # published actors may co-organise
    assert "XQACTOROWN" in html
    assert "XQACTORHIDDEN" not in html
    team_form = login("veranstaltung").get(
        f"/admin/snippets/events/event/edit/{world['own_event'].pk}/"
    )
    assert "XQACTORHIDDEN" in team_form.content.decode()
    assert Actor.objects.filter(pk=published_other.pk, is_published=True).exists()


def test_session_documents_in_the_event_form_are_those_the_user_may_choose(world, login):
    html = (
        login("partner")
        .get(f"/admin/snippets/events/event/edit/{world['own_event'].pk}/")
        .content.decode()
    )
    assert "XQDOCUMENT" not in html
    team_html = (
        login("veranstaltung")
        .get(f"/admin/snippets/events/event/edit/{world['own_event'].pk}/")
        .content.decode()
    )
    assert "XQDOCUMENT" in team_html


@pytest.mark.parametrize("role", ROLES)
def test_admin_api_lists_only_documents_and_images_the_role_may_choose(world, role):
    """The admin API behind the rich-text editor's links lists documents and images like their
    choosers (Wagtail's own endpoints list every one to every back-office user)."""
    client = client_for_role(role)
    for kind, attribute, token in (
        ("documents", "document", "XQDOCUMENT"),
        ("images", "image", "XQIMAGE"),
    ):
        for url in (f"/admin/api/main/{kind}/", f"/admin/api/main/{kind}/{world[attribute].pk}/"):
            response = client.get(url)
            assert response.status_code != 500, url
            if role in DOCUMENT_ROLES:
                assert token in response.content.decode(), (role, url)
            else:
                assert token not in response.content.decode(), (role, url)
