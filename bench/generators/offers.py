"""Benchmark data of the catalogue: `scale * 1000` published offers (external_id `bench-o-NNNNNNN`).

Called by `manage.py generate_bench_data --scale N --seed S` after the network's generator (five
offers per bench actor; the actors are generated here too when missing). Offers are inserted with
`bulk_create`, the many-to-many rows directly into the through tables, the search document is
computed from the in-memory data. All offers are live and confirmed now, so they are public;
publication dates are spread over a fixed window (same seed, same data). No revisions: the first
edit in the back office creates one. Idempotent: a second run only adds what is missing.
"""

from __future__ import annotations

import datetime
import random

from django.db import connection, transaction
from django.utils import timezone

from bench.generators import bench_ids
from bench.generators import network as network_bench
from lotse.core.fulltext import search_document
from lotse.core.models import Language, Region, TargetGroup, TopicField
from lotse.network.models import Actor
from lotse.offers import search_table
from lotse.offers.models import Offer

OFFERS_PER_SCALE = 1000
PREFIX = "bench-o-"
BATCH = 2000
FIRST_DATE = datetime.date(2024, 10, 1)
LAST_DATE = datetime.date(2026, 9, 30)

THEMES: dict[str, list[str]] = {
    "integration-fachkraefteeinwanderung": [
        "Anerkennungsberatung",
        "Willkommensservice für internationale Fachkräfte",
        "Sprachkurs Deutsch im Beruf",
        "Visa- und Aufenthaltsberatung",
        "Onboarding-Lotsen",
    ],
    "ausbildung-weiterbildung": [
        "Verbundausbildung",
        "Teilqualifizierung",
        "Ausbildungsbegleitung",
        "Weiterbildungsberatung",
        "Berufsorientierung",
    ],
    "gute-arbeitsbedingungen": [
        "Beratung zu flexiblen Arbeitszeiten",
        "Führungskräftetraining",
        "Vereinbarkeit von Familie und Beruf",
        "Mitarbeiterbindung",
        "Betriebliche Mitbestimmung",
    ],
    "arbeits-gesundheitsschutz": [
        "Gefährdungsbeurteilung",
        "Betriebliches Gesundheitsmanagement",
        "Hitzeschutz am Arbeitsplatz",
        "Eingliederungsmanagement",
        "Prävention psychischer Belastung",
    ],
    "tarifvertraege": [
        "Tarifberatung",
        "Mindestlohn-Check",
        "Entgeltgruppen verstehen",
        "Tariftreue bei Vergaben",
        "Haustarif-Sprechstunde",
    ],
}
GENERIC = ["Fachkräfteberatung", "Personalgewinnung", "Betriebsberatung"]
AUDIENCES = [
    "für kleine Betriebe",
    "für das Handwerk",
    "in der Pflege",
    "für die Gastronomie",
    "in der Logistik",
    "im Maschinenbau",
    "für Start-ups",
    "im ländlichen Raum",
]
SUMMARIES = [
    "{theme} {audience}: persönlich, praxisnah und {cost}.",
    "Wir unterstützen Betriebe und Beschäftigte beim Thema {theme}.",
    "Kompakte Hilfe zu {theme} – mit Terminen vor Ort und online.",
    "{theme}: Informationen, Vorlagen und Begleitung {audience}.",
]
SENTENCES = [
    "Das Angebot richtet sich an Unternehmen und Beschäftigte {audience}.",
    "In einem ersten Gespräch klären wir Ihren Bedarf und die nächsten Schritte.",
    "Auf Wunsch vermitteln wir Kontakte zu Kammern, Agenturen und Förderstellen.",
    "Die Termine finden in unseren Räumen, im Betrieb oder per Video statt.",
    "Wir helfen bei Förderanträgen und begleiten die Umsetzung.",
    "Erfahrene Beraterinnen und Berater kennen die Region und ihre Branchen.",
]


def _offer_fields(rng: random.Random, ref) -> dict:
    topics = rng.sample(ref["topics"], k=1 if rng.random() < 0.7 else 2)
    theme = rng.choice(THEMES.get(topics[0].slug, GENERIC))
    audience = rng.choice(AUDIENCES)
    cost = rng.choices(list(Offer.Cost), weights=[6, 2, 2])[0]
    kind = rng.choices(list(Offer.Kind), weights=[6, 2, 3, 1, 2, 1])[0]
    draw = rng.random()
    statewide = draw < 0.12
    online = 0.12 <= draw < 0.22 or (statewide and rng.random() < 0.5)
    regional = draw >= 0.17  # some online offers are also held in districts
    districts = rng.sample(ref["districts"], k=rng.randint(1, 3)) if regional else []
    words = {"theme": theme, "audience": audience, "cost": str(cost.label)}
    days = (LAST_DATE - FIRST_DATE).days
    published = datetime.datetime.combine(
        FIRST_DATE + datetime.timedelta(days=rng.randint(0, days)),
        datetime.time(8 + rng.randint(0, 9), rng.choice([0, 15, 30, 45])),
    )
    return {
        "title": f"{theme} {audience}",
        "summary": rng.choice(SUMMARIES).format(**words),
        "description": " ".join(
            item.format(**words) for item in rng.sample(SENTENCES, k=rng.randint(2, 4))
        ),
        "kind": kind,
        "cost": cost,
        "topics": topics,
        "groups": rng.sample(ref["groups"], k=rng.randint(1, 3)),
        "languages": [ref["languages"][0]]
        + rng.sample(ref["languages"][1:], k=rng.choice([0, 0, 1, 2])),
        "districts": districts,
        "statewide": statewide,
        "online": online,
        "published": timezone.make_aware(published),
    }


