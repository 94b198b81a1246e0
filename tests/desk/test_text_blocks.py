"""Text blocks (answer templates) per topic: the Lotsendienst maintains the general ones, the
Tarifregister the Tarif ones, Administration both; nobody else any (issue 14).

One rule, `access.AnswerTemplatePermissionPolicy`, decides for the list, the edit screens and
the chooser; this walks every route of the snippet and its chooser for every role."""

import html
import re

import pytest
from django.core import mail
from django.test import Client

from lotse.core import roles
from lotse.desk.models import AnswerTemplate, Status, Topic

from .conftest import make_inquiry, make_user
from .factories import AnswerTemplateFactory

pytestmark = pytest.mark.django_db

BASE = "/admin/snippets/desk/answertemplate/"
CHOOSER = "/admin/snippets/choose/desk/answertemplate/"
# Routes with the id of one text block.
OBJECT_ROUTES = ("edit/{pk}/", "delete/{pk}/", "usage/{pk}/", "history/{pk}/", "copy/{pk}/")

# The topics whose text blocks each role maintains (None: anonymous).
ROLE_TOPICS = {
    None: set(),
    roles.ADMINISTRATION: {Topic.GENERAL, Topic.TARIFF},
    roles.TARIFF_REGISTER: {Topic.TARIFF},
    roles.DESK: {Topic.GENERAL},
    roles.EDITORS: set(),
    roles.EVENTS_TEAM: set(),
    roles.PARTNER: set(),
}


@pytest.fixture
def blocks(db):
    return {
        Topic.GENERAL: AnswerTemplateFactory(
            topic=Topic.GENERAL, title="Baustein Allgemein", body="Guten Tag {name}"
        ),
        Topic.TARIFF: AnswerTemplateFactory(
            topic=Topic.TARIFF, title="Baustein Tarif", body="Guten Tag {name}"
        ),
    }


def client_with(role: str | None) -> Client:
    client = Client(raise_request_exception=False)
    if role is not None:
        client.force_login(make_user(role, "walker"))
    return client


@pytest.mark.parametrize("role", list(ROLE_TOPICS), ids=lambda role: role or "anonymous")
def test_url_walk_over_the_text_blocks(blocks, role):
    client = client_with(role)
    own = ROLE_TOPICS[role]
    listing = client.get(BASE)
    chooser = client.get(CHOOSER)
    if role is None:
        for response in (listing, chooser):
            assert response.status_code == 302
            assert response["Location"].startswith("/admin/login/")
    elif own:
        assert listing.status_code == 200
        assert client.get(f"{BASE}add/").status_code == 200
    else:
        assert listing.status_code == 302  # Wagtail's "no permission" redirect
        assert client.get(f"{BASE}add/").status_code == 302
    for topic, block in blocks.items():
        if role is not None:
            assert (block.title in listing.content.decode()) == (topic in own), topic
            assert (block.title in chooser.content.decode()) == (topic in own), topic
        for route in OBJECT_ROUTES:
            url = BASE + route.format(pk=block.pk)
            status = client.get(url).status_code
            if role is None:
                assert status == 302, url
            else:
                assert status == (200 if topic in own else 404), url
        chosen = client.get(f"{CHOOSER}chosen/{block.pk}/")
        if role is not None:
            assert chosen.status_code == (200 if topic in own else 404), topic
    # Nothing was changed by walking (GET shows, POST changes).
    assert AnswerTemplate.objects.count() == 2


@pytest.mark.parametrize("role", list(ROLE_TOPICS), ids=lambda role: role or "anonymous")
def test_only_the_topics_roles_create_change_and_delete(blocks, role):
    client = client_with(role)
    own = ROLE_TOPICS[role]
    for topic, block in blocks.items():
        client.post(f"{BASE}add/", {"topic": topic, "title": f"Neu {topic}", "body": "x"})
        assert AnswerTemplate.objects.filter(title=f"Neu {topic}").exists() == (topic in own)
        client.post(
            f"{BASE}edit/{block.pk}/",
            {"topic": topic, "title": f"Geändert {topic}", "body": "y", "active": "on"},
        )
        block.refresh_from_db()
        assert (block.title == f"Geändert {topic}") == (topic in own), topic
        client.post(f"{BASE}delete/{block.pk}/")
        assert AnswerTemplate.objects.filter(pk=block.pk).exists() == (topic not in own)


def test_lotsendienst_cannot_move_its_block_to_the_tarif_topic(client_for, desk_staff, blocks):
    block = blocks[Topic.GENERAL]
    client = client_for(desk_staff)
    form = client.get(f"{BASE}add/").content.decode()
    assert 'value="allgemein" selected' in form
    assert 'value="tarif"' not in form
    response = client.post(
        f"{BASE}edit/{block.pk}/",
        {"topic": Topic.TARIFF, "title": "Umgezogen", "body": "y", "active": "on"},
    )
    assert response.status_code == 200  # the form again, with the invalid choice
    block.refresh_from_db()
    assert (block.topic, block.title) == (Topic.GENERAL, "Baustein Allgemein")


def test_lotsendienst_answers_with_its_own_block_and_placeholders_still_block_sending(
    client_for, desk_staff, django_capture_on_commit_callbacks
):
    client = client_for(desk_staff)
    client.post(
        f"{BASE}add/",
        {
            "topic": Topic.GENERAL,
            "title": "Rückruf",
            "body": "{anrede}\n\nStand: {lookup}",
            "active": "on",
        },
    )
    block = AnswerTemplate.objects.get(title="Rückruf")
    inquiry = make_inquiry(topic=Topic.GENERAL, sector="", question_kind="")
    detail = f"/admin/anfragen/{inquiry.pk}/"
    page = client.get(detail, {"template": block.pk}).content.decode()
    composed = html.unescape(
        re.search(r"<textarea[^>]*name=\"answer_text\"[^>]*>(.*?)</textarea>", page, re.S)[1]
    )
    assert composed.strip()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(detail, {"answer_text": composed})
    assert response.status_code == 200
    assert "Platzhalter" in response.content.decode()
    inquiry.refresh_from_db()
    assert (inquiry.status, inquiry.answer_text) == (Status.NEW, "")
    assert mail.outbox == []
