"""Statutory floors from lotse/tariffs/data/*.csv (sources cited there), sector synonyms,
full-text index on agreements and, on PostgreSQL only, exclusion constraints against
overlapping periods (the services check the same on every database)."""

import csv
from decimal import Decimal
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).resolve().parent.parent / "data"

SYNONYMS = [
    ("Friseur", "Frisör"),
    ("Friseure", "Frisör"),
    ("Friseurhandwerk", "Frisör"),
    ("Haarschneider", "Frisör"),
    ("Dachdecker", "Dachdeckerei"),
    ("Gerüstbauer", "Gerüstbau"),
    ("Maler", "Maler und Lackierer"),
    ("Lackierer", "Maler und Lackierer"),
    ("Elektriker", "Elektrohandwerke"),
    ("Elektrohandwerk", "Elektrohandwerke"),
    ("Altenpflege", "Pflege"),
    ("Krankenpflege", "Pflege"),
    ("Pflegedienst", "Pflege"),
    ("Reinigung", "Gebäudereinigung"),
    ("Putzdienst", "Gebäudereinigung"),
    ("Wachschutz", "Sicherheitsdienstleistungen"),
    ("Security", "Sicherheitsdienstleistungen"),
    ("Bewachung", "Sicherheitsdienstleistungen"),
    ("Metaller", "Metall- und Elektroindustrie"),
    ("Gastronomie", "Hotel- und Gaststättengewerbe"),
    ("Kneipe", "Hotel- und Gaststättengewerbe"),
]

EXCLUSIONS = {
    "tariffs_rate_no_overlap": (
        "tariffs_minimumwagerate",
        "ordinance_id WITH =, category WITH =",
    ),
    "tariffs_provision_no_overlap": (
        "tariffs_provision",
        "agreement_id WITH =, kind WITH =, grade WITH =, "
        "coalesce(step, 0) WITH =, coalesce(training_year, 0) WITH =",
    ),
}


def _rows(name):
    with (DATA / name).open(encoding="utf-8") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    return list(csv.DictReader(lines))


def load(apps, schema_editor):
    wage = apps.get_model("tariffs", "StatutoryMinimumWage")
    trainee = apps.get_model("tariffs", "MinimumTraineePay")
    synonym = apps.get_model("tariffs", "SectorSynonym")
    source_wage = "MiLoG, Mindestlohnanpassungsverordnungen; BMAS, DGB (data/statutory_minimum_wage.csv)"
    for row in _rows("statutory_minimum_wage.csv"):
        wage.objects.update_or_create(
            valid_from=row["valid_from"],
            defaults={"amount": Decimal(row["amount"]), "source": source_wage},
        )
    source_bbig = "§ 17 BBiG; BIBB, HWK Dresden, BGBl. (data/minimum_trainee_pay.csv)"
    for row in _rows("minimum_trainee_pay.csv"):
        trainee.objects.update_or_create(
            start_year=int(row["start_year"]),
            defaults={
                **{f"year_{n}": Decimal(row[f"year_{n}"]) for n in range(1, 5)},
                "source": source_bbig,
            },
        )
    for term, canonical in SYNONYMS:
        synonym.objects.update_or_create(term=term, defaults={"canonical": canonical})


def indexes(apps, schema_editor):
    from lotse.core.fulltext_db import fulltext_install

    fulltext_install(schema_editor, "tariffs_collectiveagreement")
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS btree_gist")
    for name, (table, columns) in EXCLUSIONS.items():
        schema_editor.execute(
            f"ALTER TABLE {table} ADD CONSTRAINT {name} EXCLUDE USING gist ({columns}, "
            "daterange(valid_from, valid_to, '[]') WITH &&)"
        )


def drop_indexes(apps, schema_editor):
    from lotse.core.fulltext_db import fulltext_uninstall

    fulltext_uninstall(schema_editor, "tariffs_collectiveagreement")
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, (table, _columns) in EXCLUSIONS.items():
        schema_editor.execute(f"ALTER TABLE {table} DROP CONSTRAINT IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("tariffs", "0001_register_models")]

    operations = [
        migrations.RunPython(load, migrations.RunPython.noop),
        migrations.RunPython(indexes, drop_indexes),
    ]
