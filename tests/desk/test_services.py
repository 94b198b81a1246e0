import datetime as dt

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from wagtail.models import ModelLogEntry

from lotse.desk import selectors, services
from lotse.desk.models import Inquiry, Status

from .conftest import BERLIN, make_inquiry, make_user

pytestmark = pytest.mark.django_db

ON = dt.date(2026, 1, 1)
FORM = {
    "sector": "Gebäudereinigung",
    "wz_code": "81.21",
    "question_kind": "ave",
    "message": "Ist der Tarifvertrag allgemeinverbindlich?",
    "contact_name": "Erika Mustermann",
    "contact_email": "erika@example.org",
    "consent": True,
}


def test_submit_numbers_per_year_and_mails_after_commit(django_capture_on_commit_callbacks):
    with time_machine.travel(dt.datetime(2026, 10, 29, 10, tzinfo=BERLIN), tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            first = services.inquiry_submit(**FORM)
        assert len(mail.outbox) == 1
        second = services.inquiry_submit(**FORM)
    with time_machine.travel(dt.datetime(2027, 1, 4, 10, tzinfo=BERLIN), tick=False):
        third = services.inquiry_submit(**FORM)
    assert (first.reference, second.reference) == ("TA-2026-00001", "TA-2026-00002")
    assert third.reference == "TA-2027-00001"
    # Thursday 29.10.2026; Reformationstag is a Saturday that year: due the next Thursday.
    assert first.due_date == dt.date(2026, 11, 5)
    assert first.status == Status.NEW
    message = mail.outbox[0]
    assert message.to == ["erika@example.org"]
    assert "TA-2026-00001" in message.subject
    assert "TA-2026-00001" in message.body
    assert "05.11.2026" in message.body


def test_confirmation_in_english(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        inquiry = services.inquiry_submit(**FORM, language="en")
    assert mail.outbox[0].subject == f"Your inquiry {inquiry.reference}"


def test_confirmation_writes_the_due_date_in_the_askers_language(
    django_capture_on_commit_callbacks,
):
    thursday = dt.datetime(2026, 10, 29, 10, tzinfo=BERLIN)
    with (
        time_machine.travel(thursday, tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        services.inquiry_submit(**FORM, language="en")
        services.inquiry_submit(**FORM, language="de")
    english, german = mail.outbox[0].body, mail.outbox[1].body
    assert "5 November 2026" in english
    assert "05.11.2026" not in english
    assert "05.11.2026" in german


def test_submit_without_consent_is_refused():
    with pytest.raises(ValidationError):
        services.inquiry_submit(**{**FORM, "consent": False})
    assert not Inquiry.objects.exists()


def test_submit_rejects_overlong_text_and_leaves_nothing():
    with pytest.raises(ValidationError):
        services.inquiry_submit(**{**FORM, "message": "x" * 4001})
    assert not Inquiry.objects.exists()


@pytest.mark.parametrize(
    "overrides",
    [
        {"consent": False},
        {"message": "x" * 4001},
        {"sector": ""},
        {"contact_email": ""},
        {"status": Status.ANSWERED},  # answered without answered_at
        {"status": Status.CLOSED},  # closed without closed_at
        {"closed_at": dt.datetime(2026, 1, 1, tzinfo=dt.UTC)},  # open with closed_at
        {"personal_data_deleted_at": dt.datetime(2026, 1, 1, tzinfo=dt.UTC)},  # still open
    ],
)
def test_database_constraints(overrides):
    with pytest.raises(IntegrityError), transaction.atomic():
        make_inquiry(**overrides)


def test_deleted_inquiry_must_be_empty():
    now = timezone.now()
    with pytest.raises(IntegrityError), transaction.atomic():
        make_inquiry(
            status=Status.ANSWERED,
            answered_at=now,
            personal_data_deleted_at=now,
            contact_email="a@b.de",
        )


def test_status_transitions_are_enforced(inquiry, tariff_staff):
    with pytest.raises(ValidationError):
        services.inquiry_status_change(inquiry=inquiry, status=Status.ANSWERED, user=tariff_staff)
    services.inquiry_status_change(inquiry=inquiry, status=Status.IN_PROGRESS, user=tariff_staff)
    inquiry.refresh_from_db()
    assert inquiry.status == Status.IN_PROGRESS
    assert inquiry.assignee == tariff_staff  # taking it up assigns it
    services.inquiry_status_change(inquiry=inquiry, status=Status.CLOSED, user=tariff_staff)
    inquiry.refresh_from_db()
    assert inquiry.closed_at is not None
    with pytest.raises(ValidationError):
        services.inquiry_status_change(inquiry=inquiry, status=Status.NEW, user=tariff_staff)
    assert (
        ModelLogEntry.objects.filter(action="lotse.status", object_id=str(inquiry.pk)).count() == 2
    )


def test_other_roles_may_not_write(inquiry, desk_staff, partner):
    for user in (desk_staff, partner):
        with pytest.raises(PermissionDenied):
            services.inquiry_status_change(inquiry=inquiry, status=Status.IN_PROGRESS, user=user)
        with pytest.raises(PermissionDenied):
            services.inquiry_answer_send(inquiry=inquiry, answer_text="x", user=user)


def test_assign_only_to_staff_of_the_topic(inquiry, tariff_staff, desk_staff):
    with pytest.raises(ValidationError):
        services.inquiry_assign(inquiry=inquiry, assignee=desk_staff, user=tariff_staff)
    colleague = make_user("Tarifregister", "toni")
    services.inquiry_assign(inquiry=inquiry, assignee=colleague, user=tariff_staff)
    inquiry.refresh_from_db()
    assert inquiry.assignee == colleague
    services.inquiry_assign(inquiry=inquiry, assignee=None, user=tariff_staff)
    inquiry.refresh_from_db()
    assert inquiry.assignee is None


def test_due_date_not_before_receipt(inquiry, tariff_staff):
    with pytest.raises(ValidationError):
        services.inquiry_due_date_set(
            inquiry=inquiry, due_date=dt.date(2000, 1, 1), user=tariff_staff
        )
    new_date = timezone.localdate() + dt.timedelta(days=20)
    services.inquiry_due_date_set(inquiry=inquiry, due_date=new_date, user=tariff_staff)
    inquiry.refresh_from_db()
    assert inquiry.due_date == new_date


def test_answer_is_mailed_stored_and_audited(tariff_staff, django_capture_on_commit_callbacks):
    with time_machine.travel(dt.datetime(2025, 11, 17, 9, tzinfo=BERLIN), tick=False):
        inquiry = make_inquiry(received_at=timezone.now())
    with (
        time_machine.travel(dt.datetime(2025, 11, 21, 15, tzinfo=BERLIN), tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        services.inquiry_answer_send(
            inquiry=inquiry, answer_text="Guten Tag,\n\nes gilt …", user=tariff_staff
        )
    inquiry.refresh_from_db()
    assert inquiry.status == Status.ANSWERED
    assert inquiry.answer_text == "Guten Tag,\n\nes gilt …"
    assert inquiry.turnaround_days == 3  # Tue, (Wed Buß- und Bettag), Thu, Fri
    assert inquiry.assignee == tariff_staff
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["erika@example.org"]
    assert "es gilt" in mail.outbox[0].body
    assert inquiry.reference in mail.outbox[0].subject
    assert ModelLogEntry.objects.filter(action="lotse.mail", object_id=str(inquiry.pk)).exists()
    with pytest.raises(ValidationError):
        services.inquiry_answer_send(inquiry=inquiry, answer_text="nochmal", user=tariff_staff)
    assert len(mail.outbox) == 1


def test_empty_answer_refused(inquiry, tariff_staff):
    with pytest.raises(ValidationError):
        services.inquiry_answer_send(inquiry=inquiry, answer_text="  ", user=tariff_staff)
    inquiry.refresh_from_db()
    assert inquiry.status == Status.NEW
    assert not mail.outbox


def test_compose_fills_placeholders_and_lookup(inquiry, template, settings):
    settings.LOTSE_DESK_TARIFF_LOOKUP = "tests.desk.conftest.fake_lookup"
    text = selectors.answer_compose(
        inquiry=inquiry, template=template, lookup_on=dt.date(2025, 8, 1)
    )
    assert text.startswith("Guten Tag Erika Mustermann,")
    assert inquiry.reference in text
    assert "Auskunft für Friseurhandwerk (WZ 96.02), Stand 01.08.2025." in text
    assert text.endswith("Grüße an Erika Mustermann")
    assert "{" not in text


def test_compose_without_lookup_module(inquiry, template, settings):
    settings.LOTSE_DESK_TARIFF_LOOKUP = "lotse.nonexistent.selectors.lookup_summary"
    assert selectors.tariff_lookup() is None
    text = selectors.answer_compose(inquiry=inquiry, template=template, lookup_on=ON)
    assert "Tarifauskunft nicht verfügbar" in text


def test_compose_braces_in_user_data_are_harmless(template, settings):
    settings.LOTSE_DESK_TARIFF_LOOKUP = "tests.desk.conftest.fake_lookup"
    inquiry = make_inquiry(contact_name="{reference} {0}", language="en")
    text = selectors.answer_compose(inquiry=inquiry, template=template, lookup_on=ON)
    assert text.startswith("Dear {reference} {0},")


def failing_lookup(**kwargs) -> str:
    raise RuntimeError("register unavailable")


def test_compose_survives_a_failing_lookup(inquiry, template, settings):
    settings.LOTSE_DESK_TARIFF_LOOKUP = "tests.desk.test_services.failing_lookup"
    text = selectors.answer_compose(inquiry=inquiry, template=template, lookup_on=ON)
    assert "Tarifauskunft fehlgeschlagen" in text
    assert inquiry.reference in text


def test_submit_refuses_empty_question():
    with pytest.raises(ValidationError):
        services.inquiry_submit(**{**FORM, "message": "   "})
    assert not Inquiry.objects.exists()
