"""Demo events (invented participants, marked as demo: e-mail addresses @example.org).

(a) a held and documented network meeting on labour migration and integration in Chemnitz with
    160+ registrations from eight actor types, with check-ins;
(b) a held one-day forum at Görlitz, Riesa, Chemnitz and Zwickau plus a live stream, ~170
    registrations with check-ins, so the structure report is complete;
(c) two upcoming events with open registration (free places; one site nearly full with a
    waiting list; working groups; a custom question).

The organisers are real actors of the initial content (lotse/network/data/sn). Registrations
are inserted in bulk; afterwards every site's and working group's `booked` counter is set to
the number of registrations holding a place, so the counters are consistent. Idempotent: keyed
by the event slugs; an event that already has registrations gets none added.
"""

import random
import secrets
from datetime import datetime, time, timedelta

from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from lotse.core.models import ActorType, Region, TopicField
from lotse.events.models import (
    SEAT_STATUSES,
    CustomQuestion,
    Event,
    EventKind,
    EventStatus,
    QuestionKind,
    Registration,
    RegistrationStatus,
    Session,
    Site,
    WorkingGroup,
)
from lotse.network.initial import actor_external_id
from lotse.network.models import Actor

from .network import DEMO_STATE

FIRST_NAMES = [
    "Anja", "Bernd", "Claudia", "Daniel", "Elke", "Frank", "Gabriele", "Heiko", "Ines", "Jens",
    "Katrin", "Lars", "Maria", "Nico", "Olga", "Peter", "Ramona", "Sven", "Tanja", "Uwe",
    "Vanessa", "Wolfgang", "Yvonne", "Thomas", "Sabine", "Mehmet", "Aylin", "Dmytro", "Oksana",
    "Lena", "Martin", "Susanne", "Ahmad", "Julia", "Stefan", "Kerstin", "Robert", "Franziska",
]  # fmt: skip
LAST_NAMES = [
    "Albrecht", "Böhme", "Clauß", "Dietrich", "Ebert", "Fiedler", "Göpfert", "Hähnel", "Illing",
    "Jähnig", "Kretzschmar", "Lehmann", "Mende", "Nestler", "Oehme", "Pohl", "Richter", "Schubert",
    "Thiele", "Uhlig", "Vogel", "Weigel", "Zimmermann", "Seifert", "Hoffmann", "Krause", "Neumann",
    "Yilmaz", "Kowalenko", "Nguyen", "Haase", "Lorenz", "Günther", "Franke", "Winkler", "Heinrich",
]  # fmt: skip
ROLES = [
    "Referentin", "Referent", "Teamleitung", "Sachgebietsleitung", "Beraterin", "Berater",
    "Geschäftsführung", "Projektleitung", "Integrationsbeauftragte", "Koordinatorin",
]  # fmt: skip

# Invented organisations per actor type (used besides the network demo's real actors).
ORGANISATIONS = {
    "arbeitsverwaltung": ["Agentur für Arbeit {town}", "Jobcenter {town}"],
    "kommunalverwaltung": [
        "Landratsamt {town}",
        "Stadtverwaltung {town}",
        "Ausländerbehörde {town}",
    ],
    "kammer": ["IHK-Geschäftsstelle {town}", "Kreishandwerkerschaft {town}"],
    "wirtschaftsfoerderung": ["Wirtschaftsförderung {town}"],
    "bildungseinrichtung": [
        "Berufsschulzentrum {town}",
        "Bildungswerk {town}",
        "Volkshochschule {town}",
    ],
    "verein-verband": ["Migrationsverein {town} e. V.", "Integrationsnetzwerk {town} e. V."],
    "landesbehoerde": ["Landesamt für Schule und Bildung", "Landesdirektion Sachsen"],
    "bundesbehoerde": ["Bundesamt für Migration und Flüchtlinge", "Bundesagentur für Arbeit"],
}
TYPE_WEIGHTS = [
    ("arbeitsverwaltung", 24),
    ("kommunalverwaltung", 22),
    ("kammer", 14),
    ("wirtschaftsfoerderung", 9),
    ("bildungseinrichtung", 12),
    ("verein-verband", 10),
    ("landesbehoerde", 6),
    ("bundesbehoerde", 4),
]
TOWNS = {
    "chemnitz": "Chemnitz",
    "erzgebirgskreis": "Annaberg-Buchholz",
    "mittelsachsen": "Freiberg",
    "vogtlandkreis": "Plauen",
    "zwickau": "Zwickau",
    "dresden": "Dresden",
    "bautzen": "Bautzen",
    "goerlitz": "Görlitz",
    "meissen": "Meißen",
    "saechsische-schweiz-osterzgebirge": "Pirna",
    "leipzig": "Leipzig",
    "landkreis-leipzig": "Borna",
    "nordsachsen": "Torgau",
}
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def _at(day, hour: int, minute: int = 0) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def _actor(key: str) -> Actor | None:
    return Actor.objects.filter(external_id=actor_external_id(DEMO_STATE, key)).first()


