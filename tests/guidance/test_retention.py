"""Plans whose link was not used for 24 months are deleted by the daily task (frozen clock)."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from lotse.core.periodic import DAILY_TASKS
from lotse.guidance.models import CompanyCheck
from lotse.guidance.tasks import checks_retention_task

from .conftest import start_check

pytestmark = pytest.mark.django_db

START = dt.datetime(2026, 3, 31, 10, 0, tzinfo=dt.UTC)


def test_the_task_is_registered_daily():
    assert "lotse.guidance.tasks.checks_retention_task" in DAILY_TASKS


def test_unused_for_24_months_is_deleted(version, zwickau):
    with time_machine.travel(START, tick=False):
        start_check(version, zwickau)
    # 31 March 2028 minus 24 months is 31 March 2026: not yet past
    with time_machine.travel(dt.datetime(2028, 3, 31, 9, 59, tzinfo=dt.UTC), tick=False):
        assert checks_retention_task.enqueue().return_value == 0
    assert CompanyCheck.objects.count() == 1
    with time_machine.travel(dt.datetime(2028, 3, 31, 10, 1, tzinfo=dt.UTC), tick=False):
        checks_retention_task.enqueue()
    assert CompanyCheck.objects.count() == 0


def test_using_the_link_restarts_the_clock(client, version, zwickau):
    with time_machine.travel(START, tick=False):
        _check, token = start_check(version, zwickau)
    with time_machine.travel(dt.datetime(2027, 6, 1, tzinfo=dt.UTC), tick=False):
        assert client.get(reverse("guidance:plan", args=[token])).status_code == 200
    with time_machine.travel(dt.datetime(2028, 4, 2, tzinfo=dt.UTC), tick=False):
        checks_retention_task.enqueue()
    assert CompanyCheck.objects.count() == 1
    with time_machine.travel(dt.datetime(2029, 6, 2, tzinfo=dt.UTC), tick=False):
        checks_retention_task.enqueue()
    assert CompanyCheck.objects.count() == 0


def test_retention_months_is_a_setting(settings, version, zwickau):
    settings.LOTSE_GUIDANCE_RETENTION_MONTHS = 6
    with time_machine.travel(START, tick=False):
        start_check(version, zwickau)
    with time_machine.travel(dt.datetime(2026, 10, 1, tzinfo=dt.UTC), tick=False):
        checks_retention_task.enqueue()
    assert CompanyCheck.objects.count() == 0


def test_the_link_is_recorded_at_most_once_an_hour(client, version, zwickau):
    with time_machine.travel(START, tick=False):
        _check, token = start_check(version, zwickau)
    plan = reverse("guidance:plan", args=[token])
    with time_machine.travel(START + dt.timedelta(minutes=59), tick=False):
        assert client.get(plan).status_code == 200
    assert CompanyCheck.objects.get().last_used_at == START
    later = START + dt.timedelta(minutes=61)
    with time_machine.travel(later, tick=False):
        assert client.get(plan).status_code == 200
    assert CompanyCheck.objects.get().last_used_at == later
