"""The page types of the portal: the squashed state of content 0001–0002 (docs/decisions/0007)."""

import django.core.validators
import django.db.models.deletion
import modelcluster.fields
import wagtail.fields
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    replaces = [('content', '0001_page_types'), ('content', '0002_heading_anchor')]

    initial = True

    dependencies = [
        ('core', '0001_squashed_0010_content_version'),
        ('wagtailcore', '0098_apitoken'),
    ]

    operations = [
        migrations.CreateModel(
            name='KnowledgeIndexPage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('intro', models.TextField(blank=True, max_length=500, verbose_name='Kurztext')),
            ],
            options={
                'verbose_name': 'Wissen (Übersicht)',
            },
            bases=('wagtailcore.page',),
        ),
        migrations.CreateModel(
            name='ArticlePage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('date', models.DateField(verbose_name='Datum')),
                ('summary', models.TextField(max_length=500, verbose_name='Zusammenfassung')),
                ('body', wagtail.fields.StreamField([('heading', 3), ('paragraph', 4), ('callout', 8), ('links', 15)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': 'Text', 'max_length': 200}), 1: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('h2', 'Überschrift 2'), ('h3', 'Überschrift 3')], 'label': 'Ebene'}), 2: ('wagtail.blocks.CharBlock', (), {'help_text': 'Optional: ein Name, unter dem Links direkt zu dieser Überschrift springen (Adresse der Seite + „#“ + Name).', 'label': 'Sprungmarke', 'max_length': 60, 'required': False, 'validators': [django.core.validators.RegexValidator(message='Nur Kleinbuchstaben (a–z), Ziffern und einzelne Bindestriche; mit einem Buchstaben beginnen, z. B. „feedback“ oder „kontakt-2“.', regex='^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$')]}), 3: ('wagtail.blocks.StructBlock', [[('text', 0), ('level', 1), ('anchor', 2)]], {}), 4: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'document-link', 'ol', 'ul', 'h3', 'h4'], 'label': 'Absatz'}), 5: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('info', 'Hinweis'), ('warning', 'Warnung'), ('success', 'Erfolg')], 'label': 'Art'}), 6: ('wagtail.blocks.CharBlock', (), {'label': 'Titel', 'max_length': 120}), 7: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'ul'], 'label': 'Text'}), 8: ('wagtail.blocks.StructBlock', [[('kind', 5), ('title', 6), ('text', 7)]], {}), 9: ('wagtail.blocks.CharBlock', (), {'label': 'Überschrift', 'max_length': 120, 'required': False}), 10: ('wagtail.blocks.CharBlock', (), {'label': 'Linktext', 'max_length': 160}), 11: ('wagtail.blocks.PageChooserBlock', (), {'label': 'Seite', 'required': False}), 12: ('wagtail.blocks.URLBlock', (), {'label': 'Externe Adresse', 'required': False}), 13: ('wagtail.blocks.StructBlock', [[('title', 10), ('page', 11), ('url', 12)]], {}), 14: ('wagtail.blocks.ListBlock', (13,), {'label': 'Links'}), 15: ('wagtail.blocks.StructBlock', [[('heading', 9), ('links', 14)]], {})}, verbose_name='Inhalt')),
                ('target_groups', modelcluster.fields.ParentalManyToManyField(blank=True, related_name='articles', to='core.targetgroup', verbose_name='Zielgruppen')),
                ('topic_fields', modelcluster.fields.ParentalManyToManyField(blank=True, related_name='articles', to='core.topicfield', verbose_name='Themenfelder')),
            ],
            options={
                'verbose_name': 'Artikel',
                'verbose_name_plural': 'Artikel',
            },
            bases=('wagtailcore.page',),
        ),
        migrations.CreateModel(
            name='HomePage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('intro', wagtail.fields.RichTextField(blank=True, verbose_name='Einleitung')),
                ('body', wagtail.fields.StreamField([('heading', 3), ('paragraph', 4), ('callout', 8), ('links', 15)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': 'Text', 'max_length': 200}), 1: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('h2', 'Überschrift 2'), ('h3', 'Überschrift 3')], 'label': 'Ebene'}), 2: ('wagtail.blocks.CharBlock', (), {'help_text': 'Optional: ein Name, unter dem Links direkt zu dieser Überschrift springen (Adresse der Seite + „#“ + Name).', 'label': 'Sprungmarke', 'max_length': 60, 'required': False, 'validators': [django.core.validators.RegexValidator(message='Nur Kleinbuchstaben (a–z), Ziffern und einzelne Bindestriche; mit einem Buchstaben beginnen, z. B. „feedback“ oder „kontakt-2“.', regex='^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$')]}), 3: ('wagtail.blocks.StructBlock', [[('text', 0), ('level', 1), ('anchor', 2)]], {}), 4: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'document-link', 'ol', 'ul', 'h3', 'h4'], 'label': 'Absatz'}), 5: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('info', 'Hinweis'), ('warning', 'Warnung'), ('success', 'Erfolg')], 'label': 'Art'}), 6: ('wagtail.blocks.CharBlock', (), {'label': 'Titel', 'max_length': 120}), 7: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'ul'], 'label': 'Text'}), 8: ('wagtail.blocks.StructBlock', [[('kind', 5), ('title', 6), ('text', 7)]], {}), 9: ('wagtail.blocks.CharBlock', (), {'label': 'Überschrift', 'max_length': 120, 'required': False}), 10: ('wagtail.blocks.CharBlock', (), {'label': 'Linktext', 'max_length': 160}), 11: ('wagtail.blocks.PageChooserBlock', (), {'label': 'Seite', 'required': False}), 12: ('wagtail.blocks.URLBlock', (), {'label': 'Externe Adresse', 'required': False}), 13: ('wagtail.blocks.StructBlock', [[('title', 10), ('page', 11), ('url', 12)]], {}), 14: ('wagtail.blocks.ListBlock', (13,), {'label': 'Links'}), 15: ('wagtail.blocks.StructBlock', [[('heading', 9), ('links', 14)]], {})}, verbose_name='Inhalt')),
            ],
            options={
                'verbose_name': 'Startseite',
            },
            bases=('wagtailcore.page',),
        ),
        migrations.CreateModel(
            name='StandardPage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('intro', models.TextField(blank=True, max_length=500, verbose_name='Kurztext')),
                ('body', wagtail.fields.StreamField([('heading', 3), ('paragraph', 4), ('callout', 8), ('links', 15)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': 'Text', 'max_length': 200}), 1: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('h2', 'Überschrift 2'), ('h3', 'Überschrift 3')], 'label': 'Ebene'}), 2: ('wagtail.blocks.CharBlock', (), {'help_text': 'Optional: ein Name, unter dem Links direkt zu dieser Überschrift springen (Adresse der Seite + „#“ + Name).', 'label': 'Sprungmarke', 'max_length': 60, 'required': False, 'validators': [django.core.validators.RegexValidator(message='Nur Kleinbuchstaben (a–z), Ziffern und einzelne Bindestriche; mit einem Buchstaben beginnen, z. B. „feedback“ oder „kontakt-2“.', regex='^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$')]}), 3: ('wagtail.blocks.StructBlock', [[('text', 0), ('level', 1), ('anchor', 2)]], {}), 4: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'document-link', 'ol', 'ul', 'h3', 'h4'], 'label': 'Absatz'}), 5: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('info', 'Hinweis'), ('warning', 'Warnung'), ('success', 'Erfolg')], 'label': 'Art'}), 6: ('wagtail.blocks.CharBlock', (), {'label': 'Titel', 'max_length': 120}), 7: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'ul'], 'label': 'Text'}), 8: ('wagtail.blocks.StructBlock', [[('kind', 5), ('title', 6), ('text', 7)]], {}), 9: ('wagtail.blocks.CharBlock', (), {'label': 'Überschrift', 'max_length': 120, 'required': False}), 10: ('wagtail.blocks.CharBlock', (), {'label': 'Linktext', 'max_length': 160}), 11: ('wagtail.blocks.PageChooserBlock', (), {'label': 'Seite', 'required': False}), 12: ('wagtail.blocks.URLBlock', (), {'label': 'Externe Adresse', 'required': False}), 13: ('wagtail.blocks.StructBlock', [[('title', 10), ('page', 11), ('url', 12)]], {}), 14: ('wagtail.blocks.ListBlock', (13,), {'label': 'Links'}), 15: ('wagtail.blocks.StructBlock', [[('heading', 9), ('links', 14)]], {})}, verbose_name='Inhalt')),
            ],
            options={
                'verbose_name': 'Inhaltsseite',
            },
            bases=('wagtailcore.page',),
        ),
        migrations.CreateModel(
            name='TopicFieldPage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('intro', models.TextField(blank=True, max_length=500, verbose_name='Kurztext')),
                ('body', wagtail.fields.StreamField([('heading', 3), ('paragraph', 4), ('callout', 8), ('links', 15)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': 'Text', 'max_length': 200}), 1: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('h2', 'Überschrift 2'), ('h3', 'Überschrift 3')], 'label': 'Ebene'}), 2: ('wagtail.blocks.CharBlock', (), {'help_text': 'Optional: ein Name, unter dem Links direkt zu dieser Überschrift springen (Adresse der Seite + „#“ + Name).', 'label': 'Sprungmarke', 'max_length': 60, 'required': False, 'validators': [django.core.validators.RegexValidator(message='Nur Kleinbuchstaben (a–z), Ziffern und einzelne Bindestriche; mit einem Buchstaben beginnen, z. B. „feedback“ oder „kontakt-2“.', regex='^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$')]}), 3: ('wagtail.blocks.StructBlock', [[('text', 0), ('level', 1), ('anchor', 2)]], {}), 4: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'document-link', 'ol', 'ul', 'h3', 'h4'], 'label': 'Absatz'}), 5: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('info', 'Hinweis'), ('warning', 'Warnung'), ('success', 'Erfolg')], 'label': 'Art'}), 6: ('wagtail.blocks.CharBlock', (), {'label': 'Titel', 'max_length': 120}), 7: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'ul'], 'label': 'Text'}), 8: ('wagtail.blocks.StructBlock', [[('kind', 5), ('title', 6), ('text', 7)]], {}), 9: ('wagtail.blocks.CharBlock', (), {'label': 'Überschrift', 'max_length': 120, 'required': False}), 10: ('wagtail.blocks.CharBlock', (), {'label': 'Linktext', 'max_length': 160}), 11: ('wagtail.blocks.PageChooserBlock', (), {'label': 'Seite', 'required': False}), 12: ('wagtail.blocks.URLBlock', (), {'label': 'Externe Adresse', 'required': False}), 13: ('wagtail.blocks.StructBlock', [[('title', 10), ('page', 11), ('url', 12)]], {}), 14: ('wagtail.blocks.ListBlock', (13,), {'label': 'Links'}), 15: ('wagtail.blocks.StructBlock', [[('heading', 9), ('links', 14)]], {})}, verbose_name='Inhalt')),
                ('topic_field', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='pages', to='core.topicfield', verbose_name='Themenfeld')),
            ],
            options={
                'verbose_name': 'Themenfeld-Seite',
            },
            bases=('wagtailcore.page',),
        ),
    ]
