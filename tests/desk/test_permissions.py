"""Who may do what at the desk: permissions per topic (issue 11, point 17).

The Lotsendienst reaches its inbox (/admin/anfragen/) but sees no Tarif inquiries and can neither
create nor edit the Tarifregister's answer templates (it maintains its own general ones,
tests/desk/test_text_blocks.py); the Tarifregister handles Tarif inquiries and their templates.
The rule is `desk/access.py` (topics per role, AnswerTemplatePermissionPolicy).
"""

import pytest
from django.contrib.auth.models import Group

from lotse.core import roles
from lotse.desk.models import AnswerTemplate, Status, Topic

from .conftest import make_inquiry

pytestmark = pytest.mark.django_db

LIST = "/admin/anfragen/"
TEMPLATES = "/admin/snippets/desk/answertemplate/"


def test_lotsendienst_reaches_its_inbox_without_tarif_inquiries(client_for, desk_staff):
    inquiry = make_inquiry(reference="TA-TEST-GEHEIM")
    client = client_for(desk_staff)
    response = client.get(LIST)
    assert response.status_code == 200
    assert "TA-TEST-GEHEIM" not in response.content.decode()
    assert LIST in client.get("/admin/").content.decode()  # the menu item "Anfragen"
    assert client.get(f"{LIST}{inquiry.pk}/").status_code == 404
    assert client.get(f"{LIST}statistik/").status_code == 200
    client.post(f"{LIST}{inquiry.pk}/status/", {"status": Status.IN_PROGRESS})
    client.post(f"{LIST}{inquiry.pk}/", {"answer_text": "Antwort"})
    inquiry.refresh_from_db()
    assert (inquiry.status, inquiry.answer_text) == (Status.NEW, "")


def test_lotsendienst_cannot_create_or_edit_tarif_templates(client_for, desk_staff, template):
    client = client_for(desk_staff)
    for url in (TEMPLATES, f"{TEMPLATES}add/", f"{TEMPLATES}edit/{template.pk}/"):
        response = client.get(url)
        assert response.status_code in (200, 404), url
        assert template.title not in response.content.decode(), url
    client.post(f"{TEMPLATES}add/", {"topic": Topic.TARIFF, "title": "Neu vom Dienst", "body": "x"})
    client.post(
        f"{TEMPLATES}edit/{template.pk}/",
        {"topic": Topic.TARIFF, "title": "Geändert", "body": "x", "active": "on"},
    )
    assert not AnswerTemplate.objects.filter(title="Neu vom Dienst").exists()
    template.refresh_from_db()
    assert template.title == "Mit Auskunft"
    assert TEMPLATES in client.get(LIST).content.decode()  # "Textbausteine": its own ones


def test_tariff_register_maintains_tarif_templates(client_for, tariff_staff, template):
    client = client_for(tariff_staff)
    assert template.title in client.get(TEMPLATES).content.decode()
    response = client.post(
        f"{TEMPLATES}add/", {"topic": Topic.TARIFF, "title": "Neu vom Register", "body": "x"}
    )
    assert response.status_code == 302
    assert AnswerTemplate.objects.filter(title="Neu vom Register").exists()
    response = client.post(
        f"{TEMPLATES}edit/{template.pk}/",
        {"topic": Topic.TARIFF, "title": "Geändert", "body": "x", "active": "on"},
    )
    assert response.status_code == 302
    template.refresh_from_db()
    assert template.title == "Geändert"


def test_partner_gets_no_desk_at_all(client_for, partner, template):
    client = client_for(partner)
    assert client.get(LIST).status_code == 403
    assert client.get(TEMPLATES).status_code in (302, 403)
    assert LIST not in client.get("/admin/").content.decode()


def test_roles_hold_the_desk_permissions_of_their_topics():
    def desk_perms(role):
        return set(
            Group.objects.get(name=role)
            .permissions.filter(content_type__app_label="desk")
            .values_list("codename", flat=True)
        )

    assert desk_perms(roles.DESK) == {
        "view_inquiry",
        "view_answertemplate",
        "add_answertemplate",
        "change_answertemplate",
        "delete_answertemplate",
    }
    assert {"add_answertemplate", "change_answertemplate", "change_inquiry"} <= desk_perms(
        roles.TARIFF_REGISTER
    )


def test_lotsendienst_handles_general_inquiries_and_the_register_tarif_ones(
    client_for, desk_staff, tariff_staff
):
    """Issue 14: the Lotsendienst held desk permissions yet had nothing it could open."""
    general = make_inquiry(
        reference="LD-TEST-00001", topic=Topic.GENERAL, sector="", question_kind=""
    )
    tariff = make_inquiry(reference="TA-TEST-00001")
    for staff, own, foreign in ((desk_staff, general, tariff), (tariff_staff, tariff, general)):
        team = client_for(staff)
        listing = team.get(LIST).content.decode()
        assert own.reference in listing
        assert foreign.reference not in listing
        assert team.get(f"{LIST}{own.pk}/").status_code == 200
        assert team.get(f"{LIST}{foreign.pk}/").status_code == 404
    client_for(desk_staff).post(f"{LIST}{general.pk}/status/", {"status": Status.IN_PROGRESS})
    general.refresh_from_db()
    assert general.status == Status.IN_PROGRESS
