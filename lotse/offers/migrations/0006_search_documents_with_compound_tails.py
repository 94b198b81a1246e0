"""Search documents of offers and actors with compound tails and English classification names.

core.fulltext now also indexes the tails of German compounds ("Fachkräfteeinwanderung" is
found by "Einwanderung") and the documents hold the English names of topic fields and target
groups; the stored documents are recomputed once (the full-text indexes follow by trigger or
generated column).
"""

from django.db import migrations


def rebuild(apps, schema_editor):
    from lotse.offers.search_index import search_documents_rebuild

    search_documents_rebuild(
        offer_model=apps.get_model("offers", "Offer"),
        actor_model=apps.get_model("network", "Actor"),
    )


class Migration(migrations.Migration):
    dependencies = [
        ("offers", "0005_offer_stored_search_vector"),
        ("network", "0003_actor_stored_search_vector"),
        ("core", "0006_search_synonym"),
    ]

    operations = [migrations.RunPython(rebuild, migrations.RunPython.noop)]