def _code(rng: random.Random, prefix: str) -> str:
    return prefix + "".join(rng.choice(CODE_ALPHABET) for _ in range(7))


def bulk_registrations(
    *,
    event: Event,
    plan: list[tuple[Site, int, dict]],
    rng: random.Random,
    code_prefix: str,
    email_prefix: str,
    districts_near: dict[int, list[str]] | None = None,
    batch_size: int = 1000,
) -> int:
    """Insert registrations in bulk. `plan`: (site, count, status shares) per site; shares are
    {status: fraction} plus optional "present" (fraction of confirmed checked in)."""
    types = {item.slug: item for item in ActorType.objects.all()}
    regions = {item.slug: item for item in Region.objects.districts()}
    type_keys = [key for key, _weight in TYPE_WEIGHTS if key in types]
    weights = [weight for key, weight in TYPE_WEIGHTS if key in types]
    used = set(
        Registration.objects.filter(code__startswith=code_prefix).values_list("code", flat=True)
    )
    rows = []
    number = Registration.objects.filter(event=event).count()
    for site, count, shares in plan:
        present_share = shares.get("present", 0)
        statuses = []
        for status, share in shares.items():
            if status != "present":
                statuses += [status] * round(count * share)
        statuses = (statuses + [RegistrationStatus.CONFIRMED] * count)[:count]
        near = (districts_near or {}).get(site.pk) or list(regions)
        for index, status in enumerate(statuses):
            number += 1
            type_key = rng.choices(type_keys, weights)[0]
            district = rng.choice(near) if rng.random() < 0.75 else rng.choice(list(regions))
            first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
            organisation = rng.choice(ORGANISATIONS[type_key]).format(town=TOWNS[district])
            code = _code(rng, code_prefix)
            while code in used:
                code = _code(rng, code_prefix)
            used.add(code)
            created = event.starts_at - timedelta(days=rng.randint(3, 40), minutes=index)
            confirmed = status == RegistrationStatus.CONFIRMED
            checked_in = (
                confirmed and event.starts_at < timezone.now() and (rng.random() < present_share)
            )
            rows.append(
                Registration(
                    event=event,
                    site=site,
                    status=status,
                    token=secrets.token_urlsafe(32),
                    code=code,
                    first_name=first,
                    last_name=last,
                    email=f"{email_prefix}{number:05d}.{last.lower()}@example.org".replace(
                        "ä", "ae"
                    )
                    .replace("ö", "oe")
                    .replace("ü", "ue")
                    .replace("ß", "ss"),
                    organisation=organisation,
                    actor_type=types[type_key],
                    district=regions[district],
                    role=rng.choice(ROLES),
                    dietary_needs="vegetarisch" if rng.random() < 0.15 else "",
                    consent_participant_list=rng.random() < 0.7,
                    consent_photos=rng.random() < 0.6,
                    consent_stream=site.is_online or rng.random() < 0.3,
                    confirmed_at=created + timedelta(hours=2) if confirmed else None,
                    hold_expires_at=event.starts_at if status == RegistrationStatus.HELD else None,
                    cancelled_at=created + timedelta(days=1)
                    if status == RegistrationStatus.CANCELLED
                    else None,
                    checked_in_at=event.starts_at + timedelta(minutes=rng.randint(-40, 50))
                    if checked_in
                    else None,
                )
            )
    Registration.objects.bulk_create(rows, batch_size=batch_size)
    # created_at is auto_now_add: spread it over the weeks before the event afterwards
    return len(rows)


