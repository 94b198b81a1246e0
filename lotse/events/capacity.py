"""Seats, working-group places and the waiting list: the capacity primitives of the
registration services (services.py) and the expiry of holds and offers (daily tasks).

A place is taken with ONE conditional UPDATE on the site (or working-group) row
(`booked + n <= capacity`, or unlimited when `capacity` is NULL) and the row count is
checked; on PostgreSQL the UPDATE also locks the row until the transaction ends, on SQLite the
IMMEDIATE transaction holds the write lock. Freed seats are offered to the first people waiting,
in order of arrival.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from .models import Event, Registration, RegistrationStatus, Site, WorkingGroup


def registration_mail_after_commit(registration: Registration, kind: str) -> None:
    """Put the e-mail into the outbox; it goes out (by the worker) only if the transaction
    commits."""
    from .mails import registration_mail_enqueue

    registration_mail_enqueue(registration=registration, kind=kind)


def seat_take(*, site: Site, count: int = 1) -> bool:
    """Take `count` places at the site with one conditional UPDATE; False when it is full."""
    updated = (
        Site.objects.filter(pk=site.pk)
        .filter(Q(capacity__isnull=True) | Q(booked__lte=F("capacity") - count))
        .update(booked=F("booked") + count)
    )
    return updated == 1


def seat_release(*, site_id: int, count: int = 1) -> None:
    Site.objects.filter(pk=site_id, booked__gte=count).update(booked=F("booked") - count)


def group_take(*, group: WorkingGroup) -> bool:
    updated = (
        WorkingGroup.objects.filter(pk=group.pk)
        .filter(Q(capacity__isnull=True) | Q(booked__lt=F("capacity")))
        .update(booked=F("booked") + 1)
    )
    return updated == 1


def groups_release(registration: Registration) -> None:
    ids = list(registration.working_groups.values_list("pk", flat=True))
    if ids:
        WorkingGroup.objects.filter(pk__in=ids, booked__gte=1).update(booked=F("booked") - 1)


def _groups_take_available(registration: Registration) -> None:
    """On promotion: keep the chosen working groups that still have room, drop the others."""
    kept = [group for group in registration.working_groups.all() if group_take(group=group)]
    registration.working_groups.set(kept)


def site_overdue_expire(*, site_id: int, now: datetime) -> int:
    """Lazily expire overdue holds and offers of one site (freed seats go to the first people
    waiting); returns how many were overdue."""
    overdue = list(
        Registration.objects.filter(site_id=site_id)
        .filter(
            Q(status=RegistrationStatus.HELD, hold_expires_at__lt=now)
            | Q(status=RegistrationStatus.OFFERED, offer_expires_at__lt=now)
        )
        .order_by("pk")
    )
    for registration in overdue:
        registration_expire(registration, now=now)
    return len(overdue)


def registration_expire(registration: Registration, *, now: datetime) -> list[Registration]:
    claimed = Registration.objects.filter(
        pk=registration.pk, status=registration.status, anonymised_at__isnull=True
    ).update(status=RegistrationStatus.EXPIRED, updated_at=now)
    if not claimed:
        return []
    seat_release(site_id=registration.site_id)
    groups_release(registration)
    registration.status = RegistrationStatus.EXPIRED
    return waitlist_promote(site=registration.site, now=now)


def waitlist_promote(*, site: Site, now: datetime | None = None) -> list[Registration]:
    """Offer free places to the first people on the site's waiting list (in arrival order)."""
    now = now or timezone.now()
    promoted: list[Registration] = []
    event = Event.objects.only("offer_hours").get(pk=site.event_id)
    while True:
        candidate = (
            Registration.objects.filter(site_id=site.pk, status=RegistrationStatus.WAITLISTED)
            .order_by("pk")
            .first()
        )
        if candidate is None or not seat_take(site=site):
            return promoted
        claimed = Registration.objects.filter(
            pk=candidate.pk, status=RegistrationStatus.WAITLISTED
        ).update(
            status=RegistrationStatus.OFFERED,
            offer_expires_at=now + timedelta(hours=event.offer_hours),
            updated_at=now,
        )
        if not claimed:  # taken by someone else meanwhile: give the seat back and look again
            seat_release(site_id=site.pk)
            continue
        candidate.refresh_from_db()
        _groups_take_available(candidate)
        registration_mail_after_commit(candidate, "offered")
        promoted.append(candidate)


@transaction.atomic
def holds_expire(*, now: datetime | None = None) -> int:
    """Expire holds whose e-mail link was not clicked in time; frees and re-offers the seats."""
    return _overdue_expire(RegistrationStatus.HELD, "hold_expires_at", now=now or timezone.now())


@transaction.atomic
def offers_expire(*, now: datetime | None = None) -> int:
    """Expire offers not accepted in time; the place goes to the next person waiting."""
    return _overdue_expire(
        RegistrationStatus.OFFERED, "offer_expires_at", now=now or timezone.now()
    )


def _overdue_expire(status: str, deadline: str, *, now: datetime) -> int:
    """Expire the registrations in `status` whose `deadline` field has passed, one by one, each
    only if it is still in that status (an earlier expiry in the loop may have moved it)."""
    count = 0
    overdue = Registration.objects.filter(status=status, **{f"{deadline}__lt": now})
    for registration in overdue.select_related("site").order_by("pk"):
        if Registration.objects.filter(pk=registration.pk, status=status).exists():
            registration_expire(registration, now=now)
            count += 1
    return count
