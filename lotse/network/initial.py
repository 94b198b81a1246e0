"""Initial content of the network: the real actors of a state and their cooperations.

Data files: `data/<state>/actors.csv` and `cooperations.csv` (sources in their header). Actors are
keyed by `external_id` "<state>-<key>" and loaded through the services; see core/initial.py for
how editors' changes are kept.
"""

from __future__ import annotations

import datetime
from pathlib import Path

from django.db import transaction

from lotse.core.initial import LoadReport, data_dir, load_entry, read_csv, record_refresh, split
from lotse.core.models import ActorType, Language, Region, TargetGroup, TopicField

from .models import Actor, Cooperation
from .services import actor_create, actor_update, cooperation_create

APP_DIR = Path(__file__).resolve().parent
PLAIN_FIELDS = ("name", "short_name", "street", "postcode", "town", "website", "email", "phone")


def actor_external_id(state: str, key: str) -> str:
    return f"{state}-{key}"


def actor_snapshot(actor: Actor) -> dict:
    """The loaded fields of an actor as they are now (the parent by its external id)."""
    parent = Actor.objects.filter(pk=actor.parent_id).values_list("external_id", flat=True)
    return {
        **{name: getattr(actor, name) for name in PLAIN_FIELDS},
        "description": actor.description,
        "actor_type": actor.actor_type.slug,
        "statewide": actor.statewide,
        "district": actor.district.slug if actor.district_id else "",
        "parent": parent.first() or "",
        "is_published": actor.is_published,
        "districts": sorted(actor.districts.values_list("slug", flat=True)),
        "topic_fields": sorted(actor.topic_fields.values_list("slug", flat=True)),
        "target_groups": sorted(actor.target_groups.values_list("slug", flat=True)),
        "languages": sorted(actor.languages.values_list("code", flat=True)),
    }


def cooperation_snapshot(cooperation: Cooperation) -> dict:
    return {"start_date": cooperation.start_date.isoformat(), "note": cooperation.note}


@transaction.atomic
def load(*, state: str, report: LoadReport) -> None:
    folder = data_dir(APP_DIR, state)
    types = {item.slug: item for item in ActorType.objects.all()}
    regions = {item.slug: item for item in Region.objects.districts()}
    topics = {item.slug: item for item in TopicField.objects.all()}
    groups = {item.slug: item for item in TargetGroup.objects.all()}
    languages = {item.code: item for item in Language.objects.all()}

    rows = list(read_csv(folder / "actors.csv"))
    actors: dict[str, Actor] = {}
    loaded: set[str] = set()
    for row in rows:
        external_id = actor_external_id(state, row["key"])
        seat = next((r for r in regions.values() if r.seat == row["town"]), None)
        fields = {
            **{name: row[name] for name in PLAIN_FIELDS if name != "name"},
            "description": row["description"],
            "actor_type": types[row["actor_type"]],
            "statewide": row["statewide"] == "1",
            "district": seat,
            "is_published": True,
        }
        relations = {
            "districts": [regions[slug] for slug in split(row["districts"])],
            "topic_fields": [topics[slug] for slug in split(row["topic_fields"])],
            "target_groups": [groups[slug] for slug in split(row["target_groups"])],
            "languages": [languages[code] for code in split(row["languages"])],
        }

        def write(actor, row=row, external_id=external_id, fields=fields, relations=relations):
            if actor is None:
                return actor_create(
                    user=None,
                    name=row["name"],
                    slug=row["key"],
                    external_id=external_id,
                    **fields,
                    **relations,
                )
            return actor_update(actor=actor, user=None, name=row["name"], **fields, **relations)

        existing = Actor.objects.filter(external_id=external_id).first()
        actor = load_entry(
            report=report,
            key=f"network.actor:{external_id}",
            data=row,
            existing=existing,
            snapshot=actor_snapshot,
            write=write,
        )
        if actor is not None:
            actors[row["key"]] = actor
            if existing is None or f"network.actor:{external_id}" in report.updated:
                loaded.add(row["key"])
        elif existing is not None:
            actors[row["key"]] = existing

    # Parents in a second pass (they may come later in the file); only for actors written now.
    for row in rows:
        key = row["key"]
        if key not in loaded or not row["parent"] or row["parent"] not in actors:
            continue
        actor, parent = actors[key], actors[row["parent"]]
        if actor.parent_id != parent.pk:
            Actor.objects.filter(pk=actor.pk).update(parent=parent)
            actor.parent = parent
        record_refresh(key=f"network.actor:{actor.external_id}", obj=actor, snapshot=actor_snapshot)

    for row in read_csv(folder / "cooperations.csv"):
        source, target = actors.get(row["source"]), actors.get(row["target"])
        key = f"network.cooperation:{state}-{row['source']}:{row['target']}:{row['kind']}"
        if source is None or target is None:
            report.skipped.append((key, "an actor of this link is missing"))
            continue
        start = datetime.date.fromisoformat(row["start_date"])

        def write(cooperation, source=source, target=target, row=row, start=start):
            if cooperation is None:
                return cooperation_create(
                    user=None, source=source, target=target, kind=row["kind"], start_date=start
                )
            cooperation.start_date = start
            cooperation.save(update_fields=["start_date"])
            return cooperation

        load_entry(
            report=report,
            key=key,
            data=row,
            existing=Cooperation.objects.filter(
                source=source, target=target, kind=row["kind"]
            ).first(),
            snapshot=cooperation_snapshot,
            write=write,
        )
