"""Events, sites, agenda, registrations: the squashed state of events 0001–0004 (docs/decisions/0007)."""

import django.core.validators
import django.db.models.deletion
import lotse.core.validators
import lotse.events.models
import modelcluster.fields
import wagtail.fields
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    replaces = [
        ('events', '0001_events_sites_agenda_registrations'),
        ('events', '0002_names_without_control_characters'),
        ('events', '0003_registration_link_resent_at'),
        ('events', '0004_customquestion_english_texts'),
    ]

    initial = True

    dependencies = [
        ('core', '0001_squashed_0010_content_version'),
        ('network', '0001_squashed_0004_actor_directory'),
        ('wagtaildocs', '0014_alter_document_file_size'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='Event',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('title', models.CharField(max_length=200, validators=[lotse.core.validators.no_control_characters], verbose_name='Titel')),
                ('slug', models.SlugField(max_length=120, unique=True, verbose_name='Kennung in der Adresse')),
                ('summary', models.CharField(max_length=300, validators=[lotse.core.validators.no_control_characters], verbose_name='Kurzbeschreibung')),
                ('description', wagtail.fields.RichTextField(blank=True, verbose_name='Beschreibung')),
                ('kind', models.CharField(choices=[('netzwerktreffen', 'Netzwerktreffen'), ('fachforum', 'Fachforum'), ('runder_tisch', 'Runder Tisch'), ('workshop', 'Workshop'), ('webinar', 'Webinar')], max_length=20, verbose_name='Art')),
                ('status', models.CharField(choices=[('draft', 'Entwurf'), ('published', 'Angekündigt'), ('registration_open', 'Anmeldung offen'), ('closed', 'Anmeldung geschlossen'), ('held', 'Durchgeführt'), ('documented', 'Dokumentiert')], default='draft', max_length=20, verbose_name='Status')),
                ('starts_at', models.DateTimeField(verbose_name='Beginn')),
                ('ends_at', models.DateTimeField(verbose_name='Ende')),
                ('registration_opens_at', models.DateTimeField(blank=True, null=True, verbose_name='Anmeldung ab')),
                ('registration_closes_at', models.DateTimeField(blank=True, null=True, verbose_name='Anmeldung bis')),
                ('ask_organisation', models.BooleanField(default=True, verbose_name='Organisation abfragen')),
                ('ask_actor_type', models.BooleanField(default=True, verbose_name='Akteurstyp abfragen')),
                ('ask_district', models.BooleanField(default=True, verbose_name='Landkreis/Stadt abfragen')),
                ('ask_role', models.BooleanField(default=True, verbose_name='Funktion abfragen')),
                ('ask_dietary_needs', models.BooleanField(default=False, verbose_name='Verpflegungswünsche abfragen')),
                ('ask_accessibility_needs', models.BooleanField(default=True, verbose_name='Barrierefreiheitsbedarf abfragen')),
                ('ask_participant_list_consent', models.BooleanField(default=True, verbose_name='Einwilligung Teilnehmendenliste abfragen')),
                ('ask_photo_consent', models.BooleanField(default=True, verbose_name='Einwilligung Fotos abfragen')),
                ('ask_stream_consent', models.BooleanField(default=False, verbose_name='Einwilligung Livestream abfragen')),
                ('max_group_size', models.PositiveSmallIntegerField(default=5, help_text='Eine Person kann Kolleginnen und Kollegen derselben Organisation mit anmelden.', verbose_name='Höchstzahl Personen je Anmeldung')),
                ('hold_hours', models.PositiveSmallIntegerField(default=24, help_text='So lange wird ein Platz gehalten, bis der Link in der E-Mail geklickt ist.', verbose_name='Bestätigungsfrist (Stunden)')),
                ('offer_hours', models.PositiveSmallIntegerField(default=48, verbose_name='Annahmefrist beim Nachrücken (Stunden)')),
                ('retention_days', models.PositiveSmallIntegerField(default=lotse.events.models.default_retention_days, verbose_name='Löschfrist personenbezogener Daten (Tage nach der Veranstaltung)')),
                ('documentation', wagtail.fields.RichTextField(blank=True, verbose_name='Ergebnisse und Dokumentation')),
                ('personal_data_deleted_at', models.DateTimeField(blank=True, editable=False, null=True, verbose_name='Personenbezogene Daten gelöscht am')),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('co_organisers', modelcluster.fields.ParentalManyToManyField(blank=True, related_name='events_co_organised', to='network.actor', verbose_name='Mitveranstalter')),
                ('languages', modelcluster.fields.ParentalManyToManyField(blank=True, related_name='events', to='core.language', verbose_name='Sprachen')),
                ('organiser', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='events_organised', to='network.actor', verbose_name='Veranstalter')),
                ('topic_fields', modelcluster.fields.ParentalManyToManyField(blank=True, related_name='events', to='core.topicfield', verbose_name='Themenfelder')),
            ],
            options={
                'verbose_name': 'Veranstaltung',
                'verbose_name_plural': 'Veranstaltungen',
                'ordering': ['starts_at', 'title'],
            },
        ),
        migrations.CreateModel(
            name='CustomQuestion',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                ('label', models.CharField(max_length=200, validators=[lotse.core.validators.no_control_characters], verbose_name='Frage')),
                ('help_text', models.CharField(blank=True, max_length=300, verbose_name='Hilfetext')),
                ('kind', models.CharField(choices=[('text', 'Freitext'), ('choice', 'Auswahl'), ('yes_no', 'Ja/Nein')], default='text', max_length=10, verbose_name='Art')),
                ('choices', models.TextField(blank=True, help_text='Eine je Zeile.', verbose_name='Antwortmöglichkeiten')),
                ('required', models.BooleanField(default=False, verbose_name='Pflichtfeld')),
                ('label_en', models.CharField(blank=True, max_length=200, validators=[lotse.core.validators.no_control_characters], verbose_name='Frage (Englisch)')),
                ('help_text_en', models.CharField(blank=True, max_length=300, verbose_name='Hilfetext (Englisch)')),
                ('choices_en', models.TextField(blank=True, help_text='Eine je Zeile, in derselben Reihenfolge wie die deutschen.', verbose_name='Antwortmöglichkeiten (Englisch)')),
                ('event', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='questions', to='events.event')),
            ],
            options={
                'verbose_name': 'Zusatzfrage',
                'verbose_name_plural': 'Zusatzfragen',
                'ordering': ['sort_order'],
                'abstract': False,
            },
        ),
        migrations.CreateModel(
            name='Site',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                ('name', models.CharField(help_text='z. B. Görlitz oder Online', max_length=120, validators=[lotse.core.validators.no_control_characters], verbose_name='Name')),
                ('is_online', models.BooleanField(default=False, verbose_name='Online-Teilnahme (Livestream)')),
                ('venue', models.CharField(blank=True, max_length=200, validators=[lotse.core.validators.no_control_characters], verbose_name='Veranstaltungsort')),
                ('street', models.CharField(blank=True, max_length=200, validators=[lotse.core.validators.no_control_characters], verbose_name='Straße und Hausnummer')),
                ('postcode', models.CharField(blank=True, max_length=5, validators=[django.core.validators.RegexValidator('^\\d{5}$', 'Die Postleitzahl besteht aus fünf Ziffern.')], verbose_name='Postleitzahl')),
                ('city', models.CharField(blank=True, max_length=100, validators=[lotse.core.validators.no_control_characters], verbose_name='Ort')),
                ('room', models.CharField(blank=True, max_length=120, validators=[lotse.core.validators.no_control_characters], verbose_name='Raum')),
                ('capacity', models.PositiveIntegerField(blank=True, help_text='Leer lassen nur bei Online-Teilnahme ohne Begrenzung.', null=True, verbose_name='Plätze')),
                ('booked', models.PositiveIntegerField(default=0, editable=False, verbose_name='Belegt')),
                ('step_free', models.BooleanField(default=False, verbose_name='Stufenloser Zugang')),
                ('hearing_loop', models.BooleanField(default=False, verbose_name='Induktionsschleife')),
                ('accessible_toilet', models.BooleanField(default=False, verbose_name='Barrierefreies WC')),
                ('accessibility_notes', models.TextField(blank=True, verbose_name='Hinweise zur Barrierefreiheit')),
                ('arrival_info', models.TextField(blank=True, verbose_name='Anreise')),
                ('stream_url', models.URLField(blank=True, help_text='Nur für Online-Teilnahme; erst nach bestätigter Anmeldung sichtbar.', verbose_name='Link zum Livestream')),
                ('district', models.ForeignKey(blank=True, limit_choices_to={'kind__in': ['urban_district', 'rural_district']}, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='event_sites', to='core.region', verbose_name='Landkreis/Stadt')),
                ('event', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='sites', to='events.event')),
            ],
            options={
                'verbose_name': 'Standort',
                'verbose_name_plural': 'Standorte',
                'ordering': ['sort_order'],
                'abstract': False,
            },
        ),
        migrations.CreateModel(
            name='EventMessage',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('subject', models.CharField(max_length=200, validators=[lotse.core.validators.no_control_characters], verbose_name='Betreff')),
                ('body', models.TextField(verbose_name='Text')),
                ('sent_at', models.DateTimeField(auto_now_add=True, verbose_name='Gesendet am')),
                ('recipient_count', models.PositiveIntegerField(default=0, verbose_name='Empfänger')),
                ('event', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='messages', to='events.event')),
                ('sent_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('site', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='messages', to='events.site')),
            ],
            options={
                'verbose_name': 'Nachricht an Teilnehmende',
                'verbose_name_plural': 'Nachrichten an Teilnehmende',
                'ordering': ['-sent_at'],
            },
        ),
        migrations.CreateModel(
            name='WorkingGroup',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                ('title', models.CharField(max_length=200, validators=[lotse.core.validators.no_control_characters], verbose_name='Titel')),
                ('description', models.TextField(blank=True, verbose_name='Beschreibung')),
                ('capacity', models.PositiveIntegerField(blank=True, null=True, verbose_name='Plätze')),
                ('booked', models.PositiveIntegerField(default=0, editable=False, verbose_name='Belegt')),
                ('results', wagtail.fields.RichTextField(blank=True, verbose_name='Ergebnisse')),
                ('event', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='working_groups', to='events.event')),
                ('site', models.ForeignKey(blank=True, help_text='Leer: offen für alle Standorte.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='working_groups', to='events.site', verbose_name='Standort')),
            ],
            options={
                'verbose_name': 'Arbeitsgruppe',
                'verbose_name_plural': 'Arbeitsgruppen',
                'ordering': ['sort_order'],
                'abstract': False,
            },
        ),
        migrations.CreateModel(
            name='Session',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                ('starts_at', models.DateTimeField(verbose_name='Beginn')),
                ('ends_at', models.DateTimeField(blank=True, null=True, verbose_name='Ende')),
                ('title', models.CharField(max_length=200, validators=[lotse.core.validators.no_control_characters], verbose_name='Titel')),
                ('description', models.TextField(blank=True, verbose_name='Beschreibung')),
                ('speakers', wagtail.fields.StreamField([('speaker', 3)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': 'Name', 'max_length': 120}), 1: ('wagtail.blocks.CharBlock', (), {'label': 'Organisation', 'max_length': 200, 'required': False}), 2: ('wagtail.blocks.CharBlock', (), {'label': 'Funktion', 'max_length': 120, 'required': False}), 3: ('wagtail.blocks.StructBlock', [[('name', 0), ('organisation', 1), ('role', 2)]], {})}, verbose_name='Mitwirkende')),
                ('documents', modelcluster.fields.ParentalManyToManyField(blank=True, related_name='event_sessions', to='wagtaildocs.document', verbose_name='Folien und Ergebnisse')),
                ('event', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='sessions', to='events.event')),
                ('site', models.ForeignKey(blank=True, help_text='Leer: an allen Standorten (per Livestream übertragen).', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='sessions', to='events.site', verbose_name='Standort')),
                ('working_group', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='sessions', to='events.workinggroup', verbose_name='Arbeitsgruppe')),
            ],
            options={
                'verbose_name': 'Programmpunkt',
                'verbose_name_plural': 'Programm',
                'ordering': ['sort_order'],
                'abstract': False,
            },
        ),
        migrations.CreateModel(
            name='Registration',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('status', models.CharField(choices=[('held', 'Platz gehalten, E-Mail unbestätigt'), ('confirmed', 'Bestätigt'), ('waitlisted', 'Warteliste'), ('offered', 'Nachgerückt, Annahme offen'), ('cancelled', 'Storniert'), ('expired', 'Verfallen')], max_length=12, verbose_name='Status')),
                ('token', models.CharField(editable=False, max_length=64, unique=True)),
                ('code', models.CharField(editable=False, max_length=12, unique=True, verbose_name='Ticketcode')),
                ('first_name', models.CharField(max_length=100, validators=[lotse.core.validators.no_control_characters], verbose_name='Vorname')),
                ('last_name', models.CharField(max_length=100, validators=[lotse.core.validators.no_control_characters], verbose_name='Nachname')),
                ('email', models.EmailField(max_length=254, verbose_name='E-Mail-Adresse')),
                ('organisation', models.CharField(blank=True, max_length=200, validators=[lotse.core.validators.no_control_characters], verbose_name='Organisation')),
                ('role', models.CharField(blank=True, max_length=120, validators=[lotse.core.validators.no_control_characters], verbose_name='Funktion')),
                ('dietary_needs', models.CharField(blank=True, max_length=300, verbose_name='Verpflegung')),
                ('accessibility_needs', models.CharField(blank=True, max_length=500, verbose_name='Barrierefreiheit')),
                ('answers', models.JSONField(blank=True, default=dict, verbose_name='Antworten auf Zusatzfragen')),
                ('consent_participant_list', models.BooleanField(default=False, verbose_name='Teilnehmendenliste')),
                ('consent_photos', models.BooleanField(default=False, verbose_name='Fotos')),
                ('consent_stream', models.BooleanField(default=False, verbose_name='Livestream')),
                ('language', models.CharField(default='de', max_length=8, verbose_name='Sprache')),
                ('created_at', models.DateTimeField(auto_now_add=True, db_index=True, verbose_name='Angemeldet am')),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('hold_expires_at', models.DateTimeField(blank=True, null=True, verbose_name='Bestätigung bis')),
                ('confirmed_at', models.DateTimeField(blank=True, null=True, verbose_name='Bestätigt am')),
                ('offer_expires_at', models.DateTimeField(blank=True, null=True, verbose_name='Annahme bis')),
                ('cancelled_at', models.DateTimeField(blank=True, null=True, verbose_name='Storniert am')),
                ('checked_in_at', models.DateTimeField(blank=True, null=True, verbose_name='Eingelassen am')),
                ('reminder_sent_at', models.DateTimeField(blank=True, editable=False, null=True)),
                ('link_resent_at', models.DateTimeField(blank=True, editable=False, null=True)),
                ('thanks_sent_at', models.DateTimeField(blank=True, editable=False, null=True)),
                ('anonymised_at', models.DateTimeField(blank=True, null=True, verbose_name='Anonymisiert am')),
                ('actor_type', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='event_registrations', to='core.actortype', verbose_name='Akteurstyp')),
                ('checked_in_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='Eingelassen durch')),
                ('district', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='event_registrations', to='core.region', verbose_name='Landkreis/Stadt')),
                ('event', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='registrations', to='events.event')),
                ('registered_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='colleagues', to='events.registration', verbose_name='Angemeldet durch')),
                ('site', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='registrations', to='events.site')),
                ('working_groups', models.ManyToManyField(blank=True, related_name='registrations', to='events.workinggroup', verbose_name='Arbeitsgruppen')),
            ],
            options={
                'verbose_name': 'Anmeldung',
                'verbose_name_plural': 'Anmeldungen',
                'ordering': ['created_at', 'id'],
            },
        ),
        migrations.AddIndex(
            model_name='event',
            index=models.Index(fields=['status', 'starts_at'], name='events_status_start_idx'),
        ),
        migrations.AddConstraint(
            model_name='event',
            constraint=models.CheckConstraint(condition=models.Q(('ends_at__gte', models.F('starts_at'))), name='events_event_ends_after_start'),
        ),
        migrations.AddConstraint(
            model_name='event',
            constraint=models.CheckConstraint(condition=models.Q(('registration_opens_at__isnull', True), ('registration_closes_at__isnull', True), ('registration_closes_at__gte', models.F('registration_opens_at')), _connector='OR'), name='events_event_registration_window_order'),
        ),
        migrations.AddConstraint(
            model_name='event',
            constraint=models.CheckConstraint(condition=models.Q(('max_group_size__gte', 1)), name='events_event_group_size_positive'),
        ),
        migrations.AddConstraint(
            model_name='site',
            constraint=models.CheckConstraint(condition=models.Q(('capacity__isnull', True), ('booked__lte', models.F('capacity')), _connector='OR'), name='events_site_booked_within_capacity'),
        ),
        migrations.AddConstraint(
            model_name='site',
            constraint=models.CheckConstraint(condition=models.Q(('is_online', True), ('capacity__isnull', False), _connector='OR'), name='events_site_capacity_required_on_site'),
        ),
        migrations.AddConstraint(
            model_name='workinggroup',
            constraint=models.CheckConstraint(condition=models.Q(('capacity__isnull', True), ('booked__lte', models.F('capacity')), _connector='OR'), name='events_workinggroup_booked_within_capacity'),
        ),
        migrations.AddConstraint(
            model_name='session',
            constraint=models.CheckConstraint(condition=models.Q(('ends_at__isnull', True), ('ends_at__gte', models.F('starts_at')), _connector='OR'), name='events_session_ends_after_start'),
        ),
        migrations.AddIndex(
            model_name='registration',
            index=models.Index(fields=['site', 'status', 'id'], name='events_reg_site_status_idx'),
        ),
        migrations.AddIndex(
            model_name='registration',
            index=models.Index(fields=['event', 'status'], name='events_reg_event_status_idx'),
        ),
        migrations.AddIndex(
            model_name='registration',
            index=models.Index(fields=['event', 'last_name'], name='events_reg_event_name_idx'),
        ),
        migrations.AddConstraint(
            model_name='registration',
            constraint=models.UniqueConstraint(condition=models.Q(('anonymised_at__isnull', True), ('status__in', ['held', 'confirmed', 'waitlisted', 'offered'])), fields=('event', 'email'), name='events_registration_one_active_per_email'),
        ),
        migrations.AddConstraint(
            model_name='registration',
            constraint=models.CheckConstraint(condition=models.Q(('checked_in_at__isnull', True), ('status', 'confirmed'), _connector='OR'), name='events_registration_checkin_only_confirmed'),
        ),
    ]