def assign_working_groups(*, event: Event, rng: random.Random) -> None:
    """Give every seat-holding registration one working group (of its site or open to all)."""
    groups = list(event.working_groups.all())
    if not groups:
        return
    through = Registration.working_groups.through
    links = []
    load = {group.pk: 0 for group in groups}
    for registration in Registration.objects.filter(event=event, status__in=SEAT_STATUSES).only(
        "pk", "site_id"
    ):
        fitting = [
            g
            for g in groups
            if (g.site_id in (None, registration.site_id))
            and (g.capacity is None or load[g.pk] < g.capacity)
        ]
        if not fitting:
            continue
        group = rng.choice(fitting)
        load[group.pk] += 1
        links.append(through(registration_id=registration.pk, workinggroup_id=group.pk))
    through.objects.bulk_create(links, batch_size=1000, ignore_conflicts=True)


def counters_sync(*, event: Event) -> None:
    """Set every `booked` counter of the event to the number of registrations holding a place."""
    for site in event.sites.annotate(
        n=Count("registrations", filter=Q(registrations__status__in=SEAT_STATUSES))
    ):
        Site.objects.filter(pk=site.pk).update(booked=site.n)
    for group in event.working_groups.annotate(
        n=Count("registrations", filter=Q(registrations__status__in=SEAT_STATUSES))
    ):
        WorkingGroup.objects.filter(pk=group.pk).update(booked=group.n)


def _event(slug: str, **fields) -> tuple[Event, bool]:
    topics = fields.pop("topics", [])
    co = fields.pop("co_organisers", [])
    event = Event.objects.filter(slug=slug).first()
    created = event is None
    if created:
        event = Event(slug=slug, **fields)
    else:
        for name, value in fields.items():
            setattr(event, name, value)
    event.topic_fields.set(TopicField.objects.filter(slug__in=topics))
    event.co_organisers.set([actor for actor in co if actor is not None])
    event.save()
    return event, created


def _site(event: Event, order: int, name: str, **fields) -> Site:
    site, _ = Site.objects.update_or_create(
        event=event, name=name, defaults={"sort_order": order, **fields}
    )
    return site


def _district(slug: str) -> Region | None:
    return Region.objects.filter(slug=slug).first()


def _speakers(*people):
    return [("speaker", {"name": n, "organisation": o, "role": r}) for n, o, r in people]


