from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _

from lotse.core import app_config

FULLTEXT_TABLE = "tariffs_collectiveagreement"


def ensure_fulltext(sender, using="default", **kwargs) -> None:
    """Re-create the agreements' full-text index if a migration dropped it (SQLite triggers)."""
    from lotse.core.fulltext_db import fulltext_ensure

    fulltext_ensure(using=using, tables=(FULLTEXT_TABLE,))


class TariffsConfig(app_config.LotseAppConfig):
    name = "lotse.tariffs"
    label = "tariffs"
    verbose_name = _("Tarifregister")
    cached_pages = ("tariffs:search", "tariffs:answer", "tariffs:agreement")
    import_kinds = ("lotse.tariffs.imports.AGREEMENT_IMPORT",)

    def ready(self) -> None:
        super().ready()
        from .versioning import ensure_triggers

        post_migrate.connect(ensure_fulltext, sender=self, dispatch_uid="tariffs.fulltext")
        post_migrate.connect(ensure_triggers, sender=self, dispatch_uid="tariffs.version")
