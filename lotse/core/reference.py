"""Loading of the reference data files in core/data (used by migrations and tests)."""

import csv
from collections.abc import Iterator
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"


def read_rows(filename: str) -> Iterator[dict[str, str]]:
    """Yield the rows of a data file; lines starting with '#' hold the source note."""
    with (DATA_DIR / filename).open(encoding="utf-8", newline="") as handle:
        lines = (line for line in handle if not line.startswith("#"))
        yield from csv.DictReader(lines)


def load_reference_data(apps) -> None:
    """Create or update regions, topic fields, target groups and actor types (idempotent)."""
    for model_name, filename in (
        ("TopicField", "topic_fields.csv"),
        ("TargetGroup", "target_groups.csv"),
        ("ActorType", "actor_types.csv"),
    ):
        model = apps.get_model("core", model_name)
        for row in read_rows(filename):
            defaults = {key: value for key, value in row.items() if key != "slug"}
            defaults["order"] = int(defaults["order"])
            model.objects.update_or_create(slug=row["slug"], defaults=defaults)

    region_model = apps.get_model("core", "Region")
    source = "Statistisches Bundesamt, Kreisfreie Städte und Landkreise (Stand 31.12.2018)"
    for row in read_rows("regions_saxony.csv"):
        parent = region_model.objects.get(code=row["parent"]) if row["parent"] else None
        region_model.objects.update_or_create(
            code=row["code"],
            defaults={
                "kind": row["kind"],
                "parent": parent,
                "slug": row["slug"],
                "name": row["name"],
                "name_en": row["name_en"],
                "nuts_code": row["nuts_code"],
                "area_km2": row["area_km2"] or None,
                "population": int(row["population"]) if row["population"] else None,
                "population_date": row["population_date"] or None,
                "seat": row["seat"],
                "seat_latitude": row["seat_latitude"] or None,
                "seat_longitude": row["seat_longitude"] or None,
                "source": source,
            },
        )


def load_languages(apps) -> None:
    """Create or update the languages of advice (core/data/languages.csv)."""
    language_model = apps.get_model("core", "Language")
    for row in read_rows("languages.csv"):
        language_model.objects.update_or_create(
            code=row["code"],
            defaults={"name": row["name"], "name_en": row["name_en"], "order": int(row["order"])},
        )