def _network_meeting(organiser, today, rng) -> Event:
    day = today - timedelta(days=40)
    event, _ = _event(
        "demo-netzwerktreffen-arbeitsmarktintegration",
        title="Netzwerktreffen Arbeitsmarktintegration und Fachkräfteeinwanderung (Demo)",
        summary="Arbeitsverwaltung, Kommunen, Kammern und Bildungsträger entwickeln gemeinsame "
        "Lösungen für die Integration internationaler Fachkräfte.",
        description="<p>Vorträge von Bundesbehörden und Arbeitsgruppen zu Anerkennung, "
        "Sprachförderung und Ankommen in Betrieben.</p>",
        kind=EventKind.NETWORK_MEETING,
        status=EventStatus.DOCUMENTED,
        organiser=organiser,
        co_organisers=[_actor("ba-rd-sachsen"), _actor("iq-sachsen")],
        starts_at=_at(day, 9, 30),
        ends_at=_at(day, 16, 0),
        registration_opens_at=_at(day - timedelta(days=60), 8),
        registration_closes_at=_at(day - timedelta(days=3), 23),
        documentation="<p>Die Arbeitsgruppen haben drei gemeinsame Vorhaben vereinbart: "
        "eine regionale Lotsenstelle für Anerkennungsfragen, abgestimmte Sprachkursplanung "
        "und einen Leitfaden für das betriebliche Onboarding.</p>",
        topics=["integration-fachkraefteeinwanderung"],
    )
    site = _site(
        event,
        0,
        "Chemnitz",
        venue="Tagungszentrum an der Oper (Demo)",
        street="Theaterplatz 1",
        postcode="09111",
        city="Chemnitz",
        district=_district("chemnitz"),
        room="Saal 1",
        capacity=180,
        step_free=True,
        hearing_loop=True,
        accessible_toilet=True,
    )
    groups = [
        ("AG 1: Anerkennung beschleunigen", "Gemeinsame Lotsenstelle für Anerkennungsverfahren."),
        ("AG 2: Sprache im Beruf", "Berufsbezogene Sprachkurse regional abstimmen."),
        ("AG 3: Ankommen im Betrieb", "Leitfaden für das betriebliche Onboarding."),
    ]
    for order, (title, results) in enumerate(groups):
        WorkingGroup.objects.update_or_create(
            event=event,
            title=title,
            defaults={"sort_order": order, "capacity": 60, "results": f"<p>{results}</p>"},
        )
    _sessions(
        event,
        [
            (9, 30, "Begrüßung", None, _speakers(("Dr. Katrin Beispiel", "ZEFAS", "Leitung"))),
            (
                10,
                0,
                "Fachkräfteeinwanderung: Stand und Verfahren",
                None,
                _speakers(("Thomas Muster", "Bundesamt für Migration und Flüchtlinge", "Referat")),
            ),
            (
                10,
                45,
                "Die Zentrale Auslands- und Fachvermittlung",
                None,
                _speakers(("Sabine Exempel", "Bundesagentur für Arbeit", "ZAV")),
            ),
            (13, 0, "Arbeitsgruppen", None, []),
            (15, 15, "Ergebnisse und Ausblick", None, []),
        ],
    )
    if not event.registrations.exists():
        bulk_registrations(
            event=event,
            plan=[
                (
                    site,
                    172,
                    {
                        RegistrationStatus.CONFIRMED: 0.92,
                        RegistrationStatus.CANCELLED: 0.08,
                        "present": 0.93,
                    },
                )
            ],
            rng=rng,
            code_prefix="DA",
            email_prefix="demo.nt.",
            districts_near={site.pk: ["chemnitz", "zwickau", "erzgebirgskreis", "mittelsachsen"]},
        )
        assign_working_groups(event=event, rng=rng)
    counters_sync(event=event)
    return event


def _sessions(event: Event, items) -> None:
    day = timezone.localtime(event.starts_at).date()
    for order, (hour, minute, title, site, speakers) in enumerate(items):
        session = Session.objects.filter(event=event, title=title).first() or Session(
            event=event, title=title
        )
        session.sort_order = order
        session.starts_at = _at(day, hour, minute)
        session.site = site
        session.speakers = speakers
        session.save()


