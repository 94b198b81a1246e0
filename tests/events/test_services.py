"""Services of the registration core: seats, waiting list, double opt-in, expiry, moves."""

from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core import mail
from django.utils import timezone
from wagtail.models import ModelLogEntry

from lotse.events import capacity, services
from lotse.events.models import Registration, RegistrationStatus, Site, WorkingGroup
from lotse.events.services import Person, RegistrationError
from tests.events.factories import person

from .conftest import assert_counters

S = RegistrationStatus


def register(event, site=None, *people, **kwargs):
    site = site or event.sites.first()
    return services.registrations_create(
        event=event, site=site, people=list(people) or [person(1)], **kwargs
    )


def one_by_one(event, count: int) -> list[Registration]:
    """Persons 1 to `count` register alone, one after the other, at the event's first site."""
    return [register(event, None, person(number))[0] for number in range(1, count + 1)]


def reload(registration):
    return Registration.objects.get(pk=registration.pk)


def test_free_seat_is_held_until_confirmed(make_event):
    event = make_event(capacities=(2,))
    (registration,) = register(event)
    assert registration.status == S.HELD
    assert registration.hold_expires_at == pytest.approx(
        timezone.now() + timedelta(hours=24), abs=timedelta(seconds=5)
    )
    assert len(registration.token) >= 40 and len(registration.code) == 8
    assert Site.objects.get(pk=registration.site_id).booked == 1
    assert_counters(event)


def test_full_site_puts_people_on_the_waiting_list_in_order(make_event):
    event = make_event(capacities=(2,))
    results = [register(event, None, person(n))[0] for n in range(5)]
    assert [r.status for r in results] == [S.HELD, S.HELD, S.WAITLISTED, S.WAITLISTED, S.WAITLISTED]
    from lotse.events.selectors import waitlist_position

    assert [waitlist_position(registration=r) for r in results[2:]] == [1, 2, 3]
    assert_counters(event)


def test_colleagues_each_get_their_own_registration(make_event, django_capture_on_commit_callbacks):
    event = make_event(capacities=(2,), max_group_size=3)
    with django_capture_on_commit_callbacks(execute=True):
        created = register(event, None, person(1, organisation="IHK"), person(2), person(3))
    assert [r.status for r in created] == [S.HELD, S.HELD, S.WAITLISTED]
    assert created[1].registered_by == created[0] and created[2].registered_by == created[0]
    assert len({r.token for r in created}) == 3
    assert sorted(m.to[0] for m in mail.outbox) == [
        "p1@example.org",
        "p2@example.org",
        "p3@example.org",
    ]
    assert_counters(event)


def test_group_larger_than_allowed_is_refused(make_event):
    event = make_event(max_group_size=2)
    with pytest.raises(RegistrationError, match="höchstens 2"):
        register(event, None, person(1), person(2), person(3))
    assert Registration.objects.count() == 0
    assert_counters(event)


def test_same_email_twice_is_refused_and_nothing_changes(make_event):
    event = make_event(capacities=(5,))
    register(event)
    with pytest.raises(RegistrationError, match="bereits eine Anmeldung"):
        register(event, None, Person(first_name="X", last_name="Y", email="P1@Example.org"))
    with pytest.raises(RegistrationError, match="eigene E-Mail"):
        register(event, None, person(7), person(7))
    assert Registration.objects.count() == 1
    assert_counters(event)


def test_site_of_another_event_is_refused(make_event):
    event, other = make_event(), make_event()
    with pytest.raises(RegistrationError, match="gehört nicht"):
        register(event, other.sites.first())
    assert Registration.objects.count() == 0


def test_registration_window_is_respected(make_event):
    now = timezone.now()
    event = make_event(
        registration_opens_at=now + timedelta(days=1),
        registration_closes_at=now + timedelta(days=5),
    )
    with pytest.raises(RegistrationError, match="keine Anmeldung"):
        register(event)
    with time_machine.travel(now + timedelta(days=2)):
        assert register(event)[0].status == S.HELD
    with time_machine.travel(now + timedelta(days=6)), pytest.raises(RegistrationError):
        register(event, None, person(2))
    draft = make_event(status="published")
    with pytest.raises(RegistrationError):
        register(draft)


def test_staff_adds_confirmed_with_audit_entry(make_event, django_capture_on_commit_callbacks):
    event = make_event(status="closed")
    staff = get_user_model().objects.create_user("team", "team@example.org", "x")
    with django_capture_on_commit_callbacks(execute=True):
        (registration,) = register(event, staff_user=staff)
    assert registration.status == S.CONFIRMED and registration.confirmed_at
    assert ModelLogEntry.objects.filter(
        action="lotse.create", object_id=str(registration.pk)
    ).exists()
    (message,) = mail.outbox
    assert "bestätigt" in message.subject
    names = [a[0] for a in message.attachments if isinstance(a, tuple)]
    assert f"ticket-{registration.code}.pdf" in names and "veranstaltung.ics" in names


