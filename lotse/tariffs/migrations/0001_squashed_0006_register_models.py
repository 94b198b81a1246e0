"""The collective-agreement register: the squashed state of tariffs 0001–0006 (docs/decisions/0007).

Statutory floors from lotse/tariffs/data/*.csv (sources cited there) and sector synonyms, the
full-text index on agreements (core.fulltext_db), the register version row and, on PostgreSQL
only, exclusion constraints against overlapping periods (the services check the same on every
database). The old 0006 also stripped the words of stored hidden agreements; a new database has
none, and the services write hidden agreements' search documents that way.
"""

import csv
from decimal import Decimal
from pathlib import Path

import django.db.models.deletion
import lotse.tariffs.models
import lotse.tariffs.validators
import modelcluster.fields
from django.db import migrations, models

from lotse.core.fulltext_db import fulltext_migration

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


def exclusions(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS btree_gist")
    for name, (table, columns) in EXCLUSIONS.items():
        schema_editor.execute(
            f"ALTER TABLE {table} ADD CONSTRAINT {name} EXCLUDE USING gist ({columns}, "
            "daterange(valid_from, valid_to, '[]') WITH &&)"
        )


def drop_exclusions(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, (table, _columns) in EXCLUSIONS.items():
        schema_editor.execute(f"ALTER TABLE {table} DROP CONSTRAINT IF EXISTS {name}")


def create_version_row(apps, schema_editor):
    """The triggers follow after `migrate` (lotse.tariffs.versioning, post_migrate)."""
    apps.get_model("tariffs", "RegisterVersion").objects.update_or_create(
        id=1, defaults={"version": 1, "token": "initial"}
    )


def load_synonyms(apps, schema_editor):
    """Plain and English words for sectors from data/sector_synonyms.csv."""
    synonym = apps.get_model("tariffs", "SectorSynonym")
    for row in _rows("sector_synonyms.csv"):
        if not synonym.objects.filter(term__iexact=row["term"]).exists():
            synonym.objects.create(term=row["term"], canonical=row["canonical"])


class Migration(migrations.Migration):

    replaces = [
        ('tariffs', '0001_register_models'),
        ('tariffs', '0002_load_floors_and_indexes'),
        ('tariffs', '0003_public_agreement_indexes'),
        ('tariffs', '0004_register_version'),
        ('tariffs', '0005_agreement_document_type_and_size'),
        ('tariffs', '0006_hidden_search_documents_and_synonyms'),
    ]

    initial = True

    dependencies = [
        ('core', '0001_squashed_0010_content_version'),
    ]

    operations = [
        migrations.CreateModel(
            name='SectorSynonym',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('term', models.CharField(max_length=100, unique=True, verbose_name='Suchwort')),
                ('canonical', models.CharField(max_length=200, verbose_name='Begriff im Register')),
            ],
            options={
                'verbose_name': 'Branchen-Synonym',
                'verbose_name_plural': 'Branchen-Synonyme',
                'ordering': ['term'],
            },
        ),
        migrations.CreateModel(
            name='AgreementParty',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=200, verbose_name='Name')),
                ('kind', models.CharField(choices=[('union', 'Gewerkschaft'), ('employers_association', 'Arbeitgeberverband'), ('employer', 'Arbeitgeber')], max_length=32, verbose_name='Art')),
                ('address', models.TextField(blank=True, verbose_name='Anschrift (öffentlich)')),
                ('town', models.CharField(blank=True, max_length=100, verbose_name='Ort')),
                ('website', models.URLField(blank=True, verbose_name='Website')),
            ],
            options={
                'verbose_name': 'Tarifvertragspartei',
                'verbose_name_plural': 'Tarifvertragsparteien',
                'ordering': ['name'],
                'constraints': [models.UniqueConstraint(fields=('name', 'kind'), name='tariffs_party_unique_name')],
            },
        ),
        migrations.CreateModel(
            name='CollectiveAgreement',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('register_number', models.CharField(max_length=40, unique=True, verbose_name='Registernummer')),
                ('title', models.CharField(max_length=300, verbose_name='Titel')),
                ('kind', models.CharField(choices=[('framework', 'Manteltarifvertrag'), ('pay', 'Entgelt-/Vergütungstarifvertrag'), ('trainee_pay', 'Ausbildungsvergütungstarifvertrag'), ('amendment', 'Änderungstarifvertrag'), ('other', 'sonstiger Tarifvertrag')], max_length=20, verbose_name='Art')),
                ('level', models.CharField(choices=[('sector', 'Verbands-/Branchentarifvertrag'), ('company', 'Firmen-/Haustarifvertrag')], max_length=10, verbose_name='Ebene')),
                ('territory', models.CharField(choices=[('federal', 'bundesweit'), ('states', 'mehrere Länder'), ('saxony', 'Sachsen'), ('regions', 'Regionen in Sachsen')], max_length=10, verbose_name='Räumlicher Geltungsbereich')),
                ('states', models.CharField(blank=True, help_text='Nur bei „mehrere Länder“, z. B. 14,15,16', max_length=100, verbose_name='Länder (AGS-Präfixe, durch Komma getrennt)')),
                ('sector_text', models.TextField(blank=True, verbose_name='Fachlicher Geltungsbereich (Text)')),
                ('personal_scope', models.CharField(blank=True, help_text='z. B. Arbeitnehmer, Angestellte, Auszubildende', max_length=300, verbose_name='Persönlicher Geltungsbereich')),
                ('concluded_on', models.DateField(verbose_name='abgeschlossen am')),
                ('valid_from', models.DateField(verbose_name='in Kraft ab')),
                ('earliest_termination_on', models.DateField(blank=True, null=True, verbose_name='frühestens kündbar zum')),
                ('terminated_on', models.DateField(blank=True, null=True, verbose_name='gekündigt zum')),
                ('valid_to', models.DateField(blank=True, null=True, verbose_name='abgelaufen am')),
                ('after_effect', models.BooleanField(default=True, help_text='Nach Ablauf gelten die Rechtsnormen weiter, bis ein Nachfolger sie ablöst.', verbose_name='Nachwirkung bis zur Ablösung')),
                ('confidential', models.BooleanField(default=False, help_text='Geschäftsgeheimnisse oder personenbezogene Daten: nie öffentlich zeigen.', verbose_name='vertraulich (§ 16 TVGDV)')),
                ('document', models.FileField(blank=True, help_text='PDF, DOCX oder ODT; die Größe ist begrenzt (Einstellung des Betriebs).', storage=lotse.tariffs.models.private_storage, upload_to='agreements/%Y/', validators=[lotse.tariffs.validators.AgreementDocumentValidator()], verbose_name='Originaldokument (nur intern)')),
                ('is_demo', models.BooleanField(default=False, verbose_name='Demodaten')),
                ('search_document', models.TextField(blank=True, default='', editable=False)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('amends', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='amendments', to='tariffs.collectiveagreement', verbose_name='ändert')),
                ('parties', models.ManyToManyField(related_name='agreements', to='tariffs.agreementparty', verbose_name='Tarifvertragsparteien')),
                ('predecessor', models.OneToOneField(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='successor', to='tariffs.collectiveagreement', verbose_name='Vorgänger')),
                ('regions', models.ManyToManyField(blank=True, related_name='+', to='core.region', verbose_name='Regionen')),
            ],
            options={
                'verbose_name': 'Tarifvertrag',
                'verbose_name_plural': 'Tarifverträge',
                'ordering': ['register_number'],
            },
        ),
        migrations.CreateModel(
            name='GeneralApplicability',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('status', models.CharField(choices=[('applied_for', 'beantragt'), ('committee', 'im Tarifausschuss'), ('declared', 'für allgemeinverbindlich erklärt'), ('rejected', 'abgelehnt'), ('withdrawn', 'zurückgezogen'), ('ended', 'beendet')], default='applied_for', max_length=20, verbose_name='Stand des Verfahrens')),
                ('applied_on', models.DateField(blank=True, null=True, verbose_name='beantragt am')),
                ('announcement', models.CharField(blank=True, max_length=120, verbose_name='Bekanntmachung im Bundesanzeiger')),
                ('committee_on', models.DateField(blank=True, null=True, verbose_name='Tarifausschuss am')),
                ('decided_on', models.DateField(blank=True, null=True, verbose_name='entschieden am')),
                ('valid_from', models.DateField(blank=True, null=True, verbose_name='allgemeinverbindlich ab')),
                ('valid_to', models.DateField(blank=True, null=True, verbose_name='allgemeinverbindlich bis')),
                ('note', models.TextField(blank=True, verbose_name='Vermerk')),
                ('agreement', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='applicabilities', to='tariffs.collectiveagreement', verbose_name='Tarifvertrag')),
            ],
            options={
                'verbose_name': 'Allgemeinverbindlicherklärung',
                'verbose_name_plural': 'Allgemeinverbindlicherklärungen',
                'ordering': ['agreement', 'applied_on'],
            },
        ),
        migrations.CreateModel(
            name='MinimumTraineePay',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('start_year', models.PositiveSmallIntegerField(unique=True, verbose_name='Ausbildungsbeginn im Jahr')),
                ('year_1', models.DecimalField(decimal_places=2, max_digits=7, verbose_name='1. Ausbildungsjahr')),
                ('year_2', models.DecimalField(decimal_places=2, max_digits=7, verbose_name='2. Ausbildungsjahr')),
                ('year_3', models.DecimalField(decimal_places=2, max_digits=7, verbose_name='3. Ausbildungsjahr')),
                ('year_4', models.DecimalField(decimal_places=2, max_digits=7, verbose_name='4. Ausbildungsjahr')),
                ('source', models.CharField(max_length=300, verbose_name='Quelle')),
            ],
            options={
                'verbose_name': 'Mindestausbildungsvergütung',
                'verbose_name_plural': 'Mindestausbildungsvergütungen',
                'ordering': ['start_year'],
                'constraints': [models.CheckConstraint(condition=models.Q(('year_1__gt', 0), ('year_2__gte', models.F('year_1')), ('year_3__gte', models.F('year_2')), ('year_4__gte', models.F('year_3'))), name='tariffs_bbig_rising')],
            },
        ),
        migrations.CreateModel(
            name='MinimumWageOrdinance',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('title', models.CharField(max_length=300, verbose_name='Titel')),
                ('basis', models.CharField(choices=[('aentg', 'Rechtsverordnung nach § 7 AEntG'), ('care', 'Pflegearbeitsbedingungenverordnung (§ 7a AEntG)'), ('ave', 'Allgemeinverbindlicherklärung (§ 5 TVG)')], max_length=10, verbose_name='Rechtsgrundlage')),
                ('sector_label', models.CharField(max_length=200, verbose_name='Branche')),
                ('valid_from', models.DateField(verbose_name='gilt ab')),
                ('valid_to', models.DateField(blank=True, null=True, verbose_name='gilt bis')),
                ('source', models.CharField(blank=True, max_length=300, verbose_name='Quelle')),
                ('is_demo', models.BooleanField(default=False, verbose_name='Demodaten')),
                ('search_document', models.TextField(blank=True, default='', editable=False)),
                ('agreement', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='ordinances', to='tariffs.collectiveagreement', verbose_name='erstreckter Tarifvertrag')),
            ],
            options={
                'verbose_name': 'Mindestlohnverordnung',
                'verbose_name_plural': 'Mindestlohnverordnungen',
                'ordering': ['sector_label', 'valid_from'],
            },
        ),
        migrations.CreateModel(
            name='MinimumWageRate',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('category', models.CharField(max_length=120, verbose_name='Beschäftigtengruppe')),
                ('amount', models.DecimalField(decimal_places=2, max_digits=7, verbose_name='Betrag (€ je Stunde)')),
                ('valid_from', models.DateField(verbose_name='gilt ab')),
                ('valid_to', models.DateField(blank=True, null=True, verbose_name='gilt bis')),
                ('ordinance', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.PROTECT, related_name='rates', to='tariffs.minimumwageordinance')),
            ],
            options={
                'verbose_name': 'Mindestlohnsatz',
                'verbose_name_plural': 'Mindestlohnsätze',
                'ordering': ['ordinance', 'category', 'valid_from'],
            },
        ),
        migrations.CreateModel(
            name='Provision',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('pay', 'Entgelt'), ('trainee_pay', 'Ausbildungsvergütung'), ('weekly_hours', 'Wochenarbeitszeit'), ('leave_days', 'Urlaubstage'), ('notice', 'Kündigungsfrist'), ('bonus', 'Jahressonderzahlung')], max_length=20, verbose_name='Art')),
                ('grade', models.CharField(blank=True, max_length=20, verbose_name='Entgeltgruppe')),
                ('step', models.PositiveSmallIntegerField(blank=True, null=True, verbose_name='Stufe')),
                ('training_year', models.PositiveSmallIntegerField(blank=True, null=True, verbose_name='Ausbildungsjahr')),
                ('amount', models.DecimalField(decimal_places=2, max_digits=9, verbose_name='Wert')),
                ('unit', models.CharField(choices=[('hourly', '€ je Stunde'), ('monthly', '€ je Monat'), ('hours', 'Stunden je Woche'), ('days', 'Tage je Jahr'), ('weeks', 'Wochen'), ('percent', 'Prozent eines Monatsentgelts'), ('eur', '€ einmalig')], max_length=10, verbose_name='Einheit')),
                ('text', models.CharField(blank=True, max_length=300, verbose_name='Erläuterung')),
                ('valid_from', models.DateField(verbose_name='gilt ab')),
                ('valid_to', models.DateField(blank=True, null=True, verbose_name='gilt bis')),
                ('agreement', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.PROTECT, related_name='provisions', to='tariffs.collectiveagreement')),
            ],
            options={
                'verbose_name': 'Tarifbestimmung',
                'verbose_name_plural': 'Tarifbestimmungen',
                'ordering': ['agreement', 'kind', 'grade', 'step', 'training_year', 'valid_from'],
            },
        ),
        migrations.CreateModel(
            name='RegisterVersion',
            fields=[
                ('id', models.PositiveSmallIntegerField(default=1, primary_key=True, serialize=False)),
                ('version', models.PositiveBigIntegerField(default=0)),
                ('token', models.CharField(blank=True, default='', max_length=40)),
            ],
            options={
                'verbose_name': 'Registerstand',
                'verbose_name_plural': 'Registerstand',
                'constraints': [models.CheckConstraint(condition=models.Q(('id', 1)), name='tariffs_version_single')],
            },
        ),
        migrations.CreateModel(
            name='SectorCode',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('version', models.CharField(choices=[('2008', 'WZ 2008'), ('2025', 'WZ 2025')], max_length=4, verbose_name='Version')),
                ('code', models.CharField(max_length=10, verbose_name='WZ-Code')),
                ('derived', models.BooleanField(default=False, verbose_name='aus der Umsteigetabelle')),
                ('agreement', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='codes', to='tariffs.collectiveagreement')),
                ('ordinance', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='codes', to='tariffs.minimumwageordinance')),
            ],
            options={
                'verbose_name': 'WZ-Klasse',
                'verbose_name_plural': 'WZ-Klassen',
            },
        ),
        migrations.CreateModel(
            name='StatutoryMinimumWage',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('valid_from', models.DateField(unique=True, verbose_name='gilt ab')),
                ('amount', models.DecimalField(decimal_places=2, max_digits=6, verbose_name='€ brutto je Stunde')),
                ('source', models.CharField(max_length=300, verbose_name='Quelle')),
            ],
            options={
                'verbose_name': 'Gesetzlicher Mindestlohn',
                'verbose_name_plural': 'Gesetzlicher Mindestlohn',
                'ordering': ['valid_from'],
                'constraints': [models.CheckConstraint(condition=models.Q(('amount__gt', 0)), name='tariffs_milog_positive')],
            },
        ),
        migrations.AddIndex(
            model_name='collectiveagreement',
            index=models.Index(fields=['level', 'confidential', 'valid_from'], name='tariffs_agr_public'),
        ),
        migrations.AddIndex(
            model_name='collectiveagreement',
            index=models.Index(condition=models.Q(('confidential', False), ('level', 'sector')), fields=['valid_from', 'id'], name='tariffs_agr_public_newest'),
        ),
        migrations.AddIndex(
            model_name='collectiveagreement',
            index=models.Index(condition=models.Q(('confidential', False), ('level', 'sector')), fields=['id'], name='tariffs_agr_public_id'),
        ),
        migrations.AddIndex(
            model_name='collectiveagreement',
            index=models.Index(condition=models.Q(('confidential', False), ('level', 'sector')), fields=['register_number'], name='tariffs_agr_public_register'),
        ),
        migrations.AddConstraint(
            model_name='collectiveagreement',
            constraint=models.CheckConstraint(condition=models.Q(('valid_to__isnull', True), ('valid_to__gte', models.F('valid_from')), _connector='OR'), name='tariffs_agreement_period'),
        ),
        migrations.AddConstraint(
            model_name='collectiveagreement',
            constraint=models.CheckConstraint(condition=models.Q(('predecessor__isnull', True), models.Q(('predecessor', models.F('pk')), _negated=True), _connector='OR'), name='tariffs_agreement_not_own_predecessor'),
        ),
        migrations.AddConstraint(
            model_name='generalapplicability',
            constraint=models.CheckConstraint(condition=models.Q(('valid_to__isnull', True), models.Q(('valid_from__isnull', False), ('valid_to__gte', models.F('valid_from'))), _connector='OR'), name='tariffs_ave_period'),
        ),
        migrations.AddConstraint(
            model_name='generalapplicability',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('status__in', ['declared', 'ended']), _negated=True), ('valid_from__isnull', False), _connector='OR'), name='tariffs_ave_declared_has_start'),
        ),
        migrations.AddConstraint(
            model_name='minimumwageordinance',
            constraint=models.CheckConstraint(condition=models.Q(('valid_to__isnull', True), ('valid_to__gte', models.F('valid_from')), _connector='OR'), name='tariffs_ordinance_period'),
        ),
        migrations.AddConstraint(
            model_name='minimumwagerate',
            constraint=models.CheckConstraint(condition=models.Q(('valid_to__isnull', True), ('valid_to__gte', models.F('valid_from')), _connector='OR'), name='tariffs_rate_period'),
        ),
        migrations.AddConstraint(
            model_name='minimumwagerate',
            constraint=models.CheckConstraint(condition=models.Q(('amount__gt', 0)), name='tariffs_rate_positive'),
        ),
        migrations.AddConstraint(
            model_name='minimumwagerate',
            constraint=models.UniqueConstraint(fields=('ordinance', 'category', 'valid_from'), name='tariffs_rate_unique_start'),
        ),
        migrations.AddIndex(
            model_name='provision',
            index=models.Index(fields=['agreement', 'kind', 'valid_from'], name='tariffs_prov_lookup'),
        ),
        migrations.AddConstraint(
            model_name='provision',
            constraint=models.CheckConstraint(condition=models.Q(('valid_to__isnull', True), ('valid_to__gte', models.F('valid_from')), _connector='OR'), name='tariffs_provision_period'),
        ),
        migrations.AddConstraint(
            model_name='provision',
            constraint=models.CheckConstraint(condition=models.Q(('amount__gte', 0)), name='tariffs_provision_amount'),
        ),
        migrations.AddConstraint(
            model_name='provision',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('kind', 'trainee_pay'), _negated=True), models.Q(('training_year__gte', 1), ('training_year__lte', 4)), _connector='OR'), name='tariffs_provision_training_year'),
        ),
        migrations.AddIndex(
            model_name='sectorcode',
            index=models.Index(fields=['code', 'agreement'], name='tariffs_code_lookup'),
        ),
        migrations.AddConstraint(
            model_name='sectorcode',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('agreement__isnull', False), ('ordinance__isnull', True)), models.Q(('agreement__isnull', True), ('ordinance__isnull', False)), _connector='OR'), name='tariffs_code_one_owner'),
        ),
        migrations.AddConstraint(
            model_name='sectorcode',
            constraint=models.UniqueConstraint(fields=('agreement', 'version', 'code'), name='tariffs_code_unique_agreement'),
        ),
        migrations.AddConstraint(
            model_name='sectorcode',
            constraint=models.UniqueConstraint(fields=('ordinance', 'version', 'code'), name='tariffs_code_unique_ordinance'),
        ),
        migrations.RunPython(load, migrations.RunPython.noop),
        fulltext_migration("tariffs_collectiveagreement"),
        migrations.RunPython(exclusions, drop_exclusions),
        migrations.RunPython(create_version_row, migrations.RunPython.noop),
        migrations.RunPython(load_synonyms, migrations.RunPython.noop),
    ]
