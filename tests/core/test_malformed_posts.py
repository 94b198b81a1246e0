"""Malformed back-office POSTs answer with a form error or 4xx, never 500 (issue 11, point 13).

A StreamField's data is a set of hidden inputs (`<name>-count`, `<name>-0-type`, …) written by
the admin's JavaScript; a hand-made or truncated POST without them must give the form again with
a message, and nothing is saved. Wagtail's chooser "create" route of a snippet without a
creation form answered 500.
"""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from lotse.content.models import StandardPage
from lotse.core import roles
from lotse.events.models import Event
from tests.events.factories import client_for, make_event, make_user
from tests.events.test_backoffice import event_form

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("portal_module")]

MALFORMED = [
    {"speakers-count": "abc"},
    {"speakers-count": "2"},  # the blocks themselves are missing
    {"speakers-count": "1", "speakers-0-deleted": "", "speakers-0-order": "x"},
]


def _session(event, **speakers):
    return {
        "starts_at": "",
        "ends_at": "",
        "title": "Keynote",
        "description": "",
        "site": "",
        "working_group": "",
        "speakers": streamfield([]),
        **speakers,
    }


@pytest.mark.parametrize("speakers", MALFORMED)
def test_malformed_streamfield_in_the_event_form_is_a_form_error(speakers):
    team = client_for(make_user("vera", roles.EVENTS_TEAM))
    event = make_event(title="Vorher")
    data = event_form(event, title="Nachher")
    data["sessions-TOTAL_FORMS"] = "1"
    data.update(
        {
            "sessions-0-starts_at": "",
            "sessions-0-ends_at": "",
            "sessions-0-title": "Keynote",
            "sessions-0-description": "",
            "sessions-0-site": "",
            "sessions-0-working_group": "",
            "sessions-0-ORDER": "1",
            "sessions-0-DELETE": "",
            "sessions-0-id": "",
        }
    )
    for key, value in speakers.items():
        data[f"sessions-0-{key}"] = value
    response = team.post(reverse("wagtailsnippets_events_event:edit", args=[event.pk]), data)
    assert response.status_code == 200
    errors = response.context["form"].formsets["sessions"].forms[0].errors["speakers"]
    assert "unvollständig" in errors[0]
    assert Event.objects.get(pk=event.pk).title == "Vorher"


@pytest.mark.parametrize(
    "body", [{"body-count": "abc"}, {"body-count": "3"}, {"body-count": "-1x"}, {}]
)
def test_malformed_streamfield_in_a_page_form_is_a_form_error(login, body):
    page = StandardPage.objects.filter(locale__language_code="de").first()
    data = nested_form_data(
        {"title": "Geändert", "slug": page.slug, "intro": rich_text(""), "body": streamfield([])}
    )
    data = {key: value for key, value in data.items() if not key.startswith("body-")}
    data.update(body)
    if not body:
        data["body-0-type"] = "paragraph"  # no count at all
    response = login("redaktion").post(f"/admin/pages/{page.pk}/edit/", data)
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert page.title != "Geändert" or response.status_code == 302


def test_chooser_create_without_a_creation_form_is_404(login):
    client = login("partner", raise_request_exception=False)
    for method in ("get", "post"):
        response = getattr(client, method)("/admin/snippets/choose/events/event/create/")
        assert response.status_code == 404, method
