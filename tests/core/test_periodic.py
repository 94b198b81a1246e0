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


# Every app registers its own daily jobs (AppConfig.ready → core.periodic.periodic_task_register);
# core names none of them. This list is the contract of the apps, in INSTALLED_APPS order.
DAILY_TASKS_BY_APP = {
    "core": [
        "lotse.core.tasks.audit_retention_prune",
        "lotse.core.tasks.sessions_clear",
        "lotse.core.tasks.task_results_prune",
        "lotse.core.mail.mails_queue_sweep",
        "lotse.core.mail.mails_retention_delete",
    ],
    "offers": ["lotse.offers.tasks.offers_confirmation_reminders"],
    "events": [
        "lotse.events.tasks.holds_expire_task",
        "lotse.events.tasks.offers_expire_task",
        "lotse.events.tasks.reminders_send",
        "lotse.events.retention.events_personal_data_retention",
        "lotse.events.after.events_thanks_send",
    ],
    "desk": [
        "lotse.desk.tasks.inquiries_retention_delete",
        "lotse.desk.tasks.desk_service_levels_escalate",
    ],
    "guidance": ["lotse.guidance.tasks.checks_retention_task"],
}


def test_every_app_registers_its_daily_tasks():
    from django.utils.module_loading import import_string
    from django_tasks.base import Task

    from lotse.core.periodic import periodic_tasks

    registered = periodic_tasks()
    expected = [path for paths in DAILY_TASKS_BY_APP.values() for path in paths]
    assert sorted(registered) == sorted(expected)
    assert len(set(registered)) == len(registered)  # ready() twice must not enqueue a job twice
    for path in registered:
        assert isinstance(import_string(path), Task), path


def test_registering_a_task_twice_keeps_one_entry_and_a_bad_path_is_refused():
    from lotse.core.periodic import periodic_task_register, periodic_tasks

    before = periodic_tasks()
    periodic_task_register("lotse.core.tasks.sessions_clear")
    assert periodic_tasks() == before
    with pytest.raises(ValueError):
        periodic_task_register("sessions_clear")


@override_settings(LOTSE_PERIODIC_TASKS=["lotse.core.tasks.sessions_clear"])
def test_the_setting_adds_tasks_without_running_one_twice():
    from lotse.core.periodic import periodic_tasks_enqueue

    with time_machine.travel(dt.datetime(2026, 3, 1, 12, tzinfo=BERLIN), tick=False):
        paths = periodic_tasks_enqueue()
    assert paths.count("lotse.core.tasks.sessions_clear") == 1
