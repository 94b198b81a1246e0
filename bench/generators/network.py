"""Benchmark data of the network: `scale * 200` invented actors (external_id `bench-a-NNNNNN`).

Called by `manage.py generate_bench_data --scale N --seed S` (bench/generators/__init__.py).
Rows are inserted with `bulk_create` (actors and the many-to-many through tables), the search
document is computed from the in-memory data, nothing is read per row. Deterministic for a seed:
actor N is the same whatever existed before; a second run only adds what is missing.
"""

from __future__ import annotations

import random

from django.db import transaction

from bench.generators import bench_ids
from lotse.core.fulltext import search_document
from lotse.core.models import ActorType, Language, Region, TargetGroup, TopicField
from lotse.network.models import Actor

ACTORS_PER_SCALE = 200
PREFIX = "bench-a-"
BATCH = 2000

KINDS = [
    ("Beratungsstelle", "beratungsstelle"),
    ("Bildungswerk", "bildungseinrichtung"),
    ("Fachkräfteallianz", "fachkraefteallianz"),
    ("Wirtschaftsförderung", "wirtschaftsfoerderung"),
    ("Verein", "verein-verband"),
    ("Netzwerk", "verein-verband"),
    ("Personalservice", "personalvermittlung"),
    ("Kompetenzzentrum", "wissenschaft"),
    ("Servicestelle", "kommunalverwaltung"),
    ("Innung", "kammer"),
]
SUBJECTS = [
    "Fachkräftesicherung",
    "Gute Arbeit",
    "Ausbildung und Beruf",
    "Integration in Arbeit",
    "Weiterbildung",
    "Willkommenskultur",
    "Arbeitsschutz",
    "Tarifberatung",
    "Berufsorientierung",
    "Unternehmensnachfolge",
    "Pflegeberufe",
    "Handwerk",
]
DESCRIPTIONS = [
    "Wir beraten kleine und mittlere Unternehmen {where} zu {subject}.",
    "Unser Team unterstützt Beschäftigte und Betriebe kostenfrei und vertraulich.",
    "Wir vermitteln Kontakte zu Kammern, Agenturen für Arbeit und Bildungsträgern.",
    "Schwerpunkte sind {subject} sowie die Gewinnung internationaler Fachkräfte.",
    "Beratung ist auf Deutsch und in weiteren Sprachen möglich.",
    "Wir begleiten Betriebe von der ersten Idee bis zur Umsetzung im Alltag.",
    "Regelmäßige Sprechstunden, Workshops und Netzwerktreffen {where}.",
]
STREETS = ["Hauptstraße", "Bahnhofstraße", "Markt", "Schillerstraße", "Lindenallee", "Ringstraße"]


def _reference():
    districts = list(Region.objects.districts().order_by("code"))
    return {
        "districts": districts,
        "topics": list(TopicField.objects.order_by("order")),
        "groups": list(TargetGroup.objects.order_by("order")),
        "languages": list(Language.objects.order_by("order")),
        "types": {item.slug: item for item in ActorType.objects.all()},
    }


def _actor_fields(rng: random.Random, number: int, ref) -> dict:
    kind, type_slug = rng.choice(KINDS)
    subject = rng.choice(SUBJECTS)
    home = rng.choice(ref["districts"])
    statewide = rng.random() < 0.08
    served = [home] + rng.sample(ref["districts"], k=rng.randint(0, 2))
    served = list(dict.fromkeys(served))
    where = "in ganz Sachsen" if statewide else f"in der Region {home.name}"
    name = f"{kind} {subject} {home.seat or home.name} {number}"
    description = " ".join(
        sentence.format(where=where, subject=subject)
        for sentence in rng.sample(DESCRIPTIONS, k=rng.randint(2, 4))
    )
    languages = [ref["languages"][0]] + rng.sample(ref["languages"][1:], k=rng.randint(0, 3))
    return {
        "name": name[:200],
        "short_name": "".join(word[0] for word in name.split() if word[0].isupper())[:60],
        "type": ref["types"].get(type_slug) or next(iter(ref["types"].values())),
        "statewide": statewide,
        "home": home,
        "served": served,
        "topics": rng.sample(ref["topics"], k=rng.randint(1, 3)),
        "groups": rng.sample(ref["groups"], k=rng.randint(1, 3)),
        "languages": languages,
        "description": description,
        "street": f"{rng.choice(STREETS)} {rng.randint(1, 120)}",
        "postcode": f"0{rng.randint(1000, 9999)}",
    }


# Through table, its column for the linked row, key of the generated fields.
LINKS = (
    ("districts", "region_id", "served"),
    ("topics", "topicfield_id", "topics"),
    ("groups", "targetgroup_id", "groups"),
    ("languages", "language_id", "languages"),
)


@transaction.atomic
def generate(*, scale: int, seed: int) -> str:
    """Create the missing bench actors up to `scale * 200`; returns a one-line summary."""
    target = scale * ACTORS_PER_SCALE
    existing = bench_ids(Actor, PREFIX)
    if len(existing) >= target:
        return f"{len(existing)} bench actors present (wanted {target}), nothing to do"
    ref = _reference()
    rng = random.Random(seed)
    missing = []
    for number in range(1, target + 1):
        fields = _actor_fields(rng, number, ref)  # always drawn: actor N is stable per seed
        key = f"{PREFIX}{number:06d}"
        if key not in existing:
            missing.append((number, key, fields))

    through = {
        "districts": Actor.districts.through,
        "topics": Actor.topic_fields.through,
        "groups": Actor.target_groups.through,
        "languages": Actor.languages.through,
    }
    for start in range(0, len(missing), BATCH):
        chunk = missing[start : start + BATCH]
        actors = []
        for number, key, fields in chunk:
            parts = [
                fields["name"],
                fields["short_name"],
                fields["description"],
                fields["home"].seat,
            ]
            parts.append(fields["type"].name)
            parts += [item.name for item in fields["topics"] + fields["groups"] + fields["served"]]
            actors.append(
                Actor(
                    external_id=key,
                    name=fields["name"],
                    short_name=fields["short_name"],
                    slug=f"bench-akteur-{number:06d}",
                    actor_type=fields["type"],
                    statewide=fields["statewide"],
                    description=fields["description"],
                    street=fields["street"],
                    postcode=fields["postcode"],
                    town=fields["home"].seat,
                    district=fields["home"],
                    email=f"kontakt-{number}@bench.lotse.example",
                    website=f"https://bench-{number}.lotse.example",
                    is_published=True,
                    search_document=search_document(parts, compounds=True),
                )
            )
        Actor.objects.bulk_create(actors, batch_size=BATCH)
        links: dict[str, list] = {name: [] for name in through}
        for actor, (_number, _key, fields) in zip(actors, chunk, strict=True):
            for name, column, key in LINKS:
                links[name] += [
                    through[name](actor_id=actor.pk, **{column: item.pk}) for item in fields[key]
                ]
        for name, rows in links.items():
            through[name].objects.bulk_create(rows, batch_size=BATCH)
    return f"{len(missing)} bench actors created, {len(existing) + len(missing)} in total"
