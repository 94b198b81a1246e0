"""The actor directory: the squashed state of network 0001–0004 (docs/decisions/0007).

The full-text index over `search_document` (PostgreSQL: stored tsvector column with a GIN index;
SQLite: FTS5 table with triggers) comes from core.fulltext_db.
"""

import django.core.validators
import django.db.models.deletion
import lotse.core.validators
import modelcluster.fields
from django.conf import settings
from django.db import migrations, models

from lotse.core.fulltext_db import fulltext_migration


class Migration(migrations.Migration):

    replaces = [
        ('network', '0001_actor_directory'),
        ('network', '0002_actor_fulltext'),
        ('network', '0003_actor_stored_search_vector'),
        ('network', '0004_actor_contact_names_without_control_characters'),
    ]

    initial = True

    dependencies = [
        ('core', '0001_squashed_0010_content_version'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='Actor',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('external_id', models.CharField(blank=True, help_text='Stabile Kennung für Importe; bleibt bei Umbenennung gleich.', max_length=64, null=True, unique=True, verbose_name='Externe Kennung')),
                ('name', models.CharField(max_length=200, validators=[lotse.core.validators.no_control_characters], verbose_name='Name')),
                ('short_name', models.CharField(blank=True, max_length=60, validators=[lotse.core.validators.no_control_characters], verbose_name='Kurzname')),
                ('slug', models.SlugField(max_length=120, unique=True, verbose_name='Kennung in der Adresse')),
                ('statewide', models.BooleanField(default=False, verbose_name='landesweit tätig')),
                ('description', models.TextField(blank=True, max_length=4000, verbose_name='Beschreibung')),
                ('street', models.CharField(blank=True, max_length=120, verbose_name='Straße und Hausnummer')),
                ('postcode', models.CharField(blank=True, max_length=5, validators=[django.core.validators.RegexValidator('^\\d{5}$', 'Die Postleitzahl besteht aus fünf Ziffern.')], verbose_name='Postleitzahl')),
                ('town', models.CharField(blank=True, max_length=80, verbose_name='Ort')),
                ('website', models.URLField(blank=True, verbose_name='Website')),
                ('email', models.EmailField(blank=True, max_length=254, verbose_name='E-Mail (öffentlich)')),
                ('phone', models.CharField(blank=True, max_length=40, validators=[django.core.validators.RegexValidator('^[0-9+()/ \\-]{3,40}$', 'Bitte nur Ziffern, Leerzeichen und + ( ) / - verwenden.')], verbose_name='Telefon (öffentlich)')),
                ('is_published', models.BooleanField(default=True, verbose_name='im Verzeichnis sichtbar')),
                ('search_document', models.TextField(blank=True, default='', editable=False)),
                ('is_demo', models.BooleanField(default=False, verbose_name='Demodaten')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='angelegt')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='geändert')),
                ('actor_type', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='actors', to='core.actortype', verbose_name='Akteurstyp')),
                ('district', models.ForeignKey(blank=True, limit_choices_to={'kind__in': ['urban_district', 'rural_district']}, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='actors_located', to='core.region', verbose_name='Sitz im Landkreis / in der Stadt')),
                ('districts', modelcluster.fields.ParentalManyToManyField(blank=True, limit_choices_to={'kind__in': ['urban_district', 'rural_district']}, related_name='actors_serving', to='core.region', verbose_name='Zuständig für (Landkreise/Städte)')),
                ('languages', modelcluster.fields.ParentalManyToManyField(blank=True, related_name='actors', to='core.language', verbose_name='Beratungssprachen')),
                ('parent', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='children', to='network.actor', verbose_name='Übergeordnete Organisation')),
                ('target_groups', modelcluster.fields.ParentalManyToManyField(blank=True, related_name='actors', to='core.targetgroup', verbose_name='Zielgruppen')),
                ('topic_fields', modelcluster.fields.ParentalManyToManyField(blank=True, related_name='actors', to='core.topicfield', verbose_name='Themenfelder')),
            ],
            options={
                'verbose_name': 'Akteur',
                'verbose_name_plural': 'Akteure',
                'ordering': ['name'],
            },
        ),
        migrations.CreateModel(
            name='Contact',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                ('name', models.CharField(max_length=120, validators=[lotse.core.validators.no_control_characters], verbose_name='Name')),
                ('role', models.CharField(blank=True, max_length=120, verbose_name='Funktion')),
                ('email', models.EmailField(blank=True, max_length=254, verbose_name='E-Mail')),
                ('phone', models.CharField(blank=True, max_length=40, validators=[django.core.validators.RegexValidator('^[0-9+()/ \\-]{3,40}$', 'Bitte nur Ziffern, Leerzeichen und + ( ) / - verwenden.')], verbose_name='Telefon')),
                ('is_public', models.BooleanField(default=False, verbose_name='öffentlich sichtbar')),
                ('is_demo', models.BooleanField(default=False, verbose_name='Demodaten')),
                ('actor', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='contacts', to='network.actor')),
            ],
            options={
                'verbose_name': 'Ansprechperson',
                'verbose_name_plural': 'Ansprechpersonen',
                'ordering': ['sort_order'],
                'abstract': False,
            },
        ),
        migrations.CreateModel(
            name='Cooperation',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('network_membership', 'Netzwerkmitgliedschaft'), ('joint_project', 'Gemeinsames Projekt'), ('referral_partner', 'Verweisungspartner')], max_length=32, verbose_name='Art')),
                ('start_date', models.DateField(verbose_name='seit')),
                ('note', models.CharField(blank=True, max_length=200, verbose_name='Bemerkung')),
                ('source', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='cooperations_out', to='network.actor', verbose_name='Akteur')),
                ('target', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='cooperations_in', to='network.actor', verbose_name='Partner')),
            ],
            options={
                'verbose_name': 'Kooperation',
                'verbose_name_plural': 'Kooperationen',
                'ordering': ['source__name', 'target__name'],
            },
        ),
        migrations.CreateModel(
            name='Membership',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='seit')),
                ('actor', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='memberships', to='network.actor', verbose_name='Akteur')),
                ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='memberships', to=settings.AUTH_USER_MODEL, verbose_name='Benutzer')),
            ],
            options={
                'verbose_name': 'Mitgliedschaft',
                'verbose_name_plural': 'Mitgliedschaften',
            },
        ),
        migrations.AddConstraint(
            model_name='actor',
            constraint=models.CheckConstraint(condition=models.Q(('parent', models.F('pk')), _negated=True), name='actor_not_own_parent'),
        ),
        migrations.AddConstraint(
            model_name='cooperation',
            constraint=models.UniqueConstraint(fields=('source', 'target', 'kind'), name='cooperation_unique_pair_kind'),
        ),
        migrations.AddConstraint(
            model_name='cooperation',
            constraint=models.CheckConstraint(condition=models.Q(('source', models.F('target')), _negated=True), name='cooperation_not_self'),
        ),
        migrations.AddConstraint(
            model_name='membership',
            constraint=models.UniqueConstraint(fields=('user', 'actor'), name='membership_unique_user_actor'),
        ),
        fulltext_migration("network_actor"),
    ]
