"""The action plan: offers public and available in the district, contacts, events, no-offer
text, priority of legal duties, and query counts that do not grow with answers or offers."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from lotse.core.models import ActorType, Region, TopicField
from lotse.guidance.selectors import check_by_token, check_plan
from lotse.guidance.services import check_module_answer
from lotse.network.models import Contact
from tests.events.factories import make_event
from tests.offers.conftest import create_actor, create_offer

from .conftest import module_answers, safety_events_one_ending, start_check

pytestmark = pytest.mark.django_db

SAFETY = "arbeits-gesundheitsschutz"
MEASURE = "arbeitsschutz.gefaehrdungsbeurteilung-erstellen"


@pytest.fixture
def check_with_duty_breach(version, zwickau):
    check, token = start_check(version, zwickau, size_class="10-49")
    answers = module_answers(version, "arbeitsschutz", gefaehrdungsbeurteilung="nein")
    check_module_answer(check=check, module_key="arbeitsschutz", answers=answers)
    return check_by_token(token=token), token


def serving(actor, district):
    actor.districts.set([district])  # a ParentalManyToManyField: written by save()
    actor.save()
    return actor


def _measure(plan, key=MEASURE):
    return next(measure for measure in plan.measures if measure.key == key)


def test_legal_duty_measure_comes_first_and_module_is_urgent(version, zwickau):
    check, token = start_check(version, zwickau)
    # everything else "teilweise" (urgent modules without duties), safety good but one duty "nein"
    for key in ("personalgewinnung", "ausbildung", "weiterbildung", "einwanderung"):
        answers = module_answers(version, key, "teilweise")
        if key == "personalgewinnung":
            answers["nachweis-arbeitsbedingungen"] = "ja"
        if key == "ausbildung":
            answers["ausbildungsplan-vollstaendig"] = "ja"
        check_module_answer(check=check, module_key=key, answers=answers)
    answers = module_answers(version, "arbeitsschutz", bem="nein")
    check_module_answer(check=check, module_key="arbeitsschutz", answers=answers)
    plan = check_plan(check=check_by_token(token=token))
    safety = next(item for item in plan.modules if item.module.key == "arbeitsschutz")
    assert safety.score >= 75 and safety.band == "dringend"
    assert plan.measures[0].key == "arbeitsschutz.eingliederungsmanagement"
    assert plan.measures[0].legal
    assert "§ 167 Abs. 2 SGB IX" in plan.measures[0].legal_bases
    assert not any(measure.legal for measure in plan.measures[1:])


def test_offers_are_public_available_in_the_district_and_fit_the_size(check_with_duty_breach):
    check, _token = check_with_duty_breach
    local = create_offer(title="Lokal", topic_fields=[SAFETY], districts=["zwickau"], age_days=5)
    newer_local = create_offer(title="Lokal neu", topic_fields=[SAFETY], districts=["zwickau"])
    statewide = create_offer(title="Land", topic_fields=[SAFETY], statewide=True)
    create_offer(title="Online", topic_fields=[SAFETY], online=True)
    create_offer(title="Leipzig", topic_fields=[SAFETY], districts=["leipzig"])
    create_offer(title="Entwurf", topic_fields=[SAFETY], districts=["zwickau"], live=False)
    create_offer(
        title="Abgelaufen",
        topic_fields=[SAFETY],
        districts=["zwickau"],
        valid_until=timezone.localdate() - timedelta(days=1),
    )
    create_offer(title="Nur Kleinst", topic_fields=[SAFETY], districts=["zwickau"], for_small=False)
    create_offer(title="Anderes Thema", topic_fields=["tarifvertraege"], districts=["zwickau"])
    create_offer(
        title="Andere Art", topic_fields=[SAFETY], districts=["zwickau"], kind="foerderprogramm"
    )
    hidden_actor = create_actor(is_published=False)
    create_offer(
        title="Anbieter verborgen", topic_fields=[SAFETY], actor=hidden_actor, statewide=True
    )

    plan = check_plan(check=check)
    offers = _measure(plan).offers
    # at most three, best first: in the district (newest first), then statewide; online is 4th
    assert [offer.title for offer in offers] == [newer_local.title, local.title, statewide.title]
    for measure in plan.measures:
        for offer in measure.offers:
            assert offer.live and offer.actor.is_published
            available = offer.statewide or offer.online or offer.districts.filter(slug="zwickau")
            assert available


def test_without_offers_the_plan_says_so_and_points_to_the_desk(client, check_with_duty_breach):
    _check, token = check_with_duty_breach
    create_offer(title="Leipzig", topic_fields=[SAFETY], districts=["leipzig"])
    html = client.get(reverse("guidance:plan", args=[token])).content.decode()
    assert "In Zwickau gibt es dafür derzeit kein passendes öffentliches Angebot" in html
    assert f"/angebote/?topic_field={SAFETY}" in html


def test_contacts_of_fitting_types_in_the_district_with_public_contact(check_with_duty_breach):
    check, _token = check_with_duty_breach
    chamber = ActorType.objects.get(slug="kammer")
    zwickau = Region.objects.get(slug="zwickau")
    near = create_actor(name="Kammer Zwickau", actor_type=chamber, email="info@k.example")
    near.districts.set([zwickau])
    near.save()
    person = create_actor(
        name="Beratung mit Person", actor_type=ActorType.objects.get(slug="beratungsstelle")
    )
    person.districts.set([zwickau])
    person.save()
    Contact.objects.create(actor=person, name="A. Muster", is_public=True)
    silent = create_actor(name="Ohne Kontakt", actor_type=chamber)
    silent.districts.set([zwickau])
    silent.save()
    far = create_actor(name="Kammer Leipzig", actor_type=chamber, email="info@l.example")
    far.districts.set([Region.objects.get(slug="leipzig")])
    far.save()
    wrong_type = create_actor(
        name="Gewerkschaft",
        actor_type=ActorType.objects.get(slug="gewerkschaft"),
        email="g@x.example",
    )
    wrong_type.districts.set([zwickau])
    wrong_type.save()
    plan = check_plan(check=check)
    names = [actor.name for actor in _measure(plan).contacts]
    assert names == ["Beratung mit Person", "Kammer Zwickau"]


def test_upcoming_events_on_the_topic(check_with_duty_breach):
    check, _token = check_with_duty_breach
    event = make_event(title="Arbeitsschutz-Sprechtag")
    event.topic_fields.set(TopicField.objects.filter(slug=SAFETY))
    event.save()
    other = make_event(title="Tarif-Forum")
    other.topic_fields.set(TopicField.objects.filter(slug="tarifvertraege"))
    other.save()
    past = make_event(title="Vorbei", days=-3)
    past.topic_fields.set(TopicField.objects.filter(slug=SAFETY))
    past.save()
    plan = check_plan(check=check)
    assert [item.title for item in _measure(plan).events] == ["Arbeitsschutz-Sprechtag"]


def _queries(check) -> int:
    with CaptureQueriesContext(connection) as context:
        check_plan(check=check)
    return len(context)


def test_query_count_constant_in_answers_and_offers(version, zwickau):
    few, few_token = start_check(version, zwickau)
    answers = module_answers(version, "arbeitsschutz", gefaehrdungsbeurteilung="nein")
    check_module_answer(check=few, module_key="arbeitsschutz", answers=answers)
    many, many_token = start_check(version, zwickau)
    check_module_answer(check=many, module_key="arbeitsschutz", answers=answers)
    for key in ("personalgewinnung", "ausbildung", "weiterbildung", "einwanderung"):
        check_module_answer(check=many, module_key=key, answers=module_answers(version, key))
    create_offer(topic_fields=[SAFETY], districts=["zwickau"])
    chamber = ActorType.objects.get(slug="kammer")
    serving(create_actor(actor_type=chamber, email="a@b.example"), zwickau)
    few = check_by_token(token=few_token)
    many = check_by_token(token=many_token)
    check_plan(check=few)  # the reference lists are read once per content version and process
    baseline = _queries(few)
    assert _queries(many) == baseline
    for number in range(12):
        create_offer(topic_fields=[SAFETY], districts=["zwickau"], kind="service")
        create_offer(topic_fields=[SAFETY], statewide=True)
        actor = create_actor(actor_type=chamber, email=f"k{number}@b.example")
        serving(actor, zwickau)
        Contact.objects.create(actor=actor, name=f"Person {number}", is_public=True)
    check_plan(check=few)  # the reference lists of the new content version
    assert _queries(few) == baseline
    assert _queries(many) == baseline


def _page_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context)


def test_plan_page_and_pdf_queries_do_not_grow_with_offers(client, check_with_duty_breach):
    _check, token = check_with_duty_breach
    create_offer(topic_fields=[SAFETY], districts=["zwickau"])
    page = reverse("guidance:plan", args=[token])
    pdf = reverse("guidance:pdf", args=[token])
    _page_queries(client, page)  # warm caches (site root paths)
    baseline = (_page_queries(client, page), _page_queries(client, pdf))
    for _number in range(10):
        create_offer(topic_fields=[SAFETY], districts=["zwickau"])
        create_offer(topic_fields=[SAFETY], online=True, kind="service")
    _page_queries(client, page)  # the reference lists of the new content version
    assert (_page_queries(client, page), _page_queries(client, pdf)) == baseline


def _cache_on(settings):
    from django.core.cache import cache

    settings.LOTSE_PAGE_CACHE_SECONDS = 300
    cache.clear()


def test_cached_lookups_follow_new_and_withdrawn_offers_at_once(settings, check_with_duty_breach):
    """With the cache on, a measure's offers are kept under the content version: a plan costs
    the version read and a cache hit, and an offer withdrawn or added changes the plan at once."""
    _cache_on(settings)
    check, _token = check_with_duty_breach
    offer = create_offer(title="Bald zurückgezogen", topic_fields=[SAFETY], districts=["zwickau"])
    assert offer in _measure(check_plan(check=check)).offers
    with CaptureQueriesContext(connection) as context:
        assert offer in _measure(check_plan(check=check)).offers
    assert len(context) == 1  # the content versions
    type(offer).objects.filter(pk=offer.pk).update(live=False)
    assert offer not in _measure(check_plan(check=check)).offers
    added = create_offer(title="Neu dazu", topic_fields=[SAFETY], districts=["zwickau"])
    assert _measure(check_plan(check=check)).offers == [added]


def test_cached_lookups_follow_contacts_and_events_at_once(settings, check_with_duty_breach):
    _cache_on(settings)
    check, _token = check_with_duty_breach
    chamber = ActorType.objects.get(slug="kammer")
    zwickau = Region.objects.get(slug="zwickau")
    actor = serving(create_actor(name="Kammer Z", actor_type=chamber, email="k@z.example"), zwickau)
    first = _measure(check_plan(check=check))
    assert [item.name for item in first.contacts] == ["Kammer Z"] and first.events == []
    type(actor).objects.filter(pk=actor.pk).update(is_published=False)
    event = make_event(title="Sprechtag Arbeitsschutz")
    event.topic_fields.set(TopicField.objects.filter(slug=SAFETY))
    event.save()
    again = _measure(check_plan(check=check))
    assert again.contacts == [] and [item.title for item in again.events] == [event.title]


def test_cached_lookups_drop_an_event_that_has_ended(settings, check_with_duty_breach):
    """An event kept in the cached lookups is no longer shown once it has ended (the clock
    moves no version); the next upcoming one takes its place."""
    _cache_on(settings)
    check, _token = check_with_duty_breach
    now = timezone.now()
    safety_events_one_ending("Heute", "Später", "Noch später", now=now)
    assert [e.title for e in _measure(check_plan(check=check, now=now)).events] == [
        "Heute",
        "Später",
    ]
    after = now + timedelta(minutes=2)
    with CaptureQueriesContext(connection) as context:
        events = _measure(check_plan(check=check, now=after)).events
    assert [e.title for e in events] == ["Später", "Noch später"]
    assert len(context) == 1 or timezone.localdate(after) != timezone.localdate(now)
