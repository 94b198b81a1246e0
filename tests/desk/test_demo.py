import pytest

from lotse.demo.accounts import load as load_users
from lotse.demo.desk import load
from lotse.desk.models import AnswerTemplate, Inquiry, Status

pytestmark = pytest.mark.django_db


def test_demo_is_idempotent_and_covers_every_status():
    load_users()
    load()
    load()
    assert AnswerTemplate.objects.count() == 3
    assert Inquiry.objects.count() == 7
    assert set(Inquiry.objects.values_list("status", flat=True)) == set(Status.values)
    assert Inquiry.objects.overdue().count() >= 1
    answered = Inquiry.objects.filter(status__in=[Status.ANSWERED, Status.CLOSED])
    assert all(inquiry.answer_text and inquiry.turnaround_days is not None for inquiry in answered)
    assert all("Demo" in inquiry.message for inquiry in Inquiry.objects.all())
    assert Inquiry.objects.filter(assignee__username="tarifregister").exists()
