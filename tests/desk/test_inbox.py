"""The Lotsendienst's inbox: filters, notes, referral form, staff-logged phone inquiries."""

import re

import pytest
from django.core import mail
from django.template import engines
from django.template.loader import render_to_string
from django.utils import translation
from wagtail.models import ModelLogEntry

from lotse.core.models import Region, TopicField
from lotse.desk.models import Channel, Inquiry, InquiryNote, Referral, Status, Topic
from lotse.desk.selectors import Choice, InquiryFilters
from tests.network.factories import ActorFactory

from .conftest import make_user
from .factories import InquiryFactory

pytestmark = pytest.mark.django_db

LIST = "/admin/anfragen/"


def general(reference: str, **overrides) -> Inquiry:
    return InquiryFactory(
        reference=reference, topic=Topic.GENERAL, sector="", question_kind="", **overrides
    )


@pytest.fixture
def lotse(db):
    return make_user("Lotsendienst", "lena")


def test_filters_by_topic_field_district_channel_and_status(lotse, client_for):
    integration = TopicField.objects.get(slug="integration-fachkraefteeinwanderung")
    dresden = Region.objects.get(code="14612")
    general("LD-A", topic_field=integration, district=dresden, channel=Channel.PHONE)
    general("LD-B", channel=Channel.OFFER, status=Status.REFERRED)
    client = client_for(lotse)

    def listed(**params) -> set[str]:
        html = client.get(LIST, params).content.decode()
        return {ref for ref in ("LD-A", "LD-B") if f">{ref}<" in html}

    assert listed() == {"LD-A", "LD-B"}
    assert listed(thema=integration.slug) == {"LD-A"}
    assert listed(kreis="14612") == {"LD-A"}
    assert listed(channel="angebot") == {"LD-B"}
    assert listed(status="verwiesen") == {"LD-B"}
    assert listed(kreis="99999") == set()
    assert client.get(LIST, {"thema": "x" * 500, "kreis": "<script>"}).status_code == 200


def test_list_query_count_stays_constant(lotse, client_for, django_assert_max_num_queries):
    client = client_for(lotse)
    general("LD-0", district=Region.objects.get(code="14612"))
    with django_assert_max_num_queries(20) as one:
        client.get(LIST)
    for index in range(20):
        general(
            f"LD-{index + 1}",
            district=Region.objects.get(code="14612"),
            topic_field=TopicField.objects.first(),
            assignee=lotse,
        )
    with django_assert_max_num_queries(len(one.captured_queries)):
        assert client.get(LIST).status_code == 200


def test_notes_are_internal_and_audited(lotse, client_for):
    inquiry = general("LD-N")
    client = client_for(lotse)
    client.post(f"{LIST}{inquiry.pk}/notiz/", {"text": "Rückruf am Montag"})
    assert InquiryNote.objects.get().text == "Rückruf am Montag"
    assert "Rückruf am Montag" in client.get(f"{LIST}{inquiry.pk}/").content.decode()
    entry = ModelLogEntry.objects.get(object_id=str(inquiry.pk), action="lotse.update")
    assert "Rückruf" not in str(entry.data)  # the audit trail carries no note text
    client.post(f"{LIST}{inquiry.pk}/notiz/", {"text": "a\x00b"})
    assert InquiryNote.objects.count() == 1


def test_refer_from_the_detail_page(lotse, client_for):
    inquiry = general("LD-R")
    actor = ActorFactory(name="Welcome Center")
    client = client_for(lotse)
    page = client.get(f"{LIST}{inquiry.pk}/").content.decode()
    assert 'id="referral-form"' in page
    response = client.post(
        f"{LIST}{inquiry.pk}/verweisen/",
        {"actors": [actor.pk], "purpose": "Beratung Visum", "consent": "telefon"},
    )
    assert response.status_code == 302
    assert Referral.objects.get().actor == actor
    assert "Welcome Center" in client.get(f"{LIST}{inquiry.pk}/").content.decode()
    # A forged actor id: the form refuses it, nothing changes.
    client.post(
        f"{LIST}{inquiry.pk}/verweisen/",
        {"actors": [999999], "purpose": "x", "consent": "telefon"},
    )
    assert Referral.objects.count() == 1


