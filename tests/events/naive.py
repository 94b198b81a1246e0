"""Test-only: the naive count-then-insert registration, the race control of test_concurrency.

gunicorn serves `tests.events.naive:application` for the control test. This module swaps two
names in `lotse.events.services` for that server process only:

- `registrations_create` first counts the seated registrations of the site OUTSIDE the write
  transaction (and waits a moment, as a slow request would), then runs the real service;
- `seat_take` decides by that stale count and writes the count it believes in, instead of the
  conditional UPDATE.

That is what a count-then-insert system does, so concurrent visitors oversell the site. The
production code has no switch for it: the real path is the only path.
"""

from __future__ import annotations

import threading
import time

from lotse.wsgi import application  # noqa: F401 - sets Django up; gunicorn serves this object

from lotse.events import services  # isort: skip - Django must be set up first
from lotse.events.models import SEAT_STATUSES, Registration, Site  # isort: skip

_real_registrations_create = services.registrations_create
_real_seat_take = services.seat_take
_stale = threading.local()


def naive_seat_take(*, site: Site, count: int = 1) -> bool:
    """Take a seat by the count read before the transaction (no conditional UPDATE)."""
    seated = getattr(_stale, "seated", None)
    if seated is None:  # not inside a naive registration: the real service
        return _real_seat_take(site=site, count=count)
    if site.capacity is not None and seated + count > site.capacity:
        return False
    _stale.seated = seated + count
    Site.objects.filter(pk=site.pk).update(booked=seated + count)
    return True


def naive_registrations_create(*, site: Site, **kwargs) -> list[Registration]:
    """Count first, outside the transaction; then insert on the strength of that count."""
    _stale.seated = Registration.objects.filter(site=site, status__in=SEAT_STATUSES).count()
    time.sleep(0.005)
    try:
        return _real_registrations_create(site=site, **kwargs)
    finally:
        _stale.seated = None


services.registrations_create = naive_registrations_create
services.seat_take = naive_seat_take
