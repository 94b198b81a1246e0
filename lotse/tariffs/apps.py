from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _

FULLTEXT_TABLE = "tariffs_collectiveagreement"


def ensure_fulltext(sender, using="default", **kwargs) -> None:
    """Re-create the agreements' full-text index if a migration dropped it (SQLite triggers)."""
    from lotse.core.fulltext_db import fulltext_ensure

    fulltext_ensure(using=using, tables=(FULLTEXT_TABLE,))


class TariffsConfig(AppConfig):
    name = "lotse.tariffs"
    label = "tariffs"
    verbose_name = _("Tarifregister")

    def ready(self) -> None:
        from lotse.core.page_cache import page_cache_register

        page_cache_register("tariffs:search", "tariffs:answer", "tariffs:agreement")
        from lotse.imports.kinds import import_kind_register

        from .imports import AGREEMENT_IMPORT
        from .versioning import ensure_triggers

        import_kind_register(AGREEMENT_IMPORT)

        post_migrate.connect(ensure_fulltext, sender=self, dispatch_uid="tariffs.fulltext")
        post_migrate.connect(ensure_triggers, sender=self, dispatch_uid="tariffs.version")
