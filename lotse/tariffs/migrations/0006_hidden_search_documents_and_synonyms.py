"""Hidden entries (company agreements, confidential ones) keep only the titles of their WZ
classes in their search document, so that public search never finds them by their own words;
plain and English words for sectors from data/sector_synonyms.csv."""

import csv
from pathlib import Path

from django.db import migrations
from django.db.models import Q

DATA = Path(__file__).resolve().parent.parent / "data"


def hide_words(apps, schema_editor):
    from lotse.tariffs.search import agreement_search_document

    agreement = apps.get_model("tariffs", "CollectiveAgreement")
    hidden = agreement.objects.filter(~Q(level="sector") | Q(confidential=True))
    for row in hidden.prefetch_related("codes", "parties").iterator(chunk_size=500):
        document = agreement_search_document(row)
        if document != row.search_document:
            agreement.objects.filter(pk=row.pk).update(search_document=document)


def load_synonyms(apps, schema_editor):
    synonym = apps.get_model("tariffs", "SectorSynonym")
    with (DATA / "sector_synonyms.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(line for line in handle if not line.startswith("#")))
    for row in rows:
        if not synonym.objects.filter(term__iexact=row["term"]).exists():
            synonym.objects.create(term=row["term"], canonical=row["canonical"])


class Migration(migrations.Migration):
    dependencies = [("tariffs", "0005_agreement_document_type_and_size")]

    operations = [
        migrations.RunPython(hide_words, migrations.RunPython.noop),
        migrations.RunPython(load_synonyms, migrations.RunPython.noop),
    ]
