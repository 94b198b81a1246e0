from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MigrationConfig(AppConfig):
    name = "lotse.migration"
    label = "migration"
    verbose_name = _("Einwanderungs-Check")

    def ready(self) -> None:
        from lotse.core.page_cache import page_cache_register

        # The check's static parts; the result and the questions filled in from a query (a
        # visitor's answers) are not kept.
        page_cache_register("migration:start", "migration:easy_read")
        page_cache_register("migration:person", "migration:employer", with_query=False)
