"""The desk list's order: "Nächste Frist zuerst" means the open inquiries by due date."""

import datetime as dt

import pytest
from django.utils import timezone

from lotse.desk import selectors
from lotse.desk.models import Status

from .conftest import make_inquiry

pytestmark = pytest.mark.django_db


def test_open_inquiries_by_due_date_first_and_closed_ones_last(tariff_staff):
    today = timezone.localdate()
    closed_long_ago = make_inquiry(
        due_date=today - dt.timedelta(days=30), status=Status.CLOSED, closed_at=timezone.now()
    )
    answered = make_inquiry(
        due_date=today - dt.timedelta(days=10),
        status=Status.ANSWERED,
        answered_at=timezone.now(),
        answer_text="…",
    )
    later = make_inquiry(due_date=today + dt.timedelta(days=5))
    overdue = make_inquiry(due_date=today - dt.timedelta(days=2), status=Status.IN_PROGRESS)
    soon = make_inquiry(due_date=today + dt.timedelta(days=1))
    rows = list(selectors.inquiries_list(user=tariff_staff, filters=selectors.InquiryFilters()))
    assert [row.reference for row in rows] == [
        item.reference for item in (overdue, soon, later, closed_long_ago, answered)
    ]


def test_the_list_page_shows_open_inquiries_before_closed_ones(client_for, tariff_staff):
    today = timezone.localdate()
    closed = make_inquiry(
        due_date=today - dt.timedelta(days=30), status=Status.CLOSED, closed_at=timezone.now()
    )
    still_open = make_inquiry(due_date=today + dt.timedelta(days=3))
    page = client_for(tariff_staff).get("/admin/anfragen/").content.decode()
    assert page.index(still_open.reference) < page.index(closed.reference)


def test_links_from_the_tarifauskunft_prefill_the_form(client):
    html = client.get("/tarifauskunft/anfrage/?branche=Putzkraft+Dresden&wz=81.21").content.decode()
    assert 'value="Putzkraft Dresden"' in html
    assert 'value="81.21"' in html
