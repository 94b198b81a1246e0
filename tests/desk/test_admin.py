"""Back office "Anfragen": access, list with filters and constant queries, detail, answer,
statistics and CSV."""

import datetime as dt
import html
import re

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from lotse.core import roles
from lotse.desk.models import Inquiry, QuestionKind, Status

from .conftest import make_inquiry, make_user

pytestmark = pytest.mark.django_db

LIST = "/admin/anfragen/"
STATS = "/admin/anfragen/statistik/"
CSV = "/admin/anfragen/statistik.csv"


def detail(inquiry: Inquiry) -> str:
    return f"/admin/anfragen/{inquiry.pk}/"


def staff_urls(inquiry):
    return [LIST, STATS, CSV, detail(inquiry)]


def test_anonymous_goes_to_login(inquiry):
    for url in staff_urls(inquiry):
        response = Client().get(url)
        assert response.status_code == 302, url
        assert "/admin/login/" in response["Location"]


# The Lotsendienst has an inbox without Tarif inquiries: tests/desk/test_permissions.py.
@pytest.mark.parametrize("role", [roles.PARTNER, roles.EDITORS, roles.EVENTS_TEAM])
def test_other_roles_get_403(inquiry, client_for, role):
    client = client_for(make_user(role, "other"))
    for url in staff_urls(inquiry):
        assert client.get(url).status_code == 403, url
    for action in ("status/", "zuweisen/", "frist/", "loeschen/"):
        assert (
            client.post(detail(inquiry) + action, {"status": "in_bearbeitung"}).status_code == 403
        )
    assert client.post(detail(inquiry), {"answer_text": "x"}).status_code == 403
    inquiry.refresh_from_db()
    assert inquiry.status == Status.NEW
    assert "/admin/anfragen/" not in client.get("/admin/").content.decode()


def test_partner_never_sees_inquiries_in_the_menu(client_for, partner, tariff_staff):
    assert "/admin/anfragen/" not in client_for(partner).get("/admin/").content.decode()
    assert "/admin/anfragen/" in client_for(tariff_staff).get("/admin/").content.decode()


@pytest.mark.parametrize("role", [roles.TARIFF_REGISTER, roles.ADMINISTRATION])
def test_tarif_roles_see_the_desk(inquiry, client_for, role):
    client = client_for(make_user(role, "staff"))
    for url in staff_urls(inquiry):
        response = client.get(url)
        assert response.status_code == 200, url
    response = client.get(detail(inquiry))
    assert "no-store" in response["Cache-Control"]
    assert "erika@example.org" in response.content.decode()


def test_list_query_count_is_constant(client_for, tariff_staff, django_assert_max_num_queries):
    client = client_for(tariff_staff)
    make_inquiry(assignee=tariff_staff)
    with django_assert_max_num_queries(20) as one:
        assert client.get(LIST).status_code == 200
    colleague = make_user(roles.TARIFF_REGISTER, "toni")
    for index in range(25):
        make_inquiry(assignee=colleague if index % 2 else tariff_staff)
    with django_assert_max_num_queries(len(one.captured_queries)):
        response = client.get(LIST)
    assert response.content.decode().count("TA-TEST-") >= 26


def test_list_filters_and_overdue_marker(client_for, tariff_staff):
    today = timezone.localdate()
    late = make_inquiry(due_date=today - dt.timedelta(days=1), sector="Gerüstbau")
    on_time = make_inquiry(
        due_date=today + dt.timedelta(days=3), assignee=tariff_staff, question_kind="ave"
    )
    answered_late = make_inquiry(
        due_date=today - dt.timedelta(days=3),
        status=Status.ANSWERED,
        answered_at=timezone.now(),
        answer_text="…",
    )
    client = client_for(tariff_staff)
    page = client.get(LIST).content.decode()
    assert "desk-row--overdue" in page
    assert page.count("desk-row--overdue") == 1
    assert "1 offene Anfrage ist überfällig" in page

    def references(query):
        text = client.get(LIST + query).content.decode()
        return {item.reference for item in (late, on_time, answered_late) if item.reference in text}

    assert references("?overdue=1") == {late.reference}
    assert references("?assignee=me") == {on_time.reference}
    assert references("?assignee=none") == {late.reference, answered_late.reference}
    assert references(f"?kind={QuestionKind.AVE}") == {on_time.reference}
    assert references(f"?status={Status.ANSWERED}") == {answered_late.reference}
    assert references("?status=nonsense") == {
        late.reference,
        on_time.reference,
        answered_late.reference,
    }


def test_status_assign_and_due_date_from_the_detail_page(inquiry, client_for, tariff_staff):
    client = client_for(tariff_staff)
    response = client.post(detail(inquiry) + "status/", {"status": Status.IN_PROGRESS})
    assert response.status_code == 302
    inquiry.refresh_from_db()
    assert inquiry.status == Status.IN_PROGRESS
    # Answered only by sending an answer.
    client.post(detail(inquiry) + "status/", {"status": Status.ANSWERED})
    inquiry.refresh_from_db()
    assert inquiry.status == Status.IN_PROGRESS
    colleague = make_user(roles.TARIFF_REGISTER, "toni")
    client.post(detail(inquiry) + "zuweisen/", {"assignee": colleague.pk})
    inquiry.refresh_from_db()
    assert inquiry.assignee == colleague
    outsider = make_user(roles.DESK, "lars")
    client.post(detail(inquiry) + "zuweisen/", {"assignee": outsider.pk})
    inquiry.refresh_from_db()
    assert inquiry.assignee == colleague
    new_due = timezone.localdate() + dt.timedelta(days=30)
    client.post(detail(inquiry) + "frist/", {"due_date": new_due.isoformat()})
    inquiry.refresh_from_db()
    assert inquiry.due_date == new_due


