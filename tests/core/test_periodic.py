"""Retention jobs, with a frozen clock."""

import datetime as dt

import pytest
import time_machine
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.test import override_settings
from wagtail.models import ModelLogEntry

from lotse.core.audit import audit_log
from lotse.core.models import TopicField
from lotse.core.tasks import audit_retention_prune

pytestmark = pytest.mark.django_db

BERLIN = dt.timezone(dt.timedelta(hours=1))


@override_settings(LOTSE_RETENTION_AUDIT_DAYS=30)
def test_audit_entries_older_than_the_retention_period_are_deleted():
    topic_field = TopicField.objects.first()
    with time_machine.travel(dt.datetime(2026, 1, 1, 12, tzinfo=BERLIN), tick=False):
        audit_log(user=None, action="lotse.update", instance=topic_field, note="old")
    with time_machine.travel(dt.datetime(2026, 1, 25, 12, tzinfo=BERLIN), tick=False):
        audit_log(user=None, action="lotse.update", instance=topic_field, note="recent")

    with time_machine.travel(dt.datetime(2026, 2, 5, 12, tzinfo=BERLIN), tick=False):
        deleted = audit_retention_prune.call()

    assert deleted == 1
    entries = ModelLogEntry.objects.filter(action="lotse.update")
    notes = [entry.data.get("note") for entry in entries]
    assert notes == ["recent"]


def test_run_periodic_tasks_runs_the_daily_jobs():
    with time_machine.travel(dt.datetime(2026, 3, 1, 12, tzinfo=BERLIN), tick=False):
        for key, expires in (("expired", dt.date(2026, 2, 1)), ("valid", dt.date(2026, 4, 1))):
            Session.objects.create(
                session_key=key,
                session_data="x",
                expire_date=dt.datetime.combine(expires, dt.time(), tzinfo=BERLIN),
            )
        # The test settings use the immediate backend: enqueuing runs the jobs at once.
        call_command("run_periodic_tasks", verbosity=0)
    assert list(Session.objects.values_list("session_key", flat=True)) == ["valid"]