def _actors(scale: int, seed: int, needed: int) -> list[tuple[int, str, str]]:
    """(pk, name, short name) of the bench actors, generating them when too few exist."""
    rows = list(
        Actor.objects.filter(external_id__startswith=network_bench.PREFIX)
        .order_by("external_id")
        .values_list("pk", "name", "short_name")
    )
    if len(rows) < needed:
        network_bench.generate(scale=scale, seed=seed)
        return _actors(scale, seed, 0)
    return rows


def generate(*, scale: int, seed: int) -> str:
    """Create the missing bench offers up to `scale * 1000`; returns a one-line summary."""
    summary, created = _create(scale=scale, seed=seed)
    if created and not connection.in_atomic_block:
        # The triggers filled the search table in the order of the offer numbers (random dates);
        # published one by one, offers would arrive newest first (decision 0027). Clustered after
        # the commit: inside the loading transaction CLUSTER must keep every row version that
        # transaction wrote (one per facet table and offer), and the table stayed 4.7 times its
        # size (412 MB instead of 87 MB at scale 100), its rows spread over five times the pages.
        # (Called inside a transaction, by a test, the table is left as the triggers wrote it.)
        search_table.cluster(connection)
    return summary


@transaction.atomic
def _create(*, scale: int, seed: int) -> tuple[str, int]:
    target = scale * OFFERS_PER_SCALE
    existing = bench_ids(Offer, PREFIX)
    if len(existing) >= target:
        return f"{len(existing)} bench offers present (wanted {target}), nothing to do", 0
    actors = _actors(scale, seed, target // 5)
    ref = {
        "districts": list(Region.objects.districts().order_by("code")),
        "topics": list(TopicField.objects.order_by("order")),
        "groups": list(TargetGroup.objects.order_by("order")),
        "languages": list(Language.objects.order_by("order")),
    }
    rng = random.Random(seed + 1)
    missing = []
    for number in range(1, target + 1):
        fields = _offer_fields(rng, ref)  # always drawn: offer N is stable per seed
        key = f"{PREFIX}{number:07d}"
        if key not in existing:
            missing.append((number, key, fields))

    now = timezone.now()
    kind_labels = {kind: str(kind.label) for kind in Offer.Kind}
    through = {
        "districts": (Offer.districts.through, "region_id"),
        "topics": (Offer.topic_fields.through, "topicfield_id"),
        "groups": (Offer.target_groups.through, "targetgroup_id"),
        "languages": (Offer.languages.through, "language_id"),
    }
    for start in range(0, len(missing), BATCH):
        chunk = missing[start : start + BATCH]
        offers = []
        for number, key, fields in chunk:
            actor_pk, actor_name, actor_short = actors[((number - 1) // 5) % len(actors)]
            parts = [
                fields["title"],
                fields["summary"],
                fields["description"],
                actor_name,
                actor_short,
                kind_labels[fields["kind"]],
            ]
            parts += [item.name for item in fields["topics"] + fields["groups"]]
            offers.append(
                Offer(
                    external_id=key,
                    title=fields["title"][:200],
                    slug=f"bench-angebot-{number:07d}",
                    summary=fields["summary"][:400],
                    description=fields["description"],
                    actor_id=actor_pk,
                    kind=fields["kind"],
                    cost=fields["cost"],
                    statewide=fields["statewide"],
                    online=fields["online"],
                    link=f"https://bench-{number}.lotse.example/angebot",
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=fields["published"],
                    last_published_at=fields["published"],
                    confirmed_at=now,
                    search_document=search_document(parts, compounds=True),
                )
            )
        Offer.objects.bulk_create(offers, batch_size=BATCH)
        for name, (model, column) in through.items():
            rows = [
                model(offer_id=offer.pk, **{column: item.pk})
                for offer, (_number, _key, fields) in zip(offers, chunk, strict=True)
                for item in fields[name]
            ]
            model.objects.bulk_create(rows, batch_size=BATCH)
    summary = f"{len(missing)} bench offers created, {len(existing) + len(missing)} in total"
    return summary, len(missing)
