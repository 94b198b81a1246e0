"""Check-in at the door (Einlass): look up a ticket, let a person in, undo a mistake.

A check-in is one conditional UPDATE: `WHERE pk = … AND checked_in_at IS NULL AND status =
'confirmed'`. The row count decides who won, so several staff at the same door (or two stale
forms) can never check one person in twice; the database constraint
`events_registration_checkin_only_confirmed` backs it up.
"""

from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from lotse.core.audit import audit_log

from ..models import SEAT_STATUSES, Registration, RegistrationStatus, Site


@dataclass(frozen=True)
class CheckInResult:
    """What happened: `ok` is True only when this call let the person in (or undid it)."""

    ok: bool
    outcome: str  # checked_in | already | not_confirmed | wrong_site | undone | not_checked_in
    registration: Registration


def normalise_code(raw: str) -> str:
    """The short code from what was typed or scanned (a plain code or a URL ending in it)."""
    value = (raw or "").strip().rstrip("/")
    if "/" in value:
        value = value.rsplit("/", 1)[-1]
    return value.strip().upper()


def registration_by_code(*, site: Site, code: str) -> Registration | None:
    """The registration of this event with the given short code (any site), or None."""
    code = normalise_code(code)
    if not code:
        return None
    return (
        Registration.objects.select_related("site", "checked_in_by", "actor_type")
        .filter(event_id=site.event_id, code__iexact=code)
        .first()
    )


def registrations_search(*, site: Site, query: str, limit: int = 20) -> QuerySet[Registration]:
    """Registrations of this site whose name, organisation or code matches `query`."""
    queryset = Registration.objects.select_related("site", "checked_in_by", "actor_type").filter(
        site=site, anonymised_at__isnull=True
    )
    for word in (query or "").split()[:4]:
        queryset = queryset.filter(
            Q(first_name__icontains=word)
            | Q(last_name__icontains=word)
            | Q(organisation__icontains=word)
            | Q(code__iexact=word)
        )
    return queryset.order_by("last_name", "first_name", "id")[:limit]


@transaction.atomic
def registration_check_in(
    *, registration: Registration, user: User, site: Site | None = None
) -> CheckInResult:
    """Let a confirmed person in, once. Returns a CheckInResult; never raises for a refusal."""
    if site is not None and registration.site_id != site.pk:
        registration.refresh_from_db()
        return CheckInResult(False, "wrong_site", registration)
    now = timezone.now()
    updated = Registration.objects.filter(
        pk=registration.pk, checked_in_at__isnull=True, status=RegistrationStatus.CONFIRMED
    ).update(checked_in_at=now, checked_in_by=user, updated_at=now)
    registration.refresh_from_db()
    if updated == 1:
        _check_in_logged(user, registration, None, now, "Einlass")
        return CheckInResult(True, "checked_in", registration)
    if registration.checked_in_at is not None:
        return CheckInResult(False, "already", registration)
    return CheckInResult(False, "not_confirmed", registration)


def _check_in_logged(
    user: User,
    registration: Registration,
    before: datetime | None,
    after: datetime | None,
    note: str,
) -> None:
    """Audit a change of the check-in time (ISO times, None when not checked in)."""
    audit_log(
        user=user,
        action="lotse.status",
        instance=registration,
        changes={"checked_in_at": [before and before.isoformat(), after and after.isoformat()]},
        note=note,
    )


@transaction.atomic
def registration_check_in_undo(*, registration: Registration, user: User) -> CheckInResult:
    """Take back a mistaken check-in (conditional UPDATE as well)."""
    before = registration.checked_in_at
    updated = Registration.objects.filter(pk=registration.pk, checked_in_at__isnull=False).update(
        checked_in_at=None, checked_in_by=None, updated_at=timezone.now()
    )
    registration.refresh_from_db()
    if updated == 1:
        _check_in_logged(user, registration, before, None, "Einlass zurückgenommen")
        return CheckInResult(True, "undone", registration)
    return CheckInResult(False, "not_checked_in", registration)


@dataclass(frozen=True)
class Attendance:
    present: int
    confirmed: int
    registered: int  # every registration holding a place (held, confirmed, offered)
    waiting: int


def site_attendance(*, site: Site) -> Attendance:
    """Present / confirmed / registered / waiting at one site, in one query."""
    row = Registration.objects.filter(site=site).aggregate(
        present=Count("id", filter=Q(checked_in_at__isnull=False)),
        confirmed=Count("id", filter=Q(status=RegistrationStatus.CONFIRMED)),
        registered=Count("id", filter=Q(status__in=SEAT_STATUSES)),
        waiting=Count("id", filter=Q(status=RegistrationStatus.WAITLISTED)),
    )
    return Attendance(**row)
