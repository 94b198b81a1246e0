"""Final rejection of an offer by the Redaktion (`offer_reject`): when and why.

On SQLite adding a NOT NULL column rebuilds the table, which drops the FTS5 triggers of
offers/0002; the full-text index is therefore installed again afterwards (idempotent).
"""

from django.db import migrations, models


def reinstall_fulltext(apps, schema_editor):
    from lotse.core.fulltext_db import fulltext_install

    fulltext_install(schema_editor, "offers_offer")


class Migration(migrations.Migration):

    dependencies = [
        ('offers', '0003_offer_review_workflow'),
    ]

    operations = [
        migrations.RunPython(migrations.RunPython.noop, reinstall_fulltext),
        migrations.AddField(
            model_name='offer',
            name='rejected_at',
            field=models.DateTimeField(blank=True, null=True, verbose_name='endgültig abgelehnt am'),
        ),
        migrations.AddField(
            model_name='offer',
            name='rejection_reason',
            field=models.TextField(blank=True, max_length=2000, verbose_name='Begründung der Ablehnung'),
        ),
        migrations.RunPython(reinstall_fulltext, migrations.RunPython.noop),
    ]