def test_confirm_then_replay_changes_nothing(make_event, django_capture_on_commit_callbacks):
    event = make_event()
    (registration,) = register(event)
    with django_capture_on_commit_callbacks(execute=True):
        result = services.registration_confirm(registration=registration)
    assert result.changed and reload(registration).status == S.CONFIRMED
    confirmed_at = reload(registration).confirmed_at
    assert len(mail.outbox) == 1
    with django_capture_on_commit_callbacks(execute=True):
        replay = services.registration_confirm(registration=registration)
    assert not replay.changed and reload(registration).confirmed_at == confirmed_at
    assert len(mail.outbox) == 1
    assert_counters(event)


def test_confirm_after_the_hold_expired_is_refused(make_event):
    event = make_event(capacities=(1,))
    (registration,) = register(event)
    with (
        time_machine.travel(timezone.now() + timedelta(hours=25)),
        pytest.raises(RegistrationError, match="abgelaufen"),
    ):
        services.registration_confirm(registration=registration)
    assert_counters(event)


def test_cancel_promotes_first_waiting_person(make_event, django_capture_on_commit_callbacks):
    event = make_event(capacities=(1,))
    first, second, third = one_by_one(event, 3)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        result = services.registration_cancel(registration=first)
    assert reload(first).status == S.CANCELLED
    assert [r.pk for r in result.promoted] == [second.pk]
    second = reload(second)
    assert second.status == S.OFFERED
    assert second.offer_expires_at == pytest.approx(
        timezone.now() + timedelta(hours=48), abs=timedelta(seconds=5)
    )
    assert reload(third).status == S.WAITLISTED
    subjects = {m.to[0]: m.subject for m in mail.outbox}
    assert "frei geworden" in subjects["p2@example.org"]
    assert "freigeben" in mail.outbox[0].body or "freigeben" in mail.outbox[1].body
    assert_counters(event)
    # A second cancel is a replay: nothing changes.
    assert not services.registration_cancel(registration=first).changed
    assert_counters(event)


def test_offer_accept_and_expiry_moves_on(make_event):
    event = make_event(capacities=(1,))
    first, second, third = one_by_one(event, 3)
    services.registration_cancel(registration=first)
    start = timezone.now()
    with time_machine.travel(start + timedelta(hours=49)):
        with pytest.raises(RegistrationError, match="abgelaufen"):
            services.offer_accept(registration=second)
        assert capacity.offers_expire() == 1
    assert reload(second).status == S.EXPIRED
    assert reload(third).status == S.OFFERED
    services.offer_accept(registration=third)
    assert reload(third).status == S.CONFIRMED
    assert_counters(event)


def test_offer_decline_goes_to_the_next(make_event):
    event = make_event(capacities=(1,))
    first, second, third = one_by_one(event, 3)
    services.registration_cancel(registration=first)
    services.offer_decline(registration=reload(second))
    assert reload(second).status == S.CANCELLED
    assert reload(third).status == S.OFFERED
    with pytest.raises(RegistrationError):
        services.offer_decline(registration=reload(second))
    assert_counters(event)


def test_holds_expire_frees_seats_and_offers_them(make_event):
    event = make_event(capacities=(1,))
    first, second = one_by_one(event, 2)
    with time_machine.travel(timezone.now() + timedelta(hours=23)):
        assert capacity.holds_expire() == 0
    with time_machine.travel(timezone.now() + timedelta(hours=25)):
        assert capacity.holds_expire() == 1
        assert capacity.holds_expire() == 0  # idempotent
    assert reload(first).status == S.EXPIRED
    assert reload(second).status == S.OFFERED
    assert_counters(event)


def test_expired_holds_are_freed_lazily_before_seats_are_handed_out(make_event):
    event = make_event(capacities=(1,))
    (first,) = register(event, None, person(1))
    with time_machine.travel(timezone.now() + timedelta(hours=25)):
        (late,) = register(event, None, person(2))
    assert reload(first).status == S.EXPIRED
    assert late.status == S.HELD
    assert_counters(event)


def test_a_seat_freed_lazily_goes_to_the_first_person_waiting(make_event):
    event = make_event(capacities=(1,))
    (first,) = register(event, None, person(1))
    (waiting,) = register(event, None, person(2))
    with time_machine.travel(timezone.now() + timedelta(hours=25)):
        (late,) = register(event, None, person(3))
    assert reload(first).status == S.EXPIRED
    assert reload(waiting).status == S.OFFERED
    assert late.status == S.WAITLISTED
    assert_counters(event)


def test_a_site_with_room_hands_out_a_seat_without_looking_for_expired_holds(
    make_event, django_assert_num_queries
):
    event = make_event(capacities=(3,))
    register(event, None, person(1))
    site = event.sites.get()
    # taken check, seat UPDATE, savepoint + INSERT + release, the service's own transaction
    # (a savepoint inside the test's) and the mail's outbox row; no look for overdue holds (the
    # immediate task backend of the tests writes no task row)
    with django_assert_num_queries(8):
        (second,) = register(event, site, person(2))
    assert second.status == S.HELD


