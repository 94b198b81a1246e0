"""The Einwanderungs-Check's parameters and route notes: the squashed state of migration 0001–0002
(docs/decisions/0007).

Parameters are published only after a second person approved them: the workflow "Freigabe durch
eine zweite Person" with one TwoPersonApprovalTask for the Redaktion and the Administration,
assigned to migration.Parameter (WorkflowContentType).
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

import lotse.core.validators
from lotse.core.workflow_db import workflow_content_type_set, workflow_unassign


NAME = "Freigabe durch eine zweite Person"


def assign_workflow(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    TwoPersonApprovalTask = apps.get_model("migration", "TwoPersonApprovalTask")

    task_type, _ = ContentType.objects.get_or_create(
        app_label="migration", model="twopersonapprovaltask"
    )
    task = TwoPersonApprovalTask.objects.filter(name=NAME).first()
    if task is None:
        task = TwoPersonApprovalTask.objects.create(
            name=NAME, content_type=task_type, active=True
        )
    for name in ("Redaktion", "Administration"):
        group, _ = Group.objects.get_or_create(name=name)
        task.groups.add(group)
    workflow, _ = Workflow.objects.get_or_create(name=NAME, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    workflow_content_type_set(apps, app_label="migration", model="parameter", workflow=workflow)


class Migration(migrations.Migration):

    replaces = [('migration', '0001_parameters_and_route_notes'), ('migration', '0002_parameter_two_person_workflow')]

    initial = True

    dependencies = [
        ('auth', '0012_alter_user_first_name_max_length'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('core', '0001_squashed_0010_content_version'),
        ('wagtailcore', '0098_apitoken'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='TwoPersonApprovalTask',
            fields=[
                ('task_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to='wagtailcore.task')),
                ('groups', models.ManyToManyField(help_text='Pages/snippets at this step in a workflow will be moderated or approved by these groups of users', to='auth.group', verbose_name='groups')),
            ],
            options={
                'verbose_name': 'Freigabe durch eine zweite Person',
                'verbose_name_plural': 'Freigaben durch eine zweite Person',
            },
            bases=('wagtailcore.task',),
        ),
        migrations.CreateModel(
            name='Parameter',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('live', models.BooleanField(default=True, editable=False, verbose_name='live')),
                ('has_unpublished_changes', models.BooleanField(default=False, editable=False, verbose_name='has unpublished changes')),
                ('first_published_at', models.DateTimeField(blank=True, db_index=True, null=True, verbose_name='first published at')),
                ('last_published_at', models.DateTimeField(editable=False, null=True, verbose_name='last published at')),
                ('go_live_at', models.DateTimeField(blank=True, null=True, verbose_name='go live date/time')),
                ('expire_at', models.DateTimeField(blank=True, null=True, verbose_name='expiry date/time')),
                ('expired', models.BooleanField(default=False, editable=False, verbose_name='expired')),
                ('locked', models.BooleanField(default=False, editable=False, verbose_name='locked')),
                ('locked_at', models.DateTimeField(editable=False, null=True, verbose_name='locked at')),
                ('key', models.CharField(choices=[('bbg_pension', 'Beitragsbemessungsgrenze der allgemeinen Rentenversicherung'), ('blue_card_share', 'Blaue Karte: Anteil an der BBG (Regel)'), ('blue_card_share_reduced', 'Blaue Karte: Anteil an der BBG (Engpassberufe, Berufsanfänger)'), ('experience_share', '§ 6 BeschV: Anteil an der BBG'), ('older_age', 'Alter, ab dem das Mindestgehalt für Ältere gilt'), ('older_share', 'Ältere Fachkräfte: Anteil an der BBG'), ('chancenkarte_min_points', 'Chancenkarte: Mindestpunktzahl'), ('westbalkan_quota', 'Westbalkanregelung: Zustimmungen je Jahr'), ('westbalkan_quota_exhausted', 'Westbalkanregelung: Kontingent ausgeschöpft (1 = ja)'), ('fee_81a', 'Gebühr des beschleunigten Fachkräfteverfahrens')], max_length=64, verbose_name='Schlüssel')),
                ('value', models.DecimalField(decimal_places=2, max_digits=14, verbose_name='Wert')),
                ('unit', models.CharField(choices=[('eur_year', 'Euro je Jahr'), ('eur', 'Euro'), ('percent', 'Prozent'), ('years', 'Jahre'), ('points', 'Punkte'), ('count', 'Anzahl'), ('flag', 'ja (1) / nein (0)')], max_length=16, verbose_name='Einheit')),
                ('valid_from', models.DateField(verbose_name='gültig ab')),
                ('valid_to', models.DateField(blank=True, help_text='Leer: gilt bis auf Weiteres.', null=True, verbose_name='gültig bis')),
                ('legal_reference', models.CharField(max_length=200, validators=[lotse.core.validators.no_control_characters], verbose_name='Rechtsgrundlage')),
                ('source_url', models.URLField(max_length=400, verbose_name='Quelle (Adresse)')),
                ('checked_on', models.DateField(verbose_name='geprüft am')),
                ('note', models.TextField(blank=True, max_length=1000, verbose_name='Anmerkung')),
                ('latest_revision', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailcore.revision', verbose_name='latest revision')),
                ('live_revision', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailcore.revision', verbose_name='live revision')),
                ('locked_by', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='locked_%(class)ss', to=settings.AUTH_USER_MODEL, verbose_name='locked by')),
            ],
            options={
                'verbose_name': 'Regel-Parameter',
                'verbose_name_plural': 'Regel-Parameter',
                'ordering': ['key', 'valid_from'],
                'constraints': [models.CheckConstraint(condition=models.Q(('valid_to__isnull', True), ('valid_to__gte', models.F('valid_from')), _connector='OR'), name='migration_parameter_period_order')],
            },
        ),
        migrations.CreateModel(
            name='RouteNote',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('live', models.BooleanField(default=True, editable=False, verbose_name='live')),
                ('has_unpublished_changes', models.BooleanField(default=False, editable=False, verbose_name='has unpublished changes')),
                ('first_published_at', models.DateTimeField(blank=True, db_index=True, null=True, verbose_name='first published at')),
                ('last_published_at', models.DateTimeField(editable=False, null=True, verbose_name='last published at')),
                ('go_live_at', models.DateTimeField(blank=True, null=True, verbose_name='go live date/time')),
                ('expire_at', models.DateTimeField(blank=True, null=True, verbose_name='expiry date/time')),
                ('expired', models.BooleanField(default=False, editable=False, verbose_name='expired')),
                ('route', models.CharField(choices=[('18a', '§ 18a AufenthG – Fachkraft mit Berufsausbildung'), ('18b', '§ 18b AufenthG – Fachkraft mit akademischer Ausbildung'), ('18g', '§ 18g AufenthG – Blaue Karte EU'), ('18g_reduced', '§ 18g AufenthG – Blaue Karte EU (niedrigere Gehaltsgrenze)'), ('19c', '§ 19c Abs. 2 AufenthG mit § 6 BeschV – Berufserfahrung'), ('20a', '§ 20a AufenthG – Chancenkarte'), ('16d', '§ 16d AufenthG – Anerkennung im Inland'), ('16a', '§ 16a AufenthG – Berufsausbildung'), ('26', '§ 26 Abs. 2 BeschV – Westbalkanregelung'), ('81a', '§ 81a AufenthG – beschleunigtes Fachkräfteverfahren')], max_length=32, verbose_name='Weg')),
                ('language', models.CharField(choices=[('de', 'Deutsch'), ('en', 'English'), ('uk', 'Українська'), ('ar', 'العربية'), ('ru', 'Русский'), ('vi', 'Tiếng Việt'), ('es', 'Español')], max_length=5, verbose_name='Sprache')),
                ('text', models.TextField(max_length=1000, validators=[lotse.core.validators.no_control_characters], verbose_name='Hinweis')),
                ('latest_revision', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailcore.revision', verbose_name='latest revision')),
                ('live_revision', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailcore.revision', verbose_name='live revision')),
            ],
            options={
                'verbose_name': 'Hinweis zu einem Weg',
                'verbose_name_plural': 'Hinweise zu den Wegen',
                'ordering': ['route', 'language'],
                'constraints': [models.UniqueConstraint(fields=('route', 'language'), name='migration_routenote_once')],
            },
        ),
        migrations.RunPython(
            code=assign_workflow,
            reverse_code=workflow_unassign("migration", "parameter"),
        ),
    ]
