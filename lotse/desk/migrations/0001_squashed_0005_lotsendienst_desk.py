"""The inquiry desk: the squashed state of desk 0001–0005 (docs/decisions/0007, 0029).

Data kept: the consent texts version 1 (kinds "anfrage" and "weitergabe"). Dropped, because a
new database has nothing for them to change: 0002 took an earlier `desk.*` grant back from the
Lotsendienst group (roles are granted after migrate, core.roles), 0003 wrote fact rows for
existing inquiries.
"""

import django.db.models.deletion
import django.db.models.functions.text
import django.db.models.lookups
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


CONSENT_TEXTS = [
    (
        "anfrage",
        "Ich willige ein, dass das Fachkräftezentrum meine Angaben (Kontaktdaten und Frage) "
        "verarbeitet, um meine Anfrage zu beantworten oder mich an eine passende Stelle im "
        "Netzwerk zu verweisen. Kontaktdaten und Frage werden nach Abschluss der Anfrage gelöscht "
        "(Frist in der Datenschutzerklärung). Ich kann die Einwilligung jederzeit widerrufen "
        "(Link in jeder E-Mail).",
        "I consent to the skilled-labour centre processing my details (contact data and question) "
        "to answer my inquiry or to refer me to a suitable organisation in its network. Contact "
        "data and question are deleted after the inquiry is closed (period in the privacy notice). "
        "I can withdraw my consent at any time (link in every e-mail).",
    ),
    (
        "weitergabe",
        "Ich willige ein, dass das Fachkräftezentrum meinen Namen, meine Kontaktdaten und meine "
        "Frage an die genannte Partnerorganisation weitergibt, damit sie mich zu meinem Anliegen "
        "berät. Ich kann die Einwilligung jederzeit widerrufen; die Partnerorganisation sieht "
        "meine Daten dann nicht mehr.",
        "I consent to the skilled-labour centre passing my name, my contact data and my question "
        "to the named partner organisation so that it can advise me. I can withdraw my consent at "
        "any time; the partner organisation then no longer sees my data.",
    ),
]


def consent_texts_v1(apps, schema_editor):
    ConsentText = apps.get_model("desk", "ConsentText")
    for kind, text, text_en in CONSENT_TEXTS:
        ConsentText.objects.get_or_create(
            kind=kind, version=1, defaults={"text": text, "text_en": text_en}
        )


