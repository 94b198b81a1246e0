"""The offer catalogue: the squashed state of offers 0001–0006 (docs/decisions/0007).

Full-text index as in network (core.fulltext_db) and the review workflow for offers. The
search-document rebuild of the old 0006 is left out: a new database has no offers yet.
"""

import django.db.models.deletion
import modelcluster.fields
import wagtail.models.preview
from django.conf import settings
from django.db import migrations, models

from lotse.core.fulltext_db import fulltext_migration
from lotse.core.workflow_db import workflow_content_type_set, workflow_unassign


TASK_NAME = "Prüfung durch die Redaktion"
LEGACY_WORKFLOW_NAME = "Moderators approval"


def assign_workflow(apps, schema_editor):
    """Offers go through the review workflow "Prüfung durch die Redaktion".

    The workflow is Wagtail's default one, whose GroupApprovalTask core/0003 handed to the
    Redaktion. If it is missing (a database set up differently), one with such a task is created.
    """
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    link = (
        WorkflowTask.objects.filter(task__name=TASK_NAME, workflow__active=True)
        .select_related("workflow")
        .order_by("workflow_id")
        .first()
    )
    if link is not None:
        workflow = link.workflow
    else:
        task_content_type, _ = ContentType.objects.get_or_create(
            app_label="wagtailcore", model="groupapprovaltask"
        )
        task = GroupApprovalTask.objects.create(
            name=TASK_NAME, content_type=task_content_type, active=True
        )
        redaktion, _ = Group.objects.get_or_create(name="Redaktion")
        task.groups.add(redaktion)
        workflow = Workflow.objects.create(name=TASK_NAME, active=True)
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    if workflow.name == LEGACY_WORKFLOW_NAME:
        workflow.name = TASK_NAME
        workflow.save(update_fields=["name"])

    workflow_content_type_set(apps, app_label="offers", model="offer", workflow=workflow)


class Migration(migrations.Migration):

    replaces = [
        ('offers', '0001_offer_catalogue'),
        ('offers', '0002_offer_fulltext'),
        ('offers', '0003_offer_review_workflow'),
        ('offers', '0004_offer_final_rejection'),
        ('offers', '0005_offer_stored_search_vector'),
        ('offers', '0006_search_documents_with_compound_tails'),
    ]

    initial = True

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('core', '0001_squashed_0010_content_version'),
        ('network', '0001_squashed_0004_actor_directory'),
        ('wagtailcore', '0098_apitoken'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='Offer',
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
                ('external_id', models.CharField(blank=True, max_length=64, null=True, unique=True, verbose_name='Externe Kennung')),
                ('title', models.CharField(max_length=200, verbose_name='Titel')),
                ('slug', models.SlugField(max_length=200, unique=True, verbose_name='Kennung in der Adresse')),
                ('summary', models.CharField(max_length=400, verbose_name='Kurzbeschreibung')),
                ('description', models.TextField(blank=True, max_length=8000, verbose_name='Beschreibung')),
                ('kind', models.CharField(choices=[('beratung', 'Beratung'), ('foerderprogramm', 'Förderprogramm'), ('weiterbildung', 'Weiterbildung/Kurs'), ('veranstaltungsreihe', 'Veranstaltungsreihe'), ('service', 'Service/Tool'), ('netzwerk', 'Netzwerk')], max_length=32, verbose_name='Art')),
                ('statewide', models.BooleanField(default=False, verbose_name='landesweit verfügbar')),
                ('online', models.BooleanField(default=False, verbose_name='online verfügbar')),
                ('cost', models.CharField(choices=[('kostenfrei', 'kostenfrei'), ('kostenpflichtig', 'kostenpflichtig'), ('gefoerdert', 'gefördert mit Eigenanteil')], default='kostenfrei', max_length=32, verbose_name='Kosten')),
                ('cost_note', models.CharField(blank=True, max_length=300, verbose_name='Hinweis zu Kosten/Förderung')),
                ('eligibility', models.TextField(blank=True, max_length=2000, verbose_name='Voraussetzungen')),
                ('for_micro', models.BooleanField(default=True, verbose_name='für Kleinstunternehmen (< 10)')),
                ('for_small', models.BooleanField(default=True, verbose_name='für kleine Unternehmen (10–49)')),
                ('for_medium', models.BooleanField(default=True, verbose_name='für mittlere Unternehmen (50–249)')),
                ('for_large', models.BooleanField(default=True, verbose_name='für große Unternehmen (250+)')),
                ('link', models.URLField(blank=True, verbose_name='Weitere Informationen (Link)')),
                ('valid_from', models.DateField(blank=True, null=True, verbose_name='gültig ab')),
                ('valid_until', models.DateField(blank=True, null=True, verbose_name='gültig bis')),
                ('confirmed_at', models.DateTimeField(blank=True, null=True, verbose_name='zuletzt bestätigt')),
                ('reminder_sent_at', models.DateTimeField(blank=True, null=True, verbose_name='Erinnerung versandt')),
                ('rejected_at', models.DateTimeField(blank=True, null=True, verbose_name='endgültig abgelehnt am')),
                ('rejection_reason', models.TextField(blank=True, max_length=2000, verbose_name='Begründung der Ablehnung')),
                ('search_document', models.TextField(blank=True, default='', editable=False)),
                ('is_demo', models.BooleanField(default=False, verbose_name='Demodaten')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='angelegt')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='geändert')),
                ('actor', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='offers', to='network.actor', verbose_name='Anbieter')),
                ('contact', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='offers', to='network.contact', verbose_name='Ansprechperson')),
                ('districts', modelcluster.fields.ParentalManyToManyField(blank=True, limit_choices_to={'kind__in': ['urban_district', 'rural_district']}, related_name='offers', to='core.region', verbose_name='Verfügbar in (Landkreise/Städte)')),
                ('languages', modelcluster.fields.ParentalManyToManyField(blank=True, related_name='offers', to='core.language', verbose_name='Sprachen')),
                ('latest_revision', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailcore.revision', verbose_name='latest revision')),
                ('live_revision', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailcore.revision', verbose_name='live revision')),
                ('locked_by', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='locked_%(class)ss', to=settings.AUTH_USER_MODEL, verbose_name='locked by')),
                ('target_groups', modelcluster.fields.ParentalManyToManyField(blank=True, related_name='offers', to='core.targetgroup', verbose_name='Zielgruppen')),
                ('topic_fields', modelcluster.fields.ParentalManyToManyField(blank=True, related_name='offers', to='core.topicfield', verbose_name='Themenfelder')),
            ],
            options={
                'verbose_name': 'Angebot',
                'verbose_name_plural': 'Angebote',
                'ordering': ['title'],
                'indexes': [models.Index(fields=['live', 'confirmed_at'], name='offer_public_idx'), models.Index(fields=['-first_published_at'], name='offer_newest_idx')],
                'constraints': [models.CheckConstraint(condition=models.Q(('valid_until__isnull', True), ('valid_from__isnull', True), ('valid_until__gte', models.F('valid_from')), _connector='OR'), name='offer_valid_until_after_from')],
            },
            bases=(wagtail.models.preview.PreviewableMixin, models.Model),
        ),
        fulltext_migration("offers_offer"),
        migrations.RunPython(assign_workflow, workflow_unassign("offers", "offer")),
    ]