def test_compose_with_lookup_and_send(
    inquiry, template, client_for, tariff_staff, settings, django_capture_on_commit_callbacks
):
    settings.LOTSE_DESK_TARIFF_LOOKUP = "tests.desk.conftest.fake_lookup"
    client = client_for(tariff_staff)
    page = client.get(detail(inquiry)).content.decode()
    assert 'name="lookup_on"' in page
    page = client.get(
        detail(inquiry), {"template": template.pk, "lookup_on": "2025-08-01"}
    ).content.decode()
    assert "Guten Tag Erika Mustermann," in page
    assert "Stand 01.08.2025. Keine Rechtsberatung." in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(detail(inquiry), {"answer_text": "Guten Tag,\nes gilt X."})
    assert response.status_code == 302
    inquiry.refresh_from_db()
    assert inquiry.status == Status.ANSWERED
    assert inquiry.answer_text == "Guten Tag,\nes gilt X."
    assert mail.outbox[-1].to == ["erika@example.org"]
    page = client.get(detail(inquiry)).content.decode()
    assert "es gilt X." in page
    assert 'id="answer-form"' not in page


def test_lookup_option_hidden_when_tariffs_missing(
    inquiry, template, client_for, tariff_staff, settings
):
    settings.LOTSE_DESK_TARIFF_LOOKUP = "lotse.nonexistent.selectors.lookup_summary"
    page = client_for(tariff_staff).get(detail(inquiry)).content.decode()
    assert 'name="lookup_on"' not in page
    assert 'id="lookup-unavailable"' in page


def test_answer_html_is_escaped(client_for, tariff_staff):
    inquiry = make_inquiry(message="<script>alert(1)</script>")
    page = client_for(tariff_staff).get(detail(inquiry)).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;" in page


def test_statistics_page_and_csv(client_for, tariff_staff):
    make_inquiry(
        status=Status.ANSWERED, answered_at=timezone.now(), answer_text="…", turnaround_days=2
    )
    make_inquiry(
        status=Status.ANSWERED, answered_at=timezone.now(), answer_text="…", turnaround_days=4
    )
    make_inquiry(sector="Gerüstbau", wz_code="")
    client = client_for(tariff_staff)
    page = client.get(STATS).content.decode()
    assert "Insgesamt 3 Anfragen, davon 2 beantwortet." in page
    assert '<th scope="row">Friseurhandwerk (96.02)</th>' in page
    assert '<th scope="row">Gerüstbau</th>' in page
    response = client.get(CSV)
    assert response["Content-Type"].startswith("text/csv")
    body = response.content.decode("utf-8-sig")
    assert "Auswertung;Wert;Anfragen;beantwortet" in body.splitlines()[0]
    assert "Gesamt;Alle Anfragen;3;2;3.0;3.0" in body
    assert "erika" not in body


def test_answer_templates_snippets_for_tarif_staff_only(client_for, tariff_staff, partner):
    url = "/admin/snippets/desk/answertemplate/"
    assert client_for(tariff_staff).get(url).status_code == 200
    assert client_for(partner).get(url).status_code in (302, 403)


def test_erase_on_request(client_for, tariff_staff):
    inquiry = make_inquiry()
    client = client_for(tariff_staff)
    client.post(detail(inquiry) + "loeschen/", {"confirm": "on"})
    inquiry.refresh_from_db()
    assert inquiry.personal_data_deleted_at is None  # still open: refused
    client.post(detail(inquiry), {"answer_text": "Antwort"})
    client.post(detail(inquiry) + "loeschen/", {})  # not confirmed
    inquiry.refresh_from_db()
    assert inquiry.contact_email == "erika@example.org"
    assert 'id="erase-form"' in client.get(detail(inquiry)).content.decode()
    client.post(detail(inquiry) + "loeschen/", {"confirm": "on"})
    inquiry.refresh_from_db()
    assert inquiry.personal_data_deleted_at is not None
    assert (inquiry.contact_email, inquiry.message, inquiry.answer_text) == ("", "", "")
    assert inquiry.turnaround_days is not None
    page = client.get(detail(inquiry)).content.decode()
    assert "wurden am" in page
    assert 'id="erase-form"' not in page


def test_detail_shows_the_service_level(client_for, tariff_staff):
    today = timezone.localdate()
    late = make_inquiry(due_date=today - dt.timedelta(days=2))
    on_time = make_inquiry(due_date=today + dt.timedelta(days=2))
    client = client_for(tariff_staff)
    assert 'id="overdue-notice"' in client.get(detail(late)).content.decode()
    assert 'id="overdue-notice"' not in client.get(detail(on_time)).content.decode()


@pytest.mark.parametrize("language", ["de", "en"])
def test_unfilled_placeholder_blocks_sending(
    template, client_for, tariff_staff, settings, language, django_capture_on_commit_callbacks
):
    """Issue 14: an answer went out with "[Bitte einen Stichtag … wählen]" in it."""
    settings.LOTSE_DESK_TARIFF_LOOKUP = "tests.desk.conftest.fake_lookup"
    inquiry = make_inquiry(language=language)
    client = client_for(tariff_staff)
    page = client.get(detail(inquiry), {"template": template.pk}).content.decode()
    composed = re.search(r"<textarea[^>]*>(.*?)</textarea>", page, re.S)[1]
    composed = html.unescape(composed)
    for text in (composed, "Guten Tag {name},\nes gilt X."):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(detail(inquiry), {"answer_text": text})
        assert response.status_code == 200
        assert "Platzhalter" in response.content.decode()
        inquiry.refresh_from_db()
        assert (inquiry.status, inquiry.answer_text) == (Status.NEW, "")
    assert mail.outbox == []