class Migration(migrations.Migration):

    replaces = [
        ('desk', '0001_inquiries_and_answer_templates'),
        ('desk', '0002_lotsendienst_without_tarif_templates'),
        ('desk', '0003_lotsendienst_referrals_facts'),
        ('desk', '0004_inbox_order_index'),
        ('desk', '0001_squashed_0004_lotsendienst_desk'),
        ('desk', '0005_inquiry_filter_index'),
    ]

    initial = True

    dependencies = [
        ('core', '0001_squashed_0010_content_version'),
        ('network', '0001_squashed_0004_actor_directory'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='AnswerTemplate',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('topic', models.CharField(choices=[('tarif', 'Tarifauskunft'), ('allgemein', 'Lotsendienst')], default='tarif', max_length=20, verbose_name='Thema')),
                ('title', models.CharField(max_length=200, verbose_name='Titel')),
                ('body', models.TextField(help_text='Platzhalter: {anrede} (Anrede), {name} (Name der anfragenden Person), {reference} (Aktenzeichen), {lookup} (Ergebnis der Tarifauskunft mit Stichtag).', verbose_name='Text')),
                ('active', models.BooleanField(default=True, verbose_name='aktiv')),
            ],
            options={
                'verbose_name': 'Textbaustein',
                'verbose_name_plural': 'Textbausteine',
                'ordering': ['title'],
                'constraints': [models.UniqueConstraint(fields=('topic', 'title'), name='desk_template_unique_title'), models.CheckConstraint(condition=models.Q(('title', ''), _negated=True), name='desk_template_title_not_empty')],
            },
        ),
        migrations.CreateModel(
            name='ConsentText',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('anfrage', 'Verarbeitung der Anfrage'), ('weitergabe', 'Weitergabe an eine Partnerorganisation')], max_length=20, verbose_name='Art')),
                ('version', models.PositiveIntegerField(verbose_name='Version')),
                ('text', models.TextField(verbose_name='Text (deutsch)')),
                ('text_en', models.TextField(blank=True, verbose_name='Text (englisch)')),
                ('valid_from', models.DateTimeField(default=django.utils.timezone.now, verbose_name='gültig ab')),
            ],
            options={
                'verbose_name': 'Einwilligungstext',
                'verbose_name_plural': 'Einwilligungstexte',
                'ordering': ['kind', '-version'],
                'constraints': [models.UniqueConstraint(fields=('kind', 'version'), name='desk_consent_unique_version'), models.CheckConstraint(condition=models.Q(('text', ''), _negated=True), name='desk_consent_text_not_empty')],
            },
        ),
        migrations.CreateModel(
            name='Inquiry',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('reference', models.CharField(max_length=20, unique=True, verbose_name='Aktenzeichen')),
                ('topic', models.CharField(choices=[('tarif', 'Tarifauskunft'), ('allgemein', 'Lotsendienst')], max_length=20, verbose_name='Thema')),
                ('sector', models.CharField(blank=True, max_length=200, verbose_name='Branche')),
                ('wz_code', models.CharField(blank=True, max_length=10, verbose_name='WZ-Code')),
                ('question_kind', models.CharField(blank=True, choices=[('entgelt', 'Entgelt, Lohn und Gehalt'), ('eingruppierung', 'Eingruppierung'), ('kuendigung', 'Kündigungsfristen'), ('ausbildung', 'Ausbildungsvergütung'), ('arbeitszeit', 'Arbeitszeit und Urlaub'), ('ave', 'Allgemeinverbindlichkeit (AVE)'), ('sonstiges', 'Sonstiges')], max_length=20, verbose_name='Art der Frage')),
                ('requester_type', models.CharField(blank=True, choices=[('betrieb', 'Betrieb oder Unternehmen'), ('beschaeftigte', 'Beschäftigte oder Arbeitsuchende'), ('ausland', 'Fachkraft im Ausland'), ('partner', 'Partnerorganisation')], max_length=20, verbose_name='Wer fragt')),
                ('channel', models.CharField(choices=[('formular', 'Formular im Portal'), ('angebot', 'Anfrage an den Anbieter (Angebotsseite)'), ('akteur', 'Kontakt aufnehmen (Akteursseite)'), ('wegweiser', 'Wegweiser (Plan besprechen)'), ('telefon', 'Telefon'), ('email', 'E-Mail')], default='formular', max_length=20, verbose_name='Eingangsweg')),
                ('preferred_language', models.CharField(blank=True, max_length=3, verbose_name='Gewünschte Sprache')),
                ('contact_preference', models.CharField(blank=True, choices=[('email', 'per E-Mail'), ('telefon', 'per Telefon')], max_length=20, verbose_name='Bevorzugter Kontaktweg')),
                ('source_label', models.CharField(blank=True, max_length=300, verbose_name='Bezug')),
                ('attachment_text', models.TextField(blank=True, verbose_name='Anhang (z. B. Plan aus dem Wegweiser)')),
                ('message', models.TextField(blank=True, verbose_name='Frage')),
                ('contact_name', models.CharField(blank=True, max_length=200, verbose_name='Name')),
                ('contact_email', models.EmailField(blank=True, max_length=254, verbose_name='E-Mail-Adresse')),
                ('contact_phone', models.CharField(blank=True, max_length=40, verbose_name='Telefon')),
                ('contact_organisation', models.CharField(blank=True, max_length=200, verbose_name='Organisation')),
                ('consent', models.BooleanField(verbose_name='Einwilligung in die Verarbeitung')),
                ('language', models.CharField(choices=[('de', 'Deutsch'), ('en', 'Englisch')], max_length=5, verbose_name='Sprache')),
                ('status', models.CharField(choices=[('neu', 'Neu'), ('in_bearbeitung', 'In Bearbeitung'), ('verwiesen', 'Verwiesen'), ('beantwortet', 'Beantwortet'), ('abgeschlossen', 'Abgeschlossen')], default='neu', max_length=20, verbose_name='Status')),
                ('token', models.CharField(blank=True, editable=False, max_length=43, null=True, unique=True)),
                ('consent_withdrawn_at', models.DateTimeField(blank=True, null=True, verbose_name='Einwilligung widerrufen am')),
                ('first_response_at', models.DateTimeField(blank=True, null=True, verbose_name='Erste Reaktion am')),
                ('escalated_at', models.DateTimeField(blank=True, null=True, verbose_name='Eskaliert am')),
                ('received_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='Eingegangen am')),
                ('due_date', models.DateField(verbose_name='Zu beantworten bis')),
                ('answered_at', models.DateTimeField(blank=True, null=True, verbose_name='Beantwortet am')),
                ('answer_text', models.TextField(blank=True, verbose_name='Antwort')),
                ('closed_at', models.DateTimeField(blank=True, null=True, verbose_name='Abgeschlossen am')),
                ('turnaround_days', models.PositiveIntegerField(blank=True, null=True, verbose_name='Bearbeitungsdauer (Arbeitstage)')),
                ('personal_data_deleted_at', models.DateTimeField(blank=True, null=True, verbose_name='Personenbezogene Daten gelöscht am')),
                ('actor', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='desk_inquiries', to='network.actor', verbose_name='Angefragte Organisation')),
                ('assignee', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='desk_inquiries', to=settings.AUTH_USER_MODEL, verbose_name='Zuständig')),
                ('consent_text', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='desk.consenttext', verbose_name='Einwilligungstext')),
                ('district', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='core.region', verbose_name='Landkreis / Stadt')),
                ('topic_field', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='core.topicfield', verbose_name='Themenfeld')),
            ],
            options={
                'verbose_name': 'Anfrage',
                'verbose_name_plural': 'Anfragen',
                'ordering': ['-received_at', '-pk'],
            },
        ),
        migrations.CreateModel(
            name='InquiryFact',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('month', models.DateField(verbose_name='Monat des Eingangs')),
                ('topic', models.CharField(choices=[('tarif', 'Tarifauskunft'), ('allgemein', 'Lotsendienst')], max_length=20, verbose_name='Thema')),
                ('topic_field', models.CharField(blank=True, max_length=60, verbose_name='Themenfeld')),
                ('district', models.CharField(blank=True, max_length=8, verbose_name='Landkreis / Stadt (AGS)')),
                ('requester_type', models.CharField(blank=True, max_length=20, verbose_name='Wer fragt')),
                ('language', models.CharField(max_length=5, verbose_name='Sprache')),
                ('channel', models.CharField(max_length=20, verbose_name='Eingangsweg')),
                ('outcome', models.CharField(max_length=20, verbose_name='Ergebnis')),
                ('turnaround_days', models.PositiveIntegerField(null=True, verbose_name='Arbeitstage bis zur Reaktion')),
                ('first_response_met', models.BooleanField(null=True, verbose_name='Erste Reaktion im Servicelevel')),
                ('partner_acceptance_met', models.BooleanField(null=True, verbose_name='Annahme im Servicelevel')),
                ('inquiry', models.OneToOneField(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='fact', to='desk.inquiry')),
            ],
            options={
                'verbose_name': 'Statistikzeile',
                'verbose_name_plural': 'Statistikzeilen',
            },
        ),
        migrations.CreateModel(
            name='InquiryNote',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('text', models.TextField(verbose_name='Notiz')),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='erstellt')),
                ('author', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('inquiry', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='notes', to='desk.inquiry')),
            ],
            options={
                'verbose_name': 'Interne Notiz',
                'verbose_name_plural': 'Interne Notizen',
                'ordering': ['created_at', 'pk'],
            },
        ),
        migrations.CreateModel(
            name='ReferenceCounter',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('prefix', models.CharField(max_length=4)),
                ('year', models.PositiveIntegerField()),
                ('last', models.PositiveIntegerField(default=0)),
            ],
            options={
                'constraints': [models.UniqueConstraint(fields=('prefix', 'year'), name='desk_counter_unique_year')],
            },
        ),
        migrations.CreateModel(
            name='Referral',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('status', models.CharField(choices=[('einwilligung_offen', 'Einwilligung angefragt'), ('nur_kontakt', 'Nur Kontakt weitergegeben (ohne Einwilligung)'), ('angeboten', 'Wartet auf Annahme'), ('angenommen', 'Angenommen'), ('abgelehnt', 'Abgelehnt'), ('erledigt', 'Erledigt')], max_length=20, verbose_name='Status')),
                ('purpose', models.CharField(max_length=300, verbose_name='Zweck der Weitergabe')),
                ('data_passed', models.CharField(blank=True, max_length=300, verbose_name='Weitergegebene Daten')),
                ('consent_method', models.CharField(blank=True, choices=[('formular', 'im Formular'), ('email_link', 'per Bestätigungslink'), ('telefon', 'telefonisch (von der Mitarbeiterin / dem Mitarbeiter erfasst)')], max_length=20, verbose_name='Einwilligung')),
                ('consent_given_at', models.DateTimeField(blank=True, null=True, verbose_name='Einwilligung am')),
                ('consent_token', models.CharField(editable=False, max_length=43, null=True, unique=True)),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='verwiesen am')),
                ('offered_at', models.DateTimeField(blank=True, null=True, verbose_name='an den Partner gegeben am')),
                ('accept_due', models.DateField(blank=True, null=True, verbose_name='Annahme bis')),
                ('accepted_at', models.DateTimeField(blank=True, null=True, verbose_name='angenommen am')),
                ('declined_at', models.DateTimeField(blank=True, null=True, verbose_name='abgelehnt am')),
                ('decline_reason', models.CharField(blank=True, max_length=500, verbose_name='Grund der Ablehnung')),
                ('outcome', models.CharField(blank=True, choices=[('beratung', 'Beratung erfolgt'), ('angebot_genutzt', 'Angebot wahrgenommen'), ('nicht_erreichbar', 'Nicht erreichbar'), ('kein_bedarf', 'Kein Bedarf mehr'), ('sonstiges', 'Sonstiges')], max_length=20, verbose_name='Ergebnis')),
                ('completed_at', models.DateTimeField(blank=True, null=True, verbose_name='erledigt am')),
                ('escalated_at', models.DateTimeField(blank=True, null=True, verbose_name='eskaliert am')),
                ('contact_name', models.CharField(blank=True, max_length=200, verbose_name='Name')),
                ('contact_email', models.EmailField(blank=True, max_length=254, verbose_name='E-Mail-Adresse')),
                ('contact_phone', models.CharField(blank=True, max_length=40, verbose_name='Telefon')),
                ('message', models.TextField(blank=True, verbose_name='Frage')),
                ('actor', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='desk_referrals', to='network.actor', verbose_name='Partnerorganisation')),
                ('consent_text', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='desk.consenttext')),
                ('created_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('inquiry', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='referrals', to='desk.inquiry')),
            ],
            options={
                'verbose_name': 'Verweisung',
                'verbose_name_plural': 'Verweisungen',
                'ordering': ['-created_at', '-pk'],
            },
        ),
        migrations.AddIndex(
            model_name='inquiry',
            index=models.Index(fields=['topic', 'status', 'due_date'], name='desk_inq_topic_status_due'),
        ),
        migrations.AddIndex(
            model_name='inquiry',
            index=models.Index(fields=['received_at'], name='desk_inquiry_received'),
        ),
        migrations.AddIndex(
            model_name='inquiry',
            index=models.Index(fields=['status', 'due_date'], name='desk_inq_status_due'),
        ),
        migrations.AddIndex(
            model_name='inquiry',
            index=models.Index(models.F('topic'), models.Case(models.When(status__in=('neu', 'in_bearbeitung'), then=models.Value(0)), default=models.Value(1), output_field=models.IntegerField()), models.F('due_date'), models.F('received_at'), models.F('id'), name='desk_inq_inbox_order'),
        ),
        migrations.AddIndex(
            model_name='inquiry',
            index=models.Index(fields=['topic', 'district', 'topic_field', 'status', 'due_date'], name='desk_inq_filter'),
        ),
        migrations.AddConstraint(
            model_name='inquiry',
            constraint=models.CheckConstraint(condition=models.Q(('consent', True)), name='desk_inquiry_consent_given'),
        ),
        migrations.AddConstraint(
            model_name='inquiry',
            constraint=models.CheckConstraint(condition=django.db.models.lookups.LessThanOrEqual(django.db.models.functions.text.Length('message'), 4000), name='desk_inquiry_message_max_length'),
        ),
        migrations.AddConstraint(
            model_name='inquiry',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('topic', 'tarif'), _negated=True), models.Q(models.Q(('sector', ''), _negated=True), models.Q(('question_kind', ''), _negated=True)), _connector='OR'), name='desk_inquiry_tariff_sector_and_kind'),
        ),
        migrations.AddConstraint(
            model_name='inquiry',
            constraint=models.CheckConstraint(condition=models.Q(('personal_data_deleted_at__isnull', False), models.Q(('contact_email', ''), _negated=True), models.Q(('contact_phone', ''), _negated=True), _connector='OR'), name='desk_inquiry_contact_until_deleted'),
        ),
        migrations.AddConstraint(
            model_name='inquiry',
            constraint=models.CheckConstraint(condition=django.db.models.lookups.LessThanOrEqual(django.db.models.functions.text.Length('attachment_text'), 20000), name='desk_inquiry_attachment_max_length'),
        ),
        migrations.AddConstraint(
            model_name='inquiry',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('status', 'beantwortet'), _negated=True), ('answered_at__isnull', False), _connector='OR'), name='desk_inquiry_answered_has_date'),
        ),
        migrations.AddConstraint(
            model_name='inquiry',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('closed_at__isnull', False), ('status', 'abgeschlossen')), models.Q(models.Q(('status', 'abgeschlossen'), _negated=True), ('closed_at__isnull', True)), _connector='OR'), name='desk_inquiry_closed_iff_closed_at'),
        ),
        migrations.AddConstraint(
            model_name='inquiry',
            constraint=models.CheckConstraint(condition=models.Q(('answered_at__isnull', True), ('answered_at__gte', models.F('received_at')), _connector='OR'), name='desk_inquiry_answer_after_receipt'),
        ),
        migrations.AddConstraint(
            model_name='inquiry',
            constraint=models.CheckConstraint(condition=models.Q(('personal_data_deleted_at__isnull', True), ('status__in', ['beantwortet', 'abgeschlossen']), _connector='OR'), name='desk_inquiry_deleted_only_when_done'),
        ),
        migrations.AddConstraint(
            model_name='inquiry',
            constraint=models.CheckConstraint(condition=models.Q(('personal_data_deleted_at__isnull', True), models.Q(('answer_text', ''), ('attachment_text', ''), ('contact_email', ''), ('contact_name', ''), ('contact_organisation', ''), ('contact_phone', ''), ('message', '')), _connector='OR'), name='desk_inquiry_deleted_means_empty'),
        ),
        migrations.AddIndex(
            model_name='inquiryfact',
            index=models.Index(fields=['month', 'topic'], name='desk_fact_month_topic'),
        ),
        migrations.AddConstraint(
            model_name='inquirynote',
            constraint=models.CheckConstraint(condition=django.db.models.lookups.LessThanOrEqual(django.db.models.functions.text.Length('text'), 4000), name='desk_note_max_length'),
        ),
        migrations.AddIndex(
            model_name='referral',
            index=models.Index(fields=['actor', 'status'], name='desk_referral_actor_status'),
        ),
        migrations.AddIndex(
            model_name='referral',
            index=models.Index(fields=['status', 'accept_due'], name='desk_referral_status_due'),
        ),
        migrations.AddConstraint(
            model_name='referral',
            constraint=models.UniqueConstraint(fields=('inquiry', 'actor'), name='desk_referral_unique'),
        ),
        migrations.AddConstraint(
            model_name='referral',
            constraint=models.CheckConstraint(condition=models.Q(('status__in', ['einwilligung_offen', 'nur_kontakt']), ('consent_given_at__isnull', False), _connector='OR'), name='desk_referral_partner_needs_consent'),
        ),
        migrations.AddConstraint(
            model_name='referral',
            constraint=models.CheckConstraint(condition=models.Q(('consent_given_at__isnull', False), models.Q(('contact_email', ''), ('contact_name', ''), ('contact_phone', ''), ('message', '')), _connector='OR'), name='desk_referral_no_copy_without_consent'),
        ),
        migrations.RunPython(consent_texts_v1, migrations.RunPython.noop),
    ]
