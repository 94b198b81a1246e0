"""Initial synonym groups of the search (German and English), written for Lotse.

The Redaktion keeps them under Einstellungen → Synonyme der Suche; this migration only adds the
groups once (it never overwrites edits: a group whose first term already exists is skipped).
"""

from django.db import migrations

GROUPS = [
    (
        "Sprachkurs, Deutschkurs, Sprachförderung, Berufssprachkurs, German course, "
        "German lessons, language course"
    ),
    "Visum, Einreise, Aufenthaltstitel, visa, entry visa",
    (
        "Aufenthaltstitel, Aufenthaltserlaubnis, Niederlassungserlaubnis, residence permit, "
        "residence title"
    ),
    "Arbeitserlaubnis, Beschäftigungserlaubnis, work permit, employment permit",
    (
        "Anerkennung, Berufsanerkennung, Gleichwertigkeit, recognition, "
        "recognition of qualifications"
    ),
    "Blaue Karte, Blue Card",
    "Einwanderung, Zuwanderung, Migration, immigration, labour migration",
    "Ausbildung, Berufsausbildung, Lehrstelle, apprenticeship",
    "Weiterbildung, Fortbildung, Qualifizierung, further training, further education",
    "Auszubildende, Azubi, Lehrling, apprentice, trainee",
    "Mindestlohn, minimum wage",
    "Tarifvertrag, collective agreement",
    "Geflüchtete, Flüchtlinge, Schutzsuchende, refugee, refugees",
    "Kinderbetreuung, Kita, Kindergarten, childcare, child care",
    "Fachkräfte, Fachkraft, skilled workers, skilled worker",
    "Existenzgründung, Gründung, Selbstständigkeit, business start-up",
    "Arbeitsschutz, Arbeits- und Gesundheitsschutz, Arbeitssicherheit, occupational safety, health and safety",
    "Wohnung, Wohnungssuche, Unterkunft, housing, accommodation",
    "Bewerbung, job application",
    "Arbeitsrecht, labour law, employment law",
    "Führerschein, Fahrerlaubnis, driving licence, driver's license",
    "Beratung, advice, counselling",
    "Pflegekräfte, Pflegefachkräfte, Pflegekraft, nurses, nursing staff",
    "Ärzte, Ärztinnen, doctors, physicians",
    "Förderung, Zuschuss, Förderprogramm, funding, grant, subsidy",
]


def add_groups(apps, schema_editor):
    SearchSynonym = apps.get_model("core", "SearchSynonym")
    existing = {
        terms.split(",")[0].strip().casefold()
        for terms in SearchSynonym.objects.values_list("terms", flat=True)
    }
    for terms in GROUPS:
        if terms.split(",")[0].strip().casefold() not in existing:
            SearchSynonym.objects.create(terms=terms, note="Erstausstattung (Lotse)")


def remove_groups(apps, schema_editor):
    SearchSynonym = apps.get_model("core", "SearchSynonym")
    SearchSynonym.objects.filter(note="Erstausstattung (Lotse)", terms__in=GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [("core", "0006_search_synonym")]

    operations = [migrations.RunPython(add_groups, remove_groups)]