def _forum(organiser, today, rng) -> Event:
    day = today - timedelta(days=20)
    event, _ = _event(
        "demo-fachforum-gute-arbeit-vier-standorte",
        title="Fachforum Gute Arbeit in Sachsen – an vier Standorten (Demo)",
        summary="Ein Tag, vier Standorte, ein Livestream: Betriebe, Verwaltung und Beratung zu "
        "guten Arbeitsbedingungen als Standortvorteil.",
        kind=EventKind.FORUM,
        status=EventStatus.HELD,
        organiser=organiser,
        co_organisers=[_actor("ihk-dresden"), _actor("hwk-chemnitz")],
        starts_at=_at(day, 10, 0),
        ends_at=_at(day, 15, 30),
        ask_stream_consent=True,
        topics=["gute-arbeitsbedingungen"],
    )
    specs = [
        ("Görlitz", "goerlitz", "Görlitz", "Hochschule Zittau/Görlitz, Haus G I (Demo)", 45),
        ("Riesa", "meissen", "Riesa", "Stadthalle Stern (Demo)", 40),
        ("Chemnitz", "chemnitz", "Chemnitz", "Industriemuseum (Demo)", 50),
        ("Zwickau", "zwickau", "Zwickau", "Neue Welt (Demo)", 45),
    ]
    sites = []
    near = {}
    for order, (name, district, city, venue, capacity) in enumerate(specs):
        site = _site(
            event,
            order,
            name,
            venue=venue,
            city=city,
            district=_district(district),
            capacity=capacity,
            step_free=True,
        )
        sites.append((site, capacity))
        near[site.pk] = [district]
    online = _site(
        event,
        4,
        "Online (Livestream)",
        is_online=True,
        capacity=None,
        stream_url="https://stream.example.org/demo-fachforum",
    )
    _sessions(
        event,
        [
            (
                10,
                0,
                "Keynote: Gute Arbeit als Standortvorteil",
                None,
                _speakers(("Prof. Dr. Jana Beispiel", "IAB", "Forschungsbereich")),
            ),
            (11, 0, "Praxisbeispiele aus den Regionen", None, []),
            (13, 30, "Podium: Was Betriebe attraktiv macht", None, []),
        ],
    )
    if not event.registrations.exists():
        shares = {
            RegistrationStatus.CONFIRMED: 0.9,
            RegistrationStatus.CANCELLED: 0.1,
            "present": 0.88,
        }
        plan = [(site, capacity - 8, shares) for site, capacity in sites]
        plan.append((online, 22, {RegistrationStatus.CONFIRMED: 1.0, "present": 0.8}))
        near[online.pk] = list(TOWNS)
        bulk_registrations(
            event=event,
            plan=plan,
            rng=rng,
            code_prefix="DB",
            email_prefix="demo.ff.",
            districts_near=near,
        )
    counters_sync(event=event)
    return event


