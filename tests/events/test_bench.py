"""Bench data of the events app and the bench login for staff targets."""

import dataclasses

import pytest
from django.db.models import Count, Q
from django.test import Client

from bench import scenarios
from bench.generators import events as bench
from lotse.events.models import SEAT_STATUSES, Event, Registration

pytestmark = pytest.mark.django_db


def test_generate_is_idempotent_consistent_and_usable():
    summary = bench.generate(scale=1, seed=3)
    assert "5000 bench registrations created" in summary
    event = Event.objects.get(slug=bench.SLUG)
    assert Registration.objects.filter(event=event).count() == 5000
    assert event.sites.count() == 4
    for site in event.sites.annotate(
        n=Count("registrations", filter=Q(registrations__status__in=SEAT_STATUSES))
    ):
        assert site.booked == site.n <= site.capacity
    assert Registration.objects.filter(event=event, checked_in_at__isnull=False).count() > 3000
    assert "nothing to do" in bench.generate(scale=1, seed=3)
    assert Registration.objects.filter(event=event).count() == 5000

    context = bench.bench_context()
    name, key = context["cookie"].split("=")
    client = Client()
    client.cookies[name] = key
    for target in scenarios.TARGETS:
        if target.module != "events":
            continue
        path = target.path.format(**context)
        # Staff targets with the bench user's session, public ones as an anonymous visitor.
        response = (client if target.login else Client()).get(path)
        assert response.status_code == 200, path
        assert target.expect_text in response.content.decode()
        if "einlass" in path:
            assert context["bench_code"] in response.content.decode()


def test_staff_targets_without_login_are_refused():
    bench.generate(scale=1, seed=3)
    context = bench.bench_context()
    target = next(t for t in scenarios.TARGETS if t.name == "events-report")
    response = Client().get(dataclasses.replace(target).path.format(**context))
    assert response.status_code == 302
