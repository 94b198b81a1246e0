"""Reads: upcoming/past lists with filters, detail prefetching, waiting positions, tokens."""

from datetime import timedelta

from lotse.core.models import Region, TopicField
from lotse.events import selectors, services
from lotse.events.models import EventStatus, Registration, Session, Site

from .conftest import create_event


def test_upcoming_and_past_are_split_and_public_only(make_event):
    soon = make_event(starts_in=timedelta(days=2))
    later = make_event(starts_in=timedelta(days=20))
    past = make_event(starts_in=timedelta(days=-20), status="held")
    make_event(status="draft")
    assert selectors.events_upcoming() == [soon, later]
    assert selectors.events_past() == [past]


def test_filters(make_event):
    topic = TopicField.objects.first()
    district = Region.objects.districts().first()
    matching = make_event(kind="workshop")
    matching.topic_fields.add(topic)
    matching.save()
    site = matching.sites.first()
    site.district = district
    site.save()
    other = make_event(kind="webinar")
    filters = selectors.EventFilters(
        kind="workshop", topic_field=topic.slug, district=district.slug
    )
    assert selectors.events_upcoming(filters=filters) == [matching]
    assert selectors.events_upcoming(filters=selectors.EventFilters(kind="webinar")) == [other]
    assert set(selectors.events_upcoming(filters=selectors.EventFilters(kind="unsinn"))) == {
        matching,
        other,
    }


def test_detail_queries_are_constant(make_event, django_assert_num_queries):
    event = make_event(capacities=(5, 5))
    for n in range(4):
        Session.objects.create(event=event, starts_at=event.starts_at, title=f"S{n}")
    with django_assert_num_queries(9):
        detail = selectors.event_public_detail(slug=event.slug)
        list(detail.sites.all())
        [s.site for s in detail.sessions.all()]
    assert selectors.event_public_detail(slug="nope") is None


def test_agenda_slots_group_parallel_sessions(make_event):
    event = make_event()
    a = Session.objects.create(event=event, starts_at=event.starts_at, title="A")
    b = Session.objects.create(event=event, starts_at=event.starts_at, title="B")
    c = Session.objects.create(
        event=event, starts_at=event.starts_at + timedelta(hours=1), title="C"
    )
    slots = selectors.agenda_slots([a, b, c])
    assert [[s.title for s in items] for _start, items in slots] == [["A", "B"], ["C"]]


def test_waitlist_position_and_token_lookup(make_event):
    event = create_event(capacities=(1,))
    site = event.sites.get()
    regs = [
        services.registrations_create(
            event=event, site=site, people=[services.Person("V", "N", f"w{n}@example.org")]
        )[0]
        for n in range(3)
    ]
    assert [selectors.waitlist_position(registration=r) for r in regs] == [None, 1, 2]
    assert selectors.registration_by_token(token=regs[0].token) == regs[0]
    assert selectors.registration_by_token(token="") is None
    Registration.objects.filter(pk=regs[0].pk).update(anonymised_at=event.ends_at)
    assert selectors.registration_by_token(token=regs[0].token) is None
    assert selectors.sites_with_room(event=event) == []


def test_stream_link_only_for_confirmed_online_participants(make_event):
    event = make_event(online=True)
    online = event.sites.get(is_online=True)
    on_site = event.sites.exclude(pk=online.pk).first()
    held = Registration(event=event, site=online, status="held")
    confirmed = Registration(event=event, site=online, status="confirmed")
    in_the_room = Registration(event=event, site=on_site, status="confirmed")
    assert selectors.stream_url_for(registration=held) == ""
    assert selectors.stream_url_for(registration=confirmed) == online.stream_url != ""
    assert selectors.stream_url_for(registration=in_the_room) == ""


def test_registration_setup_is_cached_per_event_version(make_event, django_assert_num_queries):
    event = make_event(capacities=(3, 4))
    with django_assert_num_queries(5):  # version and counters, event, sites, groups, questions
        first = selectors.registration_setup(slug=event.slug)
    with django_assert_num_queries(1):  # version and seat counters (no working groups)
        second = selectors.registration_setup(slug=event.slug)
    assert [s.pk for s in second.sites] == [s.pk for s in first.sites]
    assert [s.capacity for s in second.sites] == [3, 4]
    Site.objects.filter(pk=first.sites[0].pk).update(booked=2)  # a registration elsewhere
    assert selectors.registration_setup(slug=event.slug).sites[0].free_places == 1
    event.save()  # a new version: read in full again
    with django_assert_num_queries(5):
        assert selectors.registration_setup(slug=event.slug).event.updated_at == event.updated_at


def test_registration_setup_only_for_published_events(make_event):
    event = make_event(status=EventStatus.DRAFT)
    assert selectors.registration_setup(slug=event.slug) is None
    assert selectors.registration_setup(slug="gibt-es-nicht") is None
