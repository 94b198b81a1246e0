"""The portal search's index of pages, its full-text index (core.fulltext_db) and a first
build from the live pages (current models: the page types' texts are read as they are now)."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


TABLE = "site_search_pagesearchdocument"


def install(apps, schema_editor):
    from lotse.core.fulltext_db import fulltext_install

    fulltext_install(schema_editor, TABLE)


def uninstall(apps, schema_editor):
    from lotse.core.fulltext_db import fulltext_uninstall

    fulltext_uninstall(schema_editor, TABLE)


def build(apps, schema_editor):
    from lotse.search.services import page_documents_rebuild

    page_documents_rebuild()


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
        ("content", "0001_squashed_0002_heading_anchor"),
    ]

    operations = [
        migrations.CreateModel(
            name='PageSearchDocument',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('title', models.CharField(max_length=255, verbose_name='Titel')),
                ('summary', models.TextField(blank=True, verbose_name='Kurztext')),
                ('search_document', models.TextField(blank=True, default='', editable=False)),
                ('page', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.WAGTAIL_PAGE_MODEL, verbose_name='Seite')),
            ],
            options={
                'verbose_name': 'Suchindex einer Seite',
                'verbose_name_plural': 'Suchindex der Seiten',
            },
        ),
        migrations.RunPython(install, uninstall),
        migrations.RunPython(build, migrations.RunPython.noop),
    ]