def test_move_takes_a_seat_or_joins_the_waiting_list(make_event):
    event = make_event(capacities=(1, 1))
    site_a, site_b = event.sites.order_by("sort_order")
    (first,) = register(event, site_a, person(1))
    (waiting,) = register(event, site_a, person(2))
    services.registration_confirm(registration=first)
    result = services.registration_move(registration=first, site=site_b)
    first = reload(first)
    assert first.site_id == site_b.pk and first.status == S.CONFIRMED
    assert [r.pk for r in result.promoted] == [waiting.pk]
    (other,) = register(event, site_a, person(3))
    assert other.status == S.WAITLISTED
    services.registration_move(registration=reload(other), site=site_b)
    assert reload(other).status == S.WAITLISTED and reload(other).site_id == site_b.pk
    assert_counters(event)
    foreign = make_event().sites.first()
    with pytest.raises(RegistrationError):
        services.registration_move(registration=first, site=foreign)
    assert reload(first).site_id == site_b.pk


def test_staff_move_and_cancel_are_audited(make_event):
    event = make_event(capacities=(3, 3))
    site_a, site_b = event.sites.order_by("sort_order")
    staff = get_user_model().objects.create_user("team2", "t2@example.org", "x")
    (registration,) = register(event, site_a)
    services.registration_move(registration=registration, site=site_b, staff_user=staff)
    services.registration_cancel(registration=reload(registration), staff_user=staff)
    actions = set(
        ModelLogEntry.objects.filter(object_id=str(registration.pk)).values_list(
            "action", flat=True
        )
    )
    assert {"lotse.update", "lotse.status"} <= actions
    assert_counters(event)


def test_working_group_capacity(make_event):
    event = make_event(capacities=(10,))
    group = WorkingGroup.objects.create(event=event, title="AG Integration", capacity=1)
    open_group = WorkingGroup.objects.create(event=event, title="AG offen", capacity=None)
    (first,) = register(event, None, person(1), working_groups=[group, open_group])
    with pytest.raises(RegistrationError, match="ausgebucht"):
        register(event, None, person(2), working_groups=[group])
    assert Registration.objects.count() == 1
    services.registration_groups_change(registration=first, working_groups=[open_group])
    (second,) = register(event, None, person(3), working_groups=[group])
    assert list(second.working_groups.all()) == [group]
    assert_counters(event)
    services.registration_cancel(registration=second)
    assert_counters(event)


def test_unlimited_online_site(make_event):
    event = make_event(capacities=(1,), online=True, max_group_size=10)
    online = event.sites.get(is_online=True)
    created = register(event, online, *[person(n) for n in range(8)])
    assert {r.status for r in created} == {S.HELD}
    assert Site.objects.get(pk=online.pk).booked == 8
    assert_counters(event)


def test_stream_link_only_after_confirmation(make_event, django_capture_on_commit_callbacks):
    event = make_event(online=True)
    online = event.sites.get(is_online=True)
    with django_capture_on_commit_callbacks(execute=True):
        (registration,) = register(event, online)
    assert "stream.example" not in mail.outbox[0].body
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_confirm(registration=registration)
    assert "https://stream.example/live" in mail.outbox[1].body


def test_no_mail_when_the_transaction_rolls_back(make_event, django_capture_on_commit_callbacks):
    event = make_event(max_group_size=2)
    register(event, None, person(9))
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RegistrationError):
        register(event, None, person(1), person(9))
    assert mail.outbox == []
    assert Registration.objects.count() == 1
    assert_counters(event)


def test_mail_tasks_commit_and_roll_back_with_the_registration(make_event, settings):
    """With the database queue the outbox rows and their send task are written in the
    registration's transaction."""
    from django.db import transaction
    from django_tasks_db.models import DBTaskResult

    from lotse.core.models import OutgoingMail

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    sends = DBTaskResult.objects.filter(task_path="lotse.core.mail.mails_send")
    event = make_event(capacities=(1,))
    (held,) = register(event)
    (waiting,) = register(event, None, person(2))
    kinds = sorted(OutgoingMail.objects.values_list("kind", flat=True))
    assert kinds == ["events.registration.held", "events.registration.waitlisted"]
    assert len(mail.outbox) == 0  # queued for the worker, not sent in the request
    with pytest.raises(RuntimeError), transaction.atomic():
        register(event, None, person(3))
        raise RuntimeError("the caller's transaction fails after the registration")
    assert sends.count() == 2
    assert OutgoingMail.objects.count() == 2
    assert Registration.objects.filter(event=event).count() == 2
    assert set(OutgoingMail.objects.values_list("object_id", flat=True)) == {held.pk, waiting.pk}
    queued_ids = sorted(i for row in sends for i in row.args_kwargs["kwargs"]["mail_ids"])
    assert queued_ids == sorted(OutgoingMail.objects.values_list("pk", flat=True))
