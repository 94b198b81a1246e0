"""Personal data of inquiries is deleted after the retention period; statistics remain."""

import datetime as dt

import pytest
import time_machine
from django.core.management import call_command

from lotse.core.periodic import DAILY_TASKS
from lotse.desk import selectors
from lotse.desk.models import Inquiry, Status
from lotse.desk.tasks import inquiries_retention_delete

from .conftest import BERLIN, make_inquiry

pytestmark = pytest.mark.django_db

ANSWERED = dt.datetime(2025, 3, 14, 10, 0, tzinfo=BERLIN)


def answered_inquiry(**extra) -> Inquiry:
    return make_inquiry(
        received_at=ANSWERED - dt.timedelta(days=3),
        status=Status.ANSWERED,
        answered_at=ANSWERED,
        answer_text="Es gilt der Tarifvertrag …",
        contact_phone="0341 1",
        contact_organisation="Salon Beispiel",
        attachment_text="Handlungsplan aus dem Wegweiser …",
        turnaround_days=3,
        **extra,
    )


@pytest.mark.parametrize(
    ("now", "deleted"),
    [
        (dt.datetime(2026, 3, 14, 9, 59, tzinfo=BERLIN), False),  # a minute before
        (dt.datetime(2026, 3, 14, 10, 0, tzinfo=BERLIN), True),  # exactly 12 months
        (dt.datetime(2026, 6, 1, 3, 0, tzinfo=BERLIN), True),  # after
    ],
)
def test_personal_data_deleted_after_twelve_months(now, deleted):
    inquiry = answered_inquiry()
    with time_machine.travel(now, tick=False):
        count = inquiries_retention_delete.call()
    inquiry.refresh_from_db()
    assert count == (1 if deleted else 0)
    assert (inquiry.personal_data_deleted_at is not None) is deleted
    if deleted:
        for field in (
            "contact_name",
            "contact_email",
            "contact_phone",
            "contact_organisation",
            "message",
            "answer_text",
            "attachment_text",
        ):
            assert getattr(inquiry, field) == ""
        # What the statistics need stays.
        assert inquiry.sector == "Friseurhandwerk"
        assert inquiry.turnaround_days == 3
        assert inquiry.answered_at == ANSWERED
    else:
        assert inquiry.contact_email == "erika@example.org"


def test_open_inquiries_are_kept_and_the_job_is_idempotent(settings, caplog):
    settings.LOTSE_DESK_RETENTION_MONTHS = 6
    old_open = make_inquiry(received_at=ANSWERED)
    closed = make_inquiry(
        received_at=ANSWERED, status=Status.CLOSED, closed_at=ANSWERED + dt.timedelta(hours=1)
    )
    answered = answered_inquiry()
    with time_machine.travel(dt.datetime(2025, 10, 1, tzinfo=BERLIN), tick=False):
        caplog.set_level("INFO", logger="lotse.desk.services")
        assert inquiries_retention_delete.call() == 2
        assert "2 inquiries" in caplog.text
        first_deleted_at = Inquiry.objects.get(pk=answered.pk).personal_data_deleted_at
    with time_machine.travel(dt.datetime(2025, 10, 2, tzinfo=BERLIN), tick=False):
        assert inquiries_retention_delete.call() == 0
    assert Inquiry.objects.get(pk=answered.pk).personal_data_deleted_at == first_deleted_at
    assert Inquiry.objects.get(pk=closed.pk).personal_data_deleted_at is not None
    assert Inquiry.objects.get(pk=old_open.pk).contact_email == "erika@example.org"


def test_statistics_survive_deletion(tariff_staff):
    answered_inquiry()
    make_inquiry(
        received_at=ANSWERED,
        status=Status.ANSWERED,
        answered_at=ANSWERED + dt.timedelta(days=7),
        turnaround_days=5,
        question_kind="ave",
        sector="Gebäudereinigung",
        wz_code="81.21",
    )
    before = selectors.desk_statistics(user=tariff_staff)
    with time_machine.travel(dt.datetime(2027, 1, 1, tzinfo=BERLIN), tick=False):
        inquiries_retention_delete.call()
    after = selectors.desk_statistics(user=tariff_staff)
    assert Inquiry.objects.filter(personal_data_deleted_at__isnull=False).count() == 2
    for stats in (before, after):
        assert stats.total.count == 2
        assert stats.total.median == 4
        assert stats.total.mean == 4.0
        assert [row.label for row in stats.by_month] == ["2025-03"]
        assert {row.label: row.count for row in stats.by_sector} == {
            "Friseurhandwerk (96.02)": 1,
            "Gebäudereinigung (81.21)": 1,
        }


def test_retention_job_is_a_daily_task():
    assert "lotse.desk.tasks.inquiries_retention_delete" in DAILY_TASKS
    answered_inquiry()
    with time_machine.travel(dt.datetime(2027, 1, 1, tzinfo=BERLIN), tick=False):
        call_command("run_periodic_tasks", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert Inquiry.objects.get().personal_data_deleted_at == dt.datetime(2027, 1, 1, tzinfo=BERLIN)


def test_retention_also_deletes_referral_copies_and_notes_and_keeps_the_fact():
    from lotse.desk import services
    from lotse.desk.models import InquiryFact, InquiryNote

    from .factories import ReferralFactory

    referral = ReferralFactory(
        inquiry=make_inquiry(
            topic="allgemein",
            sector="",
            question_kind="",
            received_at=ANSWERED - dt.timedelta(days=3),
            status=Status.CLOSED,
            closed_at=ANSWERED,
        )
    )
    inquiry = referral.inquiry
    InquiryNote.objects.create(inquiry=inquiry, text="Rückruf vereinbart")
    services.inquiry_fact_sync(inquiry=inquiry)
    assert referral.has_personal_data
    with time_machine.travel(dt.datetime(2026, 4, 1, tzinfo=BERLIN), tick=False):
        assert inquiries_retention_delete.call() == 1
    referral.refresh_from_db()
    assert not referral.has_personal_data
    assert referral.status == "angeboten"  # the referral's facts stay for the statistics
    assert not InquiryNote.objects.exists()
    assert InquiryFact.objects.filter(inquiry=inquiry).exists()
    inquiry.delete()
    assert InquiryFact.objects.get().inquiry is None  # outlives even the inquiry row