def _upcoming(organiser, today, rng) -> list[Event]:
    first_day = today + timedelta(days=21)
    first, _ = _event(
        "demo-runder-tisch-ausbildung-internationaler-azubis",
        title="Runder Tisch: Ausbildung internationaler Auszubildender (Demo)",
        summary="Betriebe, Berufsschulen und Kammern tauschen Erfahrungen aus und planen "
        "gemeinsame Unterstützungsangebote.",
        kind=EventKind.ROUND_TABLE,
        status=EventStatus.REGISTRATION_OPEN,
        organiser=organiser,
        co_organisers=[_actor("hwk-dresden")],
        starts_at=_at(first_day, 13, 0),
        ends_at=_at(first_day, 17, 0),
        registration_opens_at=_at(today - timedelta(days=14), 8),
        registration_closes_at=_at(first_day - timedelta(days=2), 23),
        ask_dietary_needs=True,
        topics=["ausbildung-weiterbildung", "integration-fachkraefteeinwanderung"],
    )
    dresden = _site(
        first,
        0,
        "Dresden",
        venue="Haus der Wirtschaft (Demo)",
        street="Langer Weg 4",
        postcode="01239",
        city="Dresden",
        district=_district("dresden"),
        capacity=60,
        step_free=True,
    )
    leipzig = _site(
        first,
        1,
        "Leipzig",
        venue="Bildungszentrum Nord (Demo)",
        city="Leipzig",
        district=_district("leipzig"),
        capacity=40,
    )
    for order, title in enumerate(["AG Sprache in der Berufsschule", "AG Wohnen und Ankommen"]):
        WorkingGroup.objects.update_or_create(
            event=first, title=title, defaults={"sort_order": order, "capacity": 30}
        )
    CustomQuestion.objects.update_or_create(
        event=first,
        label="Bilden Sie derzeit internationale Auszubildende aus?",
        defaults={"kind": QuestionKind.YES_NO, "required": True},
    )
    if not first.registrations.exists():
        shares = {RegistrationStatus.CONFIRMED: 0.85, RegistrationStatus.HELD: 0.15}
        bulk_registrations(
            event=first,
            plan=[(dresden, 24, shares), (leipzig, 11, shares)],
            rng=rng,
            code_prefix="DC",
            email_prefix="demo.rt.",
            districts_near={dresden.pk: ["dresden", "meissen"], leipzig.pk: ["leipzig"]},
        )
        assign_working_groups(event=first, rng=rng)
    counters_sync(event=first)

    second_day = today + timedelta(days=45)
    second, _ = _event(
        "demo-workshop-willkommenskultur-im-betrieb",
        title="Workshop Willkommenskultur im Betrieb (Demo)",
        summary="Praxisworkshop für kleine und mittlere Unternehmen: Onboarding internationaler "
        "Fachkräfte planen.",
        kind=EventKind.WORKSHOP,
        status=EventStatus.REGISTRATION_OPEN,
        organiser=organiser,
        co_organisers=[_actor("wc-zwickau")],
        starts_at=_at(second_day, 9, 0),
        ends_at=_at(second_day, 13, 0),
        registration_opens_at=_at(today - timedelta(days=7), 8),
        topics=["integration-fachkraefteeinwanderung"],
    )
    zwickau = _site(
        second,
        0,
        "Zwickau",
        venue="Welcome Center Zwickau (Demo)",
        city="Zwickau",
        district=_district("zwickau"),
        capacity=30,
        step_free=True,
    )
    online = _site(second, 1, "Online", is_online=True, capacity=100)
    WorkingGroup.objects.update_or_create(
        event=second,
        title="Werkstatt: Onboarding-Plan",
        defaults={"sort_order": 0, "capacity": 30, "site": zwickau},
    )
    CustomQuestion.objects.update_or_create(
        event=second,
        label="Wie viele Beschäftigte hat Ihr Betrieb?",
        defaults={
            "kind": QuestionKind.CHOICE,
            "choices": "bis 9\n10 bis 49\n50 bis 249\n250 und mehr",
        },
    )
    if not second.registrations.exists():
        bulk_registrations(
            event=second,
            plan=[
                (zwickau, 29, {RegistrationStatus.CONFIRMED: 0.9, RegistrationStatus.HELD: 0.1}),
                (online, 12, {RegistrationStatus.CONFIRMED: 1.0}),
            ],
            rng=rng,
            code_prefix="DD",
            email_prefix="demo.ws.",
            districts_near={zwickau.pk: ["zwickau"], online.pk: list(TOWNS)},
        )
        bulk_registrations(
            event=second,
            plan=[(zwickau, 4, {RegistrationStatus.WAITLISTED: 1.0})],
            rng=rng,
            code_prefix="DD",
            email_prefix="demo.ws.w",
            districts_near={zwickau.pk: ["zwickau"]},
        )
        assign_working_groups(event=second, rng=rng)
    counters_sync(event=second)
    return [first, second]


@transaction.atomic
def load(*, stdout=None) -> list[str]:
    """Create or update the demo events; returns lines describing them."""
    organiser = _actor("zefas") or Actor.objects.order_by("pk").first()
    if organiser is None:
        return ["events: no actors (load the initial content first)"]
    rng = random.Random(4)  # noqa: S311 - reproducible demo data, not security
    today = timezone.localdate()
    events = [
        _network_meeting(organiser, today, rng),
        _forum(organiser, today, rng),
        *_upcoming(organiser, today, rng),
    ]
    return [
        f"{event.title}: {event.registrations.count()} Anmeldungen ({event.get_status_display()})"
        for event in events
    ]