def test_staff_log_a_phone_inquiry(lotse, client_for, django_capture_on_commit_callbacks):
    client = client_for(lotse)
    assert client.get(f"{LIST}erfassen/").status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"{LIST}erfassen/",
            {
                "channel": "telefon",
                "requester_type": "beschaeftigte",
                "question": "Anruf: Frage zur Weiterbildung",
                "phone": "0351 987654",
                "contact_preference": "telefon",
                "consent": "on",
                "consent_version": "1",
            },
        )
    assert response.status_code == 302
    inquiry = Inquiry.objects.get()
    assert (inquiry.channel, inquiry.assignee, inquiry.topic) == (
        Channel.PHONE,
        lotse,
        Topic.GENERAL,
    )
    assert mail.outbox == []  # no e-mail address: no confirmation mail
    assert ModelLogEntry.objects.filter(object_id=str(inquiry.pk), action="lotse.create").exists()


def test_tariff_register_may_not_log_general_inquiries(client_for):
    client = client_for(make_user("Tarifregister", "tina"))
    assert client.get(f"{LIST}erfassen/").status_code == 403


@pytest.mark.parametrize("value", ["²", "9" * 30, "-1", "١"])
def test_odd_numbers_in_the_inbox_filters_are_ignored(lotse, client_for, value):
    """'²'.isdigit() is true and int('²') raises; 30 digits overflow the database's integer."""
    client = client_for(lotse)
    assert client.get("/admin/anfragen/", {"assignee": value}).status_code == 200
    assert client.get("/admin/anfragen/statistik/", {"jahr": value}).status_code == 200


def test_column_heads_markup():
    """The back-office tables' heads (`desk_column_heads`, decision 0036) are written as the
    hand-written ones were, without a line of their own after `</thead>`."""
    html = (
        engines["django"]
        .from_string('{% load desk_admin %}      {% desk_column_heads "Aktenzeichen" label %}\n')
        .render({"label": "Frist & Co"})
    )
    assert html == (
        "      <thead><tr>\n"
        '        <th scope="col">Aktenzeichen</th>\n'
        '        <th scope="col">Frist &amp; Co</th>\n'
        "      </tr></thead>\n"
    )


def test_filter_form_markup():
    """The inbox's filter selects (one include, decision 0032) are written as the hand-written
    ones were; the "Thema" select only for a user with more than one topic."""
    context = {
        "filters": InquiryFilters(topic_field="it", assignee="me"),
        "topic_fields": [Choice("pflege", "Pflege"), Choice("it", "IT & Co")],
        **dict.fromkeys(("districts", "channels", "statuses", "kinds", "assignees"), []),
    }

    def render(*topics: str) -> str:
        with translation.override("de"):
            return render_to_string(
                "desk/admin/_filters.html", {**context, "topics": [(t, t) for t in topics]}
            )

    html = render("general", "tariffs")
    assert (
        '<label for="f-thema">Themenfeld</label>\n      <select id="f-thema" name="thema">\n'
        '        <option value="">alle</option>\n        <option value="pflege">Pflege</option>'
        '<option value="it" selected>IT &amp; Co</option>\n      </select>\n      <label'
    ) in html
    assert '"Anfragen filtern">\n      <label for="f-topic">Thema</label>\n      <select' in html
    selects = ["f-thema", "f-kreis", "f-channel", "f-status", "f-kind", "f-assignee"]
    assert re.findall(r'<select id="([^"]+)"', html) == ["f-topic", *selects]
    assert re.findall(r'<select id="([^"]+)"', render("general")) == selects
