"""Every write of the registration core: register, confirm, cancel, move, waiting list, expiry.

Capacity is taken with ONE conditional UPDATE on the site row (`booked + n <= capacity`, or
unlimited when `capacity` is NULL) and the row count is checked; on PostgreSQL the UPDATE also
locks the site row until the transaction ends, on SQLite the IMMEDIATE transaction holds the
write lock. The CheckConstraint `booked <= capacity` is the last line of defence. Invariant:
`site.booked` equals the number of its registrations in SEAT_STATUSES (the same for working
groups). E-mails go into the outbox (core/mail.py) inside the same transaction: a rolled-back
registration never mails anyone, a committed one always has its mail queued.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.db.models import F, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from lotse.core.audit import audit_log
from lotse.core.models import ActorType, Region

from .capacity import (
    group_take,
    groups_release,
    registration_expire,
    registration_mail_after_commit,
    seat_release,
    seat_take,
    site_overdue_expire,
    waitlist_promote,
)
from .models import (
    ACTIVE_STATUSES,
    SEAT_STATUSES,
    Event,
    EventStatus,
    Registration,
    RegistrationStatus,
    Site,
    WorkingGroup,
)

# Ticket codes: no 0/O, 1/I/L, so they can be typed at the door without mix-ups.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 8


class RegistrationError(Exception):
    """A registration could not be written; the message is for the visitor (translated)."""


@dataclass
class Person:
    """One person of a (group) registration, as the form or the back office supplies it."""

    first_name: str
    last_name: str
    email: str
    organisation: str = ""
    actor_type: ActorType | None = None
    district: Region | None = None
    role: str = ""
    dietary_needs: str = ""
    accessibility_needs: str = ""


@dataclass
class Consents:
    participant_list: bool = False
    photos: bool = False
    stream: bool = False


@dataclass
class ChangeResult:
    """What a status change did (for the view's message); `changed` is False for replays."""

    registration: Registration
    changed: bool
    promoted: list[Registration] = field(default_factory=list)


# --- Helpers ---------------------------------------------------------------------------------
def _new_token() -> str:
    return secrets.token_urlsafe(32)


def _new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def _groups_take_all(registration: Registration, groups: list[WorkingGroup]) -> None:
    """Book the chosen working groups for a seated registration, or raise when one is full."""
    for group in groups:
        if not group_take(group=group):
            raise RegistrationError(
                _("Die Arbeitsgruppe „%(title)s“ ist leider ausgebucht.") % {"title": group.title}
            )


def registration_window_open(event: Event, now: datetime | None = None) -> bool:
    """True when the event takes registrations now (status and window)."""
    now = now or timezone.now()
    if event.status != EventStatus.REGISTRATION_OPEN:
        return False
    if event.registration_opens_at and now < event.registration_opens_at:
        return False
    if event.registration_closes_at and now > event.registration_closes_at:
        return False
    return now < event.ends_at


def _locked(registration: Registration) -> Registration:
    """The current row (locked on PostgreSQL) of a live registration."""
    try:
        return Registration.objects.select_for_update().get(
            pk=registration.pk, anonymised_at__isnull=True
        )
    except Registration.DoesNotExist as exc:
        raise RegistrationError(_("Diese Anmeldung gibt es nicht mehr.")) from exc


# --- Registration ----------------------------------------------------------------------------
def _submission_check(
    *,
    event: Event,
    site: Site,
    people: list[Person],
    working_groups: list[WorkingGroup],
    now: datetime,
    staff: bool,
) -> list[str]:
    """What every registration must satisfy; returns the case-folded e-mail addresses."""
    if site.event_id != event.pk:
        raise RegistrationError(_("Der gewählte Standort gehört nicht zu dieser Veranstaltung."))
    if not staff and not registration_window_open(event, now):
        raise RegistrationError(_("Für diese Veranstaltung ist keine Anmeldung möglich."))
    if not people:
        raise RegistrationError(_("Bitte geben Sie mindestens eine Person an."))
    if len(people) > event.max_group_size:
        raise RegistrationError(
            _("Sie können höchstens %(count)s Personen auf einmal anmelden.")
            % {"count": event.max_group_size}
        )
    for group in working_groups:
        if group.event_id != event.pk or (group.site_id and group.site_id != site.pk):
            raise RegistrationError(
                _("Die gewählte Arbeitsgruppe gehört nicht zu diesem Standort.")
            )
    emails = [person.email.strip().lower() for person in people]
    if len(set(emails)) != len(emails):
        raise RegistrationError(_("Jede Person braucht eine eigene E-Mail-Adresse."))
    return emails


def _live_registrations(*, event: Event, emails: list[str]) -> QuerySet[Registration]:
    """The registrations for the event that are still alive (ACTIVE_STATUSES, not anonymised)
    of these addresses: at most one each."""
    return Registration.objects.filter(
        event=event, email__in=emails, status__in=ACTIVE_STATUSES, anonymised_at__isnull=True
    )


LINK_RESEND_INTERVAL = timedelta(minutes=10)


@dataclass
class Acknowledged:
    """One person of a public submission as the acknowledgement page shows it. For an address
    that already had a registration it shows what a new registration at that site would have
    shown, so the page tells nobody which addresses are registered; the owner of the address
    gets the truth and the personal link by e-mail."""

    first_name: str
    last_name: str
    site_id: int
    site_name: str
    status: str
    position: int | None = None
    hold_expires_at: datetime | None = None
    registration_id: int | None = None  # None: an address that was already registered

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


def registrations_submit(
    *,
    event: Event,
    site: Site,
    people: list[Person],
    working_groups: list[WorkingGroup] | None = None,
    answers: dict | None = None,
    consents: Consents | None = None,
    language: str = "de",
) -> list[Acknowledged]:
    """The public registration form: registers the new addresses (one transaction, see
    `registrations_create`) and mails the personal link again to addresses that already have
    a live registration for the event (at most once per LINK_RESEND_INTERVAL each), with the
    same answer for both. Raises RegistrationError for input that is wrong for anyone."""
    now = timezone.now()
    working_groups = working_groups or []
    emails = _submission_check(
        event=event,
        site=site,
        people=people,
        working_groups=working_groups,
        now=now,
        staff=False,
    )
    known = {
        registration.email: registration
        for registration in _live_registrations(event=event, emails=emails)
    }
    new_people = [
        person for person, email in zip(people, emails, strict=True) if email not in known
    ]
    created = iter(
        registrations_create(
            event=event,
            site=site,
            people=new_people,
            working_groups=working_groups,
            answers=answers,
            # Consents belong to the registering person only (the first one).
            consents=consents if emails[0] not in known else Consents(),
            language=language,
        )
        if new_people
        else []
    )
    answer: list[Acknowledged] = []
    for person, email in zip(people, emails, strict=True):
        if email in known:
            registration_link_resend(registration=known[email], now=now)
            answer.append(_as_if_new(person=person, site=site, event=event, now=now))
        else:
            registration = next(created)
            answer.append(
                Acknowledged(
                    first_name=registration.first_name,
                    last_name=registration.last_name,
                    site_id=site.pk,
                    site_name=site.name,
                    status=registration.status,
                    hold_expires_at=registration.hold_expires_at,
                    registration_id=registration.pk,
                )
            )
    return answer


def _as_if_new(*, person: Person, site: Site, event: Event, now: datetime) -> Acknowledged:
    """What a new registration at the site would be now: a held seat or the next place on the
    waiting list (nothing is written)."""
    current = Site.objects.only("capacity", "booked").get(pk=site.pk)
    common = {
        "first_name": person.first_name.strip(),
        "last_name": person.last_name.strip(),
        "site_id": site.pk,
        "site_name": site.name,
    }
    if current.capacity is None or current.booked < current.capacity:
        return Acknowledged(
            **common,
            status=RegistrationStatus.HELD,
            hold_expires_at=now + timedelta(hours=event.hold_hours),
        )
    waiting = Registration.objects.filter(
        site_id=site.pk, status=RegistrationStatus.WAITLISTED
    ).count()
    return Acknowledged(**common, status=RegistrationStatus.WAITLISTED, position=waiting + 1)


@transaction.atomic
def registration_link_resend(*, registration: Registration, now: datetime | None = None) -> bool:
    """Mail the personal link of a live registration again (someone registered its address
    anew); at most once per LINK_RESEND_INTERVAL, claimed by a conditional UPDATE."""
    now = now or timezone.now()
    claimed = (
        Registration.objects.filter(pk=registration.pk, anonymised_at__isnull=True)
        .filter(Q(link_resent_at__isnull=True) | Q(link_resent_at__lte=now - LINK_RESEND_INTERVAL))
        .update(link_resent_at=now)
    )
    if claimed:
        registration_mail_after_commit(registration, "link")
    return bool(claimed)


@transaction.atomic
def registrations_create(
    *,
    event: Event,
    site: Site,
    people: list[Person],
    working_groups: list[WorkingGroup] | None = None,
    answers: dict | None = None,
    consents: Consents | None = None,
    language: str = "de",
    staff_user: User | None = None,
) -> list[Registration]:
    """Register one person and their colleagues (same organisation) for one site.

    Each person gets a seat while there is one (held until the e-mail link is clicked; or
    confirmed at once when `staff_user` adds them), else a place on the site's waiting list.
    Raises RegistrationError with a message for the visitor; then nothing is written.
    """
    now = timezone.now()
    working_groups = working_groups or []
    answers = answers or {}
    consents = consents or Consents()
    emails = _submission_check(
        event=event,
        site=site,
        people=people,
        working_groups=working_groups,
        now=now,
        staff=staff_user is not None,
    )
    taken = set(_live_registrations(event=event, emails=emails).values_list("email", flat=True))
    if taken:
        raise RegistrationError(
            _("Für %(emails)s besteht bereits eine Anmeldung zu dieser Veranstaltung.")
            % {"emails": ", ".join(sorted(taken))}
        )
    created: list[Registration] = []
    expiry_checked = False
    for index, (person, email) in enumerate(zip(people, emails, strict=True)):
        seated = seat_take(site=site)
        if not seated and not expiry_checked:
            # Only a full site can hide seats whose hold or offer ran out: free those (the
            # first people waiting get them), then try once more for this person.
            expiry_checked = True
            if site_overdue_expire(site_id=site.pk, now=now):
                seated = seat_take(site=site)
        if seated:
            status = RegistrationStatus.CONFIRMED if staff_user else RegistrationStatus.HELD
        else:
            status = RegistrationStatus.WAITLISTED
        own_consents = consents if index == 0 else Consents()
        registration = Registration(
            event=event,
            site=site,
            status=status,
            token=_new_token(),
            code=_new_code(),
            registered_by=created[0] if created else None,
            first_name=person.first_name.strip(),
            last_name=person.last_name.strip(),
            email=email,
            organisation=person.organisation.strip(),
            actor_type=person.actor_type,
            district=person.district,
            role=person.role.strip(),
            dietary_needs=person.dietary_needs.strip(),
            accessibility_needs=person.accessibility_needs.strip(),
            answers=answers,
            consent_participant_list=own_consents.participant_list,
            consent_photos=own_consents.photos,
            consent_stream=own_consents.stream,
            language=language[:8],
            hold_expires_at=(
                now + timedelta(hours=event.hold_hours)
                if status == RegistrationStatus.HELD
                else None
            ),
            confirmed_at=now if status == RegistrationStatus.CONFIRMED else None,
        )
        try:
            with transaction.atomic():
                registration.save()
        except IntegrityError as exc:
            raise RegistrationError(
                _("Für %(email)s besteht bereits eine Anmeldung zu dieser Veranstaltung.")
                % {"email": email}
            ) from exc
        if working_groups:
            registration.working_groups.set(working_groups)
            if seated:
                _groups_take_all(registration, working_groups)
        created.append(registration)
        if staff_user is not None:
            audit_log(user=staff_user, action="lotse.create", instance=registration)
        kind = {
            RegistrationStatus.HELD: "held",
            RegistrationStatus.CONFIRMED: "confirmed",
            RegistrationStatus.WAITLISTED: "waitlisted",
        }[status]
        registration_mail_after_commit(registration, kind)
    return created


@transaction.atomic
def registration_confirm(*, registration: Registration) -> ChangeResult:
    """Double opt-in: the e-mail link was clicked. Idempotent for a confirmed registration."""
    now = timezone.now()
    row = _locked(registration)
    if row.status == RegistrationStatus.CONFIRMED:
        return ChangeResult(row, changed=False)
    if row.status == RegistrationStatus.HELD and row.hold_expires_at and row.hold_expires_at < now:
        registration_expire(row, now=now)
        raise RegistrationError(
            _(
                "Die Frist zur Bestätigung ist abgelaufen; der Platz wurde freigegeben. "
                "Bitte melden Sie sich erneut an."
            )
        )
    if row.status != RegistrationStatus.HELD:
        raise RegistrationError(_confirm_refusal(row))
    Registration.objects.filter(pk=row.pk).update(
        status=RegistrationStatus.CONFIRMED, confirmed_at=now, hold_expires_at=None, updated_at=now
    )
    row.refresh_from_db()
    registration_mail_after_commit(row, "confirmed")
    return ChangeResult(row, changed=True)


def _confirm_refusal(row: Registration) -> str:
    if row.status in (RegistrationStatus.CANCELLED, RegistrationStatus.EXPIRED):
        return _("Diese Anmeldung ist nicht mehr gültig (storniert oder verfallen).")
    if row.status == RegistrationStatus.WAITLISTED:
        return _("Sie stehen auf der Warteliste; wir schreiben Ihnen, sobald ein Platz frei wird.")
    return _("Bitte nehmen Sie zuerst den angebotenen Platz an.")


@transaction.atomic
def registration_cancel(
    *, registration: Registration, staff_user: User | None = None
) -> ChangeResult:
    """Cancel ("Platz freigeben"); a freed place is offered to the first person waiting."""
    now = timezone.now()
    row = _locked(registration)
    if row.status not in ACTIVE_STATUSES:
        return ChangeResult(row, changed=False)
    had_seat = row.status in SEAT_STATUSES
    before = row.status
    Registration.objects.filter(pk=row.pk).update(
        status=RegistrationStatus.CANCELLED, cancelled_at=now, updated_at=now
    )
    promoted: list[Registration] = []
    if had_seat:
        seat_release(site_id=row.site_id)
        groups_release(row)
        promoted = waitlist_promote(site=row.site, now=now)
    row.refresh_from_db()
    if staff_user is not None:
        audit_log(
            user=staff_user,
            action="lotse.status",
            instance=row,
            changes={"status": [before, row.status]},
        )
    registration_mail_after_commit(row, "cancelled")
    return ChangeResult(row, changed=True, promoted=promoted)


@transaction.atomic
def registration_move(
    *, registration: Registration, site: Site, staff_user: User | None = None
) -> ChangeResult:
    """Move to another site of the same event: a seat there, or its waiting list when full."""
    now = timezone.now()
    row = _locked(registration)
    if site.event_id != row.event_id:
        raise RegistrationError(_("Der gewählte Standort gehört nicht zu dieser Veranstaltung."))
    if row.status not in ACTIVE_STATUSES:
        raise RegistrationError(
            _("Diese Anmeldung ist nicht mehr gültig (storniert oder verfallen).")
        )
    if site.pk == row.site_id:
        return ChangeResult(row, changed=False)
    old_site = row.site
    before = {"site": old_site.name, "status": row.status}
    had_seat = row.status in SEAT_STATUSES
    site_overdue_expire(site_id=site.pk, now=now)
    seated = seat_take(site=site)
    if had_seat:
        seat_release(site_id=old_site.pk)
        groups_release(row)
    # Working groups of another site do not travel along.
    keep = [g for g in row.working_groups.all() if g.site_id in (None, site.pk)]
    row.working_groups.set(keep)
    event = row.event
    if seated:
        if row.confirmed_at or staff_user is not None:
            status, hold = RegistrationStatus.CONFIRMED, None
        else:
            status, hold = RegistrationStatus.HELD, now + timedelta(hours=event.hold_hours)
        for group in keep:
            if not group_take(group=group):
                row.working_groups.remove(group)
    else:
        status, hold = RegistrationStatus.WAITLISTED, None
    Registration.objects.filter(pk=row.pk).update(
        site=site,
        status=status,
        hold_expires_at=hold,
        offer_expires_at=None,
        confirmed_at=row.confirmed_at or (now if status == RegistrationStatus.CONFIRMED else None),
        updated_at=now,
    )
    promoted = waitlist_promote(site=old_site, now=now) if had_seat else []
    row.refresh_from_db()
    if staff_user is not None:
        audit_log(
            user=staff_user,
            action="lotse.update",
            instance=row,
            changes={
                "site": [before["site"], site.name],
                "status": [before["status"], row.status],
            },
        )
    registration_mail_after_commit(row, "moved")
    return ChangeResult(row, changed=True, promoted=promoted)


@transaction.atomic
def registration_groups_change(
    *, registration: Registration, working_groups: list[WorkingGroup]
) -> ChangeResult:
    """Change the chosen working groups (places are taken/given back for seated people)."""
    row = _locked(registration)
    if row.status not in ACTIVE_STATUSES:
        raise RegistrationError(
            _("Diese Anmeldung ist nicht mehr gültig (storniert oder verfallen).")
        )
    for group in working_groups:
        if group.event_id != row.event_id or (group.site_id and group.site_id != row.site_id):
            raise RegistrationError(
                _("Die gewählte Arbeitsgruppe gehört nicht zu diesem Standort.")
            )
    current = set(row.working_groups.values_list("pk", flat=True))
    wanted = {group.pk for group in working_groups}
    if current == wanted:
        return ChangeResult(row, changed=False)
    if row.status in SEAT_STATUSES:
        removed = current - wanted
        if removed:
            WorkingGroup.objects.filter(pk__in=removed, booked__gte=1).update(
                booked=F("booked") - 1
            )
        _groups_take_all(row, [g for g in working_groups if g.pk not in current])
    row.working_groups.set(working_groups)
    return ChangeResult(row, changed=True)


@transaction.atomic
def offer_accept(*, registration: Registration) -> ChangeResult:
    """Accept a place offered from the waiting list (within `offer_hours`)."""
    now = timezone.now()
    row = _locked(registration)
    if row.status == RegistrationStatus.CONFIRMED:
        return ChangeResult(row, changed=False)
    if row.status != RegistrationStatus.OFFERED:
        raise RegistrationError(_("Für diese Anmeldung liegt kein Platzangebot vor."))
    if row.offer_expires_at and row.offer_expires_at < now:
        registration_expire(row, now=now)
        raise RegistrationError(
            _("Die Frist zur Annahme ist abgelaufen; der Platz ging an die nächste Person.")
        )
    Registration.objects.filter(pk=row.pk).update(
        status=RegistrationStatus.CONFIRMED,
        confirmed_at=now,
        offer_expires_at=None,
        hold_expires_at=None,
        updated_at=now,
    )
    row.refresh_from_db()
    registration_mail_after_commit(row, "confirmed")
    return ChangeResult(row, changed=True)


@transaction.atomic
def offer_decline(*, registration: Registration) -> ChangeResult:
    """Decline an offered place: it goes to the next person waiting."""
    row = _locked(registration)
    if row.status != RegistrationStatus.OFFERED:
        raise RegistrationError(_("Für diese Anmeldung liegt kein Platzangebot vor."))
    return registration_cancel(registration=row)


def reminder_claim(*, registration: Registration, now: datetime | None = None) -> bool:
    """Claim the reminder of one registration (conditional UPDATE: sent at most once)."""
    now = now or timezone.now()
    return bool(
        Registration.objects.filter(
            pk=registration.pk, reminder_sent_at__isnull=True, status=RegistrationStatus.CONFIRMED
        ).update(reminder_sent_at=now)
    )
